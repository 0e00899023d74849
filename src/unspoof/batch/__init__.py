"""Corpus-scale cleaning: many documents in, one output record per document out.

The library behind ``unspoof batch``. Readers turn files into records (``formats/``),
:mod:`.records` builds each output record from a :class:`~unspoof.Report`, :mod:`.work` runs a
chunk of records, and an engine (``engines/local``: a process pool; ``engines/spark``: PySpark)
decides where chunks run. Both engines write through the same part files, so they give the
same records.

>>> from unspoof.batch.records import RecordSpec, build
>>> build({"id": 7, "text": "plain"}, RecordSpec())[0]["verdict"]
'clean'

Importing this package needs no optional dependency; a format or engine that needs one says
which extra to install (:class:`MissingExtra`).
"""

from __future__ import annotations

import importlib
from types import ModuleType


class MissingExtra(ImportError):
    """An optional dependency is missing; the message names the extra that installs it."""

    def __init__(self, extra: str, module: str):
        super().__init__(
            f"this needs the '{extra}' extra ({module} is not installed): pip install 'unspoof[{extra}]'"
        )
        self.extra = extra


def require(module: str, extra: str) -> ModuleType:
    """Import an optional dependency, or raise :class:`MissingExtra` naming its extra.

    >>> require("json", "batch").__name__
    'json'
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtra(extra, module) from exc


__all__ = ["MissingExtra", "require"]
