"""Reading the Unicode Character Database files, shared by the table generators in this folder.

The generators run as scripts (``python tools/gen_tables.py``), so this module is imported from
the script's own folder.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_UNICODE = ROOT.parent / "shared" / "unicode"


def data_lines(path: Path) -> Iterator[list[str]]:
    """The ``;``-separated fields of each data line, comments and blank lines skipped."""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            yield [field.strip() for field in line.split(";")]


def code_range(field: str) -> tuple[int, int]:
    """``0041..005A`` or ``0041`` as an inclusive pair of code points."""
    if ".." in field:
        a, b = field.split("..")
        return int(a, 16), int(b, 16)
    return int(field, 16), int(field, 16)


def render_json(data: dict) -> str:
    """Deterministic, compact JSON: the same data always gives the same bytes."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def generator_main(doc: str, default_out: Path, derive: Callable[[Path], dict]) -> None:
    """Command line shared by the generators: ``--unicode DIR --out FILE``."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--unicode", type=Path, default=DEFAULT_UNICODE)
    ap.add_argument("--out", type=Path, default=default_out)
    args = ap.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render_json(derive(args.unicode)), encoding="utf-8")
    print(f"wrote {args.out}")
