"""A link with kernel TCP on both ends: a network namespace for the server, a veth pair to it, a
bandwidth cap each way (tc tbf), and outages in which every packet is silently lost.

bench/linkem.py is a user-space proxy: the laptop's TCP ends at the proxy, so a lost link shows as
a pause, never as the kernel's retransmission backoff that makes an outage cost far more than its
own length. Here the laptop's connection goes through the kernel to a server in the namespace, and
an outage drops packets in both directions (each side's tbf is given a bucket smaller than any
packet: this kernel has no netem and no tc drop action). Needs root and iproute2.

    with NamespaceLink(kbit=128) as link:
        link.run_in([...server command..., "--host", link.server_ip])   # a process inside
        link.outage(True); time.sleep(20); link.outage(False)
"""

from __future__ import annotations

import os
import shutil
import subprocess
from typing import Any


def available() -> str:
    """Why a namespace link cannot be made here ("" when it can)."""
    if os.geteuid() != 0:
        return "needs root (network namespaces)"
    if shutil.which("ip") is None or shutil.which("tc") is None:
        return "needs iproute2 (ip, tc)"
    return ""


class NamespaceLink:
    def __init__(self, kbit: float = 128, *, name: str | None = None) -> None:
        tag = name or f"sp{os.getpid() % 100_000}"
        self.namespace = f"saypro-{tag}"
        self.host_if, self.inner_if = f"{tag}a", f"{tag}b"
        octet = os.getpid() % 200 + 20
        self.host_ip, self.server_ip = f"10.{octet}.77.1", f"10.{octet}.77.2"
        self.kbit = kbit

    def _ip(self, *args: str, inside: bool = False) -> None:
        prefix = ["ip", "netns", "exec", self.namespace] if inside else []
        subprocess.run([*prefix, *args], check=True, capture_output=True)

    def _shape(self, burst: str) -> None:
        """The bandwidth cap each way; a bucket too small for any packet drops them all."""
        spec = ["tbf", "rate", f"{self.kbit}kbit", "burst", burst, "latency", "400ms"] if burst != "outage" \
            else ["tbf", "rate", f"{self.kbit}kbit", "burst", "10", "limit", "10"]
        for device, inside in ((self.host_if, False), (self.inner_if, True)):
            self._ip("tc", "qdisc", "replace", "dev", device, "root", *spec, inside=inside)

    def __enter__(self) -> NamespaceLink:
        self.close()
        self._ip("ip", "netns", "add", self.namespace)
        try:
            self._ip("ip", "link", "add", self.host_if, "type", "veth", "peer", "name", self.inner_if)
            self._ip("ip", "link", "set", self.inner_if, "netns", self.namespace)
            self._ip("ip", "addr", "add", f"{self.host_ip}/24", "dev", self.host_if)
            self._ip("ip", "link", "set", self.host_if, "up")
            self._ip("ip", "addr", "add", f"{self.server_ip}/24", "dev", self.inner_if, inside=True)
            self._ip("ip", "link", "set", self.inner_if, "up", inside=True)
            self._ip("ip", "link", "set", "lo", "up", inside=True)
            self._shape("16kb")
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        subprocess.run(["ip", "netns", "del", self.namespace], capture_output=True, check=False)
        subprocess.run(["ip", "link", "del", self.host_if], capture_output=True, check=False)

    def outage(self, down: bool) -> None:
        """Lose every packet both ways (True) until called again with False."""
        self._shape("outage" if down else "16kb")

    def popen(self, command: list[str], **kwargs: Any) -> subprocess.Popen[Any]:
        """A process inside the namespace (the server)."""
        return subprocess.Popen(["ip", "netns", "exec", self.namespace, *command], **kwargs)
