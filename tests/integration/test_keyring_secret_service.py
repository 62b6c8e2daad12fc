"""Sign-in tokens in a real Secret Service (the Linux desktop keyring: gnome-keyring on a private
D-Bus session), as a field officer's laptop keeps them: `login` stores them there and no file in the
data folder holds them; `sync` reads them back; two data folders never see each other's sign-in."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.integration.conftest import PASSWORD

pytestmark = pytest.mark.skipif(
    shutil.which("dbus-run-session") is None or shutil.which("gnome-keyring-daemon") is None,
    reason="dbus-run-session and gnome-keyring-daemon are not installed: build_scripts/dev.sh installs them")

SESSION = """
set -e
printf 'keyring password' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
app() { "$PYTHON" -m saypro_desktop "$@"; }
printf '%s\\n' "$PASSWORD" | app --data-dir "$ROOT/laptop" login --server "$URL" --user thandi
printf '%s\\n' "$PASSWORD" | app --data-dir "$ROOT/second" login --server "$URL" --user thandi
printf '%s\\n' "$PASSWORD" | app --data-dir "$ROOT/laptop" sync
"$PYTHON" - <<'CHECK'
import json, os
from pathlib import Path
import keyring
from saypro_desktop.sync.credentials import CredentialStore
root = Path(os.environ["ROOT"])
laptop, second = CredentialStore(root / "laptop", "default"), CredentialStore(root / "second", "default")
print(json.dumps({
    "backend": type(keyring.get_keyring()).__module__,
    "uses_keyring": laptop.uses_keyring,
    "users": [laptop.load().username, second.load().username],
    "apart": laptop.load().refresh_token != second.load().refresh_token,
    "files": sorted(str(p.relative_to(root)) for p in root.rglob("credentials/*")),
}))
laptop.delete()
print(json.dumps({"after_delete": [laptop.load() is None, second.load() is not None]}))
CHECK
"""


def test_tokens_live_in_the_secret_service(served: tuple[str, Path, subprocess.Popen[str]], tmp_path: Path) -> None:
    home = tmp_path / "home"
    runtime = tmp_path / "runtime"
    for folder in (home, runtime):
        folder.mkdir(mode=0o700)
    env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime), "XDG_DATA_HOME": str(home / "data"),
           "PYTHON": sys.executable, "PASSWORD": PASSWORD, "URL": served[0], "ROOT": str(tmp_path),
           "PYTHONPATH": str(REPO_ROOT)}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    result = subprocess.run(["dbus-run-session", "--", "bash", "-c", SESSION], env=env, cwd=REPO_ROOT,
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    lines = result.stdout.strip().splitlines()
    assert lines[0] == (f"Signed in as Thandi Mokoena on {served[0]} (kept in the system keyring); this profile "
                        "now opens only with your password.")
    assert lines[2].startswith("Synced: ")
    facts = json.loads(lines[-2])
    assert facts == {"backend": "keyring.backends.SecretService", "uses_keyring": True,
                     "users": ["thandi", "thandi"], "apart": True, "files": []}, facts
    assert json.loads(lines[-1]) == {"after_delete": [True, True]}
