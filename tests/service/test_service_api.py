"""The JSON API through FastAPI's test client: shapes, limits and bad input (never a 500)."""

from __future__ import annotations

import json
import re
import threading

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

import unspoof  # noqa: E402
from unspoof.options import Options  # noqa: E402
from unspoof.service import Settings, create_app  # noqa: E402
from unspoof.service import app as app_module  # noqa: E402
from unspoof.service.models import ScanOptions  # noqa: E402

TAMPERED = "Rսssian ᴡarships and a hidden\u200b space"


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(Settings(max_body_bytes=4096, max_batch=3)))


def test_healthz(client: TestClient) -> None:
    r = client.get("/healthz")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "version": unspoof.__version__}


@pytest.mark.parametrize("text", [TAMPERED, "plain text", "", "Москва 🇺🇦 e\u0301"])
def test_scan_returns_the_library_report(client: TestClient, text: str) -> None:
    r = client.post("/v1/scan", json={"text": text})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    assert r.json() == json.loads(json.dumps(unspoof.scan(text).to_dict(include_text=True)))
    assert r.json()["schema"] == "unspoof.report/1"


def test_options_are_passed_through(client: TestClient) -> None:
    text = TAMPERED
    for opts in ({"restore_lookalikes": False}, {"remove_hidden": False}, {"strip_spam": True, "fix_spacing": True}):
        r = client.post("/v1/scan", json={"text": text, "options": opts})
        assert r.status_code == 200
        assert r.json()["cleaned"] == unspoof.scan(text, **opts).cleaned


def test_clean(client: TestClient) -> None:
    r = client.post("/v1/clean", json={"text": TAMPERED})
    assert r.status_code == 200
    assert r.json() == {"cleaned": unspoof.clean(TAMPERED)}


def test_batches_keep_order(client: TestClient) -> None:
    texts = [TAMPERED, "plain", "x\u200by"]
    r = client.post("/v1/scan/batch", json={"texts": texts})
    assert r.status_code == 200
    reports = r.json()["reports"]
    assert [rep["text"] for rep in reports] == texts
    assert [rep["cleaned"] for rep in reports] == [unspoof.clean(t) for t in texts]
    r = client.post("/v1/clean/batch", json={"texts": texts, "options": {"remove_hidden": False}})
    assert r.json() == {"cleaned": [unspoof.clean(t, remove_hidden=False) for t in texts]}


def test_batch_limit(client: TestClient) -> None:
    for path in ("/v1/scan/batch", "/v1/clean/batch"):
        r = client.post(path, json={"texts": ["a"] * 4})
        assert r.status_code == 413
        assert "limit is 3" in r.json()["error"]


def test_body_limit_declared(client: TestClient) -> None:
    r = client.post("/v1/scan", json={"text": "a" * 5000})
    assert r.status_code == 413
    assert "4096 bytes" in r.json()["error"]
    # just under the limit still works
    body = json.dumps({"text": "a" * 4000})
    assert client.post("/v1/scan", content=body, headers={"content-type": "application/json"}).status_code == 200


def test_body_limit_streamed(client: TestClient) -> None:
    def chunks():
        yield b'{"text": "'
        for _ in range(10):
            yield b"a" * 1000
        yield b'"}'

    r = client.post("/v1/scan", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


@pytest.mark.parametrize(
    "body, status, words",
    [
        (b'{"text": "abc"', 400, "malformed JSON"),
        (b"not json at all", 400, "malformed JSON"),
        (b'{"text": 5}', 422, "text"),
        (b'{"text": null}', 422, "text"),
        (b'{"text": ["a"]}', 422, "text"),
        (b"{}", 422, "text: is required"),
        (b"[]", 422, ""),
        (b'"just a string"', 422, ""),
        (b'{"text": "a", "extra": 1}', 422, "extra: is not a known field"),
        (b'{"text": "a", "options": {"strip_spam": "yes"}}', 422, "options.strip_spam"),
        (b'{"text": "a", "options": {"strip_spam": 1}}', 422, "options.strip_spam"),
        (b'{"text": "a", "options": {"no_such": true}}', 422, "options.no_such"),
        (b'{"text": "a", "options": []}', 422, "options"),
        (b'{"text": "\\ud800 lone"}', 422, "lone surrogate"),
    ],
)
def test_bad_input_is_a_clear_4xx(client: TestClient, body: bytes, status: int, words: str) -> None:
    for path in ("/v1/scan", "/v1/clean", "/v1/render"):
        r = client.post(path, content=body, headers={"content-type": "application/json"})
        assert r.status_code == status, (path, r.text)
        error = r.json()["error"]
        assert isinstance(error, str) and "\n" not in error and words in error


@pytest.mark.parametrize(
    "body, words",
    [
        (b'{"texts": "abc"}', "texts"),
        (b'{"texts": [1, 2]}', "texts.0"),
        (b'{"text": "a"}', "texts: is required"),
        (b'{"texts": ["ok", "\\udfff"]}', "texts.1"),
    ],
)
def test_bad_batch_input(client: TestClient, body: bytes, words: str) -> None:
    r = client.post("/v1/scan/batch", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 422
    assert words in r.json()["error"]


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded"])
def test_body_must_be_sent_as_json(client: TestClient, content_type: str | None) -> None:
    headers = {"content-type": content_type} if content_type else {}
    r = client.post("/v1/scan", content=b'{"text": "a"}', headers=headers)
    assert r.status_code == 415 and "application/json" in r.json()["error"]


def test_empty_body(client: TestClient) -> None:
    r = client.post("/v1/scan", content=b"", headers={"content-type": "application/json"})
    assert r.status_code == 422 and "JSON object" in r.json()["error"]


def test_wrong_method_and_path(client: TestClient) -> None:
    assert client.get("/v1/scan").status_code == 405
    r = client.get("/nope")
    assert r.status_code == 404 and "error" in r.json()
    assert client.get("/static/../app.py").status_code == 404
    assert client.post("/v1/scan", content=b"", headers={"content-length": "x"}).status_code == 400


def test_timeout_gives_504(monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    real_scan = app_module.scan

    def stuck_scan(text, options):
        release.wait(5)  # held until the test lets go, so the request must time out first
        return real_scan(text, options)

    monkeypatch.setattr(app_module, "scan", stuck_scan)
    try:
        with TestClient(create_app(Settings(timeout_seconds=0.05))) as slow:
            r = slow.post("/v1/scan", json={"text": "a"})
            assert r.status_code == 504
            assert "longer than the limit" in r.json()["error"]
    finally:
        release.set()


def test_settings_are_checked_and_read_from_env() -> None:
    with pytest.raises(ValueError, match="max_batch"):
        create_app(Settings(max_batch=0))
    s = Settings(max_body_bytes=10, max_batch=2, timeout_seconds=1.5)
    assert Settings.from_env(s.to_env()) == s


def test_options_model_matches_library_options() -> None:
    assert list(ScanOptions.model_fields) == list(Options._fields)
    assert ScanOptions().model_dump() == Options()._asdict()


def test_docs_and_openapi(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/v1/scan", "/v1/clean", "/v1/scan/batch", "/v1/clean/batch", "/healthz"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert not re.search(r"(src|href)=[\"']?(https?:)?//", docs.text)  # Swagger UI from local files
    for asset in re.findall(r"/docs-assets/[\w.-]+", docs.text):
        assert client.get(asset).status_code == 200


def test_page_uses_only_local_resources(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for body in (page.text, client.get("/static/app.js").text, client.get("/static/page.css").text,
                 client.get("/static/report.css").text):
        assert "http://" not in body and "https://" not in body and "//cdn" not in body


def test_render_fragment(client: TestClient) -> None:
    r = client.post("/v1/render", json={"text": "a <script>x</script> & \u200b"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert "<script>" not in r.text and "&lt;script&gt;x" in r.text
    assert 'class="unspoof-report"' in r.text
