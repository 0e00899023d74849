"""A datatrove pipeline step (the ``datatrove`` extra): clean ``document.text`` and record why.

:class:`UnspoofFilter` replaces each document's text with the cleaned text and adds
``unspoof_verdict``, ``unspoof_scores`` and ``unspoof_keywords`` (and, when asked,
``unspoof_findings``) to its metadata. It drops nothing by default; with ``drop`` it drops
documents of those verdicts (and with ``drop_spam_pages`` those with injected spam), each with
its reason, which datatrove's ``exclusion_writer`` writes aside. Counters per verdict appear in
datatrove's stats.

Example (not run here)::

    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from datatrove.executor import LocalPipelineExecutor
    from unspoof.batch.datatrove import UnspoofFilter

    LocalPipelineExecutor(pipeline=[
        JsonlReader("in/"),
        UnspoofFilter(drop=("tampered",), exclusion_writer=JsonlWriter("dropped/")),
        JsonlWriter("out/"),
    ], tasks=4).run()
"""

from __future__ import annotations

from typing import Any, Iterable

from ..options import Options
from ..pipeline import scan

try:
    from datatrove.pipeline.filters.base_filter import BaseFilter
except ImportError:  # the extra is missing: the class below says so when it is created
    BaseFilter = object  # type: ignore[assignment,misc]


class UnspoofFilter(BaseFilter):  # type: ignore[misc,valid-type]
    """Cleans each document; drops the verdicts in ``drop`` (none by default)."""

    name = "🧹 unspoof"

    def __init__(self, options: Options | None = None, *, drop: Iterable[str] = (),
                 drop_spam_pages: bool = False, findings: bool = False,
                 exclusion_writer: Any = None, batch_size: int = 1):
        if BaseFilter is object:
            from . import MissingExtra

            raise MissingExtra("datatrove", "datatrove")
        super().__init__(exclusion_writer=exclusion_writer, batch_size=batch_size)
        self.options = options or Options()
        self.drop = frozenset(drop)
        self.drop_spam_pages = drop_spam_pages
        self.findings = findings

    def filter(self, doc: Any) -> bool | tuple[bool, str]:
        report = scan(doc.text, self.options)
        doc.text = report.cleaned
        doc.metadata["unspoof_verdict"] = report.verdict
        doc.metadata["unspoof_scores"] = dict(report.scores)
        doc.metadata["unspoof_keywords"] = list(report.keywords)
        if self.findings:
            doc.metadata["unspoof_findings"] = [f.to_dict() for f in report.findings]
        self.stat_update(f"verdict_{report.verdict}")
        if report.verdict in self.drop:
            return False, report.verdict
        if self.drop_spam_pages and report.scores.get("spam_spans", 0) > 0:
            return False, "spam_page"
        return True
