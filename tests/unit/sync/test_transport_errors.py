"""What the transport tells a field officer when the link fails, checked through the link emulator."""

from __future__ import annotations

import http.server
import socketserver
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.linkem import Link
from saypro_desktop.storage.blobs import PartialFile
from saypro_desktop.sync.transport import HttpTransport, SyncError

FILE = bytes(range(256)) * 400  # 100 KB


class _Answer(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = b"{}" * 50_000
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - a file server that ignores Range, as a proxy may
        self.send_response(200)
        self.send_header("Content-Length", str(len(FILE)))
        self.end_headers()
        self.wfile.write(FILE)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def link() -> Iterator[Link]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Answer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with Link(server.server_address[1]) as emulator:
        yield emulator
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(("fault", "after"), [("drop", 300), ("reset", 300), ("truncate", 5_000), ("drop", 5_000)])
def test_a_connection_cut_mid_transfer_is_called_broken(link: Link, fault: str, after: int) -> None:
    link.fail_next(fault, after_bytes=after)
    with pytest.raises(SyncError, match="The connection broke during the sync"):
        list(HttpTransport(link.url, lambda: "token", timeouts=(2, 2)).post_sync(b"{}"))


def test_a_stalled_link_is_a_timeout(link: Link) -> None:
    link.fail_next("stall", after_bytes=300)
    with pytest.raises(SyncError, match="took too long"):
        list(HttpTransport(link.url, lambda: "token", timeouts=(1, 1)).post_sync(b"{}"))


def test_a_server_that_cannot_be_reached_is_said_so() -> None:
    with pytest.raises(SyncError, match="Could not reach the server"):
        list(HttpTransport("http://127.0.0.1:9", lambda: "token", timeouts=(1, 1)).post_sync(b"{}"))


def test_a_503_is_a_server_problem_worth_retrying(link: Link) -> None:
    link.fail_next("http503")
    with pytest.raises(SyncError, match=r"server had a problem \(503\)") as caught:
        list(HttpTransport(link.url, lambda: "token", timeouts=(2, 2)).post_sync(b"{}"))
    assert caught.value.retryable


def test_a_file_cut_off_keeps_what_arrived_for_the_next_try(link: Link, tmp_path: Path) -> None:
    partial = tmp_path / "partial"
    link.fail_next("truncate", after_bytes=40_000)
    with pytest.raises(SyncError, match="The connection broke while fetching a file") as caught:
        HttpTransport(link.url, lambda: "token", timeouts=(2, 2)).download_to("ab" * 32, "me",
                                                                               PartialFile(partial, "ab" * 32, None))
    assert caught.value.retryable
    assert 30_000 < partial.stat().st_size < 40_000 and FILE.startswith(partial.read_bytes())


def test_a_server_that_ignores_the_range_starts_the_file_again(link: Link, tmp_path: Path) -> None:
    partial = tmp_path / "partial"
    partial.write_bytes(FILE[:30_000])
    HttpTransport(link.url, lambda: "token", timeouts=(2, 2)).download_to("ab" * 32, "me",
                                                                           PartialFile(partial, "ab" * 32, None))
    assert partial.read_bytes() == FILE
