"""``unspoof serve`` argument handling (the running server is exercised by the browser test)."""

from __future__ import annotations

import pytest

pytest.importorskip("uvicorn")

from unspoof.cli import build_parser, main  # noqa: E402
from unspoof.service import server  # noqa: E402
from unspoof.service.settings import Settings  # noqa: E402


def test_serve_passes_limits_to_the_server(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = {}
    monkeypatch.setattr(server, "run", lambda settings, **kw: seen.update(settings=settings, **kw))
    assert main(["serve", "--port", "0", "--max-body-bytes", "2048", "--max-batch", "5", "--timeout", "2.5"]) == 0
    assert seen["settings"] == Settings(2048, 5, 2.5)
    assert (seen["host"], seen["port"], seen["workers"]) == ("127.0.0.1", 0, 1)


@pytest.mark.parametrize("argv", [["--max-batch", "0"], ["--timeout", "-1"], ["--workers", "0"]])
def test_serve_rejects_impossible_limits(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", *argv]) == 2
    assert capsys.readouterr().err.startswith("unspoof: ")


def test_serve_is_listed() -> None:
    assert "serve" in build_parser().format_help()
