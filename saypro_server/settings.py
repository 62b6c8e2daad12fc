"""Server settings, from command-line flags and ``SAYPRO_SERVER_*`` environment variables.

With nothing set the server keeps a SQLite file in its data directory (zero configuration);
production points ``database_url`` at PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SAYPRO_SERVER_", extra="ignore")

    data_dir: Path = Field(default_factory=lambda: platformdirs.user_data_path("saypro-server", "SayPro"))
    database_url: str | None = Field(default=None, description="e.g. postgresql+psycopg://user:pw@host/db")
    access_token_minutes: int = 15
    refresh_token_days: int = 90
    #: Failed logins allowed per user name within ``login_window_minutes`` before 429.
    login_attempts: int = 5
    login_window_minutes: int = 15
    attachment_max_bytes: int = 25 * 1024 * 1024
    attachment_chunk_max_bytes: int = 1024 * 1024
    user_quota_bytes: int = 500 * 1024 * 1024

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite+pysqlite:///{self.data_dir / 'server.sqlite'}"
