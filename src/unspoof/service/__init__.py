"""The HTTP service: a JSON API over :func:`unspoof.scan` and a web page to paste text into.

Needs the ``serve`` extra (FastAPI, uvicorn). ``create_app(settings)`` builds the application;
``unspoof serve`` runs it.
"""

from .settings import Settings

__all__ = ["Settings", "create_app"]


def __getattr__(name: str):
    # FastAPI is imported only when the app is wanted, so Settings stays importable without it.
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(name)
