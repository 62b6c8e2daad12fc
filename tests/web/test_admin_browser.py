"""Administration in a real Chromium, against a real server process: the L&D office adds a person
(who then signs in from a laptop), moves a colleague to another team with a mentor, signs a lost
laptop out, adds a team, changes the reference data (a laptop receives the new version; bad JSON is
refused with its line) and reads the audit trail of it all. The browser reaches nothing but the
server.

Screenshots at 1366x768 and on a phone go to SAYPRO_SCREENSHOT_DIR when it is set."""

from __future__ import annotations

from typing import Any

import requests

from saypro_core.ids import new_id
from saypro_desktop.resources import default_reference_path
from tests.integration.conftest import PASSWORD, admin
from tests.web.conftest import Site
from tests.web.test_dashboard_browser import PHONE, _context, _shoot, _sign_in

NEW_PASSWORD = "paraffin lantern orchard"


def _sync(site: Site, username: str, password: str, **extra: Any) -> requests.Response:
    device = new_id()
    login = requests.post(f"{site.url}/api/v1/auth/login", json={
        "username": username, "password": password, "device_id": device}, timeout=10)
    login.raise_for_status()
    return requests.post(f"{site.url}/api/v1/sync", json={"v": 1, "dev": device, "cur": 0, "ch": [], **extra},
                         headers={"Authorization": f"Bearer {login.json()['access_token']}"}, timeout=30)


def _tab(page: Any, name: str) -> Any:
    return page.get_by_role("navigation", name="Administration").get_by_role("link", name=name)


def test_the_lnd_office_administers_people_teams_and_reference_data(browser: Any, site: Site) -> None:
    assert admin(site.data_dir, "reference", "load", str(default_reference_path())).returncode == 0
    tried: list[str] = []
    page = _context(browser, site, tried).new_page()
    _sign_in(page, site, "nomsa")
    page.get_by_role("link", name="Administration").click()
    assert page.get_by_role("heading", name="Administration").is_visible()

    # A new colleague: added here, signs in from a laptop.
    form = page.locator("form", has=page.get_by_role("button", name="Add"))
    form.get_by_label("User name").fill("zanele")
    form.get_by_label("Name", exact=True).fill("Zanele Khumalo")
    form.get_by_label("Team").select_option(label="Gauteng")
    form.get_by_label("Password", exact=True).fill(NEW_PASSWORD)
    form.get_by_label("Password again").fill(NEW_PASSWORD)
    form.get_by_role("button", name="Add").click()
    page.wait_for_load_state()
    assert "The person was added" in page.get_by_role("status").inner_text()
    assert page.get_by_role("heading", name="Zanele Khumalo").is_visible()
    assert _sync(site, "zanele", NEW_PASSWORD).status_code == 200

    # Thandi moves to Gauteng with Bongi as her mentor; her lost laptop is signed out.
    lost_device = new_id()
    lost = requests.post(f"{site.url}/api/v1/auth/login", json={
        "username": "thandi", "password": PASSWORD, "device_id": lost_device, "device_name": "Thandi's old laptop"},
        timeout=10)
    assert lost.status_code == 200, lost.text
    _tab(page, "People").click()
    page.get_by_label("Find").fill("thandi")
    page.get_by_role("button", name="Show").click()
    page.get_by_role("link", name="Thandi Mokoena").click()
    page.get_by_label("Team").select_option(label="Gauteng")
    page.get_by_role("button", name="Move", exact=True).click()
    page.wait_for_load_state()
    page.get_by_label("Mentor").fill("bongi")
    page.get_by_role("button", name="Set", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_role("status").inner_text() == "Saved."
    assert page.get_by_label("Mentor").input_value() == "bongi"
    assert page.get_by_label("Team").locator("option:checked").inner_text() == "Gauteng"
    page.get_by_role("button", name="Sign out: Thandi's old laptop").click()
    page.wait_for_load_state()
    assert "must sign in again" in page.get_by_role("status").inner_text()
    refused = requests.post(f"{site.url}/api/v1/sync", json={"v": 1, "dev": lost_device, "cur": 0, "ch": []},
                            headers={"Authorization": f"Bearer {lost.json()['access_token']}"}, timeout=10)
    assert refused.status_code == 401
    _shoot(page, "admin_person")
    phone = _context(browser, site, tried, PHONE).new_page()
    _sign_in(phone, site, "nomsa", then=page.url.replace(site.url, "").split("?")[0])
    _shoot(phone, "admin_person_phone")

    # A team for the Eastern Cape, supervised by Sam.
    _tab(page, "Teams").click()
    page.get_by_label("Name").fill("Eastern Cape")
    page.get_by_label("Supervisor", exact=True).select_option(label="Sam Dlamini")
    page.get_by_role("button", name="Add").click()
    page.wait_for_load_state()
    assert page.get_by_role("row", name="Eastern Cape").is_visible()
    _shoot(page, "admin_teams")

    # The reference data: bad JSON is refused with its place and keeps what was typed; a good change
    # becomes a new version a laptop receives.
    _tab(page, "Reference data").click()
    page.locator("summary", has_text="Session types").click()
    types = page.get_by_label("Each type:")
    text = types.input_value()
    types.fill(text.replace("Peer learning session", "Peer learning circle").rstrip().rstrip("]"))
    page.get_by_label("What changed").fill("Peer learning sessions are circles now")
    page.get_by_role("button", name="Save as a new version").click()
    page.wait_for_load_state()
    assert "Session types: not valid JSON" in page.get_by_role("alert").inner_text()
    page.locator("summary", has_text="Session types").click()
    types = page.get_by_label("Each type:")
    assert "Peer learning circle" in types.input_value()
    types.fill(types.input_value() + "]")
    page.get_by_role("button", name="Save as a new version").click()
    page.wait_for_load_state()
    assert "A new version of the reference data was saved" in page.get_by_role("status").inner_text()
    assert page.get_by_role("row", name="Peer learning sessions are circles now").is_visible()
    reference = _sync(site, "sipho", PASSWORD, ref=1).json()["ref"]
    assert reference["version"] == 2
    assert reference["data"]["session_types"][0]["name"] == "Peer learning circle"
    _shoot(page, "admin_reference")

    # The audit trail: every change above, with who made it.
    _tab(page, "Audit trail").click()
    page.get_by_label("Who", exact=True).fill("nomsa")
    page.get_by_role("button", name="Show").click()
    page.wait_for_load_state()
    actions = set(page.locator("table.audit tbody td:nth-child(3)").all_inner_texts())
    assert {"user created", "team changed", "mentor", "device revoked", "team created", "reference data"} <= actions
    _shoot(page, "admin_audit")
    assert tried == []
