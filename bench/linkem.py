"""linkem: a user-space TCP proxy that makes loopback behave like a bad rural link.

This machine's kernel has no netem, so latency, bandwidth and faults come from here. Each
direction of each connection gets a one-way delay (half the round trip) and a bandwidth cap
(bytes are paced as a modem would); on command, or at random, a connection is dropped, reset,
stalled, truncated, or answered with an HTTP 503, once a chosen number of bytes has passed.

In-process use (tests, benchmarks)::

    with Link(target_port=8000, rtt_ms=400, up_kbit=128, down_kbit=128) as link:
        requests.get(link.url + "/api/v1/health")
        link.fail_next("reset", after_bytes=2_000)       # the next connection only
        link.chaos(0.3, kinds=("drop", "stall"), seed=1) # each new connection, with probability 0.3
        print(link.stats)                                # bytes each way, connections, faults

From a shell: ``python bench/linkem.py --target 8000 --listen 9000 --rtt 800 --up 50 --down 50``.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import struct
import threading
import time
from dataclasses import dataclass, field

FAULTS = ("drop", "reset", "stall", "truncate", "http503")
CHUNK = 16 * 1024


@dataclass
class LinkStats:
    connections: int = 0
    bytes_up: int = 0  # client to server
    bytes_down: int = 0  # server to client
    faults: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Fault:
    kind: str
    after_bytes: int  # counted over both directions of the connection


class _Pipe:
    """Paces one direction: a chunk leaves ``delay`` after it arrived and no faster than ``rate``."""

    def __init__(self, delay_s: float, rate_bytes_s: float | None) -> None:
        self.delay_s = delay_s
        self.rate = rate_bytes_s
        self.free_at = 0.0

    async def pace(self, size: int, arrived: float) -> None:
        start = max(arrived + self.delay_s, self.free_at)
        if self.rate:
            self.free_at = start + size / self.rate
            start = self.free_at  # the last byte of the chunk has gone out
        wait = start - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)


class Link:
    """A proxy on 127.0.0.1 in front of ``target_host:target_port``, run on its own thread."""

    def __init__(self, target_port: int, *, target_host: str = "127.0.0.1", listen_port: int = 0,
                 rtt_ms: float = 0, up_kbit: float | None = None, down_kbit: float | None = None) -> None:
        self.target = (target_host, target_port)
        self.listen_port = listen_port
        self.rtt_ms = rtt_ms
        self.up_kbit = up_kbit
        self.down_kbit = down_kbit
        self.stats = LinkStats()
        self._lock = threading.Lock()
        self._next: list[Fault] = []
        self._chaos: tuple[float, tuple[str, ...], int] | None = None
        self._random = random.Random(0)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.base_events.Server | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._writers: set[asyncio.StreamWriter] = set()

    # -- control -------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listen_port}"

    def fail_next(self, kind: str, after_bytes: int = 0) -> None:
        """The next new connection fails this way once ``after_bytes`` have passed."""
        if kind not in FAULTS:
            raise ValueError(f"unknown fault {kind!r}; one of {', '.join(FAULTS)}")
        with self._lock:
            self._next.append(Fault(kind, after_bytes))

    def chaos(self, probability: float, *, kinds: tuple[str, ...] = FAULTS, max_after_bytes: int = 20_000,
              seed: int = 0) -> None:
        """Each new connection fails with ``probability``, in one of ``kinds``, after a random byte count."""
        with self._lock:
            self._chaos = (probability, kinds, max_after_bytes) if probability > 0 else None
            self._random = random.Random(seed)

    def calm(self) -> None:
        with self._lock:
            self._chaos = None
            self._next.clear()

    def set_link(self, *, rtt_ms: float | None = None, up_kbit: float | None = None,
                 down_kbit: float | None = None) -> None:
        """New figures apply to connections opened from now on."""
        with self._lock:
            self.rtt_ms = self.rtt_ms if rtt_ms is None else rtt_ms
            self.up_kbit = up_kbit
            self.down_kbit = down_kbit

    def reset_stats(self) -> None:
        with self._lock:
            self.stats = LinkStats()

    def close_all(self) -> None:
        """Cut every open connection (as when the signal goes)."""
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._abort_all)

    # -- running -----------------------------------------------------------------------------

    def start(self) -> Link:
        self._thread = threading.Thread(target=self._run, name="linkem", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("linkem did not start")
        return self

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(10)

    def __enter__(self) -> Link:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _run(self) -> None:
        self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._serve, "127.0.0.1", self.listen_port))
        self.listen_port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            self._loop.run_forever()
        finally:
            self._abort_all()
            self._server.close()
            pending = asyncio.all_tasks(self._loop)
            for task in pending:
                task.cancel()
            self._loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            self._loop.close()

    def _abort_all(self) -> None:
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()

    def _choose_fault(self) -> Fault | None:
        with self._lock:
            self.stats.connections += 1
            if self._next:
                return self._next.pop(0)
            if self._chaos is not None:
                probability, kinds, max_after = self._chaos
                if self._random.random() < probability:
                    return Fault(self._random.choice(kinds), self._random.randrange(max_after + 1))
        return None

    async def _serve(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        fault = self._choose_fault()
        with self._lock:
            one_way = self.rtt_ms / 2000
            up_rate = self.up_kbit * 125 if self.up_kbit else None  # kbit/s -> bytes/s
            down_rate = self.down_kbit * 125 if self.down_kbit else None
        try:
            server_reader, server_writer = await asyncio.open_connection(*self.target)
        except OSError:
            client_writer.transport.abort()
            return
        self._writers.update((client_writer, server_writer))
        state: dict[str, object] = {"passed": 0, "fault": fault}
        tasks = [asyncio.ensure_future(self._pump(client_reader, server_writer, _Pipe(one_way, up_rate), "up",
                                                  state, client_writer)),
                 asyncio.ensure_future(self._pump(server_reader, client_writer, _Pipe(one_way, down_rate), "down",
                                                  state, client_writer))]
        try:
            # One side failing ends the whole connection.
            await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        except asyncio.CancelledError:
            pass  # the emulator is stopping
        finally:
            for task in tasks:
                task.cancel()
            for writer in (client_writer, server_writer):
                self._writers.discard(writer)
                writer.transport.abort()

    async def _pump(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, pipe: _Pipe, direction: str,
                    state: dict[str, object], client_writer: asyncio.StreamWriter) -> None:
        """Read as fast as data comes; deliver each chunk after the delay, paced to the bandwidth."""
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

        async def read() -> None:
            while True:
                data = await reader.read(CHUNK)
                await queue.put((time.monotonic(), data))
                if not data:
                    return

        reading = asyncio.ensure_future(read())
        try:
            while True:
                arrived, data = await queue.get()
                if not data:
                    if writer.can_write_eof():
                        writer.write_eof()
                    return
                fault = state["fault"]
                if isinstance(fault, Fault) and not state.get("failed"):
                    passed = int(state["passed"]) + len(data)  # type: ignore[call-overload]
                    replace_answer = fault.kind == "http503" and direction == "down"
                    if replace_answer or (fault.kind != "http503" and passed > fault.after_bytes):
                        keep = 0 if replace_answer else max(0, fault.after_bytes - int(state["passed"]))  # type: ignore[call-overload]
                        if keep:
                            await pipe.pace(keep, arrived)
                            writer.write(data[:keep])
                            self._count(direction, keep)
                        state["failed"] = True
                        await self._fail(fault, client_writer)
                        return
                await pipe.pace(len(data), arrived)
                writer.write(data)
                await writer.drain()
                state["passed"] = int(state["passed"]) + len(data)  # type: ignore[call-overload]
                self._count(direction, len(data))
        finally:
            reading.cancel()

    def _count(self, direction: str, size: int) -> None:
        with self._lock:
            if direction == "up":
                self.stats.bytes_up += size
            else:
                self.stats.bytes_down += size

    async def _fail(self, fault: Fault, client_writer: asyncio.StreamWriter) -> None:
        with self._lock:
            self.stats.faults[fault.kind] = self.stats.faults.get(fault.kind, 0) + 1
        transport = client_writer.transport
        if fault.kind == "stall":
            # Nothing more either way; the connection stays open until the client gives up (or the
            # emulator stops).
            await asyncio.sleep(3600)
        elif fault.kind == "http503":
            client_writer.write(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            await client_writer.drain()
            transport.close()
        elif fault.kind == "truncate":
            await client_writer.drain()
            transport.close()  # a clean FIN in the middle of the answer
        elif fault.kind == "reset":
            sock = transport.get_extra_info("socket")
            if sock is not None:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            transport.abort()  # with linger 0 the kernel sends RST
        else:  # drop: the line goes dead; both sides see the connection vanish
            transport.abort()
        raise ConnectionResetError(fault.kind)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", type=int, required=True, help="port of the real server on 127.0.0.1")
    parser.add_argument("--listen", type=int, default=0)
    parser.add_argument("--rtt", type=float, default=400, help="round trip in ms")
    parser.add_argument("--up", type=float, help="kbit/s from client to server")
    parser.add_argument("--down", type=float, help="kbit/s from server to client")
    parser.add_argument("--chaos", type=float, default=0.0, help="probability that a connection fails")
    args = parser.parse_args()
    link = Link(args.target, listen_port=args.listen, rtt_ms=args.rtt, up_kbit=args.up, down_kbit=args.down)
    link.chaos(args.chaos, seed=int(time.time()))
    with link:
        print(f"linkem: {link.url} -> 127.0.0.1:{args.target}, rtt {args.rtt} ms, up {args.up} kbit/s, "
              f"down {args.down} kbit/s, chaos {args.chaos}", flush=True)
        try:
            while True:
                time.sleep(10)
                print(link.stats, flush=True)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
