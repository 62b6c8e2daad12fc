"""`saypro-desktop login` and `sync` as a script or a scheduled task runs them."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from saypro_desktop.storage.store import RecordStore
from tests.integration.conftest import PASSWORD, admin

# No keyring on a build machine: the encrypted-file fallback, on every machine the tests run on.
NO_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def desktop(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "saypro_desktop", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, input=stdin, timeout=120, check=False,
                          env={**os.environ, **NO_KEYRING, "QT_QPA_PLATFORM": "offscreen"})


def test_login_then_sync_from_the_command_line(served: tuple[str, Path, subprocess.Popen[str]],
                                               tmp_path: Path) -> None:
    url = served[0]
    laptop, tablet = tmp_path / "laptop", tmp_path / "tablet"

    not_yet = desktop(laptop, "sync")
    assert not_yet.returncode == 1 and "not signed in" in not_yet.stderr
    wrong = desktop(laptop, "login", "--server", url, "--user", "thandi", stdin="wrong password\n")
    assert (wrong.returncode, wrong.stderr.strip()) == (
        1, "saypro-desktop: sign-in failed: Wrong user name or password (or the account is disabled).")

    signed_in = desktop(laptop, "login", "--server", url, "--user", "thandi", stdin=f"{PASSWORD}\n")
    assert signed_in.returncode == 0, signed_in.stderr
    assert signed_in.stdout.strip() == (
        f"Signed in as Thandi Mokoena on {url} (kept in an encrypted file in the data folder); this profile now "
        "opens only with your password.")
    vault = laptop / "credentials" / "default.bin"
    assert vault.stat().st_mode & 0o777 == 0o600
    assert b"refresh" not in vault.read_bytes() and b"thandi" not in vault.read_bytes()

    logs = tmp_path / "logs.csv"
    logs.write_text("Title,Date,What I learned\nWard meeting,12/11/2026,Councillors want monthly updates\n")
    assert desktop(laptop, "import", str(logs), stdin=f"{PASSWORD}\n").returncode == 0
    synced = desktop(laptop, "sync", stdin=f"{PASSWORD}\n")
    assert (synced.returncode, synced.stdout.strip()) == (0, "Synced: 1 sent, 0 received.")

    assert desktop(tablet, "login", "--server", url, "--user", "thandi", stdin=f"{PASSWORD}\n").returncode == 0
    pulled = desktop(tablet, "sync", stdin=f"{PASSWORD}\n")
    assert (pulled.returncode, pulled.stdout.strip()) == (0, "Synced: 0 sent, 1 received.")
    assert "Ward meeting" in desktop(tablet, "export", "--format", "csv", stdin=f"{PASSWORD}\n").stdout


def test_a_signed_in_profile_opens_for_no_command_without_its_password(
        served: tuple[str, Path, subprocess.Popen[str]], tmp_path: Path) -> None:
    """A colleague at the shared laptop cannot export, import into or sync as someone else; the
    database and its backup on disk reveal nothing."""
    url = served[0]
    assert desktop(tmp_path, "login", "--server", url, "--user", "thandi", stdin=f"{PASSWORD}\n").returncode == 0
    logs = tmp_path / "logs.csv"
    logs.write_text("Title,Date,What I learned\nPrivate reflection,12/11/2026,About my supervisor\n")
    assert desktop(tmp_path, "import", str(logs), stdin=f"{PASSWORD}\n").returncode == 0
    for command in (["export"], ["sync"], ["import", str(logs)], ["logout"]):
        refused = desktop(tmp_path, *command, stdin="a guess\n")
        assert refused.returncode == 1 and "opens only with its owner's password" in refused.stderr, command
        assert "Private reflection" not in refused.stdout
    profile = tmp_path / "profiles" / "default"
    for path in profile.rglob("*"):
        if path.is_file():
            assert b"Private reflection" not in path.read_bytes(), path
            assert path.stat().st_mode & 0o077 == 0, path
    assert profile.stat().st_mode & 0o777 == 0o700


def test_logout_signs_the_laptop_out_and_keeps_the_work(served: tuple[str, Path, subprocess.Popen[str]],
                                                        tmp_path: Path) -> None:
    url = served[0]
    assert desktop(tmp_path, "login", "--server", url, "--user", "thandi", stdin=f"{PASSWORD}\n").returncode == 0
    logs = tmp_path / "logs.csv"
    logs.write_text("Title,Date,What I learned\nWritten before signing out,12/11/2026,It waits\n")
    assert desktop(tmp_path, "import", str(logs), stdin=f"{PASSWORD}\n").returncode == 0
    out = desktop(tmp_path, "logout", stdin=f"{PASSWORD}\n")
    assert out.returncode == 0 and out.stdout.startswith("Signed out: the server ended this laptop's sign-in")
    assert not (tmp_path / "credentials" / "default.bin").exists()
    after = desktop(tmp_path, "sync", stdin=f"{PASSWORD}\n")
    assert after.returncode == 1 and "not signed in" in after.stderr
    assert "Written before signing out" in desktop(tmp_path, "export", stdin=f"{PASSWORD}\n").stdout
    assert desktop(tmp_path, "login", "--server", url, "--user", "thandi", stdin=f"{PASSWORD}\n").returncode == 0
    assert desktop(tmp_path, "sync", stdin=f"{PASSWORD}\n").stdout.strip() == "Synced: 1 sent, 0 received."


def test_sync_says_why_when_the_server_is_gone(served: tuple[str, Path, subprocess.Popen[str]],
                                               tmp_path: Path) -> None:
    url, _, process = served
    assert desktop(tmp_path, "login", "--server", url, "--user", "thandi", stdin=f"{PASSWORD}\n").returncode == 0
    process.terminate()
    process.wait(timeout=30)
    result = desktop(tmp_path, "sync", "--wait-for-server", "0", stdin=f"{PASSWORD}\n")
    assert result.returncode == 1
    assert result.stdout.strip().startswith("Sync stopped: Could not reach the server (no connection?).")


def test_a_revoked_device_is_asked_to_sign_in_and_keeps_its_changes(
        served: tuple[str, Path, subprocess.Popen[str]], tmp_path: Path) -> None:
    url, server_dir, _ = served
    assert desktop(tmp_path, "login", "--server", url, "--user", "thandi", stdin=f"{PASSWORD}\n").returncode == 0
    logs = tmp_path / "logs.csv"
    logs.write_text("Title,Date,What I learned\nClinic visit,01/11/2026,Shorter forms\n")
    assert desktop(tmp_path, "import", str(logs), stdin=f"{PASSWORD}\n").returncode == 0
    assert admin(server_dir, "users", "revoke-devices", "thandi").returncode == 0

    result = desktop(tmp_path, "sync", stdin=f"{PASSWORD}\n")

    assert result.returncode == 1
    assert result.stdout.strip() == ("Sync stopped: The server asks you to sign in again; nothing you wrote is "
                                     "lost. (0 sent, 0 received before it stopped.)")
    assert "Clinic visit" in desktop(tmp_path, "export", "--format", "csv", stdin=f"{PASSWORD}\n").stdout
    assert desktop(tmp_path, "login", "--server", url, "--user", "thandi", stdin=f"{PASSWORD}\n").returncode == 0
    assert desktop(tmp_path, "sync", stdin=f"{PASSWORD}\n").stdout.strip() == "Synced: 1 sent, 0 received."


def test_sync_keeps_trying_while_the_server_cannot_be_reached(
        served: tuple[str, Path, subprocess.Popen[str]], tmp_path: Path) -> None:
    """A link that is down before any connection is made: `sync` says so (not "took too long") and
    keeps trying for as long as asked; the server answering again lets it finish."""
    from saypro_core.records import LearningLog
    from tests import factories
    from tests.integration.conftest import signed_in_profile

    url, server_dir, server = served
    paths, store = signed_in_profile(url, tmp_path / "laptop")
    store.save(factories.learning_log(id=factories.new_id(), owner_id=""))
    store.close()
    server.terminate()
    server.wait(timeout=30)
    once = desktop(paths.root, "sync", "--wait-for-server", "0")
    assert once.returncode == 1 and "Could not reach the server" in once.stdout, once.stdout + once.stderr
    assert "took too long" not in once.stdout
    # The server comes back while `sync` keeps trying.
    waiting = subprocess.Popen([sys.executable, "-m", "saypro_desktop", "--data-dir", str(paths.root), "sync",
                                "--wait-for-server", "60"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, **NO_KEYRING, "QT_QPA_PLATFORM": "offscreen"})
    restarted = None
    try:
        time.sleep(3)
        port = url.rsplit(":", 1)[1]
        restarted = subprocess.Popen([sys.executable, "-m", "saypro_server", "--data-dir", str(server_dir), "serve",
                                      "--port", port], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        out, err = waiting.communicate(timeout=120)
        assert waiting.returncode == 0, out + err
        assert "Could not reach the server; trying again in 5 s" in err
        assert out.startswith("Synced: 1 sent")
    finally:
        if waiting.poll() is None:
            waiting.kill()
        if restarted is not None:
            restarted.terminate()
            restarted.wait(timeout=30)
    reopened = RecordStore.open(paths.database())
    assert reopened.outbox_summary().changes == 0 and reopened.count(LearningLog) == 1
    reopened.close()
