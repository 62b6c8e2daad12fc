"""A first sync down is one request whose answer streams back in frames: each frame is stored as
it arrives, so a link that drops half-way costs only the frame in flight, never what came before."""

from __future__ import annotations

import subprocess
from pathlib import Path

from bench.linkem import Link
from saypro_core.records import LearningLog
from saypro_core.wire import FRAME_RECORDS
from saypro_desktop.sync.session import sync_profile
from tests import factories
from tests.integration.conftest import point_at, signed_in_profile

Served = tuple[str, Path, subprocess.Popen[str]]
RECORDS = 5 * FRAME_RECORDS + 30


def test_a_dropped_stream_keeps_the_frames_that_arrived(served: Served, tmp_path: Path) -> None:
    url = served[0]
    laptop_paths, laptop = signed_in_profile(url, tmp_path / "laptop")
    laptop.save_many([factories.learning_log(title=f"Visit {n}", what_happened="Met the youth group. " * 40)
                      for n in range(RECORDS)])
    assert sync_profile(laptop, laptop_paths.root, "default").attempt.complete
    tablet_paths, tablet = signed_in_profile(url, tmp_path / "tablet")
    with Link(int(url.rsplit(":", 1)[1]), rtt_ms=20, down_kbit=4_000) as link:
        point_at(tablet_paths, link.url)
        whole = sync_profile(tablet, tablet_paths.root, "default")
        assert whole.attempt.complete and whole.attempt.received == RECORDS
        assert link.stats.connections == 1  # one request brought every record
        full_size = link.stats.bytes_down

        other_paths, other = signed_in_profile(url, tmp_path / "other")
        link.reset_stats()
        link.fail_next("drop", after_bytes=full_size // 2)
        point_at(other_paths, link.url)
        retried = sync_profile(other, other_paths.root, "default")
        # The engine tried again by itself and asked only for what it did not have yet: the frames
        # before the drop were stored; what came again is at most the frame that was cut.
        assert retried.attempt.complete and retried.attempt.received == RECORDS
        assert link.stats.connections == 2 and link.stats.faults == {"drop": 1}
        assert link.stats.bytes_down < full_size + full_size * FRAME_RECORDS // RECORDS + 2_000
    titles = sorted(log.title for log in other.records(LearningLog, limit=RECORDS))
    assert titles == sorted(f"Visit {n}" for n in range(RECORDS))
