"""``unspoof clean`` and ``unspoof scan``: text in, cleaned text or a report out."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from typing import Iterator

from ..model import CLEAN, SUSPICIOUS, TAMPERED, Finding, Report, score, verdict
from ..options import Options
from ..pipeline import scan
from ..textio import encode, iter_chunks, open_binary
from . import UsageError

_LEVEL = {CLEAN: 0, SUSPICIOUS: 1, TAMPERED: 2}


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH", help="files to read; standard input when none or '-'")
    p.add_argument("--strip-spam", action="store_true", help="also remove injected spam and repair what it replaced")
    p.add_argument("--fix-spacing", action="store_true", help="insert the space a scraper dropped after sentence ends")
    p.add_argument("--keep-lookalikes", action="store_true", help="do not restore look-alike characters")
    p.add_argument("--keep-hidden", action="store_true", help="do not remove hidden characters")
    p.add_argument(
        "--fail-on",
        choices=[SUSPICIOUS, TAMPERED],
        help="exit with status 1 when an input's verdict is at least this level",
    )


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("clean", help="write the restored text to standard output")
    _add_common(p)
    p.set_defaults(func=run_clean)
    p = sub.add_parser("scan", help="report what was found (readable, or --json)")
    _add_common(p)
    p.add_argument("--json", action="store_true", help="print the report as JSON (one line per input)")
    p.add_argument("--html", metavar="PATH", help="also write the reports as one self-contained HTML page")
    p.set_defaults(func=run_scan)


def _options(args: argparse.Namespace) -> Options:
    return Options(
        restore_lookalikes=not args.keep_lookalikes,
        remove_hidden=not args.keep_hidden,
        strip_spam=args.strip_spam,
        fix_spacing=args.fix_spacing,
    )


def _reports(path: str, options: Options, report_all: bool = True) -> Iterator[Report]:
    """Scan one input chunk by chunk; offsets in each report are local to its chunk."""
    try:
        stream = open_binary(path)
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        for chunk in iter_chunks(stream):
            yield scan(chunk, options, report_all=report_all)
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from exc
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _merge(reports: list[Report]) -> Report:
    """One report for a whole input, with chunk offsets made global."""
    if len(reports) == 1:
        return reports[0]
    findings: list[Finding] = []
    keywords: list[str] = []
    base = 0
    for r in reports:
        findings.extend(replace(f, start=f.start + base, end=f.end + base) for f in r.findings)
        keywords.extend(k for k in r.keywords if k not in keywords)
        base += len(r.text)
    text = "".join(r.text for r in reports)
    return Report(text, "".join(r.cleaned for r in reports), findings, verdict(findings, text), score(text, findings), keywords)


def _exit_code(verdicts: list[str], fail_on: str | None) -> int:
    if fail_on is None:
        return 0
    return 1 if any(_LEVEL[v] >= _LEVEL[fail_on] for v in verdicts) else 0


def run_clean(args: argparse.Namespace) -> int:
    options = _options(args)
    out = sys.stdout.buffer
    verdicts: list[str] = []
    for path in args.paths or ["-"]:
        worst = CLEAN
        for report in _reports(path, options, report_all=False):
            out.write(encode(report.cleaned))
            if _LEVEL[report.verdict] > _LEVEL[worst]:
                worst = report.verdict
        verdicts.append(worst)
    out.flush()
    return _exit_code(verdicts, args.fail_on)


def _short(s: str, limit: int = 60) -> str:
    """``repr`` of a span, shortened in the middle when long (a run of 500 zero-width spaces)."""
    r = repr(s)
    return r if len(r) <= limit else f"{r[: limit // 2]}…{r[-limit // 2 :]} ({len(s)} characters)"


def summary(report: Report, name: str) -> str:
    """A readable account of one report: verdict, counts, then one line per finding."""
    s = report.scores
    lines = [
        f"{name}: {report.verdict} — {s.get('lookalikes', 0)} look-alike(s) restored, "
        f"{s.get('hidden', 0)} hidden, {s.get('spam_spans', 0)} spam span(s)"
        + (f"; keywords: {', '.join(report.keywords)}" if report.keywords else "")
    ]
    for f in report.findings:
        rep = "(report only)" if f.replacement is None else _short(f.replacement)
        extra = f.detail.get("decoded")
        lines.append(
            f"  {f.start}-{f.end} {f.kind}: {_short(f.text)} -> {rep}  {f.reason}"
            + (f" [decoded: {extra!r}]" if extra else "")  # a payload is shown whole: it is the point
        )
    return "\n".join(lines)


def run_scan(args: argparse.Namespace) -> int:
    options = _options(args)
    verdicts: list[str] = []
    named: list[tuple[str, Report]] = []  # kept only for --html
    for path in args.paths or ["-"]:
        report = _merge(list(_reports(path, options)))
        verdicts.append(report.verdict)
        if args.html:
            named.append(("<stdin>" if path == "-" else path, report))
        if args.json:
            data = report.to_dict()
            if len(args.paths) > 1:
                data = {"path": path, **data}
            sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(summary(report, "<stdin>" if path == "-" else path) + "\n")
    sys.stdout.flush()
    if args.html:
        _write_html(args.html, named, options)
    return _exit_code(verdicts, args.fail_on)


def _write_html(path: str, named: list[tuple[str, Report]], options: Options) -> None:
    from ..render.html import write_html

    try:
        write_html(path, named, options)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc


