"""Request and response bodies of the JSON API, as pydantic models (they also feed ``/docs``).

The options model is generated from :class:`unspoof.Options`, so the API can never drift from
the library: unknown keys and non-boolean values are rejected with 422.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr, create_model

from ..model import SCHEMA, VERDICTS
from ..options import Options

ScanOptions = create_model(  # type: ignore[call-overload]
    "ScanOptions",
    __config__=ConfigDict(extra="forbid"),
    **{name: (StrictBool, Field(default=default)) for name, default in Options._field_defaults.items()},
)


def to_options(model: BaseModel | None) -> Options:
    return Options() if model is None else Options(**model.model_dump())


class ScanRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: StrictStr = Field(description="the text to scan", examples=["Rսssian ᴡarships"])
    options: ScanOptions = Field(default_factory=ScanOptions)  # type: ignore[valid-type]


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    texts: list[StrictStr] = Field(description="the texts to scan, answered in the same order")
    options: ScanOptions = Field(default_factory=ScanOptions)  # type: ignore[valid-type]


class FindingOut(BaseModel):
    kind: str
    start: int = Field(description="code-point offset into text, inclusive")
    end: int = Field(description="code-point offset into text, exclusive")
    text: str
    replacement: str | None = Field(description="what clean puts there; null for report-only findings")
    confidence: float
    reason: str
    detail: dict[str, Any]


class ReportOut(BaseModel):
    schema_: Literal["unspoof.report/1"] = Field(SCHEMA, alias="schema")
    verdict: Literal[VERDICTS]  # type: ignore[valid-type]
    scores: dict[str, Any]
    keywords: list[str]
    findings: list[FindingOut]
    text: str
    cleaned: str


class CleanOut(BaseModel):
    cleaned: str


class BatchReportOut(BaseModel):
    reports: list[ReportOut]


class BatchCleanOut(BaseModel):
    cleaned: list[str]


class ErrorOut(BaseModel):
    error: str = Field(description="one line saying what was wrong")
