"""The ``saypro-desktop`` command as a user (or a script) runs it, in a separate process."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from saypro_core.codec import encode
from saypro_core.records import LOCAL_ONLY_FIELDS
from tests import factories


def run_cli(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "saypro_desktop", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, timeout=120, env=env, input=stdin, check=False,
    )


def database(data_dir: Path) -> Path:
    return data_dir / "profiles" / "default" / "saypro.sqlite"


def test_smoke_test_on_an_empty_profile(tmp_path: Path) -> None:
    result = run_cli(tmp_path / "fresh", "--smoke-test")
    assert result.returncode == 0, result.stderr
    assert "smoke test ok" in result.stdout
    assert "0 records in the profile" in result.stdout
    assert database(tmp_path / "fresh").exists()
    assert (tmp_path / "fresh" / "logs" / "saypro.log").read_text().count("starting") == 1


def test_export_then_import_through_the_command_line(tmp_path: Path) -> None:
    source = tmp_path / "spreadsheet.csv"
    source.write_text("title,log_date,what_learned,tags\nClinic visit,2026-10-01,Shorter forms,health\n")
    imported = run_cli(tmp_path / "a", "import", str(source))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip() == "Imported 1 record (1 learning logs)."

    export_file = tmp_path / "export.json"
    exported = run_cli(tmp_path / "a", "export", "-o", str(export_file))
    assert exported.stdout.strip() == f"Exported 1 record to {export_file}."
    assert json.loads(export_file.read_text())["learning_logs"][0]["title"] == "Clinic visit"
    assert not export_file.with_name("export.json.partial").exists()

    to_stdout = run_cli(tmp_path / "a", "export", "--format", "csv", "--type", "learning_log")
    assert to_stdout.stdout.splitlines()[1].split(",")[1] == "Clinic visit"

    again = run_cli(tmp_path / "b", "import", str(export_file))
    assert again.returncode == 0
    documents = [json.loads(run_cli(tmp_path / d, "export").stdout) for d in ("a", "b")]
    for document in documents:
        del document["exported_at"]
    assert documents[0] == documents[1]


def test_refused_import_exits_non_zero_and_says_why(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": 1, "learning_logs": [{"title": "No date"}]}')
    result = run_cli(tmp_path / "a", "import", str(bad))
    assert result.returncode == 1
    assert result.stderr.strip() == ("saypro-desktop: import refused, nothing was changed: "
                                     "learning_logs record 1 'No date': Date is missing.")


def test_csv_export_of_other_types_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli(tmp_path / "a", "export", "--format", "csv", "--type", "session_note")
    assert result.returncode == 2
    assert "CSV export holds learning logs only" in result.stderr


def test_newer_database_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    assert run_cli(tmp_path / "a", "--smoke-test").returncode == 0
    with sqlite3.connect(database(tmp_path / "a")) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0042_newer'")
    connection.close()
    result = run_cli(tmp_path / "a", "--smoke-test")
    assert result.returncode == 1
    assert "saved by a newer version of SayPro Field Learning" in result.stderr


def _big_export(path: Path, count: int) -> None:
    base = encode(factories.learning_log(), exclude=LOCAL_ONLY_FIELDS)
    logs = []
    for n in range(count):
        log = dict(base, id=factories.new_id(), title=f"Field visit {n}",
                   what_happened=f"Visit number {n}. " + "Met the youth group and the ward councillor. " * 10)
        logs.append(log)
    path.write_text(json.dumps({"format": 1, "learning_logs": logs}))


def _count_and_check(db: Path) -> tuple[int, str]:
    connection = sqlite3.connect(db)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        count = connection.execute("SELECT count(*) FROM learning_log").fetchone()[0]
        outbox = connection.execute("SELECT count(*) FROM outbox").fetchone()[0]
        indexed = connection.execute("SELECT count(*) FROM search_docs").fetchone()[0]
        assert count == outbox == indexed, (count, outbox, indexed)
        return count, integrity
    finally:
        connection.close()


@pytest.mark.slow
def test_sigkill_during_a_large_import_leaves_all_or_nothing(tmp_path: Path) -> None:
    count = 25_000
    export_file = tmp_path / "big.json"
    _big_export(export_file, count)
    rng = random.Random(20261123)
    killed_mid_write = 0
    for attempt in range(3):
        data_dir = tmp_path / f"attempt{attempt}"
        assert run_cli(data_dir, "--smoke-test").returncode == 0  # an existing, migrated profile
        db = database(data_dir)
        wal = db.with_name(db.name + "-wal")
        process = subprocess.Popen(
            [sys.executable, "-m", "saypro_desktop", "--data-dir", str(data_dir), "import", str(export_file)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            if wal.exists() and wal.stat().st_size > 2_000_000:  # the transaction is writing pages
                break
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.5))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed_mid_write += 1
        process.wait(timeout=30)
        stored, integrity = _count_and_check(db)
        assert integrity == "ok"
        assert stored in (0, count), f"attempt {attempt}: a partial import of {stored} records survived"
    assert killed_mid_write >= 2, "the import finished before it could be killed; make it bigger"


def test_changes_survive_a_sigkill_right_after_save(tmp_path: Path) -> None:
    """A save that returned is durable (synchronous=FULL): kill the process straight after."""
    data_dir = tmp_path / "a"
    script = (
        "import os, signal, sys\n"
        "from saypro_desktop.storage.store import RecordStore\n"
        "from tests import factories\n"
        f"store = RecordStore.open(__import__('pathlib').Path({str(database(data_dir))!r}))\n"
        "store.save(factories.learning_log())\n"
        "print('saved', flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    database(data_dir).parent.mkdir(parents=True)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                            cwd=Path(__file__).resolve().parents[2], check=False)
    assert result.returncode == -signal.SIGKILL and result.stdout == "saved\n"
    assert _count_and_check(database(data_dir)) == (1, "ok")
