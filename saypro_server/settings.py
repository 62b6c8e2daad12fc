"""Server settings, from command-line flags and ``SAYPRO_SERVER_*`` environment variables.

With nothing set the server keeps a SQLite file and its token signing key in its data directory
(zero configuration); production points ``database_url`` at PostgreSQL and gives every app server
the same ``signing_key`` (or the same key file).
"""

from __future__ import annotations

import ipaddress
from pathlib import Path

import platformdirs
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from saypro_core.bounds import MAX_FILE_BYTES


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SAYPRO_SERVER_", extra="ignore")

    data_dir: Path = Field(default_factory=lambda: platformdirs.user_data_path("saypro-server", "SayPro"))
    database_url: str | None = Field(default=None, description="e.g. postgresql+psycopg://user:pw@host/db")
    #: The key that signs access tokens. Outside the database, so reading the database is not enough to
    #: mint a token. Unset: the key file below (made at the first start, readable by its owner only).
    signing_key: SecretStr | None = Field(default=None, min_length=32)
    signing_key_file: Path | None = Field(default=None, description="default: DATA_DIR/signing.key")
    access_token_minutes: int = Field(default=15, ge=1, le=24 * 60)
    #: A refresh token lapses when unused this long (each refresh gives a new one)...
    refresh_token_days: int = Field(default=30, ge=1, le=365)
    #: ...and no refresh carries a sign-in past this: then the password is asked again.
    session_days: int = Field(default=90, ge=1, le=730)
    #: The web dashboard signs a browser out after this long without a request...
    dashboard_idle_minutes: int = Field(default=30, ge=1, le=24 * 60)
    #: ...and after this long in any case (then the password is asked again).
    dashboard_session_hours: int = Field(default=12, ge=1, le=7 * 24)
    #: The dashboard's cookie is sent over https only (turn off only for a server on loopback).
    dashboard_secure_cookie: bool = True
    #: A refresh token presented again within this many seconds, while the one it was exchanged for is
    #: unused, gives that same one again (its answer was lost on a bad link); later it counts as theft.
    refresh_grace_seconds: int = Field(default=600, ge=0, le=3600)
    #: Sign-in attempts allowed within ``login_window_minutes`` per user name and client address...
    login_attempts: int = Field(default=5, ge=1)
    #: ...per client address over all user names (password spraying)...
    login_attempts_per_address: int = Field(default=30, ge=1)
    #: ...and per user name from anywhere, after which each further try must wait, twice as long each
    #: time up to ``login_max_delay_seconds`` (a delay, not a lock: strangers cannot lock a person out).
    login_attempts_per_name: int = Field(default=10, ge=1)
    login_max_delay_seconds: int = Field(default=60, ge=1)
    login_window_minutes: int = Field(default=15, ge=1)
    #: Addresses of reverse proxies whose X-Forwarded-For is believed (anyone else could forge it).
    trusted_proxies: list[str] = Field(default_factory=lambda: ["127.0.0.1", "::1"])
    attachment_max_bytes: int = Field(default=25 * 1024 * 1024, ge=0, le=MAX_FILE_BYTES)
    attachment_chunk_max_bytes: int = 1024 * 1024
    #: Photos and documents a user may keep on the server...
    user_quota_bytes: int = 500 * 1024 * 1024
    #: ...and bytes of record text (a compressed push can inflate a thousandfold).
    user_record_quota_bytes: int = 100 * 1024 * 1024
    #: Retention (`saypro-server maintenance`): tombstones of deleted records and withdrawals...
    tombstone_days: int = Field(default=365, ge=1)
    #: ...the audit trail...
    audit_days: int = Field(default=730, ge=1)
    #: ...and the record of applied changes (a change sent again later than this is applied again,
    #: which changes nothing: it holds the values the record already has).
    change_log_days: int = Field(default=90, ge=1)
    #: A request body that sends nothing for this long, or takes longer than the total, is dropped.
    body_idle_seconds: float = Field(default=30.0, gt=0)
    body_total_seconds: float = Field(default=600.0, gt=0)

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, value: list[str]) -> list[str]:
        for network in value:
            ipaddress.ip_network(network, strict=False)  # ValueError names a bad entry
        return value

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        return f"sqlite+pysqlite:///{self.data_dir / 'server.sqlite'}"

    def key_file(self) -> Path:
        return self.signing_key_file or self.data_dir / "signing.key"
