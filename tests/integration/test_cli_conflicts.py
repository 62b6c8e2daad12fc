"""Conflicts and refusals from the command line: listed, settled, exported, and a distinct exit status."""

from __future__ import annotations

import dataclasses
import json
import subprocess
from pathlib import Path

from saypro_core.records import Feedback, LearningLog
from saypro_desktop.sync.session import sync_profile
from tests import factories
from tests.integration.conftest import signed_in_profile
from tests.integration.test_cli_sync import desktop

Served = tuple[str, Path, subprocess.Popen[str]]


def test_conflicts_are_listed_settled_and_exported(served: Served, tmp_path: Path) -> None:
    url = served[0]
    paths, laptop = signed_in_profile(url, tmp_path / "laptop")
    tablet_paths, tablet = signed_in_profile(url, tmp_path / "tablet")
    log = laptop.save(factories.learning_log(title="Ward meeting", owner_id=""))
    assert sync_profile(laptop, paths.root, "default").attempt.complete
    assert sync_profile(tablet, tablet_paths.root, "default").attempt.complete
    tablet.save(dataclasses.replace(tablet.require(LearningLog, log.id), what_learned="Tablet's lesson"))
    assert sync_profile(tablet, tablet_paths.root, "default").attempt.complete
    laptop.save(dataclasses.replace(laptop.require(LearningLog, log.id), what_learned="Laptop's lesson"))
    assert sync_profile(laptop, paths.root, "default").report.conflicts == 1
    [conflict] = laptop.conflicts()
    laptop.close()

    listed = desktop(paths.root, "conflicts")
    assert listed.returncode == 0
    assert "'Ward meeting', What I learned" in listed.stdout
    assert '    mine:   "Laptop\'s lesson"' in listed.stdout and '    theirs: "Tablet\'s lesson"' in listed.stdout
    exported = json.loads(desktop(paths.root, "export").stdout)
    assert [c["id"] for c in exported["conflicts"]] == [conflict.id]
    settled = desktop(paths.root, "conflicts", "resolve", conflict.id[:8], "--keep", "theirs")
    assert settled.returncode == 0, settled.stderr
    assert desktop(paths.root, "conflicts").stdout.strip() == "No conflicts to settle."
    assert desktop(paths.root, "sync").returncode == 0
    assert sync_profile(tablet, tablet_paths.root, "default").attempt.complete
    assert tablet.require(LearningLog, log.id).what_learned == "Tablet's lesson"
    assert tablet.conflicts() == []


def test_sync_that_went_through_but_was_refused_something_says_so(served: Served, tmp_path: Path) -> None:
    url = served[0]
    paths, store = signed_in_profile(url, tmp_path / "laptop")
    log = store.save(factories.learning_log(owner_id=""))
    store.save(Feedback(target_type="learning_log", target_id=log.id, comment="Self-praise"))  # staff cannot
    store.close()
    done = desktop(paths.root, "sync")
    assert done.returncode == 3, done.stdout + done.stderr
    assert "1 refused by the server (feedback" in done.stdout
    assert "Only the person's supervisor or mentor" in done.stdout
