"""Sync bodies: zstd with a limit on what they may inflate to, and gzip for servers older than zstd."""

from __future__ import annotations

import gzip
import http.server
import json
import socketserver
import threading
from collections.abc import Iterator

import pytest

from saypro_core import compression
from saypro_desktop.sync.transport import HttpTransport


@pytest.mark.parametrize("encoding", ["zstd", "gzip"])
def test_round_trip_and_the_inflation_limit(encoding: compression.Encoding) -> None:
    body = json.dumps([{"title": f"Log {n}", "what_happened": "Visited the youth group. " * 20} for n in range(200)])
    packed = compression.compress(body.encode(), encoding)
    assert len(packed) < len(body) / 10
    assert compression.decompress(packed, encoding, limit=len(body)).decode() == body
    with pytest.raises(compression.TooLarge):
        compression.decompress(packed, encoding, limit=len(body) - 1)
    with pytest.raises(compression.Corrupt):
        compression.decompress(packed[:-8], encoding, limit=len(body))
    with pytest.raises(compression.Corrupt):
        compression.decompress(b"plain text, not compressed", encoding, limit=len(body))


def test_zstd_is_smaller_than_gzip_on_learning_logs() -> None:
    body = json.dumps([{"title": f"Log {n}", "what_learned": f"Learners in group {n % 7} asked about CVs and "
                        f"interviews; {n * 37 % 101} came back the next week."} for n in range(500)]).encode()
    assert len(compression.compress(body, "zstd")) < 0.9 * len(compression.compress(body, "gzip"))


@pytest.mark.parametrize(("header", "chosen"), [
    ("zstd, gzip", "zstd"), ("gzip, deflate, zstd", "zstd"), ("gzip", "gzip"), ("GZIP;q=0.5", "gzip"),
    ("zstd;q=0, gzip", "gzip"), ("br", None), ("", None),
])
def test_the_answer_encoding_follows_accept_encoding(header: str, chosen: str | None) -> None:
    assert compression.accepted(header) == chosen


class _GzipOnlyServer(http.server.BaseHTTPRequestHandler):
    """A server from before zstd: 415 to anything but gzip."""

    encodings: list[str] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        data = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        encoding = self.headers.get("Content-Encoding", "")
        self.encodings.append(encoding)
        if encoding != "gzip":
            self.send_response(415)
            answer = b'{"detail": "Content-Encoding is not supported; use gzip."}'
        else:
            self.send_response(200)
            answer = gzip.decompress(data)  # echoes the request
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def gzip_only_url() -> Iterator[str]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _GzipOnlyServer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_server_without_zstd_gets_gzip_from_then_on(gzip_only_url: str) -> None:
    _GzipOnlyServer.encodings = []
    transport = HttpTransport(gzip_only_url, lambda: "token", timeouts=(2, 2))
    assert list(transport.post_sync(b'{"v": 1}')) == [b'{"v": 1}']
    assert list(transport.post_sync(b'{"v": 2}')) == [b'{"v": 2}']
    assert _GzipOnlyServer.encodings == ["zstd", "gzip", "gzip"]
