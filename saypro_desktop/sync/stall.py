"""Stall detection: a sync connection whose link stopped moving is dropped within seconds.

When the signal goes for a while in the middle of an upload, the kernel keeps the connection and
retransmits with a backoff that doubles each time: after a 20 s outage the next try can come 15 s
or more after the link is back, and the read timeout (90 s, sized for a slow server) never fires
first. So each sync connection is watched from beside it: while it holds bytes the server has not
acknowledged, and no acknowledgement came for several of the link's own round trips (at least
STALL_MIN_S, at most STALL_MAX_S), the connection is shut down. The request fails at once, and the
engine reconnects and sends only the batch that was in flight (the server keeps what it already
acknowledged; the batch's change ids make a resend harmless).

The kernel says what it knows of the connection (TCP_INFO: segments not yet acknowledged, time
since the last acknowledgement, the smoothed round trip), so a slow link that still moves is never
taken for a stalled one. While everything sent was acknowledged and the answer is awaited (the
server thinking, or its answer lost on a dead link), TCP keepalive asks after KEEPALIVE_IDLE_S of
silence: a server that is only thinking answers the probes at once, a dead link drops the
connection after KEEPALIVE_PROBES unanswered ones. Where TCP_INFO is not available (Windows, macOS)
only the keepalive applies.
"""

from __future__ import annotations

import logging
import socket
import struct
import threading
import time
import weakref
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

log = logging.getLogger(__name__)

#: No acknowledgement for this long (at least) with data in flight: the link has stalled.
STALL_MIN_S = 5.0
STALL_MAX_S = 30.0
#: How many of the link's round trips without an acknowledgement make a stall.
STALL_ROUND_TRIPS = 8
CHECK_EVERY_S = 0.25
#: Keepalive while an answer is awaited: the first probe after this much silence, then one every
#: KEEPALIVE_INTERVAL_S; KEEPALIVE_PROBES unanswered ones end the connection (~11 s of a dead link).
KEEPALIVE_IDLE_S = 5
KEEPALIVE_INTERVAL_S = 2
KEEPALIVE_PROBES = 3
#: struct tcp_info (linux/tcp.h), the fields read: tcpi_unacked (u32 at 24), tcpi_last_ack_recv
#: (u32 ms at 56), tcpi_rtt (u32 µs at 68).
_TCP_INFO = getattr(socket, "TCP_INFO", None)
_TCP_INFO_BYTES = 104


def watchable() -> bool:
    """Whether this system tells how a TCP connection is doing (Linux)."""
    return _TCP_INFO is not None


def link_state(sock: socket.socket) -> tuple[int, float, float] | None:
    """(segments not yet acknowledged, seconds since the last acknowledgement, smoothed round trip
    in seconds) of a connected TCP socket, or None if the system cannot say."""
    if _TCP_INFO is None:
        return None
    try:
        info = sock.getsockopt(socket.IPPROTO_TCP, _TCP_INFO, _TCP_INFO_BYTES)
    except OSError:
        return None
    if len(info) < 72:
        return None
    unacked = struct.unpack_from("I", info, 24)[0]
    since_ack_ms = struct.unpack_from("I", info, 56)[0]
    rtt_us = struct.unpack_from("I", info, 68)[0]
    return unacked, since_ack_ms / 1000, rtt_us / 1_000_000


def keep_alive(sock: socket.socket) -> None:
    """TCP keepalive on a sync connection, as often as the system allows us to say."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        if hasattr(socket, "TCP_KEEPIDLE"):  # Linux
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, KEEPALIVE_IDLE_S)
        elif hasattr(socket, "TCP_KEEPALIVE"):  # macOS
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPALIVE, KEEPALIVE_IDLE_S)
        if hasattr(socket, "TCP_KEEPINTVL"):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, KEEPALIVE_INTERVAL_S)
        if hasattr(socket, "TCP_KEEPCNT"):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT, KEEPALIVE_PROBES)
        if hasattr(socket, "SIO_KEEPALIVE_VALS"):  # Windows: on, idle ms, interval ms
            sock.ioctl(socket.SIO_KEEPALIVE_VALS,  # type: ignore[attr-defined]
                       (1, KEEPALIVE_IDLE_S * 1000, KEEPALIVE_INTERVAL_S * 1000))
    except OSError:
        log.debug("TCP keepalive could not be set", exc_info=True)


def stall_after(rtt_s: float) -> float:
    """Seconds without an acknowledgement that make a stall, on a link with this round trip."""
    return min(STALL_MAX_S, max(STALL_MIN_S, STALL_ROUND_TRIPS * rtt_s))


class StallWatch:
    """Watches the sockets of one transport's connections from a thread of its own (started with
    the first connection, ending when no watched socket is left), and shuts down a stalled one."""

    def __init__(self) -> None:
        self._sockets: weakref.WeakSet[socket.socket] = weakref.WeakSet()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        #: How many connections were dropped as stalled (the transport words its error by it).
        self.stalls = 0

    def watch(self, sock: socket.socket) -> None:
        keep_alive(sock)
        if not watchable():
            return
        with self._lock:
            self._sockets.add(sock)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="sync stall watch", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            time.sleep(CHECK_EVERY_S)
            with self._lock:
                sockets = [s for s in self._sockets if s.fileno() != -1]
                if not sockets:
                    self._thread = None
                    return
            for sock in sockets:
                self.check(sock)

    def check(self, sock: socket.socket) -> bool:
        """Shut ``sock`` down if its link has stalled; whether it did."""
        state = link_state(sock)
        if state is None:
            return False
        unacked, since_ack_s, rtt_s = state
        if unacked == 0 or since_ack_s < stall_after(rtt_s):
            return False
        log.info("sync connection stalled (%d segments unacknowledged for %.1f s): dropping it", unacked, since_ack_s)
        self.stalls += 1
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # closed meanwhile
        return True


def watched_adapter(watch: StallWatch) -> HTTPAdapter:
    """A requests adapter whose connections ``watch`` looks after."""

    class WatchedHTTPConnection(HTTPConnection):
        def connect(self) -> None:
            super().connect()
            if self.sock is not None:
                watch.watch(self.sock)

    class WatchedHTTPSConnection(HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            if self.sock is not None:
                watch.watch(self.sock)

    class WatchedHTTPPool(HTTPConnectionPool):
        ConnectionCls = WatchedHTTPConnection

    class WatchedHTTPSPool(HTTPSConnectionPool):
        ConnectionCls = WatchedHTTPSConnection

    class WatchedAdapter(HTTPAdapter):
        def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
            super().init_poolmanager(*args, **kwargs)
            self.poolmanager.pool_classes_by_scheme = {"http": WatchedHTTPPool, "https": WatchedHTTPSPool}

    return WatchedAdapter()
