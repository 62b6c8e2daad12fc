"""A photo over a slow link that drops half-way, up from one laptop and down to another.

Prints one JSON object. For each link (default 128 kbit/s with 400 ms round trip), through
bench/linkem.py in front of a real `saypro-server` process: a 400 KB photo (random bytes, as
incompressible as a JPEG) attached to a session note goes up in one sync whose link drops when
half the photo has passed, then down to a second laptop in one sync whose link also drops half-way.
For each: wall seconds, bytes on the wire, the ideal (the photo's size / bandwidth + one round
trip, no drop) and the bytes beyond the photo (what crossed twice because of the drop, plus the
requests' headers and the attachment record).

Goal: a drop costs at most the piece in flight (one 256 KB chunk up, and the server keeps the part
of it that arrived; a few KB down), never the whole photo again; the sync goes on by itself and
ends complete.

    .venv/bin/python bench/attachment_link.py [--links 128/400] [--kb 400]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.linkem import Link  # noqa: E402
from bench.sync_link import Device, Server  # noqa: E402
from saypro_core.records import Attachment, SessionNote  # noqa: E402
from saypro_desktop.paths import DataPaths  # noqa: E402
from saypro_desktop.storage.blobs import BlobStore  # noqa: E402
from saypro_desktop.sync.session import sync_profile  # noqa: E402
from tests.integration.conftest import point_at  # noqa: E402


def timed_sync(device: Device, root: Path, link: Link) -> dict[str, Any]:
    link.reset_stats()
    started = time.monotonic()
    point_at(DataPaths.resolve(root), link.url)  # the laptop signed in through the link (tokens go nowhere else)
    outcome = sync_profile(device.store, root, "default")
    attempt = outcome.attempt
    assert attempt.complete, attempt.error
    return {"seconds": round(time.monotonic() - started, 2), "bytes_up": link.stats.bytes_up,
            "bytes_down": link.stats.bytes_down, "connections": link.stats.connections,
            "drops": link.stats.faults.get("drop", 0), "files_up": attempt.files_up, "files_down": attempt.files_down}


def one_link(root: Path, server: Server, kbit: float, rtt: float, size: int) -> dict[str, Any]:
    with Link(server.port, rtt_ms=rtt, up_kbit=kbit, down_kbit=kbit) as link:
        laptop, tablet = Device(root / "laptop", server, "laptop_user"), Device(root / "tablet", server, "laptop_user")
        # The notes first, so that the syncs measured below move the photo and little else.
        note = laptop.store.save(SessionNote(title="Water committee meeting", starts_at=datetime.now(UTC),
                                             insights="The flipchart is attached."))
        timed_sync(laptop, root / "laptop", link)
        timed_sync(tablet, root / "tablet", link)
        photo = root / "flipchart.jpg"
        photo.write_bytes(os.urandom(size))
        stored = BlobStore(DataPaths(root / "laptop").attachments_dir()).put_file(photo)
        laptop.store.save(Attachment(target_type="session_note", target_id=note.id, filename="flipchart.jpg",
                                     media_type="image/jpeg", size=stored.size, sha256=stored.sha256))
        ideal = round(size / (kbit * 125) + rtt / 1000, 2)
        result: dict[str, Any] = {"photo_bytes": size, "ideal_seconds_each_way": ideal}
        link.fail_next("drop", after_bytes=size // 2)
        up = timed_sync(laptop, root / "laptop", link)
        link.fail_next("drop", after_bytes=size // 2)
        down = timed_sync(tablet, root / "tablet", link)
        assert up["drops"] == down["drops"] == 1 and up["files_up"] == down["files_down"] == 1, (up, down)
        arrived = BlobStore(DataPaths(root / "tablet").attachments_dir()).path_for(stored.sha256)
        assert arrived.read_bytes() == photo.read_bytes()
        # Beyond the photo: what crossed twice, plus the requests' headers and the attachment record.
        result["up_with_a_drop"] = {**up, "bytes_beyond_the_photo": up["bytes_up"] - size,
                                    "of_ideal": round(up["seconds"] / ideal, 2)}
        result["down_with_a_drop"] = {**down, "bytes_beyond_the_photo": down["bytes_down"] - size,
                                      "of_ideal": round(down["seconds"] / ideal, 2)}
        for device in (laptop, tablet):
            device.store.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", default="128/400", help="kbit/rtt_ms pairs, comma separated")
    parser.add_argument("--kb", type=int, default=400, help="the photo's size in KB")
    args = parser.parse_args()
    report: dict[str, Any] = {"links": {}}
    for spec in args.links.split(","):
        kbit, rtt = (float(x) for x in spec.split("/"))
        root = Path(tempfile.mkdtemp(prefix="saypro-attachment-link-"))
        server = Server(root)
        try:
            report["links"][f"{int(kbit)}kbit_{int(rtt)}ms"] = one_link(root, server, kbit, rtt, args.kb * 1024)
        finally:
            server.stop()
            shutil.rmtree(root, ignore_errors=True)
    print(json.dumps(report))


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()
