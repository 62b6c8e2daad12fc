"""Administration in the browser, through the app itself: people, teams, devices, reference data with
its history, the audit trail; every change audited with the admin who made it, bad input and
forged forms refused with nothing changed, and nobody but an admin able to do any of it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from saypro_server import admin
from saypro_server.cli import main
from saypro_server.tables import AuditEntry, ReferenceData, ReferenceVersion, Team, User
from tests.server.conftest import PASSWORD, Account, Server
from tests.server.test_dashboard import SQLITE, _browser, _sign_in

NEW_PASSWORD = "paraffin lantern orchard"
REFERENCE = json.loads(open("resources/reference/default_reference.json", encoding="utf-8").read())


def _csrf(client: TestClient, page: str = "/dashboard/admin/people") -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', client.get(page).text)
    assert found is not None
    return found.group(1)


def _admin(server: Server) -> tuple[TestClient, str]:
    client = _browser(server)
    _sign_in(client, "ada")
    return client, _csrf(client)


def _user(server: Server, username: str) -> User:
    with server.session() as session:
        user = session.scalar(select(User).where(User.username == username))
        assert user is not None
        session.expunge(user)
        return user


def _audit(server: Server, action: str) -> list[tuple[str | None, str]]:
    with server.session() as session:
        return [(actor, detail) for actor, detail in session.execute(
            select(AuditEntry.actor_id, AuditEntry.detail).where(AuditEntry.action == action))]


def _login(server: Server, username: str, password: str = PASSWORD) -> int:
    return server.client.post("/api/v1/auth/login", json={
        "username": username, "password": password, "device_id": "0" * 8 + "-0000-4000-8000-" + "0" * 12}).status_code


def test_an_admin_adds_a_person_who_can_then_sign_in(server: Server, people: dict[str, Account]) -> None:
    client, csrf = _admin(server)
    teams = dict(re.findall(r'<option value="([0-9a-f-]{36})"[^>]*>([^<]+)</option>', client.get(
        "/dashboard/admin/people").text))
    limpopo = next(team_id for team_id, name in teams.items() if name == "Limpopo")
    answer = client.post("/dashboard/admin/people", data={
        "csrf": csrf, "username": "nomsa", "display_name": "Nomsa Dlamini", "role": "staff", "team": limpopo,
        "password": NEW_PASSWORD, "password_again": NEW_PASSWORD})
    assert answer.status_code == 303
    nomsa = _user(server, "nomsa")
    assert answer.headers["location"] == f"/dashboard/admin/people/{nomsa.id}?done=created"
    page = client.get(answer.headers["location"]).text
    assert "Nomsa Dlamini" in page and "The person was added" in page
    assert nomsa.team_id == limpopo and nomsa.role == "staff"
    assert _login(server, "nomsa", NEW_PASSWORD) == 200
    assert _audit(server, "user created")[-1] == (people["ada"].user_id, "nomsa as staff in Limpopo")
    listing = client.get("/dashboard/admin/people?q=noms").text
    assert "Nomsa Dlamini" in listing and "Thandi" not in listing.replace("thandi", "")


@pytest.mark.parametrize("form, problem", [
    ({"password_again": "something else entirely"}, "The two passwords are not the same."),
    ({"password": "password1234", "password_again": "password1234"}, "too easy to guess"),
    ({"username": "thandi"}, "already exists"),
    ({"username": "two words"}, "without spaces"),
    ({"username": "bell\u0007"}, "not printable"),
    ({"role": "superuser"}, "Role must be one of"),
    ({"team": "00000000-0000-4000-8000-000000000000"}, "Choose a team from the list."),
])
@SQLITE
def test_adding_a_person_with_bad_input_changes_nothing(server: Server, people: dict[str, Account],
                                                       form: dict[str, str], problem: str) -> None:
    client, csrf = _admin(server)
    with server.session() as session:
        before = session.scalar(select(func.count()).select_from(User))
    answer = client.post("/dashboard/admin/people", data={
        "csrf": csrf, "username": "nomsa", "password": NEW_PASSWORD, "password_again": NEW_PASSWORD, **form})
    assert answer.status_code == 400 and problem in answer.text.replace("&#39;", "'")
    assert 'value="nomsa"' in answer.text or form.get("username")  # what was typed stays in the form
    with server.session() as session:
        assert session.scalar(select(func.count()).select_from(User)) == before


def test_role_team_and_mentor_change_with_their_rules(server: Server, people: dict[str, Account]) -> None:
    client, csrf = _admin(server)
    thandi = people["thandi"].user_id
    with server.session() as session:
        gauteng = session.scalar(select(Team.id).where(Team.name == "Gauteng"))
    assert client.post(f"/dashboard/admin/people/{thandi}/team", data={"csrf": csrf, "team": gauteng}
                       ).status_code == 303
    assert client.post(f"/dashboard/admin/people/{thandi}/mentor", data={"csrf": csrf, "mentor": "sam"}
                       ).status_code == 303
    assert client.post(f"/dashboard/admin/people/{thandi}/role", data={"csrf": csrf, "role": "supervisor"}
                       ).status_code == 303
    assert client.post(f"/dashboard/admin/people/{thandi}/name", data={"csrf": csrf, "display_name": "Thandi M."}
                       ).status_code == 303
    changed = _user(server, "thandi")
    assert (changed.team_id, changed.role, changed.display_name) == (gauteng, "supervisor", "Thandi M.")
    assert changed.mentor_id == people["sam"].user_id
    assert _audit(server, "team changed") == [(people["ada"].user_id, "thandi: Limpopo -> Gauteng")]
    assert _audit(server, "mentor") == [(people["ada"].user_id, "thandi: (none) -> sam")]
    assert _audit(server, "role changed") == [(people["ada"].user_id, "thandi: staff -> supervisor")]
    # Her laptop learns the new name and team with its next sync (the directory's version moved).
    directory = server.sync(people["thandi"], dv=0)["dir"]
    me = next(p for p in directory["p"] if p["id"] == thandi)
    assert (me["n"], me["t"], me["r"]) == ("Thandi M.", "Gauteng", "supervisor")

    # A team's supervisor stays a supervisor until the team has another; nobody changes their own role.
    sam = people["sam"].user_id
    refused = client.post(f"/dashboard/admin/people/{sam}/role", data={"csrf": csrf, "role": "staff"})
    assert refused.status_code == 400 and "supervises Limpopo" in refused.text
    own = client.post(f"/dashboard/admin/people/{people['ada'].user_id}/role", data={"csrf": csrf, "role": "staff"})
    assert own.status_code == 400 and "your own role" in own.text
    selfish = client.post(f"/dashboard/admin/people/{thandi}/mentor", data={"csrf": csrf, "mentor": "thandi"})
    assert selfish.status_code == 400 and "their own mentor" in selfish.text
    assert client.post(f"/dashboard/admin/people/{thandi}/mentor", data={"csrf": csrf, "mentor": "nobody"}
                       ).status_code == 400
    assert _user(server, "sam").role == "supervisor" and _user(server, "ada").role == "admin"
    assert _user(server, "thandi").mentor_id == sam


def test_disabling_ends_every_sign_in_and_enabling_lets_them_back(server: Server,
                                                                  people: dict[str, Account]) -> None:
    client, csrf = _admin(server)
    thandi = people["thandi"]
    her_browser = _browser(server)
    _sign_in(her_browser, "sam")
    assert client.post(f"/dashboard/admin/people/{thandi.user_id}/disable", data={"csrf": csrf}).status_code == 303
    server.sync(thandi, expect=401)
    assert _login(server, "thandi") == 401
    assert client.post(f"/dashboard/admin/people/{thandi.user_id}/enable", data={"csrf": csrf}).status_code == 303
    assert _login(server, "thandi") == 200
    assert [d for _, d in _audit(server, "user disabled")] == ["thandi"] == [d for _, d in _audit(
        server, "user enabled")]
    own = client.post(f"/dashboard/admin/people/{people['ada'].user_id}/disable", data={"csrf": csrf})
    assert own.status_code == 400 and "your own account" in own.text
    assert client.get("/dashboard/admin/people").status_code == 200  # still signed in


def test_a_lost_laptop_is_signed_out_and_the_others_keep_working(server: Server,
                                                                 people: dict[str, Account]) -> None:
    client, csrf = _admin(server)
    lost, kept = server.login("thandi"), server.login("thandi")
    page = client.get(f"/dashboard/admin/people/{lost.user_id}").text
    assert page.count("/revoke\"") >= 2  # each of her devices can be signed out
    answer = client.post(f"/dashboard/admin/people/{lost.user_id}/devices/{lost.device_id}/revoke",
                         data={"csrf": csrf})
    assert answer.status_code == 303 and answer.headers["location"].endswith("?done=revoked")
    server.sync(lost, expect=401)
    server.sync(kept)
    # Another person's device through her page: refused, nothing revoked.
    other = client.post(f"/dashboard/admin/people/{lost.user_id}/devices/{people['sipho'].device_id}/revoke",
                        data={"csrf": csrf})
    assert other.status_code == 400
    server.sync(people["sipho"])
    assert client.post(f"/dashboard/admin/people/{lost.user_id}/devices/revoke-all", data={"csrf": csrf}
                       ).status_code == 303
    server.sync(kept, expect=401)
    assert {detail.split(":")[0] for _, detail in _audit(server, "devices revoked")} == {"thandi"}


def test_a_password_reset_signs_every_device_out(server: Server, people: dict[str, Account]) -> None:
    client, csrf = _admin(server)
    thandi = people["thandi"]
    weak = client.post(f"/dashboard/admin/people/{thandi.user_id}/password",
                       data={"csrf": csrf, "password": "thandi2026", "password_again": "thandi2026"})
    assert weak.status_code == 400
    server.sync(thandi)
    answer = client.post(f"/dashboard/admin/people/{thandi.user_id}/password",
                         data={"csrf": csrf, "password": NEW_PASSWORD, "password_again": NEW_PASSWORD})
    assert answer.status_code == 303
    server.sync(thandi, expect=401)
    assert _login(server, "thandi") == 401 and _login(server, "thandi", NEW_PASSWORD) == 200
    assert _audit(server, "password reset") == [(people["ada"].user_id, "thandi")]


def test_teams_and_their_supervisors(server: Server, people: dict[str, Account]) -> None:
    client, csrf = _admin(server)
    assert client.post("/dashboard/admin/teams", data={"csrf": csrf, "name": "Eastern Cape",
                                                       "supervisor": people["bongi"].user_id}).status_code == 303
    duplicate = client.post("/dashboard/admin/teams", data={"csrf": csrf, "name": "Limpopo"})
    assert duplicate.status_code == 400 and "already exists" in duplicate.text
    blank = client.post("/dashboard/admin/teams", data={"csrf": csrf, "name": "   "})
    assert blank.status_code == 400
    with server.session() as session:
        eastern = session.scalar(select(Team).where(Team.name == "Eastern Cape"))
        assert eastern is not None and eastern.supervisor_id == people["bongi"].user_id
        assert session.scalar(select(func.count()).select_from(Team)) == 3
    staff = client.post(f"/dashboard/admin/teams/{eastern.id}/supervisor",
                        data={"csrf": csrf, "supervisor": people["thandi"].user_id})
    assert staff.status_code == 400 and "make them a supervisor first" in staff.text
    assert client.post(f"/dashboard/admin/teams/{eastern.id}/supervisor",
                       data={"csrf": csrf, "supervisor": people["sam"].user_id}).status_code == 303
    page = client.get("/dashboard/admin/teams").text
    assert "Eastern Cape" in page
    assert _audit(server, "supervisor") == [(people["ada"].user_id, "Eastern Cape: bongi -> sam")]


def _reference_form(csrf: str, data: dict[str, Any], note: str = "Renamed a session type") -> dict[str, str]:
    return {"csrf": csrf, "note": note, **{section: json.dumps(data[section])
                                            for section in ("frameworks", "templates", "session_types")}}


def test_reference_data_has_a_version_history_and_an_old_version_comes_back(
        server: Server, people: dict[str, Account]) -> None:
    client, csrf = _admin(server)
    with server.session() as session:
        admin.replace_reference(session, REFERENCE, note="the first")
    first = server.sync(people["thandi"], ref=0)["ref"]["version"]
    renamed = json.loads(json.dumps(REFERENCE))
    renamed["session_types"][0]["name"] = "Peer learning circle"
    answer = client.post("/dashboard/admin/reference", data=_reference_form(csrf, renamed))
    assert answer.status_code == 303 and answer.headers["location"].endswith("?done=reference")
    reference = server.sync(people["thandi"], ref=first)["ref"]
    assert reference["version"] == first + 1
    assert reference["data"]["session_types"][0]["name"] == "Peer learning circle"
    page = client.get("/dashboard/admin/reference").text
    assert "Renamed a session type" in page and "the first" in page and "Peer learning circle" in page

    old = client.get(f"/dashboard/admin/reference/{first}")
    assert old.status_code == 200 and "Bring this version back" in old.text
    download = client.get(f"/dashboard/admin/reference/{first}.json")
    assert download.json()["session_types"][0]["name"] == REFERENCE["session_types"][0]["name"]
    assert client.post(f"/dashboard/admin/reference/{first}/restore", data={"csrf": csrf}).status_code == 303
    with server.session() as session:
        current = session.get(ReferenceData, 1)
        assert current is not None and current.version == first + 2
        assert current.body["session_types"][0]["name"] == REFERENCE["session_types"][0]["name"]
        notes = list(session.scalars(select(ReferenceVersion.note).order_by(ReferenceVersion.version)))
    assert notes == ["the first", "Renamed a session type", f"version {first} brought back"]
    assert [actor for actor, _ in _audit(server, "reference data")] == [None, people["ada"].user_id,
                                                                       people["ada"].user_id]


@pytest.mark.parametrize("change, problem", [
    (lambda d: d.update(frameworks="[{"), "Frameworks: not valid JSON (line 1"),
    (lambda d: d["frameworks"][0]["competencies"][0]["levels"].pop(), "must describe 5 levels"),
    (lambda d: d["frameworks"][0]["competencies"][0].update(expected_level=9), "expected level must be 1 to 5"),
    (lambda d: d["templates"].append(d["templates"][0]), "is used twice"),
    (lambda d: d["templates"][0].update(used_for=["goal"]), "it can guide"),
    (lambda d: d["templates"][0].update(questions=[]), "has no questions"),
    (lambda d: d["session_types"].append({"id": "hackathon", "name": "Hackathon"}), "not a kind of session"),
    (lambda d: d["session_types"][0].update(name=""), "has no name"),
    (lambda d: d["session_types"][0].update(name=7), "not valid reference data"),
    (lambda d: d.update(frameworks=[]), "at least one competency framework"),
    (lambda d: d["frameworks"][0].update(description="x" * 3000), "longer than 2000"),
])
@SQLITE
def test_bad_reference_data_is_refused_with_its_reason(server: Server, people: dict[str, Account],
                                                      change: Any, problem: str) -> None:
    client, csrf = _admin(server)
    with server.session() as session:
        admin.replace_reference(session, REFERENCE, note="the first")
    data = json.loads(json.dumps(REFERENCE))
    change(data)
    form = _reference_form(csrf, data)
    if isinstance(data["frameworks"], str):
        form["frameworks"] = data["frameworks"]
    answer = client.post("/dashboard/admin/reference", data=form)
    assert answer.status_code == 400 and problem in answer.text.replace("&#39;", "'"), answer.text[-3000:]
    assert form["frameworks"][:40].replace('"', "&#34;") in answer.text  # what was typed stays to be mended
    with server.session() as session:
        assert session.get(ReferenceData, 1).version == 1  # type: ignore[union-attr]
        assert session.scalar(select(func.count()).select_from(ReferenceVersion)) == 1


@SQLITE
def test_saving_the_reference_data_needs_a_note_and_a_change(server: Server, people: dict[str, Account]) -> None:
    client, csrf = _admin(server)
    with server.session() as session:
        admin.replace_reference(session, REFERENCE, note="the first")
    unexplained = client.post("/dashboard/admin/reference", data=_reference_form(csrf, REFERENCE, note=" "))
    assert unexplained.status_code == 400 and "what changed" in unexplained.text
    same = client.post("/dashboard/admin/reference", data=_reference_form(csrf, REFERENCE))
    assert same.status_code == 400 and "nothing changed" in same.text


@SQLITE
def test_the_audit_trail_lists_every_change_with_who_made_it(server: Server, people: dict[str, Account]) -> None:
    client, csrf = _admin(server)
    for role in ("supervisor", "staff", "supervisor"):
        client.post(f"/dashboard/admin/people/{people['sipho'].user_id}/role", data={"csrf": csrf, "role": role})
    page = client.get("/dashboard/admin/audit?actor=ada&action=role+changed").text
    assert page.count("sipho: ") == 3 and "sipho: staff -&gt; supervisor" in page
    about = client.get("/dashboard/admin/audit?owner=sipho").text
    assert "role changed" in about and "user created" in about  # the command line's too
    assert "(command line)" in about
    with server.session() as session:
        for _ in range(150):
            session.add(AuditEntry(at=session.scalar(select(func.max(AuditEntry.at))), actor_id=None, action="read",
                                   detail="old"))
        session.commit()
    first = client.get("/dashboard/admin/audit").text
    older = re.search(r'href="\?[^"]*before=(\d+)"', first)
    assert older is not None and first.count("<tr>") == 101
    assert client.get(f"/dashboard/admin/audit?before={older.group(1)}").status_code == 200
    assert client.get("/dashboard/admin/audit?since=2026-13-45").status_code == 200
    assert client.get("/dashboard/admin/audit?since=yesterday").status_code == 422


@SQLITE
def test_only_an_admin_administers_and_a_forged_form_changes_nothing(server: Server,
                                                                    people: dict[str, Account]) -> None:
    ada, csrf = _admin(server)
    sam, staff = _browser(server), _browser(server)
    _sign_in(sam, "sam")
    _sign_in(staff, "thandi")
    thandi = people["thandi"].user_id
    for page in ("/dashboard/admin/people", f"/dashboard/admin/people/{thandi}", "/dashboard/admin/teams",
                 "/dashboard/admin/reference", "/dashboard/admin/audit"):
        assert sam.get(page).status_code == 404, page
        assert staff.get(page).status_code == 403, page
        assert ada.get(page).status_code == 200, page
    assert "Administration" not in sam.get("/dashboard").text
    sams_csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', sam.get("/dashboard").text)
    assert sams_csrf is not None
    attempts = [
        (sam, {"csrf": sams_csrf.group(1), "role": "admin"}),  # a supervisor's own valid token
        (ada, {"csrf": sams_csrf.group(1), "role": "admin"}),  # another session's token
        (ada, {"csrf": "0" * 64, "role": "admin"}),
        (_browser(server), {"csrf": csrf, "role": "admin"}),  # the token without the session's cookie
    ]
    for client, form in attempts:
        answer = client.post(f"/dashboard/admin/people/{thandi}/role", data=form)
        assert answer.status_code in (303, 403, 404)
        if answer.status_code == 303:
            assert answer.headers["location"] == "/dashboard/sign-in"
    assert ada.post(f"/dashboard/admin/people/{thandi}/role", data={"role": "admin"}).status_code == 422
    assert _user(server, "thandi").role == "staff"
    assert _audit(server, "role changed") == []
    for path in ("/dashboard/admin/people/not-an-id", "/dashboard/admin/people/00000000-0000-4000-8000-000000000000",
                 "/dashboard/admin/reference/999", "/dashboard/admin/people?page=0"):
        assert ada.get(path).status_code in (404, 422), path


@SQLITE
def test_the_command_lines_changes_are_in_the_audit_trail_too(
        server: Server, people: dict[str, Account], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    common = ["--data-dir", str(tmp_path), "--database-url", str(server.settings.database_url), "users"]
    assert main([*common, "rename", "thandi", "Thandi Mokoena"]) == 0
    assert "'thandi' is now called Thandi Mokoena." in capsys.readouterr().out
    assert main([*common, "rename", "thandi", "   "]) == 1
    assert main([*common, "set-role", "sipho", "supervisor"]) == 0
    assert _user(server, "thandi").display_name == "Thandi Mokoena"
    assert _audit(server, "user renamed") == [(None, "thandi -> Thandi Mokoena")]
    assert _audit(server, "role changed") == [(None, "sipho: staff -> supervisor")]
    client, _csrf_token = _admin(server)
    assert "(command line)" in client.get("/dashboard/admin/audit?action=user+renamed").text
