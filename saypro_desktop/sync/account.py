"""Signing a profile in to the server and keeping its access token fresh."""

from __future__ import annotations

import logging
import threading
from typing import Any

import requests

from saypro_desktop.sync.credentials import Credentials, CredentialStore
from saypro_desktop.sync.transport import (
    CONNECT_TIMEOUT_S,
    READ_TIMEOUT_S,
    SIGN_IN_AGAIN,
    SignInNeeded,
    SyncError,
)

log = logging.getLogger(__name__)


def _post(url: str, payload: dict[str, Any]) -> dict[str, Any]:
    try:
        response = requests.post(url, json=payload, timeout=(CONNECT_TIMEOUT_S, READ_TIMEOUT_S))
    except requests.RequestException:
        raise SyncError(f"Could not reach the server at {url.split('/api/')[0]} (no connection?).") from None
    if response.status_code in (401, 409, 429):
        raise SignInNeeded(str(response.json().get("detail", "Sign-in refused.")))
    if response.status_code != 200:
        raise SyncError(f"The server could not sign you in ({response.status_code}).")
    body: dict[str, Any] = response.json()
    return body


def _credentials(server: str, body: dict[str, Any]) -> Credentials:
    user = body["user"]
    return Credentials(server=server, username=user["username"], user_id=user["id"],
                       display_name=user["display_name"], refresh_token=body["refresh_token"],
                       access_token=body["access_token"], access_expires_at=body["expires_at"])


def sign_in(server: str, username: str, password: str, device_id: str, device_name: str = "laptop") -> Credentials:
    server = server.rstrip("/")
    body = _post(f"{server}/api/v1/auth/login", {"username": username, "password": password,
                                                 "device_id": device_id, "device_name": device_name})
    return _credentials(server, body)


class Account:
    """A signed-in profile: hands out the access token, refreshes it once when the server says it
    expired, and stores the new tokens (the old refresh token works only once)."""

    def __init__(self, store: CredentialStore, credentials: Credentials) -> None:
        self._store = store
        self._credentials = credentials
        self._lock = threading.Lock()

    @property
    def credentials(self) -> Credentials:
        return self._credentials

    def access_token(self) -> str:
        return self._credentials.access_token

    def refresh(self) -> None:
        """Raises SignInNeeded when the server no longer accepts the refresh token (revoked device)."""
        with self._lock:
            try:
                body = _post(f"{self._credentials.server}/api/v1/auth/refresh",
                             {"refresh_token": self._credentials.refresh_token})
            except SignInNeeded as exc:
                log.info("refresh refused: %s", exc)
                raise SignInNeeded(SIGN_IN_AGAIN) from None
            self._credentials = _credentials(self._credentials.server, body)
            self._store.save(self._credentials)
