"""Shared fixtures: Qt headless unless a display is set, a profile on a temporary data dir."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from saypro_desktop.paths import DATA_DIR_ENV, DataPaths  # noqa: E402
from saypro_desktop.storage.store import RecordStore  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _no_real_user_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing a test runs may touch the developer's real profile, nor a real server's data folder
    (where the server keeps its token signing key)."""
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path_factory.mktemp("default-data-dir")))
    monkeypatch.setenv("SAYPRO_SERVER_DATA_DIR", str(tmp_path_factory.mktemp("server-data-dir")))


@pytest.fixture(autouse=True)
def _quick_profile_locks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Profiles locked in tests use scrypt at a low cost: the production cost (0.4 s and 128 MiB a
    try, profile_lock.N) is the point in the field and only slows the many sign-ins of the tests.
    Processes the tests start (the CLI) use the real cost."""
    from saypro_desktop.storage import profile_lock

    monkeypatch.setattr(profile_lock, "N", 2**10)


@pytest.fixture
def data_paths(tmp_path: Path) -> DataPaths:
    paths = DataPaths.resolve(tmp_path / "data")
    paths.ensure()
    return paths


@pytest.fixture
def store(data_paths: DataPaths) -> Iterator[RecordStore]:
    opened = RecordStore.open(data_paths.database())
    yield opened
    opened.close()
