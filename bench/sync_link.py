"""Sync over a slow link, against the CouchDB replication protocol as the peer.

Prints one JSON object. For each link (128 kbit/s with 400 ms round trip; 50 kbit/s with 800 ms),
through bench/linkem.py in front of a real `saypro-server` process:

- first sync up: 1,000 learning logs (~1 KB each) from a laptop; then down to a second laptop;
  then one edited record: wall seconds, bytes each way, requests, and the ideal for the same data
  (its gzip size / bandwidth + one round trip);
- an interrupted first sync: the link drops half-way; the bytes sent again on the next attempt;
- the peer: the same documents replicated by PouchDB 9 (memory adapter, keep-alive) to
  express-pouchdb, through the same emulator: push, pull, one edit;
- reconciliation (first link only): a laptop's first sync of 10,000 logs, a server backup, 100 more
  logs synced, the server restored from the backup (`saypro-server restored`), the person signs in
  again and the laptop reconciles (sends the 100 the server lost): its seconds as a ratio of the
  first sync's.

- an outage (first link only; root): a first sync up through a namespace link (kernel TCP on both
  ends, bench/netns_link.py) with every packet lost for 20 s once a third has gone up, with and
  without the laptop's stall watch: the extra time as a ratio of the outage (goal <= 1.3).

Goals: first sync within 1.25x of the ideal and at least 4x faster than PouchDB; one edited record
in one request and <= 1.5 KB on the wire; an interrupted sync resends at most one batch (issue 5);
reconciling 10,000 records <= 0.3 of their first sync (issue 12).

    .venv/bin/python bench/sync_link.py [--links 128/400,50/800] [--records 1000] [--no-peer]
                                        [--reconcile-records 10000 | 0 to skip]
                                        [--outage 20 | 0 to skip] [--only-outage]

The peer needs Node.js and `npm install` in bench/pouchdb (done here when node_modules is missing).
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import requests  # noqa: E402

from bench.linkem import Link  # noqa: E402
from bench.store_scale import sentence  # noqa: E402
from saypro_core.codec import encode  # noqa: E402
from saypro_core.records import LearningLog, Record  # noqa: E402
from saypro_desktop.resources import default_reference_path  # noqa: E402
from saypro_desktop.storage.store import RecordStore  # noqa: E402
from saypro_desktop.sync.account import Account, sign_in  # noqa: E402
from saypro_desktop.sync.credentials import CredentialStore  # noqa: E402
from saypro_desktop.sync.engine import SyncEngine, SyncReport  # noqa: E402
from saypro_desktop.sync.transport import HttpTransport  # noqa: E402

PASSWORD = "bench password 2026"
PEER = ROOT / "bench" / "pouchdb"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def make_logs(count: int, seed: int) -> list[LearningLog]:
    """Learning logs of about 1 KB of JSON each, worded like field staff write."""
    rng = random.Random(seed)
    start = date(2026, 1, 1)
    return [LearningLog(title=f"{sentence(rng, 6)} #{n}", log_date=start + timedelta(days=n % 300),
                        project=rng.choice(("Youth Employment", "WASH", "Digital Skills", "Health")),
                        milestone=sentence(rng, 3), what_happened=" ".join(sentence(rng, 14) for _ in range(3)),
                        what_learned=" ".join(sentence(rng, 14) for _ in range(2)),
                        do_differently=sentence(rng, 12), tags=rng.sample(["jobs", "water", "radio", "cv"], 2))
            for n in range(count)]


class Server:
    def __init__(self, root: Path) -> None:
        self.data = root / "server"
        for user in ("laptop_user", "other_user"):
            self.admin("users", "create", user, "--password-stdin", stdin=f"{PASSWORD}\n")
        self.admin("reference", "load", str(default_reference_path()))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.start()

    def start(self) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "saypro_server", "--data-dir", str(self.data), "serve",
                                         "--port", str(self.port)], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        wait_for(f"{self.url}/api/v1/health")

    def restore(self, backup: Path) -> None:
        """The README's restore of a SQLite server: stop, copy the backup back, `restored`, start."""
        self.stop()
        database = self.data / "server.sqlite"
        for leftover in (database.with_name("server.sqlite-wal"), database.with_name("server.sqlite-shm")):
            leftover.unlink(missing_ok=True)
        shutil.copyfile(backup, database)
        self.admin("restored")
        self.start()

    def admin(self, *args: str, stdin: str | None = None) -> None:
        subprocess.run([sys.executable, "-m", "saypro_server", "--data-dir", str(self.data), *args], input=stdin,
                       text=True, capture_output=True, check=True)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def wait_for(url: str) -> None:
    for _ in range(300):
        try:
            if requests.get(url, timeout=1).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"{url} did not answer")


class Device:
    def __init__(self, root: Path, server: Server, user: str) -> None:
        root.mkdir(parents=True)
        self.store = RecordStore.open(root / "saypro.sqlite")
        self.vault = CredentialStore(root, "default")
        self.user = user
        self.sign_in(server)

    def sign_in(self, server: Server) -> None:
        self.vault.save(sign_in(server.url, self.user, PASSWORD, self.store.device_id))

    def sync(self, link: Link) -> tuple[SyncReport, dict[str, float]]:
        credentials = self.vault.load()
        assert credentials is not None
        account = Account(self.vault, credentials)
        transport = HttpTransport(link.url, account.access_token, refresh=account.refresh)
        link.reset_stats()
        started = time.monotonic()
        try:
            report = SyncEngine(self.store, transport, attempts=1).sync()
        finally:
            transport.close()
        return report, {"seconds": round(time.monotonic() - started, 2), "bytes_up": link.stats.bytes_up,
                        "bytes_down": link.stats.bytes_down, "requests": transport.requests,
                        "batch_sizes": transport.batch_sizes}


def ideal_seconds(records: list[Record], kbit: float, rtt_ms: float) -> tuple[float, int]:
    raw = json.dumps([encode(r) for r in records]).encode()
    size = len(gzip.compress(raw, 6))
    return round(size / (kbit * 125) + rtt_ms / 1000, 2), size


def ours(root: Path, server: Server, kbit: float, rtt: float, logs: list[LearningLog],
         interrupted_logs: list[LearningLog]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    with Link(server.port, rtt_ms=rtt, up_kbit=kbit, down_kbit=kbit) as link:
        laptop = Device(root / "laptop", server, "laptop_user")
        tablet = Device(root / "tablet", server, "laptop_user")
        laptop.store.save_many(logs)
        report, up = laptop.sync(link)
        assert report.complete and report.sent == len(logs), report
        ideal, gzip_size = ideal_seconds(list(logs), kbit, rtt)
        result["first_sync_up"] = {**up, "ideal_seconds": ideal, "gzip_bytes": gzip_size,
                                   "of_ideal": round(up["seconds"] / ideal, 2), "batches": report.batches}
        report, down = tablet.sync(link)
        assert report.complete and report.pulled >= len(logs), report
        result["first_sync_down"] = {**down, "ideal_seconds": ideal, "of_ideal": round(down["seconds"] / ideal, 2)}
        first = laptop.store.records(LearningLog, limit=1)[0]
        laptop.store.save(dataclasses.replace(first, what_learned=first.what_learned + " (edited)"))
        report, edit = laptop.sync(link)
        assert report.complete and report.sent == 1, report
        result["one_edit"] = {**edit, "bytes_total": edit["bytes_up"] + edit["bytes_down"]}
        # Interrupted: another person's first sync, the link dropping when about half has gone up.
        other = Device(root / "other", server, "other_user")
        other.store.save_many(interrupted_logs)
        link.fail_next("drop", after_bytes=up["bytes_up"] // 2)
        first_try, dropped = other.sync(link)
        second_try, rest = other.sync(link)
        assert second_try.complete and other.store.outbox_summary().changes == 0, second_try
        # The batch in flight when the link dropped: the last request of the attempt that broke.
        per_batch = dropped["batch_sizes"][-1]
        resent = dropped["bytes_up"] + rest["bytes_up"] - up["bytes_up"]
        result["interrupted_first_sync"] = {
            "dropped_after_bytes_up": dropped["bytes_up"], "batches_kept_before_drop": first_try.batches,
            "bytes_up_after_drop": rest["bytes_up"], "resent_bytes_up": resent,
            "batch_in_flight_bytes": per_batch, "resent_in_batches": round(resent / per_batch, 2),
            "error_shown": first_try.error}
        for device in (laptop, tablet, other):
            device.store.close()
    return result


def reconciliation(root: Path, kbit: float, rtt: float, count: int) -> dict[str, Any]:
    """A first sync of ``count`` logs, then a restored server and the laptop's reconciliation."""
    server = Server(root)
    try:
        with Link(server.port, rtt_ms=rtt, up_kbit=kbit, down_kbit=kbit) as link:
            laptop = Device(root / "laptop", server, "laptop_user")
            laptop.store.save_many(make_logs(count, seed=3))
            report, first = laptop.sync(link)
            assert report.complete and report.sent == count, report
            backup = root / "server-backup.sqlite"
            server.admin("backup", str(backup))
            after = make_logs(100, seed=4)
            laptop.store.save_many(after)
            report, _ = laptop.sync(link)
            assert report.complete and report.sent == len(after), report
            server.restore(backup)
            laptop.sign_in(server)  # every sign-in ended with the restore
            report, healed = laptop.sync(link)
            assert report.complete, report
            with sqlite3.connect(server.data / "server.sqlite") as database:
                (held,) = database.execute("SELECT count(*) FROM records WHERE type = 'learning_log'").fetchone()
            assert held == count + len(after), held  # nothing lost, nothing doubled
            laptop.store.close()
    finally:
        server.stop()
    return {"records": count, "written_after_backup": len(after), "first_sync_up": first, "reconcile": healed,
            "of_first_sync": round(healed["seconds"] / first["seconds"], 3), "goal_of_first_sync": 0.3}


def peer(root: Path, kbit: float, rtt: float, logs: list[LearningLog]) -> dict[str, Any]:
    if not (PEER / "node_modules").is_dir():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"], cwd=PEER, check=True)
    docs = root / "docs.json"
    docs.write_text(json.dumps([{"_id": log.id, **{k: v for k, v in encode(log).items() if k != "id"}}
                                for log in logs]))
    port = free_port()
    couch = subprocess.Popen(["node", "server.js", str(port)], cwd=PEER, stdout=subprocess.PIPE, text=True)
    result: dict[str, Any] = {}
    try:
        assert couch.stdout is not None and couch.stdout.readline().strip() == "ready"
        with Link(port, rtt_ms=rtt, up_kbit=kbit, down_kbit=kbit) as link:
            for mode in ("push", "pull", "edit"):
                requests.post(f"http://127.0.0.1:{port}/_bench_reset", timeout=10)
                link.reset_stats()
                client = subprocess.Popen(["node", "replicate.js", link.url, str(docs), mode], cwd=PEER,
                                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
                assert client.stdout is not None and client.stdin is not None
                if mode == "edit":
                    assert client.stdout.readline().strip() == "ready"
                    requests.post(f"http://127.0.0.1:{port}/_bench_reset", timeout=10)
                    link.reset_stats()
                    client.stdin.write("go\n")
                    client.stdin.flush()
                out, _ = client.communicate(timeout=1800)
                seconds = json.loads(out.strip().splitlines()[-1])["seconds"]
                counted = requests.get(f"http://127.0.0.1:{port}/_bench_requests", timeout=10).json()["requests"]
                result[mode] = {"seconds": seconds, "bytes_up": link.stats.bytes_up,
                                "bytes_down": link.stats.bytes_down, "requests": counted - 1}  # minus our own count
    finally:
        couch.terminate()
        couch.wait(timeout=30)
    return result


def outage(root: Path, kbit: float, outage_s: float, logs: list[LearningLog]) -> dict[str, Any]:
    """A first sync up through a namespace link (kernel TCP on both ends, bench/netns_link.py), clean,
    then with every packet lost for ``outage_s`` seconds once a third of it has gone up: with the
    stall watch (as the app syncs) and without it (the kernel's backoff decides). The outage's cost
    is the extra time as a ratio of the outage: goal <= 1.3."""
    from bench.netns_link import NamespaceLink, available

    why = available()
    if why:
        return {"skipped": f"a namespace link {why}"}
    result: dict[str, Any] = {"outage_s": outage_s, "kbit": kbit}
    for case in ("clean", "outage_watched", "outage_unwatched"):
        folder = root / case
        data = folder / "server"
        subprocess.run([sys.executable, "-m", "saypro_server", "--data-dir", str(data), "users", "create",
                        "laptop_user", "--password-stdin"], input=f"{PASSWORD}\n", text=True, capture_output=True,
                       check=True)
        with NamespaceLink(kbit=kbit, name=f"o{os.getpid() % 10_000}") as link:
            server = link.popen([sys.executable, "-m", "saypro_server", "--data-dir", str(data), "serve", "--host",
                                 link.server_ip, "--port", "8765"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
            url = f"http://{link.server_ip}:8765"
            try:
                wait_for(f"{url}/api/v1/health")
                result[case] = _sync_through(link, url, folder, logs, outage_s if case != "clean" else 0,
                                             watched=case != "outage_unwatched",
                                             upload_bytes=result.get("clean", {}).get("bytes_up", 0))
            finally:
                server.terminate()
                server.wait(timeout=30)
    clean = result["clean"]["seconds"]
    for case in ("outage_watched", "outage_unwatched"):
        result[f"{case}_cost_of_outage"] = round((result[case]["seconds"] - clean) / outage_s, 2)
    result["goal_cost_of_outage"] = 1.3
    return result


def _sync_through(link: Any, url: str, folder: Path, logs: list[LearningLog], outage_s: float,
                  watched: bool, upload_bytes: int = 0) -> dict[str, Any]:
    """One laptop's first sync of ``logs`` (tried again as the app does until it is through)."""
    import threading

    store = RecordStore.open(folder / "laptop.sqlite")
    store.save_many([dataclasses.replace(log) for log in logs])
    token = requests.post(f"{url}/api/v1/auth/login", timeout=10, json={
        "username": "laptop_user", "password": PASSWORD, "device_id": store.device_id}).json()["access_token"]
    transport = HttpTransport(url, lambda: token, session=None if watched else requests.Session())
    attempts = 0
    started = time.monotonic()

    def sync() -> None:
        nonlocal attempts
        while True:  # the app's background sync tries again until the outbox is empty
            attempts += 1
            report = SyncEngine(store, transport).sync()
            if report.complete and not report.error:
                return

    syncing = threading.Thread(target=sync)
    syncing.start()
    if outage_s:  # mid-upload: once a third of what the clean sync sent has gone into the connection
        while transport.bytes_sent < upload_bytes / 3 and syncing.is_alive():
            time.sleep(0.02)
        link.outage(True)
        time.sleep(outage_s)
        link.outage(False)
    syncing.join()
    seconds = time.monotonic() - started
    transport.close()
    store.close()
    return {"seconds": round(seconds, 2), "syncs": attempts, "requests": transport.requests,
            "stalls_noticed": transport.stall_watch.stalls, "bytes_up": transport.bytes_sent}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", default="128/400,50/800", help="kbit/rtt_ms pairs, comma separated")
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--no-peer", action="store_true", help="skip PouchDB (no Node.js here)")
    parser.add_argument("--reconcile-records", type=int, default=10_000, help="0 skips the reconciliation")
    parser.add_argument("--outage", type=float, default=20.0, help="seconds of the mid-upload outage (0 skips it)")
    parser.add_argument("--only-outage", action="store_true", help="only the outage case")
    args = parser.parse_args()
    if args.only_outage:
        root = Path(tempfile.mkdtemp(prefix="saypro-outage-"))
        print(json.dumps({"records": args.records, "outage": outage(root, 128, args.outage,
                                                                     make_logs(args.records, seed=1))}))
        shutil.rmtree(root, ignore_errors=True)
        return
    logs = make_logs(args.records, seed=1)
    report: dict[str, Any] = {"records": args.records, "links": {}}
    for spec in args.links.split(","):
        kbit, rtt = (float(x) for x in spec.split("/"))
        root = Path(tempfile.mkdtemp(prefix="saypro-sync-link-"))
        server = Server(root)
        try:
            entry = ours(root, server, kbit, rtt, [dataclasses.replace(log) for log in logs],
                         make_logs(args.records, seed=2))
        finally:
            server.stop()
        if not args.no_peer and shutil.which("node"):
            entry["pouchdb"] = peer(root, kbit, rtt, logs)
            entry["faster_than_pouchdb"] = {
                "first_sync_up": round(entry["pouchdb"]["push"]["seconds"] / entry["first_sync_up"]["seconds"], 2),
                "first_sync_down": round(entry["pouchdb"]["pull"]["seconds"] / entry["first_sync_down"]["seconds"], 2),
            }
        if args.reconcile_records and not report["links"]:
            entry["reconciliation"] = reconciliation(root / "reconcile", kbit, rtt, args.reconcile_records)
        if args.outage and not report["links"]:
            entry["outage"] = outage(root / "outage", kbit, args.outage, logs)
        report["links"][f"{int(kbit)}kbit_{int(rtt)}ms"] = entry
        shutil.rmtree(root, ignore_errors=True)
        print(json.dumps(report["links"][f"{int(kbit)}kbit_{int(rtt)}ms"]), file=sys.stderr, flush=True)
    print(json.dumps(report))


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()
