"""The password and the tokens go only to the server the person signed in to, over https (or to
this machine itself), and never where a redirect points."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from saypro_core.ids import new_id
from saypro_desktop.sync.account import sign_in
from saypro_desktop.sync.server_address import UnsafeServerAddress, checked_server
from saypro_desktop.sync.session import sync_profile
from saypro_desktop.sync.transport import SyncError
from tests import factories
from tests.fake_server import Script, fake_server, profile_signed_in_to


@pytest.mark.parametrize("address", ["http://sync.saypro.online", "http://192.168.1.20:8765", "ftp://x",
                                     "https://user:pw@sync.saypro.online", "sync.saypro.online",
                                     "https://sync.saypro.online/?next=http://evil"])
def test_plain_http_and_odd_addresses_are_refused_before_anything_is_sent(address: str) -> None:
    with pytest.raises(UnsafeServerAddress):
        sign_in(address, "thandi", "field visits 2026", new_id())


@pytest.mark.parametrize("address", ["http://127.0.0.1:8765", "http://localhost:8765", "http://[::1]:8765",
                                     "https://sync.saypro.online/", "HTTPS://Sync.SayPro.online"])
def test_https_and_this_machine_are_fine(address: str) -> None:
    assert checked_server(address).startswith(("http://", "https://"))


def test_a_lab_may_allow_plain_http_explicitly() -> None:
    assert checked_server("http://10.0.0.5:8765", allow_insecure_http=True) == "http://10.0.0.5:8765"


def test_sign_in_does_not_follow_a_redirect_with_the_password() -> None:
    elsewhere = Script()
    with fake_server(elsewhere) as thief, fake_server(Script(redirect_to=thief)) as url:
        with pytest.raises(SyncError, match="another address"):
            sign_in(url, "thandi", "field visits 2026", new_id())
    assert elsewhere.seen == []


def test_a_sync_does_not_follow_a_redirect_with_the_token(tmp_path: Path) -> None:
    elsewhere = Script()
    with fake_server(elsewhere) as thief, fake_server(Script(redirect_to=thief)) as url:
        paths, store, _ = profile_signed_in_to(url, tmp_path / "laptop")
        store.save(factories.learning_log(id=new_id()))
        outcome = sync_profile(store, paths.root, "default")
    assert not outcome.attempt.complete and "another address" in outcome.attempt.error
    assert elsewhere.seen == []


def test_the_token_goes_to_no_other_server_than_the_one_that_issued_it(tmp_path: Path) -> None:
    other, issuing = Script(), Script()
    with fake_server(other) as other_url, fake_server(issuing) as url:
        paths, store, _ = profile_signed_in_to(url, tmp_path / "laptop")
        outcome = sync_profile(store, paths.root, "default", server=other_url)
    assert "signed in to" in outcome.attempt.error and other.seen == [] and issuing.seen == []


def test_the_command_line_refuses_another_server_for_a_signed_in_profile(tmp_path: Path) -> None:
    other = Script()
    with fake_server(other) as other_url, fake_server(Script()) as url:
        paths, store, _ = profile_signed_in_to(url, tmp_path / "laptop")
        store.close()
        done = subprocess.run([sys.executable, "-m", "saypro_desktop", "--data-dir", str(paths.root), "--server",
                               other_url, "sync"], capture_output=True, text=True, timeout=120, check=False,
                              input="")
    assert done.returncode == 1 and "signed in to" in done.stdout + done.stderr
    assert other.seen == []


def test_login_refuses_plain_http_on_the_command_line(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "saypro_desktop", "--data-dir", str(tmp_path), "login", "--server",
                           "http://sync.example.org", "--user", "thandi"], capture_output=True, text=True,
                          timeout=120, check=False, input="field visits 2026\n")
    assert done.returncode == 2 and "plain http" in done.stderr
