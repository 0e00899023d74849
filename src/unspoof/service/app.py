"""The FastAPI application: JSON API, health check and the web page, all served locally.

Every answer is built from the same :class:`~unspoof.model.Report` the library returns; the
service parses, limits and serialises, and decides nothing.

>>> from fastapi.testclient import TestClient
>>> client = TestClient(create_app())
>>> client.post("/v1/clean", json={"text": "plain"}).json()
{'cleaned': 'plain'}
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from typing import Any, AsyncIterator, Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..options import Options
from ..pipeline import clean, scan
from ..render import html as render_html
from .limits import BodyLimit
from .models import (
    BatchCleanOut,
    BatchReportOut,
    BatchRequest,
    CleanOut,
    ErrorOut,
    ReportOut,
    ScanRequest,
    to_options,
)
from .settings import Settings

#: the page may load only what this service itself serves
_PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
}
_STATIC_TYPES = {"app.js": "text/javascript", "page.css": "text/css"}

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "malformed JSON"},
    413: {"model": ErrorOut, "description": "body or batch over the limit"},
    415: {"model": ErrorOut, "description": "body not sent as JSON"},
    422: {"model": ErrorOut, "description": "wrong field names or types"},
    504: {"model": ErrorOut, "description": "scanning took longer than the request timeout"},
}


class ServiceError(Exception):
    """An error answered as ``{"error": message}`` with ``status``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _json(body: bytes) -> Response:
    return Response(body, media_type="application/json")


def _location(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p != "body"]
    return ".".join(parts) or "body"


def _validation_message(errors: list[dict[str, Any]]) -> tuple[int, str]:
    """One line for the first few problems; malformed JSON is a 400, the rest 422."""
    for e in errors:
        if e.get("type") == "json_invalid":
            ctx = e.get("ctx") or {}
            return 400, f"malformed JSON: {ctx.get('error', e.get('msg', 'cannot be parsed'))}"
    lines = []
    for e in errors[:3]:
        msg = str(e.get("msg", "invalid"))
        if e.get("type") == "missing":
            msg = "is required"
        elif e.get("type") == "extra_forbidden":
            msg = "is not a known field"
        where = _location(tuple(e.get("loc", ())))
        if where == "body" and e.get("type") == "missing":
            msg = "is required: a JSON object"
        lines.append(f"{where}: {msg}")
    more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
    return 422, "; ".join(lines) + more


def _surrogate_check(texts: list[str]) -> None:
    # JSON can spell lone surrogates ("\ud800"); they are not text and cannot be answered in UTF-8.
    for i, text in enumerate(texts):
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            where = f"texts.{i}" if len(texts) > 1 else "text"
            raise ServiceError(422, f"{where}: not valid Unicode (lone surrogate at offset {exc.start})") from None


# The workers below also serialise, so a large report is encoded off the event loop.


def _report_dict(text: str, options: Options) -> dict[str, Any]:
    return scan(text, options).to_dict(include_text=True)


def _cleaned(text: str, options: Options) -> str:
    # clean() may skip detectors whose edits these options would not apply
    return clean(text, **options._asdict())


def _scan_body(text: str, options: Options) -> bytes:
    return _dumps(_report_dict(text, options))


def _clean_body(text: str, options: Options) -> bytes:
    return _dumps({"cleaned": _cleaned(text, options)})


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the application with these limits (defaults: :class:`Settings`)."""
    settings = (settings or Settings()).check()
    # Scans run on worker threads so a request that overruns its timeout can be answered (504)
    # while the event loop keeps serving others; the overrunning scan finishes in the background.
    executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="unspoof-scan")

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        executor.shutdown(wait=False, cancel_futures=True)

    app = FastAPI(
        title="unspoof",
        version=__version__,
        description="Find and undo adversarial tampering in text: look-alike letters, hidden "
        "characters, injected spam. Offsets in reports are code points into `text`.",
        lifespan=lifespan,
        docs_url=None,  # served below from local files, not from a CDN
        redoc_url=None,
    )
    app.state.settings = settings
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)

    async def run(fn: Callable[..., Any], *args: Any) -> Any:
        loop = asyncio.get_running_loop()
        try:
            return await asyncio.wait_for(loop.run_in_executor(executor, fn, *args), settings.timeout_seconds)
        except asyncio.TimeoutError:
            raise ServiceError(504, f"scanning took longer than the limit of {settings.timeout_seconds:g} s") from None

    def check_batch(texts: list[str]) -> None:
        if len(texts) > settings.max_batch:
            raise ServiceError(413, f"texts: {len(texts)} texts, the limit is {settings.max_batch} per request")
        _surrogate_check(texts)

    @app.exception_handler(ServiceError)
    async def service_error(request: Request, exc: ServiceError) -> JSONResponse:
        return JSONResponse({"error": exc.message}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        content_type = request.headers.get("content-type", "")
        if "json" not in content_type.split(";")[0].lower():
            # FastAPI reads only JSON bodies; say so instead of "not a valid dictionary"
            given = content_type or "none"
            return JSONResponse({"error": f"send a JSON body with Content-Type: application/json (got {given})"}, status_code=415)
        status, message = _validation_message(list(exc.errors()))
        return JSONResponse({"error": message}, status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers)

    @app.get("/healthz", tags=["service"], summary="liveness check")
    async def healthz() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.post("/v1/scan", response_model=ReportOut, responses=_ERRORS, tags=["api"], summary="scan one text")
    async def scan_one(body: ScanRequest) -> Response:
        """The Report of `text` (schema `unspoof.report/1`, with `text` and `cleaned`)."""
        _surrogate_check([body.text])
        options = to_options(body.options)
        return _json(await run(_scan_body, body.text, options))

    @app.post("/v1/clean", response_model=CleanOut, responses=_ERRORS, tags=["api"], summary="clean one text")
    async def clean_one(body: ScanRequest) -> Response:
        """`text` with tampering undone; identical when nothing was found."""
        _surrogate_check([body.text])
        options = to_options(body.options)
        return _json(await run(_clean_body, body.text, options))

    @app.post("/v1/scan/batch", response_model=BatchReportOut, responses=_ERRORS, tags=["api"], summary="scan many texts")
    async def scan_batch(body: BatchRequest) -> Response:
        """One Report per text, in order."""
        check_batch(body.texts)
        options = to_options(body.options)
        return _json(await run(lambda: _dumps({"reports": [_report_dict(t, options) for t in body.texts]})))

    @app.post("/v1/clean/batch", response_model=BatchCleanOut, responses=_ERRORS, tags=["api"], summary="clean many texts")
    async def clean_batch(body: BatchRequest) -> Response:
        """One cleaned text per text, in order."""
        check_batch(body.texts)
        options = to_options(body.options)
        return _json(await run(lambda: _dumps({"cleaned": [_cleaned(t, options) for t in body.texts]})))

    @app.post("/v1/render", response_class=HTMLResponse, responses=_ERRORS, tags=["page"], summary="HTML view of a scan")
    async def render(body: ScanRequest) -> HTMLResponse:
        """The view the web page shows: the text with every finding marked, cleaned text, diff
        (an HTML fragment styled by `/static/report.css`)."""
        _surrogate_check([body.text])
        options = to_options(body.options)
        fragment = await run(lambda: render_html.render_view(scan(body.text, options), options=options))
        return HTMLResponse(fragment, headers={"X-Content-Type-Options": "nosniff"})

    static = resources.files(__package__).joinpath("static")
    index = static.joinpath("index.html").read_text(encoding="utf-8")
    assets = {name: static.joinpath(name).read_text(encoding="utf-8") for name in _STATIC_TYPES}
    report_css = render_html.css()

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def page() -> HTMLResponse:
        return HTMLResponse(index, headers=_PAGE_HEADERS)

    @app.get("/static/report.css", include_in_schema=False)
    async def report_style() -> Response:
        return Response(report_css, media_type="text/css")

    @app.get("/static/{name}", include_in_schema=False)
    async def asset(name: str) -> Response:
        if name not in assets:
            raise ServiceError(404, f"no such file: {name}")
        return Response(assets[name], media_type=_STATIC_TYPES[name])

    _mount_docs(app)
    return app


def _mount_docs(app: FastAPI) -> None:
    """Swagger UI at ``/docs`` from the files the ``swagger-ui-bundle-v2`` package ships."""
    from fastapi.openapi.docs import get_swagger_ui_html
    from starlette.staticfiles import StaticFiles

    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:  # without it /docs is absent; /openapi.json still describes the API
        return
    app.mount("/docs-assets", StaticFiles(directory=str(swagger_ui_path)), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="unspoof API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/docs-assets/favicon-32x32.png",
        )


def app_from_env() -> FastAPI:
    """The factory ``unspoof serve`` gives uvicorn: limits come from ``UNSPOOF_*`` variables."""
    return create_app(Settings.from_env())
