"""Many devices syncing at once against the real server (uvicorn workers) on SQLite and PostgreSQL.

Prints one JSON object. For each database and device count: changes ingested per second (every
device pushes its changes in batches, all at once), p50/p99 request latency, and the throughput
and latency of no-change syncs (a device that is up to date asks for news: the most common
request). Goal (issue 4): >= 1,000 no-change syncs/s with PostgreSQL on a 2-core machine. Then, on
PostgreSQL, the L&D dashboard with 1,000 staff and a year of activity (500,000 records): the
overview and the monthly report as a signed-in browser gets them, cold (the first load of each of
five months: its records read) and warm (ten loads of one month: the reports kept). Goal (issue
15): each <= 500 ms, cold included.

    .venv/bin/python bench/server_load.py [--devices 100,1000] [--databases sqlite,postgresql]
                                          [--dashboard-records 500000 | 0] [--only-dashboard]

PostgreSQL: SAYPRO_BENCH_POSTGRES_URL, or a temporary cluster this script starts (Debian's
postgresql package). The load generator runs on the same machine and shares its cores: pushes come
from an httpx client, no-change syncs from wrk (apt-get install wrk) when it is installed, as it
leaves the cores to the server; without it, from httpx too (the figure is then much lower).
Ingest is also printed as a ratio of PostgreSQL's own executemany rate for the same rows
(``ingest_of_executemany``, goal >= 0.2), and no-change syncs as a ratio of a minimal authenticated
endpoint on the same server (``nochange_of_minimal``, goal >= 0.5). SAYPRO_BENCH_SERVER_LOG=FILE
keeps the app servers' log.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import insert, select

from saypro_core.clock import HybridLogicalClock
from saypro_core.codec import encode, format_datetime
from saypro_core.ids import new_id
from saypro_core.metrics import activity_day
from saypro_core.records import BOOKKEEPING_FIELDS, LearningLog
from saypro_server.db import make_engine
from saypro_server.migrate import migrate
from saypro_server.security import hash_password, make_access_token, new_signing_key
from saypro_server.tables import Device, FeedCounter, SignInSession, StoredRecord, Team, User

ROOT = Path(__file__).resolve().parent.parent

DEVICES_PER_USER = 5
BATCH = 20
#: The server's signing key for the run (given to it in its environment), so the bench can mint
#: its devices' access tokens.
KEY = new_signing_key()


@contextmanager
def temporary_postgres() -> Iterator[str]:
    existing = os.environ.get("SAYPRO_BENCH_POSTGRES_URL")
    if existing:
        yield existing
        return
    bins = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
    if not bins:
        raise SystemExit("PostgreSQL is not installed: apt-get install postgresql, or set SAYPRO_BENCH_POSTGRES_URL")
    pg_bin = bins[-1]
    folder = Path(tempfile.mkdtemp(prefix="saypro-bench-pg-"))
    as_root = os.geteuid() == 0

    def run(command: str) -> None:
        full = ["su", "postgres", "-s", "/bin/sh", "-c", command] if as_root else ["sh", "-c", command]
        subprocess.run(full, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    if as_root:
        shutil.chown(folder, "postgres")
    port = free_port()
    run(f"'{pg_bin}/initdb' -D '{folder}/data' --auth=trust -U postgres")
    run(f"'{pg_bin}/pg_ctl' -D '{folder}/data' -l '{folder}/log' -w -o "
        f"\"-p {port} -k '{folder}' -c listen_addresses=127.0.0.1 -c max_connections=300\" start")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        run(f"'{pg_bin}/pg_ctl' -D '{folder}/data' -m fast stop")
        shutil.rmtree(folder, ignore_errors=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prepare(url: str, devices: int) -> list[tuple[str, str]]:
    """A fresh schema with users and signed-in devices; returns (device id, access token) pairs."""
    engine = make_engine(url)
    if url.startswith("postgresql"):
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    migrate(engine)
    now = datetime.now(UTC)
    password = hash_password("bench password")
    team = new_id()
    users = [new_id() for _ in range(max(1, devices // DEVICES_PER_USER))]
    device_rows = [(new_id(), users[n % len(users)]) for n in range(devices)]
    with engine.begin() as connection:
        connection.execute(insert(Team).values(id=team, name="Bench team"))
        connection.execute(insert(User), [
            {"id": u, "username": f"user{n}", "display_name": f"User {n}", "password_hash": password,
             "role": "staff", "team_id": team, "disabled": False, "created_at": now} for n, u in enumerate(users)])
        connection.execute(insert(Device), [
            {"id": d, "user_id": u, "name": "bench", "revoked": False, "created_at": now, "last_seen": now}
            for d, u in device_rows])
        sessions = [new_id() for _ in device_rows]
        connection.execute(insert(SignInSession), [
            {"id": s, "user_id": u, "device_id": d, "created_at": now, "expires_at": now + timedelta(days=1)}
            for s, (d, u) in zip(sessions, device_rows, strict=True)])
    engine.dispose()
    return [(d, make_access_token(KEY, u, d, s, 240)[0]) for s, (d, u) in zip(sessions, device_rows, strict=True)]


@contextmanager
def running_server(url: str, workers: int) -> Iterator[str]:
    port = free_port()
    log_path = os.environ.get("SAYPRO_BENCH_SERVER_LOG")
    server_log = open(log_path, "a") if log_path else subprocess.DEVNULL  # noqa: SIM115 (closed below)
    env = {**os.environ, "SAYPRO_SERVER_DATABASE_URL": url, "SAYPRO_SERVER_SIGNING_KEY": KEY,
           "SAYPRO_SERVER_DASHBOARD_SECURE_COOKIE": "false"}
    process = subprocess.Popen(  # what `saypro-server serve --workers N` runs
        [sys.executable, "-m", "gunicorn", "saypro_server.asgi:app", "--worker-class", "uvicorn_worker.UvicornWorker",
         "--workers", str(workers), "--bind", f"127.0.0.1:{port}"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=server_log)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            raise SystemExit("the server did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        if log_path and not isinstance(server_log, int):
            server_log.close()


def content(log: LearningLog) -> dict[str, Any]:
    return {k: v for k, v in encode(log).items() if k not in BOOKKEEPING_FIELDS or k in ("visibility", "deleted")}


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


async def _run(base: str, jobs: list[tuple[str, str, bytes]], concurrency: int) -> tuple[float, list[float], int]:
    """POST every (device, token, gzipped body); returns wall seconds, latencies (ms), failures."""
    latencies: list[float] = []
    failures = 0
    queue: asyncio.Queue[tuple[str, str, bytes]] = asyncio.Queue()
    for job in jobs:
        queue.put_nowait(job)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        async def worker() -> None:
            nonlocal failures
            while not queue.empty():
                _device, token, body = queue.get_nowait()
                started = time.perf_counter()
                response = await client.post("/api/v1/sync", content=body, headers={
                    "Authorization": f"Bearer {token}", "Content-Encoding": "gzip",
                    "Content-Type": "application/json", "Accept-Encoding": "gzip"})
                latencies.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200 or any(a["s"] != "ok" for a in response.json()["ack"]):
                    failures += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return time.perf_counter() - started, latencies, failures


def _wrk_duration_ms(text: str) -> float:
    """wrk's "812.00us", "1.52ms" or "1.02s" in milliseconds."""
    for suffix, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if text.endswith(suffix):
            return float(text[: -len(suffix)]) * factor
    return float(text)


def wrk_nochange(base: str, jobs: list[tuple[str, str, bytes]], seconds: int, connections: int) -> dict[str, Any]:
    """No-change syncs driven by wrk (C, a few % of one core), rotating over every device's token."""
    return _wrk(base, "/api/v1/sync", jobs, seconds, connections, "nochange")


def wrk_minimal(base: str, jobs: list[tuple[str, str, bytes]], seconds: int, connections: int) -> dict[str, Any]:
    """The yardstick of no-change syncs: GET /api/v1/auth/me (the token and its sign-in session
    checked, one row read), the least an authenticated request costs this server, with the same
    tokens, workers and connections."""
    return _wrk(base, "/api/v1/auth/me", [(device, token, b"") for device, token, _ in jobs], seconds, connections,
                "minimal")


def _wrk(base: str, path: str, jobs: list[tuple[str, str, bytes]], seconds: int, connections: int,
         name: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        lines = ["local jobs = {"]
        for n, (_device, token, body) in enumerate(jobs):
            (Path(folder) / f"{n}.gz").write_bytes(body)
            lines.append(f'  {{"{token}", "{folder}/{n}.gz"}},')
        lines += ["}", "local bodies = {}",
                  "for i, job in ipairs(jobs) do local f = io.open(job[2], 'rb'); bodies[i] = f:read('*all'); "
                  "f:close() end",
                  "local i = 0",
                  "request = function()",
                  "  i = i % #jobs + 1",
                  f"  if #bodies[i] == 0 then return wrk.format('GET', '{path}', "
                  "{['Authorization'] = 'Bearer ' .. jobs[i][1]}) end",
                  f"  return wrk.format('POST', '{path}', {{['Authorization'] = 'Bearer ' .. jobs[i][1],",
                  "    ['Content-Encoding'] = 'gzip', ['Content-Type'] = 'application/json'}, bodies[i])",
                  "end",
                  "response = function(status) if status ~= 200 then wrk.thread:stop() end end"]
        script = Path(folder) / "load.lua"
        script.write_text("\n".join(lines))
        out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script),
                              f"{base}{path}"], capture_output=True, text=True, check=True).stdout
    stats: dict[str, Any] = {f"{name}_client": "wrk"}
    for line in out.splitlines():
        parts = line.split()
        if line.startswith("Requests/sec:"):
            stats[f"{name}_per_s"] = float(parts[1])
        elif parts[:1] == ["50.000%"] or parts[:1] == ["50%"]:
            stats[f"{name}_p50_ms"] = round(_wrk_duration_ms(parts[1]), 2)
        elif parts[:1] == ["99.000%"] or parts[:1] == ["99%"]:
            stats[f"{name}_p99_ms"] = round(_wrk_duration_ms(parts[1]), 2)
        elif "requests in" in line:
            stats[f"{name}_requests"] = int(parts[0])
        elif line.strip().startswith("Non-2xx"):
            stats[f"{name}_failures"] = int(parts[-1])
    stats.setdefault(f"{name}_failures", 0)
    return stats


def executemany_rate(url: str, rows: list[dict[str, Any]]) -> float:
    """PostgreSQL's own rate (rows/s) of inserting ``rows`` into a table of the records' shape
    (CREATE TABLE ... LIKE records, its indexes included) with psycopg's executemany, one
    transaction per push batch: what the push path is measured against."""
    import psycopg
    from psycopg.types.json import Jsonb

    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    columns = list(rows[0])
    statement = (f"INSERT INTO bench_records ({', '.join(columns)}) "
                 f"VALUES ({', '.join('%s' for _ in columns)})")
    values = [tuple(Jsonb(v) if isinstance(v, dict) else v for v in row.values()) for row in rows]
    with psycopg.connect(dsn) as connection:
        connection.execute("DROP TABLE IF EXISTS bench_records")
        connection.execute("CREATE TABLE bench_records (LIKE records INCLUDING ALL)")
        connection.commit()
        started = time.perf_counter()
        for start in range(0, len(values), BATCH):
            with connection.cursor() as cursor:
                cursor.executemany(statement, values[start:start + BATCH])
            connection.commit()
        elapsed = time.perf_counter() - started
        connection.execute("DROP TABLE bench_records")
        connection.commit()
    return len(values) / elapsed


def scenario(url: str, devices: int, changes_per_device: int, nochange: int, workers: int,
             concurrency: int) -> dict[str, Any]:
    accounts = prepare(url, devices)
    template = LearningLog(title="Bench log", log_date=datetime.now(UTC).date(),
                           what_learned="Community radio reaches parents on Saturday mornings. " * 8)
    push_jobs = []
    for device, token in accounts:
        clock = HybridLogicalClock(device)
        for _ in range(changes_per_device // BATCH):
            changes = [{"id": new_id(), "t": "learning_log", "r": new_id(), "op": "u",
                        "f": content(template), "b": 0, "h": str(clock.now())} for _ in range(BATCH)]
            body = {"v": 1, "dev": device, "cur": 0, "lim": 1, "ch": changes}
            push_jobs.append((device, token, gzip.compress(json.dumps(body).encode())))
    with running_server(url, workers) as base:
        push_s, push_latency, push_failures = asyncio.run(_run(base, push_jobs, concurrency))
        engine = make_engine(url)
        with engine.connect() as connection:
            high = connection.execute(select(FeedCounter.position)).scalar_one()
        engine.dispose()
        idle_jobs = [
            (device, token, gzip.compress(json.dumps({"v": 1, "dev": device, "cur": high, "ref": 0}).encode()))
            for n in range(nochange) for device, token in [accounts[n % len(accounts)]]]
        asyncio.run(_run(base, idle_jobs[:200], concurrency))  # warm the workers' connection pools
        if shutil.which("wrk"):
            idle = wrk_nochange(base, idle_jobs[:devices], seconds=10, connections=32)
            idle |= wrk_minimal(base, idle_jobs[:devices], seconds=10, connections=32)
            idle["nochange_of_minimal"] = round(idle["nochange_per_s"] / idle["minimal_per_s"], 3)
        else:  # the Python client costs the server a good part of the CPU it measures
            idle_s, idle_latency, idle_failures = asyncio.run(_run(base, idle_jobs, concurrency))
            idle = {"nochange_client": "httpx", "nochange_syncs": len(idle_jobs),
                    "nochange_per_s": round(len(idle_jobs) / idle_s, 1),
                    "nochange_p50_ms": round(percentile(idle_latency, 0.5), 2),
                    "nochange_p99_ms": round(percentile(idle_latency, 0.99), 2), "nochange_failures": idle_failures}
    total_changes = len(push_jobs) * BATCH
    ingest = total_changes / push_s
    baseline: dict[str, Any] = {}
    if url.startswith("postgresql"):
        now = datetime.now(UTC)
        owners = [new_id() for _ in range(total_changes)]
        rows = [{"id": new_id(), "type": "learning_log", "owner_id": owner, "team_id": None, "subject_id": None,
                 "parent_id": None, "visibility": "team", "deleted": False, "revision": 1,
                 "fields": content(template), "field_revisions": {}, "field_stamps": {}, "stamp": "",
                 "updated_at": now, "created_at": now, "author_updated_at": now, "feed_position": n + 1,
                 "size": 600, "activity_on": template.log_date} for n, owner in enumerate(owners)]
        rate = executemany_rate(url, rows)
        baseline = {"executemany_rows_per_s": round(rate, 1), "ingest_of_executemany": round(ingest / rate, 3)}
    return {
        "devices": devices, "changes": total_changes, "push_requests": len(push_jobs),
        "ingest_changes_per_s": round(ingest, 1), **baseline,
        "push_p50_ms": round(percentile(push_latency, 0.5), 1), "push_p99_ms": round(percentile(push_latency, 0.99), 1),
        "push_failures": push_failures, **idle,
    }


# -- the dashboard with a year of an organisation's activity ----------------------------------------

DASHBOARD_GOAL_MS = 500.0
#: What a year of records is made of (learning logs mostly; a third of them private).
MIX = (("learning_log", 0.55), ("feedback", 0.18), ("session_note", 0.10), ("survey_response", 0.08),
       ("development_goal", 0.04), ("self_assessment", 0.03), ("attendance", 0.015), ("planned_session", 0.005))


def _year_of_records(users: list[str], teams: dict[str, str], count: int, today: date) -> Iterator[dict[str, Any]]:
    """``count`` stored-record rows spread over the twelve months up to ``today``."""
    rng = random.Random(7)
    sessions: list[str] = []
    for kind, share in MIX:
        for n in range(int(count * share)):
            owner = users[rng.randrange(len(users))]
            day = today - timedelta(days=rng.randrange(365))
            moment = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=7)
            fields: dict[str, Any] = {"title": f"{kind} {n}"}
            parent = subject = None
            record_id = new_id()
            visibility = "team"
            if kind == "learning_log":
                visibility = "private" if n % 3 == 0 else "team"
                fields |= {"log_date": day.isoformat(), "what_learned": "Radio reaches parents. " * 10}
            elif kind == "session_note":
                fields |= {"starts_at": format_datetime(moment), "success_stories": "" if n % 4 else "It worked."}
            elif kind == "development_goal":
                fields |= {"status": ("on_track", "at_risk", "achieved", "not_started")[n % 4],
                           "target_date": (day + timedelta(days=120)).isoformat(),
                           "next_review": (day + timedelta(days=30)).isoformat()}
            elif kind == "self_assessment":
                fields |= {"assessed_on": day.isoformat(),
                           "ratings": [{"competency_id": f"c{c}", "rating": 1 + (n + c) % 5} for c in range(8)]}
            elif kind == "planned_session":
                sessions.append(record_id)
                visibility = "organisation"
                fields |= {"starts_at": format_datetime(moment)}
            elif kind == "attendance":
                visibility = "organisation"
                parent = sessions[n % len(sessions)] if sessions else None
                fields |= {"occurrence": format_datetime(moment), "closed": True, "guests": ["A guest"],
                           "attendee_ids": rng.sample(users, 10)}
            elif kind == "survey_response":
                visibility = "organisation"
                fields |= {"occurrence": format_datetime(moment), "kind": "survey", "overall": 1 + n % 5}
            elif kind == "feedback":
                subject = users[rng.randrange(len(users))]
                fields |= {"review_state": "featured" if n % 200 == 0 else "comment", "comment": "Well done."}
            yield {"id": record_id, "type": kind, "owner_id": owner, "activity_on": activity_day(kind, fields, moment),
                   "team_id": teams[owner], "subject_id": subject, "parent_id": parent, "visibility": visibility,
                   "deleted": False, "revision": 1, "fields": fields, "field_revisions": {}, "field_stamps": {},
                   "stamp": "", "updated_at": moment, "created_at": moment, "author_updated_at": moment,
                   "feed_position": 0, "size": 600}


def dashboard_scenario(url: str, staff: int, records: int, workers: int, repeats: int = 10) -> dict[str, Any]:
    """The overview and the monthly report, as the L&D office opens them, with ``staff`` people in
    teams of 20 and ``records`` records of the last twelve months."""
    engine = make_engine(url)
    if url.startswith("postgresql"):
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    migrate(engine)
    now = datetime.now(UTC)
    today = now.date()
    password = hash_password("bench password")
    team_ids = [new_id() for _ in range(max(1, staff // 20))]
    supervisors = [new_id() for _ in team_ids]
    users = [new_id() for _ in range(staff)]
    teams = {u: team_ids[n % len(team_ids)] for n, u in enumerate(users)}
    started = time.perf_counter()
    with engine.begin() as connection:
        connection.execute(insert(User), [
            {"id": s, "username": f"supervisor{n}", "display_name": f"Supervisor {n}", "password_hash": password,
             "role": "supervisor", "team_id": None, "disabled": False, "created_at": now}
            for n, s in enumerate(supervisors)] + [
            {"id": new_id(), "username": "lnd", "display_name": "L&D office", "password_hash": password,
             "role": "admin", "team_id": None, "disabled": False, "created_at": now}])
        connection.execute(insert(Team), [{"id": t, "name": f"Team {n:03d}", "supervisor_id": s}
                                          for n, (t, s) in enumerate(zip(team_ids, supervisors, strict=True))])
        connection.execute(insert(User), [
            {"id": u, "username": f"staff{n}", "display_name": f"Staff {n}", "password_hash": password,
             "role": "staff", "team_id": teams[u], "disabled": False, "created_at": now} for n, u in enumerate(users)])
    batch: list[dict[str, Any]] = []
    for row in _year_of_records(users, teams, records, today):
        batch.append(row)
        if len(batch) == 5000:
            with engine.begin() as connection:
                connection.execute(insert(StoredRecord), batch)
            batch = []
    if batch:
        with engine.begin() as connection:
            connection.execute(insert(StoredRecord), batch)
    if url.startswith("postgresql"):
        # What autovacuum does soon after a bulk load: statistics, and the visibility map that lets
        # the reports' counts come from the index alone.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
    loaded_s = time.perf_counter() - started
    engine.dispose()
    month = f"{today:%Y-%m}"
    with (running_server(url, workers) as base,
          httpx.Client(base_url=base, timeout=120, follow_redirects=True) as client):
        form = client.get("/dashboard/sign-in")
        token = form.text.split('name="token" value="', 1)[1].split('"', 1)[0]
        signed = client.post("/dashboard/sign-in", data={"username": "lnd", "password": "bench password",
                                                          "token": token, "next": "/dashboard"},
                             follow_redirects=False)  # the overview's first load is timed below
        if signed.status_code != 303:
            raise SystemExit(f"the L&D office could not sign in: {signed.status_code}")

        def timed(path: str, times_: int = repeats) -> list[float]:
            times = []
            for _ in range(times_):
                begun = time.perf_counter()
                answer = client.get(path)
                times.append((time.perf_counter() - begun) * 1000)
                if answer.status_code != 200:
                    raise SystemExit(f"{path}: {answer.status_code}")
            return times

        # A month's first load reads its records (cold): five months, each opened for the first
        # time; opened again (other browsers, going back) the reports are kept while nothing
        # changed (saypro_server.reporting): warm.
        months = [f"{date(today.year, today.month, 1) - timedelta(days=31 * back):%Y-%m}" for back in range(5)]
        overview_cold = [timed(f"/dashboard?month={m}", 1)[0] for m in months]
        report_cold = [timed(f"/dashboard/report?month={m}", 1)[0] for m in months]
        overview = timed(f"/dashboard?month={month}")
        report = timed(f"/dashboard/report?month={month}")
        pdf = timed(f"/dashboard/report.pdf?month={month}")[:3]
    overview_ms = statistics.median(overview)
    report_ms = statistics.median(report)
    overview_cold_ms = statistics.median(overview_cold)
    report_cold_ms = statistics.median(report_cold)
    return {"staff": staff, "teams": len(team_ids), "records": records, "load_s": round(loaded_s, 1),
            "overview_cold_ms": [round(t, 1) for t in overview_cold],
            "report_cold_ms": [round(t, 1) for t in report_cold],
            "overview_cold_median_ms": round(overview_cold_ms, 1), "report_cold_median_ms": round(report_cold_ms, 1),
            "overview_median_ms": round(overview_ms, 1), "overview_p90_ms": round(percentile(overview, 0.9), 1),
            "report_median_ms": round(report_ms, 1), "report_p90_ms": round(percentile(report, 0.9), 1),
            "report_pdf_median_ms": round(statistics.median(pdf), 1),
            "goal_ms": DASHBOARD_GOAL_MS,
            "of_goal": {"overview_cold": round(overview_cold_ms / DASHBOARD_GOAL_MS, 2),
                        "report_cold": round(report_cold_ms / DASHBOARD_GOAL_MS, 2),
                        "overview": round(overview_ms / DASHBOARD_GOAL_MS, 2),
                        "report": round(report_ms / DASHBOARD_GOAL_MS, 2)}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", default="100,1000")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--changes-per-device", type=int, default=20)
    parser.add_argument("--nochange", type=int, default=5000, help="no-change syncs to time")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--concurrency", type=int, default=64, help="requests in flight")
    parser.add_argument("--dashboard-staff", type=int, default=1000)
    parser.add_argument("--dashboard-records", type=int, default=500_000, help="0 skips the dashboard's timing")
    parser.add_argument("--only-dashboard", action="store_true", help="skip the sync figures")
    args = parser.parse_args()
    result: dict[str, Any] = {"benchmark": "server_load", "workers": args.workers, "concurrency": args.concurrency,
                              "cpus": os.cpu_count(), "runs": []}
    for database in [] if args.only_dashboard else args.databases.split(","):
        for devices in (int(d) for d in args.devices.split(",")):
            if database == "sqlite":
                folder = tempfile.mkdtemp(prefix="saypro-bench-")
                run = scenario(f"sqlite+pysqlite:///{folder}/server.sqlite", devices, args.changes_per_device,
                               args.nochange, args.workers, args.concurrency)
                shutil.rmtree(folder, ignore_errors=True)
            else:
                with temporary_postgres() as url:
                    run = scenario(url, devices, args.changes_per_device, args.nochange, args.workers,
                                   args.concurrency)
            result["runs"].append({"database": database, **run})
    postgres = [r["nochange_per_s"] for r in result["runs"] if r["database"] == "postgresql"]
    if postgres:
        result["postgresql_nochange_per_s_vs_goal"] = round(min(postgres) / 1000, 3)
    if args.dashboard_records:
        with temporary_postgres() as url:
            result["dashboard_postgresql"] = dashboard_scenario(url, args.dashboard_staff, args.dashboard_records,
                                                                args.workers)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
