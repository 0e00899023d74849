"""The ``unspoof`` command: a thin skin over the library.

Each subcommand lives in its own module that exposes ``register(subparsers)``; the module sets
``func`` on its parser. The CLI parses, formats and sets exit codes; it decides nothing.
Exit codes: 0 success, 1 a finding at or above ``--fail-on``, 2 usage or input error.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

from .. import __version__

#: subcommand modules, in the order ``unspoof --help`` lists them
COMMANDS: tuple[str, ...] = (
    "unspoof.cli.text",
    "unspoof.cli.serve",
    "unspoof.cli.batch",
)


class UsageError(Exception):
    """A problem with the command line or its input: one line on standard error, exit 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="unspoof",
        description="Find and undo adversarial tampering in text: look-alike letters, hidden "
        "characters, injected spam.",
    )
    parser.add_argument("--version", action="version", version=f"unspoof {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(f"unspoof: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): not an error of ours
        try:
            sys.stdout = None  # type: ignore[assignment]
        finally:
            return 0
    except KeyboardInterrupt:
        print("unspoof: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
