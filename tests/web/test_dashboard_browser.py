"""The dashboard in a real Chromium: the L&D office signs in, reads November's overview with its
charts, opens the monthly report and downloads its PDF (the page's numbers in it); a supervisor sees
their team only; a staff member is refused; a forged form and an expired or revoked sign-in change
nothing. Every page (and /docs) loads with the browser cut off from everything but the server.

Screenshots at 1366x768 and on a phone go to SAYPRO_SCREENSHOT_DIR when it is set."""

from __future__ import annotations

import io
import os
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import jwt
from pypdf import PdfReader

from tests.integration.conftest import PASSWORD, admin
from tests.web.conftest import Site, pull

LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


def _context(browser: Any, site: Site, tried: list[str], viewport: dict[str, int] = LAPTOP) -> Any:
    context = browser.new_context(viewport=viewport, accept_downloads=True)

    def only_the_server(route: Any) -> None:
        if route.request.url.startswith(site.url):
            route.continue_()
        else:
            tried.append(route.request.url)
            route.abort()

    context.route("**/*", only_the_server)
    return context


def _sign_in(page: Any, site: Site, username: str, then: str = "/dashboard") -> None:
    page.goto(f"{site.url}{then}")
    assert "/dashboard/sign-in" in page.url
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def _shoot(page: Any, name: str) -> None:
    folder = os.environ.get("SAYPRO_SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"dashboard_{name}.png"), full_page=True)


def _figure(page: Any, label: str) -> str:
    return str(page.locator(".figures li", has_text=label).first.locator("strong").inner_text())


def test_the_lnd_office_reads_november_and_downloads_its_report(browser: Any, site: Site, tmp_path: Path) -> None:
    tried: list[str] = []
    context = _context(browser, site, tried)
    page = context.new_page()
    _sign_in(page, site, "nomsa")
    assert page.url == f"{site.url}/dashboard"
    page.get_by_label("Month", exact=True).fill("2026-11")
    page.get_by_role("button", name="Show").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Overview: November 2026"
    # Thandi and Sipho took part, Lerato did not: 2 of 3; one shared log (the private one not counted).
    assert _figure(page, "participation") == "66.7%"
    assert _figure(page, "learnings shared") == "1"
    assert _figure(page, "sessions held") == "1"
    charts = page.locator("figure.chart svg[role=img]")
    assert charts.count() == 4
    assert "Nov 66.7%" in str(charts.first.get_attribute("aria-label"))
    assert page.get_by_role("link", name="Limpopo").is_visible()
    assert page.get_by_role("link", name="Gauteng").is_visible()
    _shoot(page, "overview_1366")
    page.get_by_role("link", name="The monthly report").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Learning report: the organisation, November 2026"
    assert "The committee mapped every pipe in a day." in page.locator("main").inner_text()
    _shoot(page, "report_1366")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF").click()
    saved = tmp_path / "november.pdf"
    download_info.value.save_as(saved)
    pdf = saved.read_bytes()
    assert pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-64:]
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    for what, value in (("Participation", "66.7% (2 of 3)"), ("Learnings shared", "1"), ("Sessions held", "1"),
                        ("Attendance", "2")):
        assert re.search(rf"{what}\s*{re.escape(value)}", text), (what, value, text[:600])
        assert page.locator("table.summary tr", has_text=what).first.locator("td").inner_text() == value
    # Drill down: the team, then a person's shared records (never a private one).
    page.goto(f"{site.url}/dashboard?month=2026-11")
    page.get_by_role("link", name="Limpopo").click()
    page.get_by_role("link", name="Thandi Mokoena").click()
    page.wait_for_load_state()
    body = page.locator("main").inner_text()
    assert "Radio slots for parents" in body and "Borehole committee" in body and "My private diary" not in body
    _shoot(page, "person_1366")
    phone = _context(browser, site, tried, PHONE)
    small = phone.new_page()
    _sign_in(small, site, "nomsa", "/dashboard?month=2026-11")
    assert small.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")  # no sideways scroll
    _shoot(small, "overview_phone")
    small.goto(f"{site.url}/dashboard/report?month=2026-11")
    _shoot(small, "report_phone")
    # The continuous learner of November: proposed by the stated rules, confirmed by the L&D office.
    page.goto(f"{site.url}/dashboard/recognition?month=2026-11")
    rows = page.locator("tbody tr")
    assert rows.first.locator("th").inner_text() == "Thandi Mokoena"  # 2 reflections x 3 + 1 session x 2
    assert rows.first.locator("td strong").inner_text() == "8"
    _shoot(page, "recognition_1366")
    page.get_by_role("button", name="Confirm Thandi Mokoena").click()
    page.wait_for_load_state()
    assert "Confirmed." in page.locator("main").inner_text()
    assert page.locator(".card h2").inner_text() == "★ Continuous learner of the month: November 2026"
    assert page.get_by_role("button", name="Confirm Sipho Nkosi").count() == 0  # one per period
    # Everyone's laptop gets it with the next sync.
    arrived = pull(site.url, "lerato")
    [recognition] = [r for r in arrived if r["t"] == "recognition"]
    assert recognition["f"]["person_id"] == site.ids["thandi"] and recognition["f"]["period"] == "2026-11"
    assert recognition["f"]["reasons"] == "2 reflections shared, 1 session attended."
    # The API's docs, too, with no internet.
    page.goto(f"{site.url}/docs")
    page.locator(".swagger-ui .info .title").wait_for()
    assert "SayPro Field Learning sync server" in page.locator(".swagger-ui .info .title").inner_text()
    assert tried == []


def test_a_supervisor_sees_their_team_only_and_staff_are_refused(browser: Any, site: Site) -> None:
    tried: list[str] = []
    context = _context(browser, site, tried)
    page = context.new_page()
    _sign_in(page, site, "sam", "/dashboard?month=2026-11")
    assert page.get_by_role("link", name="Limpopo").is_visible()
    assert page.get_by_role("link", name="Gauteng").count() == 0
    assert page.locator("#org").count() == 0  # no organisation figures
    _shoot(page, "supervisor_overview_1366")
    gauteng = re.search(r"/dashboard/teams/([0-9a-f-]{36})", _team_links(site, "nomsa", browser, "Gauteng"))
    assert gauteng is not None
    answer = page.goto(f"{site.url}/dashboard/teams/{gauteng.group(1)}")
    assert answer is not None and answer.status == 404 and "Not found" in page.locator("h1").inner_text()
    answer = page.goto(f"{site.url}/dashboard/report.pdf?month=2026-11&team={gauteng.group(1)}")
    assert answer is not None and answer.status == 404
    page.goto(f"{site.url}/dashboard/report?month=2026-11")
    assert page.locator("h1").inner_text() == "Learning report: Limpopo, November 2026"
    staff = _context(browser, site, tried).new_page()
    _sign_in(staff, site, "thandi")
    assert staff.locator("h1").inner_text() == "This dashboard is for supervisors and the L&D office"
    _shoot(staff, "staff_refused_1366")
    answer = staff.goto(f"{site.url}/dashboard/report.csv?month=2026-11")
    assert answer is not None and answer.status == 403
    assert tried == []


def _team_links(site: Site, username: str, browser: Any, name: str) -> str:
    page = _context(browser, site, []).new_page()
    _sign_in(page, site, username)
    return str(page.get_by_role("link", name=name).get_attribute("href"))


def test_a_forged_form_and_an_ended_sign_in_change_nothing(browser: Any, site: Site) -> None:
    tried: list[str] = []
    context = _context(browser, site, tried)
    page = context.new_page()
    _sign_in(page, site, "nomsa")
    # A form posted without the page's token (as another site would): refused, still signed in.
    page.evaluate("""() => { const f = document.createElement('form'); f.method = 'post';
        f.action = '/dashboard/sign-out'; const i = document.createElement('input'); i.name = 'csrf';
        i.value = 'forged'; f.appendChild(i); document.body.appendChild(f); f.submit(); }""")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "That form had expired"
    page.goto(f"{site.url}/dashboard")
    assert page.url == f"{site.url}/dashboard"
    # An idle sign-in: a cookie whose time ran out (signed with the server's own key) counts for nothing.
    cookie = next(c for c in context.cookies() if c["name"] == "saypro_dashboard")
    key = (site.data_dir / "signing.key").read_text().strip()
    claims = jwt.decode(cookie["value"], key, algorithms=["HS256"], audience="saypro-dashboard")
    stale = jwt.encode({**claims, "exp": datetime.now(UTC) - timedelta(minutes=1)}, key, algorithm="HS256")
    context.add_cookies([{**cookie, "value": stale}])
    page.goto(f"{site.url}/dashboard")
    assert "/dashboard/sign-in" in page.url
    # Signed in again, then the admin revokes the account's devices: the browser is signed out too.
    _sign_in(page, site, "nomsa")
    assert page.url == f"{site.url}/dashboard"
    assert admin(site.data_dir, "users", "revoke-devices", "nomsa").returncode == 0
    page.goto(f"{site.url}/dashboard")
    assert "/dashboard/sign-in" in page.url
    # Signing out for real.
    _sign_in(page, site, "nomsa")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    page.goto(f"{site.url}/dashboard")
    assert "/dashboard/sign-in" in page.url
    assert tried == []
