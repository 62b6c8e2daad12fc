"""The built executable (PyInstaller), as installed on a field laptop.

Run by build_scripts/build_executable.py with SAYPRO_EXECUTABLE pointing at what it built;
skipped in a plain test run, where there is no executable to test.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from saypro_core.records import Record
from saypro_desktop.storage.migrate import head_revision
from tests import factories
from tests.integration.conftest import PASSWORD
from tests.old_profiles import FIRST_REVISION_TYPES, write_old_profile

EXECUTABLE = os.environ.get("SAYPRO_EXECUTABLE")
pytestmark = pytest.mark.skipif(not EXECUTABLE, reason="no SAYPRO_EXECUTABLE: run build_scripts/build_executable.py")


def run_exe(data_dir: Path, *args: str, stdin: str | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    assert EXECUTABLE
    return subprocess.run([EXECUTABLE, "--data-dir", str(data_dir), *args], capture_output=True, text=True,
                          input=stdin, timeout=180, check=False,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})})


def profile_db(data_dir: Path) -> Path:
    return data_dir / "profiles" / "default" / "saypro.sqlite"


def test_an_old_profile_upgrades_with_every_record(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    records: list[Record] = [dataclasses.replace(r, id=factories.new_id()) for r in factories.one_of_each() * 3
                             if r.record_type in FIRST_REVISION_TYPES]
    write_old_profile(profile_db(data_dir), records)

    started = run_exe(data_dir, "--smoke-test")

    assert started.returncode == 0, started.stderr
    assert f"{len(records)} records in the profile" in started.stdout
    assert len(list((profile_db(data_dir).parent / "backups").glob("*.sqlite"))) == 1
    with sqlite3.connect(profile_db(data_dir)) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
    connection.close()
    exported = json.loads(run_exe(data_dir, "export").stdout)
    by_id = {r["id"]: r for section in exported.values() if isinstance(section, list) for r in section}
    assert set(by_id) == {r.id for r in records}
    for record in records:
        assert by_id[record.id]["revision"] == record.revision
        assert by_id[record.id][type(record).title_field] == record.display_title


def test_search_index_is_built_for_upgraded_records(tmp_path: Path) -> None:
    """Migrations ran from inside the bundle: the FTS table exists and covers old records."""
    data_dir = tmp_path / "data"
    write_old_profile(profile_db(data_dir), [factories.learning_log()])
    assert run_exe(data_dir, "--smoke-test").returncode == 0
    with sqlite3.connect(profile_db(data_dir)) as connection:
        hits = connection.execute("SELECT title FROM search_index WHERE search_index MATCH 'polokwane'").fetchall()
    connection.close()
    assert hits == [("Youth jobs fair in Polokwane",)]


def test_import_and_csv_export_work_frozen(tmp_path: Path) -> None:
    source = tmp_path / "logs.csv"
    source.write_text("Title,Date,What I learned\nWard meeting,12/11/2026,Councillors want monthly updates\n")
    imported = run_exe(tmp_path / "data", "import", str(source))
    assert (imported.returncode, imported.stdout.strip()) == (0, "Imported 1 record (1 learning logs).")
    csv_out = run_exe(tmp_path / "data", "export", "--format", "csv").stdout
    assert "Ward meeting,2026-11-12" in csv_out


def test_a_newer_profile_is_refused(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert run_exe(data_dir, "--smoke-test").returncode == 0
    with sqlite3.connect(profile_db(data_dir)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0100_future'")
    connection.close()
    refused = run_exe(data_dir, "--smoke-test")
    assert refused.returncode == 1
    assert "saved by a newer version" in refused.stderr



def test_headless_sync_with_a_local_server(served: tuple[str, Path, subprocess.Popen[str]], tmp_path: Path) -> None:
    """The built executable signs in and syncs against a real server on loopback (no display, no keyring)."""
    url = served[0]
    env_no_keyring = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    source = tmp_path / "logs.csv"
    source.write_text("Title,Date,What I learned\nWard meeting,12/11/2026,Councillors want monthly updates\n")
    assert run_exe(tmp_path / "data", "import", str(source)).returncode == 0
    login = run_exe(tmp_path / "data", "login", "--server", url, "--user", "thandi", stdin=f"{PASSWORD}\n",
                    env=env_no_keyring)
    assert login.returncode == 0, login.stderr
    synced = run_exe(tmp_path / "data", "sync", stdin=f"{PASSWORD}\n", env=env_no_keyring)  # her profile: her password
    assert (synced.returncode, synced.stdout.strip()) == (0, "Synced: 1 sent, 0 received."), synced.stderr
