"""Signing a profile in to the server and keeping its access token fresh."""

from __future__ import annotations

import base64
import binascii
import logging
import threading
from typing import Any

import requests

from saypro_desktop.sync.credentials import Credentials, CredentialStore
from saypro_desktop.sync.server_address import checked_server, is_plain_http
from saypro_desktop.sync.transport import (
    CONNECT_TIMEOUT_S,
    READ_TIMEOUT_S,
    SIGN_IN_AGAIN,
    SignInNeeded,
    SyncError,
    redirect_refused,
)

log = logging.getLogger(__name__)


def _post(url: str, payload: dict[str, Any]) -> dict[str, Any]:
    try:
        # Never re-sent elsewhere: a redirect would carry the password (or token) to an address the
        # answer chose, and for 307/308 with the body.
        response = requests.post(url, json=payload, timeout=(CONNECT_TIMEOUT_S, READ_TIMEOUT_S), allow_redirects=False)
    except requests.RequestException:
        raise SyncError(f"Could not reach the server at {url.split('/api/')[0]} (no connection?).") from None
    if response.is_redirect or 300 <= response.status_code < 400:
        raise SignInNeeded(redirect_refused(response))
    if response.status_code in (401, 409, 429):
        raise SignInNeeded(str(response.json().get("detail", "Sign-in refused.")))
    if response.status_code != 200:
        raise SyncError(f"The server could not sign you in ({response.status_code}).")
    body: dict[str, Any] = response.json()
    return body


def _credentials(server: str, body: dict[str, Any], *, insecure_http: bool) -> Credentials:
    try:
        user = body["user"]
        return Credentials(server=server, username=str(user["username"]), user_id=str(user["id"]),
                           display_name=str(user["display_name"]), refresh_token=str(body["refresh_token"]),
                           access_token=str(body["access_token"]), access_expires_at=str(body["expires_at"]),
                           insecure_http=insecure_http)
    except (KeyError, TypeError):
        raise SyncError("The server's answer to the sign-in could not be read (is it a SayPro server?).") from None


def sign_in(server: str, username: str, password: str, device_id: str, device_name: str = "laptop", *,
            allow_insecure_http: bool = False) -> Credentials:
    """Sign in on ``server`` (https, or loopback, or plain http only if allowed). Raises SyncError,
    or UnsafeServerAddress before anything is sent."""
    return sign_in_with_recovery(server, username, password, device_id, device_name,
                                 allow_insecure_http=allow_insecure_http)[0]


def sign_in_with_recovery(server: str, username: str, password: str, device_id: str, device_name: str = "laptop",
                          *, allow_insecure_http: bool = False) -> tuple[Credentials, bytes | None]:
    """``sign_in``, and this device's recovery secret from the server (None from a server without
    one): it seals the profile's data key too (storage.profile_lock)."""
    server = checked_server(server, allow_insecure_http=allow_insecure_http)
    body = _post(f"{server}/api/v1/auth/login", {"username": username, "password": password,
                                                 "device_id": device_id, "device_name": device_name})
    return _credentials(server, body, insecure_http=is_plain_http(server)), _recovery(body.get("recovery_secret"))


def _recovery(value: object) -> bytes | None:
    if not isinstance(value, str) or not 40 <= len(value) <= 64:
        return None
    try:
        secret = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (ValueError, binascii.Error):
        return None
    return secret if len(secret) == 32 else None


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
            self._credentials = _credentials(self._credentials.server, body,
                                             insecure_http=self._credentials.insecure_http)
            self._store.save(self._credentials)
