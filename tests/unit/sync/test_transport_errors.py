"""What the transport tells a field officer when the link fails, checked through the link emulator."""

from __future__ import annotations

import http.server
import socketserver
import threading
from collections.abc import Iterator

import pytest

from bench.linkem import Link
from saypro_desktop.sync.transport import HttpTransport, SyncError


class _Answer(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = b"{}" * 50_000
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

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
