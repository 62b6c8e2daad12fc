"""/docs works on a server with no internet: every script and style comes from the server."""

from __future__ import annotations

import re

import pytest

from tests.server.conftest import Server

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def test_the_api_docs_load_nothing_from_outside(server: Server) -> None:
    page = server.client.get("/docs")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert assets and all(asset.startswith("/static/") for asset in assets), assets
    assert "cdn" not in page.text.lower() and "'/openapi.json'" in page.text
    for asset in assets:
        answer = server.client.get(asset)
        assert answer.status_code == 200 and len(answer.content) > 500, asset
    script = server.client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js", headers={"Accept-Encoding": "gzip"})
    assert script.headers["content-type"].startswith(("text/javascript", "application/javascript"))
    assert server.client.get("/openapi.json").json()["info"]["title"].startswith("SayPro")
    assert server.client.get("/redoc").status_code == 404  # it would load its script from a CDN


def test_static_files_stay_inside_their_folder(server: Server) -> None:
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py"):
        assert server.client.get(path).status_code == 404, path
