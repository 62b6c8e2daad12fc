"""A hybrid logical clock: timestamps that order changes across devices whose clocks disagree.

A stamp is ``<milliseconds:013d>-<counter:05d>-<device id>``: it sorts as text, it never runs
backwards on one device even if the wall clock does, and two devices never produce the same
stamp. Sync uses it to decide, deterministically, which of two edits to one field is kept.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Stamp:
    millis: int
    counter: int
    device: str

    def __str__(self) -> str:
        return f"{self.millis:013d}-{self.counter:05d}-{self.device}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        millis, counter, device = text.split("-", 2)
        return cls(int(millis), int(counter), device)


class HybridLogicalClock:
    """Issues stamps for one device; ``observe`` folds in stamps seen from other devices."""

    def __init__(self, device: str, last: Stamp | None = None,
                 wall_millis: Callable[[], int] = lambda: time.time_ns() // 1_000_000) -> None:
        self.device = device
        self._wall = wall_millis
        self._millis = last.millis if last else 0
        self._counter = last.counter if last else 0

    def now(self) -> Stamp:
        wall = self._wall()
        if wall > self._millis:
            self._millis, self._counter = wall, 0
        else:
            self._counter += 1
        return Stamp(self._millis, self._counter, self.device)

    def observe(self, remote: Stamp) -> None:
        if (remote.millis, remote.counter) > (self._millis, self._counter):
            self._millis, self._counter = remote.millis, remote.counter
