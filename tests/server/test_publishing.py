"""Publishing sessions from the server's command line (`saypro-server sessions`): a session an admin
publishes reaches the laptops in its audience like one published from the app; bad input is refused
with a clear message and stores nothing; only supervisors and admins publish, and only the publisher
cancels."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from saypro_core.metrics import ORGANISATION_TZ
from saypro_core.records import utc_now
from saypro_server.cli import main
from tests.server.conftest import Account, Server


def _cli(server: Server, tmp_path: Path, *args: str) -> int:
    return main(["--data-dir", str(tmp_path), "--database-url", server.settings.database_url, *args])


def _sessions_seen(server: Server, account: Account) -> list[dict[str, object]]:
    return [r for r in server.sync(server.login(account.username))["ch"] if r["t"] == "planned_session"]


def test_an_admin_publishes_a_cafe_that_reaches_everyone_and_cancels_it(
        server: Server, people: dict[str, Account], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    day = (utc_now() + timedelta(days=9)).astimezone(ORGANISATION_TZ).date()
    code = _cli(server, tmp_path, "sessions", "publish", "--as", "ada", "--title", "Knowledge café: volunteers",
                "--starts", f"{day} 09:00", "--minutes", "60", "--place", "Polokwane office", "--capacity", "2",
                "--alternative", f"{day + timedelta(days=14)} 09:00", "--facilitator", "sam", "--agenda",
                "Why volunteers stay")
    assert code == 0, capsys.readouterr().err
    assert "Published 'Knowledge café: volunteers'" in capsys.readouterr().out
    [seen] = _sessions_seen(server, people["lerato"])  # another team: the whole organisation is invited
    fields = seen["f"]
    assert isinstance(fields, dict)
    assert fields["starts_at"].startswith(f"{day}T07:00")  # 09:00 in South Africa is 07:00 UTC
    assert (fields["capacity"], fields["location"], fields["facilitator_ids"]) == (
        2, "Polokwane office", [people["sam"].user_id])
    assert _cli(server, tmp_path, "sessions", "list") == 0
    listed = capsys.readouterr().out
    assert f"{seen['r']}\t{day} 09:00\tKnowledge café: volunteers\t2 places\tada" in listed
    # Only the publisher cancels; then every laptop sees it cancelled.
    assert _cli(server, tmp_path, "sessions", "cancel", str(seen["r"]), "--as", "sam") == 1
    assert "Only the person who published" in capsys.readouterr().err
    assert _cli(server, tmp_path, "sessions", "cancel", str(seen["r"]), "--as", "ada") == 0
    [seen] = _sessions_seen(server, people["thandi"])
    assert isinstance(seen["f"], dict) and seen["f"]["cancelled"] is True


@pytest.mark.parametrize(("args", "message"), [
    (["--as", "thandi"], "only supervisors and admins publish"),
    (["--as", "nobody"], "No user 'nobody'"),
    (["--as", "ada", "--online", "javascript:alert(1)"], "web address"),
    (["--as", "ada", "--capacity", "-3"], "Places"),
    (["--as", "ada", "--starts", "2020-01-01 09:00"], "in the past"),
    (["--as", "ada", "--facilitator", "ghost"], "No user 'ghost'"),
    (["--as", "ada", "--repeat", "weekly"], "--repeat and --until go together"),
])
def test_bad_input_is_refused_and_nothing_is_published(
        server: Server, people: dict[str, Account], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        args: list[str], message: str) -> None:
    day = (utc_now() + timedelta(days=9)).astimezone(ORGANISATION_TZ).date()
    base = {"--title": "Café", "--starts": f"{day} 09:00", "--place": "Office"}
    for flag in args[::2]:
        if flag == "--online":
            base.pop("--place")
        base.pop(flag, None)
    command = ["sessions", "publish", *args, *(part for pair in base.items() for part in pair)]
    assert _cli(server, tmp_path, *command) == 1
    assert message.lower() in capsys.readouterr().err.lower()
    assert _sessions_seen(server, people["sam"]) == []


def test_a_time_that_is_not_a_time_is_refused_by_the_parser(server: Server, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        _cli(server, tmp_path, "sessions", "publish", "--as", "ada", "--title", "Café", "--starts", "tomorrow",
             "--place", "Office")
    assert stopped.value.code == 2 and "is not a time like" in capsys.readouterr().err
