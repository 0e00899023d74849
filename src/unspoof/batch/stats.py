"""Counters a run keeps, merged across chunks, parts, engines and resumed runs.

>>> s = Stats(); s.add_record({"verdict": "tampered", "keywords": ["casino"]}, 10, failed=False)
>>> s.documents, s.verdicts["tampered"], s.keywords["casino"]
(1, 1, 1)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

#: error messages kept as examples for the summary
MAX_EXAMPLES = 5


@dataclass
class Stats:
    documents: int = 0
    bytes: int = 0
    errors: int = 0
    rejected: int = 0
    verdicts: Counter = field(default_factory=Counter)
    keywords: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)
    error_examples: list = field(default_factory=list)

    def add_record(self, record: dict[str, Any], size: int, failed: bool) -> None:
        self.documents += 1
        self.bytes += size
        if failed:
            self.errors += 1
            if len(self.error_examples) < MAX_EXAMPLES:
                self.error_examples.append(f"{record.get('source', '?')}: {record.get('error')}")
            return
        self.verdicts[record.get("verdict")] += 1
        self.keywords.update(record.get("keywords") or ())

    def add_rejected(self, reason: str) -> None:
        self.rejected += 1
        self.reasons[reason] += 1

    def merge(self, other: "Stats") -> "Stats":
        self.documents += other.documents
        self.bytes += other.bytes
        self.errors += other.errors
        self.rejected += other.rejected
        self.verdicts.update(other.verdicts)
        self.keywords.update(other.keywords)
        self.reasons.update(other.reasons)
        room = MAX_EXAMPLES - len(self.error_examples)
        self.error_examples.extend(other.error_examples[:max(room, 0)])
        return self

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "bytes": self.bytes,
            "errors": self.errors,
            "rejected": self.rejected,
            "verdicts": dict(self.verdicts),
            "keywords": dict(self.keywords),
            "reasons": dict(self.reasons),
            "error_examples": list(self.error_examples),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Stats":
        return cls(
            documents=data["documents"], bytes=data["bytes"], errors=data["errors"],
            rejected=data["rejected"], verdicts=Counter(data["verdicts"]),
            keywords=Counter(data["keywords"]), reasons=Counter(data["reasons"]),
            error_examples=list(data["error_examples"]),
        )


def format_summary(stats: Stats, seconds: float, processed_docs: int, processed_bytes: int,
                   resumed_units: int = 0, top: int = 10) -> str:
    """The end-of-run summary: documents, verdicts, top promoted keywords, errors, throughput.

    >>> print(format_summary(Stats(documents=2, verdicts=Counter(clean=2)), 1.0, 2, 10))
    documents: 2 (clean 2)
    errors: 0
    throughput: 2 docs/s, 0.00 MB/s over 1.0s
    """
    verdicts = ", ".join(f"{v} {stats.verdicts[v]:,}" for v in ("clean", "suspicious", "tampered") if stats.verdicts[v])
    lines = [f"documents: {stats.documents:,}" + (f" ({verdicts})" if verdicts else "")]
    if stats.rejected:
        reasons = ", ".join(f"{r} {n:,}" for r, n in stats.reasons.most_common())
        lines.append(f"rejected: {stats.rejected:,} ({reasons})")
    if stats.keywords:
        lines.append("top keywords: " + ", ".join(f"{k} ({n:,})" for k, n in stats.keywords.most_common(top)))
    lines.append(f"errors: {stats.errors:,}")
    lines.extend(f"  {e}" for e in stats.error_examples)
    docs_s = processed_docs / seconds if seconds > 0 else 0.0
    mb_s = processed_bytes / seconds / 1e6 if seconds > 0 else 0.0
    lines.append(f"throughput: {docs_s:,.0f} docs/s, {mb_s:,.2f} MB/s over {seconds:,.1f}s"
                 + (f" ({resumed_units} part(s) done earlier)" if resumed_units else ""))
    return "\n".join(lines)
