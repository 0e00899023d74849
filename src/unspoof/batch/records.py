"""What one output record holds, built from the :class:`~unspoof.Report` of its text.

An output record keeps every field of the input record, in order; the text field is replaced by
the cleaned text (or the cleaned text goes to ``output_field`` and the input text stays), and
``verdict``, ``scores``, ``keywords`` and, when asked, ``findings`` are added. A record that
cannot be processed keeps what could be read and gains an ``error`` field instead: nothing is
dropped silently.

>>> rec, failed = build({"id": 1, "text": "Hello"}, RecordSpec())
>>> rec["text"], rec["verdict"], rec["keywords"], failed
('Hello', 'clean', [], False)
>>> build({"id": 2}, RecordSpec())[0]["error"]
"missing field 'text'"
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ..model import Report
from ..options import Options
from ..pipeline import scan

#: the fields batch adds to each record
ADDED_FIELDS = ("verdict", "scores", "keywords", "findings", "error")


class RecordError(Exception):
    """A record that cannot be read or processed; the message becomes its ``error`` field.

    ``record`` holds the fields that could be read (e.g. a WARC record's headers).
    """

    def __init__(self, message: str, record: dict[str, Any] | None = None):
        super().__init__(message)
        self.record = record


class RecordSpec(NamedTuple):
    """Where the text is, where the cleaned text goes, and what else a record carries.

    >>> RecordSpec(output_field="clean_text").target
    'clean_text'
    """

    text_field: str = "text"
    #: names the record in error messages and is where text inputs put their source
    id_field: str | None = None
    #: write the cleaned text here and keep the input text; ``None`` replaces the text field
    output_field: str | None = None
    #: add the list of findings (``Finding.to_dict()``) to each record
    findings: bool = False
    options: Options = Options()

    @property
    def target(self) -> str:
        return self.output_field or self.text_field


def annotate(report: Report, spec: RecordSpec) -> dict[str, Any]:
    """The fields a report contributes to its record.

    >>> sorted(annotate(scan("x"), RecordSpec(findings=True)))
    ['findings', 'keywords', 'scores', 'text', 'verdict']
    """
    out: dict[str, Any] = {
        spec.target: report.cleaned,
        "verdict": report.verdict,
        "scores": dict(report.scores),
        "keywords": list(report.keywords),
    }
    if spec.findings:
        out["findings"] = [f.to_dict() for f in report.findings]
    return out


def error_record(message: str, source: str | None = None, record: dict[str, Any] | None = None,
                 raw: bytes | None = None) -> dict[str, Any]:
    """An output record for input that could not be processed: what was read, plus why not.

    >>> error_record("invalid JSON", "a.jsonl:3", raw=b"{oops")
    {'error': 'invalid JSON', 'source': 'a.jsonl:3', 'raw': '{oops'}
    """
    out: dict[str, Any] = dict(record or {})
    out["error"] = message
    if source is not None:
        out["source"] = source
    if raw is not None:
        # invalid bytes stay visible as \\xNN escapes instead of being lost
        out["raw"] = raw.decode("utf-8", "backslashreplace").rstrip("\r\n")
    return out


def build(record: dict[str, Any], spec: RecordSpec, source: str | None = None) -> tuple[dict[str, Any], bool]:
    """The output record for one input record, and whether it is an error record."""
    if spec.text_field not in record:
        return error_record(f"missing field {spec.text_field!r}", source, record), True
    text = record[spec.text_field]
    if not isinstance(text, str):
        kind = "null" if text is None else type(text).__name__
        return error_record(f"field {spec.text_field!r} is {kind}, not text", source, record), True
    try:
        report = scan(text, spec.options)
    except Exception as exc:  # a bug on one record must not stop a corpus run; it is counted
        return error_record(f"scan failed: {type(exc).__name__}: {exc}", source, record), True
    out = dict(record)
    out.update(annotate(report, spec))
    return out, False


class Selection(NamedTuple):
    """Which records go to the output; the others are rejected with a reason.

    >>> Selection(only=("clean",)).reason({"verdict": "tampered"})
    'verdict tampered'
    >>> Selection().reason({"error": "x"}) is None
    True
    """

    #: keep only records with one of these verdicts (empty: every verdict)
    only: tuple[str, ...] = ()
    #: reject records in which injected spam was found
    drop_spam_pages: bool = False

    @property
    def active(self) -> bool:
        return bool(self.only) or self.drop_spam_pages

    def reason(self, record: dict[str, Any], failed: bool = False) -> str | None:
        """Why ``record`` is rejected, or ``None`` when it is kept."""
        if not self.active:
            return None
        if failed:
            return "error"
        verdict = record.get("verdict")
        if self.only and verdict not in self.only:
            return f"verdict {verdict}"
        if self.drop_spam_pages and (record.get("scores") or {}).get("spam_spans", 0) > 0:
            return "spam page"
        return None


__all__ = ["RecordError", "RecordSpec", "Selection", "annotate", "build", "error_record"]
