"""``unspoof batch IN... OUT``: a corpus in, one cleaned record per document out.

A thin skin over :func:`unspoof.batch.runner.run`: parse flags, print the summary, map
problems to exit code 2.
"""

from __future__ import annotations

import argparse
import sys

from ..options import Options
from . import UsageError

_ONLY = ("clean", "suspicious", "tampered")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "batch",
        help="clean a corpus: txt, JSON Lines (.gz/.zst), Parquet, WARC/WET; resumable, all cores",
        description="Read IN (files, directories or globs), write one record per document to OUT. "
        "Formats follow the file names (.txt, .jsonl[.gz|.zst], .parquet, .warc/.wet[.gz]).",
    )
    p.add_argument("inputs", nargs="+", metavar="IN", help="input files, directories or globs")
    p.add_argument("output", metavar="OUT", help="the output file; its name gives the format")
    p.add_argument("--in-format", choices=("txt", "jsonl", "parquet", "warc"), help="input format (default: from each name)")
    p.add_argument("--out-format", choices=("txt", "jsonl", "parquet", "warc"), help="output format (default: from OUT's name)")
    p.add_argument("--lines", action="store_true", help="text input: one document per line (default: per file)")
    p.add_argument("--text-field", default="text", metavar="NAME", help="field holding the text (default: text)")
    p.add_argument("--id-field", metavar="NAME", help="field naming each record (text and WARC input put their source here; default: id)")
    p.add_argument("--output-field", metavar="NAME", help="write the cleaned text to this field and keep the input text")
    p.add_argument("--findings", action="store_true", help="add the list of findings to each record")
    p.add_argument("--only", action="append", choices=_ONLY, metavar="VERDICT",
                   help="keep only records with this verdict (clean, suspicious, tampered; repeatable)")
    p.add_argument("--drop-spam-pages", action="store_true", help="drop records in which injected spam was found")
    p.add_argument("--rejected", metavar="PATH", help="write the records a filter drops here, with their reason")
    p.add_argument("--strip-spam", action="store_true", help="also remove injected spam and repair what it replaced")
    p.add_argument("--fix-spacing", action="store_true", help="insert the space a scraper dropped after sentence ends")
    p.add_argument("--keep-lookalikes", action="store_true", help="do not restore look-alike characters")
    p.add_argument("--keep-hidden", action="store_true", help="do not remove hidden characters")
    p.add_argument("--engine", choices=("local", "spark"), default="local", help="local processes (default) or PySpark")
    p.add_argument("--workers", type=int, metavar="N", help="local worker processes (default: all cores)")
    p.add_argument("--master", metavar="URL", help="Spark master (default: spark.master from the Spark configuration, else local[*])")
    p.add_argument("--resume", action="store_true", help="continue an interrupted run of the same command")
    p.add_argument("--unit-mb", type=float, default=4.0, metavar="MB",
                   help="small input files are grouped into resumable units of about this size (default: 4; 0: one file each)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress and no summary")
    p.add_argument("--log-every", type=float, metavar="SECONDS",
                   help="progress interval when standard error is not a terminal (default: 10)")
    p.set_defaults(func=run_batch)


def _job(args: argparse.Namespace, out_format: str, rejected_format: str | None):
    from ..batch.job import Job
    from ..batch.records import RecordSpec, Selection

    options = Options(
        restore_lookalikes=not args.keep_lookalikes,
        remove_hidden=not args.keep_hidden,
        strip_spam=args.strip_spam,
        fix_spacing=args.fix_spacing,
    )
    spec = RecordSpec(args.text_field, args.id_field, args.output_field, args.findings, options)
    selection = Selection(tuple(sorted(set(args.only or ()))), args.drop_spam_pages)
    return Job(out_format, rejected_format, args.lines, spec, selection)


def run_batch(args: argparse.Namespace) -> int:
    from ..batch import MissingExtra, formats
    from ..batch.progress import Progress
    from ..batch.runner import run

    inputs, output = args.inputs, args.output
    out_format = args.out_format or formats.format_of(output)
    if out_format is None:
        raise UsageError(f"cannot tell the output format of {output} from its name; give --out-format")
    rejected_format = None
    if args.rejected:
        rejected_format = formats.format_of(args.rejected) or out_format
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")
    job = _job(args, out_format, rejected_format)
    progress = Progress(0, interval=args.log_every, enabled=not args.quiet)
    settings = {"master": args.master} if args.engine == "spark" else {}
    log = (lambda msg: print(f"unspoof: {msg}", file=sys.stderr)) if not args.quiet else None
    try:
        result = run(inputs, output, job, in_format=args.in_format, rejected=args.rejected,
                     engine=args.engine, workers=args.workers, resume=args.resume,
                     unit_bytes=max(0, int(args.unit_mb * (1 << 20))),
                     progress=progress, log=log, **settings)
    except MissingExtra as exc:
        raise UsageError(str(exc)) from exc
    except (ValueError, FileNotFoundError) as exc:
        raise UsageError(str(exc)) from exc
    except KeyboardInterrupt:
        print("unspoof: interrupted; run the same command with --resume to continue", file=sys.stderr)
        return 130
    if not args.quiet:
        print(result.summary(), file=sys.stderr)
    return 0
