"""Sign-in, tokens and their withdrawal."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import jwt

from saypro_server import admin
from tests.server.conftest import PASSWORD, Server


def test_only_health_and_login_work_without_a_token(server: Server) -> None:
    paths = server.client.get("/openapi.json").json()["paths"]
    open_paths = {"/api/v1/health", "/api/v1/auth/login", "/api/v1/auth/refresh"}
    for path, operations in paths.items():
        for method in operations:
            if path in open_paths:
                continue
            url = path.replace("{conflict_id}", "0" * 36).replace("{sha256}", "a" * 64)
            response = server.client.request(method.upper(), url)
            assert response.status_code == 401, (method, path, response.status_code)


def test_wrong_password_then_rate_limit(server: Server) -> None:
    server.user("thandi")
    for _ in range(5):
        response = server.client.post("/api/v1/auth/login", json={
            "username": "thandi", "password": "wrong password", "device_id": "0" * 8 + "-0000-7000-8000-" + "0" * 12})
        assert response.status_code == 401
        assert response.json()["detail"] == "Wrong user name or password (or the account is disabled)."
    blocked = server.client.post("/api/v1/auth/login", json={
        "username": "thandi", "password": PASSWORD, "device_id": "0" * 8 + "-0000-7000-8000-" + "0" * 12})
    assert blocked.status_code == 429
    assert "Too many failed sign-ins" in blocked.json()["detail"]


def test_disabled_user_is_refused_at_once(server: Server) -> None:
    server.user("thandi")
    account = server.login("thandi")
    assert server.client.get("/api/v1/auth/me", headers=account.headers).status_code == 200
    with server.session() as session:
        admin.set_disabled(session, "thandi", True)
    response = server.client.get("/api/v1/auth/me", headers=account.headers)
    assert (response.status_code, response.json()["detail"]) == (401, "This account is disabled.")
    refreshed = server.client.post("/api/v1/auth/refresh", json={"refresh_token": account.refresh_token})
    assert refreshed.status_code == 401
    # A disabled account does not confirm its password: the answer is the one for a wrong password.
    login = server.client.post("/api/v1/auth/login", json={
        "username": "thandi", "password": PASSWORD, "device_id": account.device_id})
    assert (login.status_code, login.json()["detail"]) == (401, "Wrong user name or password (or the account "
                                                                "is disabled).")


def test_revoked_device_is_refused_and_others_keep_working(server: Server) -> None:
    server.user("thandi")
    laptop, tablet = server.login("thandi"), server.login("thandi")
    assert server.client.post("/api/v1/auth/logout", headers=laptop.headers).status_code == 204
    response = server.client.get("/api/v1/auth/me", headers=laptop.headers)
    assert (response.status_code, response.json()["detail"]) == (401, "This device was signed out; sign in again.")
    assert server.client.post("/api/v1/auth/refresh", json={"refresh_token": laptop.refresh_token}).status_code == 401
    assert server.client.get("/api/v1/auth/me", headers=tablet.headers).status_code == 200


def test_refresh_rotates_and_works_once(server: Server) -> None:
    server.user("thandi")
    account = server.login("thandi")
    first = server.client.post("/api/v1/auth/refresh", json={"refresh_token": account.refresh_token})
    assert first.status_code == 200
    new_access, new_refresh = first.json()["access_token"], first.json()["refresh_token"]
    assert new_refresh != account.refresh_token
    assert server.client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {new_access}"}).status_code == 200
    second = server.client.post("/api/v1/auth/refresh", json={"refresh_token": new_refresh})
    assert second.status_code == 200 and second.json()["refresh_token"] != new_refresh


def test_expired_and_forged_tokens_are_refused(server: Server) -> None:
    server.user("thandi")
    account = server.login("thandi")
    key = server.app.state.signing_key
    claims = jwt.decode(account.access_token, key, algorithms=["HS256"])
    expired = jwt.encode({**claims, "exp": datetime.now(UTC) - timedelta(seconds=1)}, key, algorithm="HS256")
    forged = jwt.encode({**claims, "exp": datetime.now(UTC) + timedelta(hours=1)}, "x" * 64, algorithm="HS256")
    for token, message in ((expired, "The access token has expired; refresh it."),
                           (forged, "The access token is not valid.")):
        response = server.client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert (response.status_code, response.json()["detail"]) == (401, message)


def test_reset_password_signs_out_every_device(server: Server) -> None:
    server.user("thandi")
    account = server.login("thandi")
    with server.session() as session:
        admin.reset_password(session, "thandi", "a brand new password for june")
    assert server.client.get("/api/v1/auth/me", headers=account.headers).status_code == 401
