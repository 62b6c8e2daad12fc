"""The dashboard's sign-in and pages through the app itself (the browser tests in tests/web cover the
same flows in Chromium): cookie flags, the API's sign-in limits, no open redirect, bad input, who
may see which page, headers, and every word of the pages in Afrikaans."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from saypro_server.dashboard import texts
from tests.server.conftest import PASSWORD, Account, Server

SQLITE = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
TEMPLATES = Path(__file__).resolve().parents[2] / "saypro_server" / "templates" / "dashboard"


def _browser(server: Server) -> TestClient:
    return TestClient(server.app, base_url="https://testserver", follow_redirects=False)


def _sign_in(client: TestClient, username: str, password: str = PASSWORD, next_page: str = "/dashboard") -> object:
    form = client.get("/dashboard/sign-in")
    token = re.search(r'name="token" value="([^"]+)"', form.text)
    assert token is not None
    return client.post("/dashboard/sign-in", data={"username": username, "password": password,
                                                    "token": token.group(1), "next": next_page})


@SQLITE
def test_the_sign_in_cookie_is_locked_down_and_renewed(server: Server, people: dict[str, Account]) -> None:
    client = _browser(server)
    answer = _sign_in(client, "ada")
    assert answer.status_code == 303 and answer.headers["location"] == "/dashboard"  # type: ignore[attr-defined]
    cookie = answer.headers["set-cookie"].lower()  # type: ignore[attr-defined]
    assert all(flag in cookie for flag in ("httponly", "samesite=strict", "secure", "path=/dashboard"))
    page = client.get("/dashboard")
    assert page.status_code == 200 and "saypro_dashboard=" in page.headers["set-cookie"]
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert page.headers["cache-control"] == "no-store"
    assert "<script" not in page.text


@SQLITE
def test_sign_in_has_the_apis_limits_and_one_answer_for_every_failure(server: Server,
                                                                     people: dict[str, Account]) -> None:
    client = _browser(server)
    unknown = _sign_in(client, "nobody", "whatever")
    wrong = _sign_in(client, "ada", "not the password")
    assert unknown.status_code == wrong.status_code == 401  # type: ignore[attr-defined]
    assert "Wrong user name or password" in wrong.text  # type: ignore[attr-defined]
    for _ in range(5):
        last = _sign_in(client, "ada", "not the password")
    assert last.status_code == 429 and "retry-after" in last.headers  # type: ignore[attr-defined]
    # Without the sign-in form's own cookie (a form posted from elsewhere): refused, not throttled.
    bare = TestClient(server.app, base_url="https://testserver", follow_redirects=False)
    refused = bare.post("/dashboard/sign-in", data={"username": "sam", "password": PASSWORD, "token": "x"})
    assert refused.status_code == 400


@pytest.mark.parametrize("next_page", ["https://evil.example/", "//evil.example", "/dashboard/../api/v1/sync",
                                       "/api/v1/auth/me", "/dashboard\\@evil.example"])
@SQLITE
def test_signing_in_never_sends_the_browser_elsewhere(server: Server, people: dict[str, Account],
                                                      next_page: str) -> None:
    answer = _sign_in(_browser(server), "sam", next_page=next_page)
    assert answer.headers["location"] == "/dashboard"  # type: ignore[attr-defined]


@SQLITE
def test_who_sees_which_page(server: Server, people: dict[str, Account]) -> None:
    staff, sam, ada = _browser(server), _browser(server), _browser(server)
    _sign_in(staff, "thandi")
    _sign_in(sam, "sam")
    _sign_in(ada, "ada")
    assert staff.get("/dashboard").status_code == 403
    assert staff.get("/dashboard/report.csv?month=2026-11").status_code == 403
    overview = sam.get("/dashboard?month=2026-11").text
    teams = dict(re.findall(r'href="/dashboard/teams/([0-9a-f-]{36})\?month=2026-11">([^<]+)<', ada.get(
        "/dashboard?month=2026-11").text))
    limpopo = next(i for i, name in teams.items() if name == "Limpopo")
    gauteng = next(i for i, name in teams.items() if name == "Gauteng")
    assert "Limpopo" in overview and "Gauteng" not in overview and 'id="org"' not in overview
    assert sam.get(f"/dashboard/teams/{limpopo}").status_code == 200
    assert sam.get(f"/dashboard/teams/{gauteng}").status_code == 404
    assert sam.get(f"/dashboard/people/{people['lerato'].user_id}").status_code == 404  # Gauteng's
    assert sam.get(f"/dashboard/people/{people['thandi'].user_id}").status_code == 200
    assert sam.get(f"/dashboard/report.pdf?month=2026-11&team={gauteng}").status_code == 404
    assert ada.get(f"/dashboard/report.csv?month=2026-11&team={gauteng}").status_code == 200
    # Bad input: a clear refusal, nothing else.
    for path in ("/dashboard?month=2026-13", "/dashboard/report?quarter=2026-Q9", "/dashboard?surprise=1",
                 "/dashboard/people/../../api"):
        assert ada.get(path).status_code in (400, 404, 422), path


def test_every_word_of_the_pages_is_in_afrikaans() -> None:
    words: set[str] = set()
    for template in TEMPLATES.glob("*.html"):
        words |= set(re.findall(r't\("([^"]+)"\)', template.read_text())) | set(
            re.findall(r"t\('([^']+)'\)", template.read_text()))
    from saypro_server.admin import ROLES
    from saypro_server.dashboard.administration import DONE
    from saypro_server.report_files import GOAL_LABELS

    words |= set(GOAL_LABELS.values()) | set(DONE.values()) | set(ROLES)
    missing = sorted(w for w in words if w not in texts.AFRIKAANS)
    assert missing == []


@SQLITE
def test_a_page_in_afrikaans(server: Server, people: dict[str, Account]) -> None:
    client = _browser(server)
    _sign_in(client, "ada")
    client.get("/dashboard/language/af?next=/dashboard")
    page = client.get("/dashboard?month=2026-11")
    assert 'lang="af"' in page.text and "Oorsig" in page.text and "Deelname per maand (%)" in page.text


@SQLITE
def test_the_overview_shows_the_same_the_second_time(server: Server, people: dict[str, Account]) -> None:
    client = _browser(server)
    _sign_in(client, "ada")
    first = client.get("/dashboard?month=2026-11")
    again = client.get("/dashboard?month=2026-11")  # the reports are kept: the page must not eat them
    assert first.status_code == again.status_code == 200
    assert again.text.count("/dashboard/teams/") == first.text.count("/dashboard/teams/") == 2
