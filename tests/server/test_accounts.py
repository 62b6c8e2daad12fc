"""Sessions and accounts against a thief, a guesser, a weak password, a database reader, a colleague
who reserves change ids and a flood of text (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import json
import os
import stat
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

import jwt
import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlalchemy import inspect, select, text, update
from starlette.requests import Request

from saypro_core.ids import new_id
from saypro_server import admin, security, throttle
from saypro_server.app import create_app
from saypro_server.body_limits import RequestBodyMiddleware
from saypro_server.db import make_engine, make_session_factory
from saypro_server.migrate import migrate
from saypro_server.settings import Settings
from saypro_server.tables import LoginThrottle, SignInSession
from tests import factories
from tests.server.conftest import PASSWORD, Server
from tests.server.helpers import change

WRONG = "Wrong user name or password (or the account is disabled)."


def _refresh(server: Server, token: str) -> Any:
    return server.client.post("/api/v1/auth/refresh", json={"refresh_token": token})


def _me(server: Server, access_token: str) -> int:
    return server.client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {access_token}"}).status_code


# -- 10: a stolen refresh token is not a lasting session --------------------------------------------


def test_reuse_of_a_rotated_refresh_token_ends_the_whole_family(server: Server) -> None:
    server.user("thandi")
    laptop = server.login("thandi")
    first = _refresh(server, laptop.refresh_token).json()  # the laptop refreshes...
    second = _refresh(server, first["refresh_token"]).json()  # ...and again: the first child is used
    stolen = _refresh(server, laptop.refresh_token)  # a thief replays the original
    assert (stolen.status_code, stolen.json()["detail"]) == (401, "Sign in again: this refresh token was already "
                                                                  "used.")
    # Every token of the family is dead, the thief's and the laptop's: the person signs in again.
    assert _refresh(server, second["refresh_token"]).status_code == 401
    assert _me(server, second["access_token"]) == 401
    with server.session() as session:
        assert session.scalar(select(SignInSession.revoked_why)) == "a refresh token was used twice (stolen?)"


def test_a_lost_refresh_answer_does_not_sign_the_laptop_out(server: Server) -> None:
    """The answer to a refresh is lost on the way: presenting the same token again within the grace
    period gives the same new refresh token, which then works."""
    server.user("thandi")
    laptop = server.login("thandi")
    lost = _refresh(server, laptop.refresh_token).json()
    again = _refresh(server, laptop.refresh_token)
    assert again.status_code == 200 and again.json()["refresh_token"] == lost["refresh_token"]
    assert _me(server, again.json()["access_token"]) == 200
    assert _refresh(server, again.json()["refresh_token"]).status_code == 200


def test_reuse_after_the_grace_period_is_theft(server: Server) -> None:
    server.user("thandi")
    laptop = server.login("thandi")
    _refresh(server, laptop.refresh_token)
    with server.session() as session, session.begin():
        session.execute(text("UPDATE refresh_tokens SET used_at = :long_ago WHERE used_at IS NOT NULL"),
                        {"long_ago": datetime.now(UTC) - timedelta(hours=1)})
    assert _refresh(server, laptop.refresh_token).status_code == 401
    with server.session() as session:
        assert session.scalar(select(SignInSession.revoked_at)) is not None


def test_refresh_does_not_carry_a_session_past_its_absolute_lifetime(server: Server) -> None:
    server.user("thandi")
    laptop = server.login("thandi")
    body = _refresh(server, laptop.refresh_token).json()
    assert datetime.fromisoformat(body["session_expires_at"]) <= datetime.now(UTC) + timedelta(days=90)
    with server.session() as session, session.begin():
        session.execute(update(SignInSession).values(expires_at=datetime.now(UTC) - timedelta(seconds=1)))
    late = _refresh(server, body["refresh_token"])
    assert late.status_code == 401 and "type your password again" in late.json()["detail"]
    assert _me(server, body["access_token"]) == 401


def test_a_signed_out_access_token_stays_dead_after_signing_in_again(server: Server) -> None:
    server.user("thandi")
    laptop = server.login("thandi")
    assert server.client.post("/api/v1/auth/logout", headers=laptop.headers).status_code == 204
    again = server.login("thandi", device_id=laptop.device_id)
    assert _me(server, again.access_token) == 200
    assert _me(server, laptop.access_token) == 401  # the old session does not come back


def test_an_admin_revocation_stays_after_the_device_signs_in_again(server: Server) -> None:
    server.user("thandi")
    laptop = server.login("thandi")
    with server.session() as session:
        assert admin.revoke_devices(session, "thandi") == 1
    assert _me(server, laptop.access_token) == 401
    server.login("thandi", device_id=laptop.device_id)
    assert _me(server, laptop.access_token) == 401


# -- 11: sign-in limits -----------------------------------------------------------------------------


def _client_at(server: Server, address: str) -> TestClient:
    return TestClient(server.app, client=(address, 40000))


def _try(client: TestClient, username: str, password: str = "not the password") -> Any:
    return client.post("/api/v1/auth/login", json={"username": username, "password": password,
                                                   "device_id": new_id()})


def test_a_guesser_is_stopped_without_locking_the_person_out(server: Server) -> None:
    server.user("thandi")
    guesser, thandi = _client_at(server, "203.0.113.9"), _client_at(server, "198.51.100.4")
    answers = [_try(guesser, "thandi").status_code for _ in range(7)]
    assert answers == [401] * 5 + [429] * 2
    assert _try(thandi, "thandi", PASSWORD).status_code == 200  # the person, at their own address


def test_password_spraying_from_one_address_is_limited(server: Server) -> None:
    sprayer = _client_at(server, "203.0.113.10")
    answers = [_try(sprayer, f"user{n}").status_code for n in range(server.settings.login_attempts_per_address + 2)]
    assert answers.count(429) == 2 and answers[-1] == 429


def test_many_addresses_guessing_one_name_only_slow_it_down(server: Server) -> None:
    server.user("thandi")
    limit = server.settings.login_attempts_per_name
    for n in range(limit):
        assert _try(_client_at(server, f"203.0.113.{n + 20}"), "thandi").status_code == 401
    slowed = _try(_client_at(server, "203.0.113.99"), "thandi")
    assert slowed.status_code == 429 and 1 <= int(slowed.headers["Retry-After"]) <= 60
    with server.session() as session, session.begin():  # the delay passes (a minute at most)...
        session.execute(update(LoginThrottle).values(last_attempt=datetime.now(UTC) - timedelta(minutes=2)))
    assert _try(_client_at(server, "198.51.100.4"), "thandi", PASSWORD).status_code == 200  # ...and she is in


def test_concurrent_guesses_cannot_pass_the_limit_together(server: Server) -> None:
    """33 guesses at once with a limit of 5 (on PostgreSQL all 33 got through before)."""
    factory = make_session_factory(server.app.state.engine)
    allowed: list[bool] = []
    start = threading.Barrier(33)

    def guess() -> None:
        with factory() as session:
            start.wait()
            allowed.append(throttle.take_attempt(session, server.settings, "thandi", "203.0.113.7") is None)

    threads = [threading.Thread(target=guess) for _ in range(33)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert allowed.count(True) == server.settings.login_attempts


def test_unknown_names_cost_a_password_check_too(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    server.user("thandi")
    checked: list[str] = []

    class Counting(PasswordHasher):
        def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:  # noqa: A002 - argon2's names
            checked.append(str(password))
            return super().verify(hash, password)

    monkeypatch.setattr(security, "_hasher", Counting(time_cost=1, memory_cost=1024, parallelism=1))
    for name in ("thandi", "nobody"):
        response = _try(server.client, name)
        assert (response.status_code, response.json()["detail"]) == (401, WRONG)
    assert checked == ["not the password", "not the password"]


def _request(peer: str, forwarded: str | None) -> Request:
    headers = [(b"x-forwarded-for", forwarded.encode())] if forwarded else []
    return Request({"type": "http", "client": (peer, 1234), "headers": headers})


def test_forwarded_addresses_are_believed_only_from_trusted_proxies() -> None:
    trusted = ["127.0.0.1", "10.0.0.0/8"]
    assert throttle.client_address(_request("203.0.113.5", "1.2.3.4"), trusted) == "203.0.113.5"
    assert throttle.client_address(_request("127.0.0.1", "1.2.3.4, 198.51.100.7"), trusted) == "198.51.100.7"
    assert throttle.client_address(_request("127.0.0.1", "1.2.3.4, 198.51.100.7, 10.1.2.3"), trusted) == (
        "198.51.100.7")
    assert throttle.client_address(_request("127.0.0.1", None), trusted) == "127.0.0.1"


# -- 12: passwords ------------------------------------------------------------------------------------


@pytest.mark.parametrize("password", ["12345678", "password1234", "thandimokoena1", "saypro2026!!", "short pw"])
def test_common_short_and_personal_passwords_are_refused(server: Server, password: str) -> None:
    with server.session() as session, pytest.raises(admin.AdminError):
        admin.create_user(session, "thandi", password, display_name="Thandi Mokoena")


# -- 13: the signing key is not in the database -------------------------------------------------------


def test_the_signing_key_lives_outside_the_database_readable_by_its_owner_only(server: Server) -> None:
    with server.session() as session:
        tables = inspect(session.get_bind()).get_table_names()
        assert "server_secrets" not in tables
        key = server.app.state.signing_key
        for table in tables:
            for row in session.execute(text(f"SELECT * FROM {table}")):  # noqa: S608 - table names from the schema
                assert key not in json.dumps([str(v) for v in row])
    key_file = server.settings.key_file()
    assert key_file.read_text().strip() == key
    if os.name == "posix":
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_the_key_can_come_from_the_environment_for_several_app_servers(database_url: str, tmp_path: Path) -> None:
    shared = "k" * 48
    apps = [create_app(Settings(database_url=database_url, data_dir=tmp_path / name, signing_key=shared))
            for name in ("one", "two")]
    try:
        with make_session_factory(apps[0].state.engine)() as session:
            admin.create_user(session, "thandi", PASSWORD)
        login = TestClient(apps[0]).post("/api/v1/auth/login", json={
            "username": "thandi", "password": PASSWORD, "device_id": new_id()}).json()
        me = TestClient(apps[1]).get("/api/v1/auth/me", headers={"Authorization": f"Bearer {login['access_token']}"})
        assert me.status_code == 200
        assert not (tmp_path / "one" / "signing.key").exists()
    finally:
        for app in apps:
            app.state.engine.dispose()
            app.state.read_engine.dispose()


def test_an_older_database_hands_its_key_to_the_key_file(tmp_path: Path) -> None:
    from alembic import command

    from saypro_server.migrate import alembic_config

    engine = make_engine(f"sqlite+pysqlite:///{tmp_path / 'old.sqlite'}")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "s0002_quarantine")
        connection.execute(text("INSERT INTO server_secrets (name, value) VALUES ('token_signing_key', :k)"),
                           {"k": "old-key-" + "x" * 40})
    migrate(engine, tmp_path / "signing.key")
    engine.dispose()
    assert (tmp_path / "signing.key").read_text().strip() == "old-key-" + "x" * 40


def test_a_database_reader_cannot_mint_a_token(server: Server) -> None:
    """Whatever the database holds, a token signed with anything but the key file's key is refused."""
    server.user("thandi", role="admin")
    account = server.login("thandi")
    claims = jwt.decode(account.access_token, options={"verify_signature": False})
    with server.session() as session:
        guesses = [str(v) for row in session.execute(text("SELECT * FROM users")) for v in row]
    for guess in guesses:
        forged = jwt.encode({**claims, "exp": datetime.now(UTC) + timedelta(days=3650)}, guess.ljust(32, "x"),
                            algorithm="HS256")
        assert _me(server, forged) == 401


# -- 14: change ids and stamps belong to the device that sends them ----------------------------------


def test_a_colleague_cannot_reserve_a_victims_change_ids(server: Server) -> None:
    server.user("mallory")
    server.user("thandi")
    mallory, thandi = server.login("mallory"), server.login("thandi")
    log = factories.learning_log(id=new_id())
    victims_change = change(log, thandi.device_id)
    reserved = {**change(factories.learning_log(id=new_id()), mallory.device_id), "id": victims_change["id"]}
    assert server.sync(mallory, [reserved])["ack"][0]["s"] == "ok"
    assert server.sync(thandi, [victims_change])["ack"][0]["s"] == "ok"


def test_a_change_stamped_by_another_device_is_refused(server: Server) -> None:
    server.user("thandi")
    laptop, tablet = server.login("thandi"), server.login("thandi")
    log = factories.learning_log(id=new_id())
    forged = change(log, tablet.device_id)  # its stamp names the tablet
    answer = server.sync(laptop, [forged])["ack"][0]
    assert (answer["s"], answer["err"]) == ("rejected", "The change's stamp names another device.")


# -- 15: a flood of text, bodies before sign-in, slow bodies --------------------------------------------


def test_records_past_the_users_quota_are_refused(database_url: str, tmp_path: Path) -> None:
    running = Server(database_url)
    running.close()
    running.settings = Settings(database_url=database_url, data_dir=tmp_path, user_record_quota_bytes=20_000)
    running.app = create_app(running.settings)
    running.client = TestClient(running.app)
    running.session_factory = make_session_factory(running.app.state.engine)
    try:
        running.user("thandi")
        laptop = running.login("thandi")
        logs = [factories.learning_log(id=new_id(), what_learned="x" * 4000) for _ in range(8)]
        acks = running.sync(laptop, [change(log, laptop.device_id) for log in logs])["ack"]
        assert [a["s"] for a in acks].count("ok") == 4
        assert acks[-1]["err"].startswith("Your records would pass your storage quota")
        with running.session() as session:
            stored = session.scalar(text("SELECT stored_bytes FROM users"))
        assert 16_000 < stored <= 20_000
        smaller = change(logs[0], laptop.device_id, base=1, fields={"what_learned": "short now"})
        assert running.sync(laptop, [smaller])["ack"][0]["s"] == "ok"  # shrinking is always allowed
    finally:
        running.close()


def _drive(path: str, headers: dict[str, str], chunks: list[tuple[float, bytes]],
           **options: Any) -> tuple[list[dict[str, Any]], bool]:
    """POST through the middleware; each chunk arrives after its delay. Returns what was sent back,
    and whether the app behind it was reached."""
    reached: list[bool] = []
    answered: list[dict[str, Any]] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        reached.append(True)

    middleware = RequestBodyMiddleware(app, max_body=1 << 20, max_inflated=1 << 22, **options)

    async def run() -> None:
        pending = list(chunks)

        async def receive() -> dict[str, Any]:
            if not pending:
                await asyncio.sleep(3600)
            delay, body = pending.pop(0)
            await asyncio.sleep(delay)
            return {"type": "http.request", "body": body, "more_body": bool(pending)}

        async def send(message: dict[str, Any]) -> None:
            answered.append(message)

        scope = {"type": "http", "method": "POST", "path": path,
                 "headers": [(k.encode(), v.encode()) for k, v in headers.items()]}
        await asyncio.wait_for(middleware(scope, receive, send), timeout=10)

    asyncio.run(run())
    return answered, bool(reached)


def test_no_body_is_read_before_a_valid_access_token() -> None:
    def genuine(token: str) -> bool:
        return token == "good"

    for headers in ({}, {"authorization": "Bearer forged"}):
        answered, reached = _drive("/api/v1/sync", headers, [(3600, b"x")], token_ok=genuine)  # never comes
        assert answered[0]["status"] == 401 and not reached
    answered, reached = _drive("/api/v1/sync", {"authorization": "Bearer good"}, [(0, b"{}")], token_ok=genuine)
    assert reached


def test_sign_in_takes_small_bodies_only() -> None:
    answered, reached = _drive("/api/v1/auth/login", {"content-length": str(1 << 20)}, [(0, b"x")],
                               token_ok=lambda token: False)
    assert answered[0]["status"] == 413 and not reached


def test_a_stalled_or_crawling_body_is_dropped() -> None:
    options: dict[str, Any] = {"token_ok": lambda token: True, "idle_s": 0.2, "total_s": 1.0}
    stalled, reached = _drive("/api/v1/sync", {"authorization": "Bearer t"}, [(0, b"a"), (0.5, b"b")], **options)
    assert stalled[0]["status"] == 408 and not reached
    crawling, reached = _drive("/api/v1/sync", {"authorization": "Bearer t"}, [(0.15, b"a")] * 10, **options)
    assert crawling[0]["status"] == 408 and not reached


def test_an_unauthenticated_sync_is_refused_by_the_real_app(server: Server) -> None:
    response = server.client.post("/api/v1/sync", content=b"x" * 100_000, headers={"Content-Type": "application/json"})
    assert response.status_code == 401
