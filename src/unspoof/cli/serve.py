"""``unspoof serve``: the HTTP JSON API and the web page (needs the ``serve`` extra)."""

from __future__ import annotations

import argparse

from . import UsageError


def register(sub: argparse._SubParsersAction) -> None:
    from ..service.settings import Settings

    d = Settings()
    p = sub.add_parser("serve", help="run the HTTP API and the web page (POST /v1/scan, GET /)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default: %(default)s)")
    p.add_argument("--workers", type=int, default=1, help="worker processes (default: %(default)s)")
    p.add_argument("--max-body-bytes", type=int, default=d.max_body_bytes, help="largest request body; larger gets 413 (default: %(default)s)")
    p.add_argument("--max-batch", type=int, default=d.max_batch, help="most texts per batch request (default: %(default)s)")
    p.add_argument("--timeout", type=float, default=d.timeout_seconds, help="seconds a request may spend scanning; then 504 (default: %(default)s)")
    p.add_argument("--access-log", action="store_true", help="log every request (costs time under load)")
    p.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"], help="server log level (default: %(default)s)")
    p.set_defaults(func=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    try:
        from ..service.server import run
    except ImportError:
        raise UsageError("serve needs the 'serve' extra: pip install 'unspoof[serve]'") from None
    from ..service.settings import Settings

    try:
        settings = Settings(args.max_body_bytes, args.max_batch, args.timeout).check()
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    run(settings, host=args.host, port=args.port, workers=args.workers, log_level=args.log_level,
        access_log=args.access_log)
    return 0
