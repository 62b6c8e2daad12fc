"""How the desktop app behaves with a large history: 100,000 records of my own in the profile,
plus 20,000 that 20 colleagues I supervise shared with me, and the learning programme of a busy
year: 500 sessions (with 5,000 registrations and 250 rolls) and 5,000 Knowledge Hub entries.

Prints one JSON object. Goals (issues 3, 13 and 14): cold start to a usable main window <= 2 s,
search median <= 50 ms, opening the log list <= 200 ms, peak RSS <= 250 MB, the Team page <= 300
ms, the Sessions page <= 300 ms, the Knowledge Hub library and its search <= 300 ms.

    .venv/bin/python bench/ui_scale.py [--records N] [--colleagues N] [--runs N] [--keep-profile DIR]

The profile is generated once (bench/store_scale.py's records: 4/5 learning logs, 1/5 session
notes, plus goals and assessments) and reused from --keep-profile on later runs. Each run starts
the real app in a fresh process (offscreen Qt), so start-up and peak RSS are the process's own:
    cold_start_s     process start to the main window shown with its first page painted
    home_filled_s    ... to Home's month summary filled in (counted off the GUI thread)
    log_list_open_ms the Learning Log list reloaded: request to its first page of rows shown
    log_list_scroll_ms  the list scrolled to its end of loaded rows: the next page shown
    search_ms        a query typed in Ctrl+F: search started to results shown, over 20 queries
    team_page_ms     My team refreshed: request to every colleague's figures and grid shown
    sessions_page_ms Sessions refreshed: request to coming up, mine and past listed
    hub_page_ms      the Knowledge Hub library refreshed: request to its shelves (and filter choices) shown
    hub_search_ms    a query typed in the Hub's search: request to the matching shelves shown
    peak_rss_mb      the app process's peak resident memory over all of the above
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.store_scale import QUERIES, make_records  # noqa: E402
from saypro_core.ids import new_id  # noqa: E402
from saypro_core.records import (  # noqa: E402
    Attendance,
    CompetencyRating,
    DevelopmentGoal,
    GoalStatus,
    HubEntry,
    HubKind,
    PlannedSession,
    Record,
    Registration,
    RegistrationOutcome,
    SelfAssessment,
    SessionType,
    Visibility,
)
from saypro_core.wire import DirectoryOut, PersonOut  # noqa: E402
from saypro_desktop.paths import DataPaths  # noqa: E402
from saypro_desktop.storage.directory import write_directory  # noqa: E402
from saypro_desktop.storage.queries import RecordFilter  # noqa: E402
from saypro_desktop.storage.store import RecordStore  # noqa: E402

GOALS = {"cold_start_s": 2.0, "search_ms": 50.0, "log_list_open_ms": 200.0, "peak_rss_mb": 250.0,
         "team_page_ms": 300.0, "sessions_page_ms": 300.0, "hub_page_ms": 300.0, "hub_search_ms": 300.0}
#: The signed-in person of the generated profile (their own records are written before any sign-in).
ME = "01a23000-0000-7000-8000-000000000001"

# Runs inside the app process: the real start-up (saypro_desktop.cli.main), timed from outside.
DRIVER = r"""
import json, statistics, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import saypro_desktop.ui.app as app_module
from saypro_desktop.ui.search_dialog import SearchDialog

QUERIES = json.loads(sys.argv[2])
HUB_QUERIES = QUERIES[:10]
ME = sys.argv[3]
marks = {}

def wait(condition, timeout=30.0):
    end = time.monotonic() + timeout
    while not condition():
        QApplication.processEvents()
        if time.monotonic() > end:
            raise TimeoutError("the app did not answer in time")
        time.sleep(0.0005)

class Measured(app_module.MainWindow):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **{**kwargs, "owner_id": ME})  # as when signed in

    def showEvent(self, event):
        super().showEvent(event)
        if "shown" not in marks:
            QTimer.singleShot(0, self.measure)

    def measure(self):
        try:
            self.run_measurements()
        except BaseException:
            import traceback
            traceback.print_exc()
            QApplication.instance().exit(1)

    def run_measurements(self):
        self.repaint()
        marks["shown"] = time.time()
        wait(lambda: self.home.summary is not None)
        marks["home"] = time.time()
        page = self.learning_log
        self.navigation.setCurrentRow(1)
        opens = []
        for _ in range(5):
            started = time.perf_counter()
            page.reload()
            wait(lambda: page.model.rowCount() > 0 and not page.model.is_loading())
            page.list_view.repaint()
            opens.append((time.perf_counter() - started) * 1000)
        scrolls = []
        for _ in range(5):
            if not page.model.canFetchMore():
                break  # everything is loaded (a small profile)
            rows = page.model.rowCount()
            started = time.perf_counter()
            page.list_view.scrollToBottom()
            wait(lambda: page.model.rowCount() > rows and not page.model.is_loading())
            page.list_view.repaint()
            scrolls.append((time.perf_counter() - started) * 1000)
        self.show_search()
        dialog = self.findChild(SearchDialog)
        searches = []
        for query in QUERIES:
            dialog.query_edit.blockSignals(True)
            dialog.query_edit.setText(query)
            dialog.query_edit.blockSignals(False)
            started = time.perf_counter()
            dialog.run_search()
            wait(lambda: dialog.latest is not None and dialog.latest.query == query)
            dialog.results.repaint()
            searches.append((time.perf_counter() - started) * 1000)
        dialog.close()
        from saypro_desktop.ui.main_window import TEAM_ROW
        self.navigation.setCurrentRow(TEAM_ROW)
        team = self.team
        wait(lambda: team.view is not None)
        teams = []
        for _ in range(5):
            team.view = None
            started = time.perf_counter()
            team.refresh()
            wait(lambda: team.view is not None)
            team.repaint()
            teams.append((time.perf_counter() - started) * 1000)
        from saypro_desktop.ui.main_window import SESSIONS_ROW
        self.navigation.setCurrentRow(SESSIONS_ROW)
        sessions = self.sessions
        listed = []
        for _ in range(5):
            before = sessions.content
            started = time.perf_counter()
            sessions.refresh()
            wait(lambda: sessions.content is not before)
            sessions.repaint()
            listed.append((time.perf_counter() - started) * 1000)
        from saypro_desktop.ui.main_window import HUB_ROW
        self.navigation.setCurrentRow(HUB_ROW)
        hub = self.knowledge_hub
        shelves, hub_searches = [], []
        for text in ("", "", "", "", "", *HUB_QUERIES):
            hub.search_edit.blockSignals(True)
            hub.search_edit.setText(text)
            hub.search_edit.blockSignals(False)
            hub.content = None
            started = time.perf_counter()
            hub.refresh()
            wait(lambda: hub.content is not None)
            hub.tree.repaint()
            (hub_searches if text else shelves).append((time.perf_counter() - started) * 1000)
        print(json.dumps({"shown": marks["shown"], "home": marks["home"], "open": opens, "scroll": scrolls,
                          "search": searches, "rows": page.model.rowCount(), "team": teams,
                          "team_rows": team.table.rowCount(), "sessions": listed,
                          "occasions": len(sessions.content.upcoming) + len(sessions.content.past),
                          "hub": shelves, "hub_search": hub_searches, "hub_listed": hub.content.shown}), flush=True)
        QApplication.instance().quit()

app_module.MainWindow = Measured
from saypro_desktop.cli import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


def add_colleagues(store: RecordStore, colleagues: int, each: int) -> None:
    """``colleagues`` people I supervise (the directory a sync brings), each with ``each`` records
    shared with me (logs, session notes, goals, a self-assessment)."""
    people = [PersonOut(id=ME, n="Bench Supervisor", r="supervisor", t="Bench team")]
    today = date.today()
    for n in range(colleagues):
        person = f"01a23000-0000-7000-8000-{n + 2:012d}"
        people.append(PersonOut(id=person, n=f"Colleague {n:02d}", r="staff", t="Bench team", rel=["supervisee"]))
        shared: list[Record] = [dataclasses.replace(r, id=new_id(), owner_id=person, visibility=Visibility.TEAM)
                                for r in make_records(each - 11, seed=100 + n)]
        shared += [DevelopmentGoal(title=f"Goal {g}", target_date=today + timedelta(days=30 * g - 60), owner_id=person,
                                   status=list(GoalStatus)[g % 5], visibility=Visibility.SUPERVISOR) for g in range(10)]
        shared.append(SelfAssessment(title="Latest", framework_id="saypro_core", framework_version=1, owner_id=person,
                                     assessed_on=today, visibility=Visibility.SUPERVISOR,
                                     ratings=[CompetencyRating(competency_id="me", rating=1 + n % 5)]))
        for start in range(0, len(shared), 1000):
            store.save_many(shared[start:start + 1000])
    with store.engine.begin() as connection:
        write_directory(connection, DirectoryOut(v=1, me=ME, p=people))


def add_programme(store: RecordStore, colleagues: int, sessions: int, hub_entries: int) -> None:
    """``sessions`` planned sessions over the year around today (each with ten registrations, every
    other past one with its closed roll) and ``hub_entries`` Knowledge Hub entries, by colleagues."""
    people = [f"01a23000-0000-7000-8000-{n + 2:012d}" for n in range(max(colleagues, 1))]
    now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    records: list[Record] = []
    for n in range(sessions):
        start = now + timedelta(days=n * 365 // max(sessions, 1) - 182, hours=n % 8)
        planned = PlannedSession(id=new_id(), owner_id=ME, title=f"Session {n}: {QUERIES[n % len(QUERIES)]}",
                                 session_type=list(SessionType)[n % 7], starts_at=start,
                                 ends_at=start + timedelta(hours=1), capacity=12, location="Office",
                                 facilitator_ids=[ME], visibility=Visibility.ORGANISATION)
        records.append(planned)
        attendees = people[n % len(people):][:10]
        records += [Registration(id=new_id(), owner_id=person, target_id=planned.id, occurrence=start,
                                 outcome=RegistrationOutcome.REGISTERED, visibility=Visibility.ORGANISATION)
                    for person in attendees]
        if start < now and n % 2:
            records.append(Attendance(id=new_id(), owner_id=ME, target_id=planned.id, occurrence=start,
                                      attendee_ids=attendees, closed=True, visibility=Visibility.ORGANISATION))
    records += [HubEntry(id=new_id(), owner_id=people[n % len(people)], title=f"Hub entry {n}",
                         kind=list(HubKind)[n % 6], entry_date=now.date() - timedelta(days=n % 700),
                         summary=f"What we learned about {QUERIES[n % len(QUERIES)]} in project {n % 40}.",
                         tags=[f"tag{n % 30}"], visibility=Visibility.ORGANISATION) for n in range(hub_entries)]
    for start_at in range(0, len(records), 1000):
        store.save_many(records[start_at:start_at + 1000])


def build_profile(root: Path, count: int, colleagues: int, each: int, sessions: int = 500,
                  hub_entries: int = 5000) -> None:
    paths = DataPaths.resolve(root)
    paths.ensure()
    store = RecordStore.open(paths.database())
    try:
        if colleagues and not store.directory().people:
            add_colleagues(store, colleagues, each)
        if (sessions or hub_entries) and not store.count(PlannedSession):
            add_programme(store, colleagues, sessions, hub_entries)
        if store.count(DevelopmentGoal, where=RecordFilter(owner=ME)) > 0:
            return
        started = time.monotonic()
        records = make_records(count - count // 50)
        for start in range(0, len(records), 1000):
            store.save_many(records[start:start + 1000])
        today = date.today()
        extra: list[DevelopmentGoal | SelfAssessment] = [
            DevelopmentGoal(title=f"Goal {n}", specific="Grow", target_date=today + timedelta(days=n % 400 - 100),
                            status=list(GoalStatus)[n % 5], next_review=today + timedelta(days=n % 60 - 30))
            for n in range(count // 100)]
        extra += [SelfAssessment(title=f"Assessment {n}", framework_id="saypro_core", framework_version=1,
                                 assessed_on=today - timedelta(days=n),
                                 ratings=[CompetencyRating(competency_id="me", rating=1 + n % 5)])
                  for n in range(count // 100)]
        store.save_many(extra)
        print(f"generated {count} records in {time.monotonic() - started:.0f} s", file=sys.stderr)
    finally:
        store.close()


def run_app(root: Path) -> tuple[dict[str, float], float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DISPLAY", None)
    started = time.time()
    process = subprocess.Popen([sys.executable, "-c", DRIVER, str(root), json.dumps(QUERIES), ME],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                               cwd=Path(__file__).resolve().parent.parent)
    out, err = process.communicate(timeout=600)
    if process.returncode != 0:
        raise SystemExit(f"the app failed ({process.returncode}):\n{err}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = json.loads(out.strip().splitlines()[-1])
    return result | {"started": started}, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--colleagues", type=int, default=20, help="people I supervise, who shared with me")
    parser.add_argument("--colleague-records", type=int, default=1000, help="records each colleague shared")
    parser.add_argument("--sessions", type=int, default=500, help="planned sessions of the learning programme")
    parser.add_argument("--hub-entries", type=int, default=5000, help="Knowledge Hub entries")
    parser.add_argument("--runs", type=int, default=3, help="app starts to measure (each a fresh process)")
    parser.add_argument("--keep-profile", metavar="DIR", help="reuse (or create) the generated profile here")
    args = parser.parse_args()
    root = Path(args.keep_profile) if args.keep_profile else Path(tempfile.mkdtemp(prefix="saypro-ui-scale-"))
    build_profile(root, args.records, args.colleagues, args.colleague_records, args.sessions, args.hub_entries)
    starts, homes, opens, scrolls, searches, teams, listed, rss = [], [], [], [], [], [], [], 0.0
    shelves: list[float] = []
    hub_searches: list[float] = []
    for _ in range(args.runs):
        result, peak = run_app(root)  # RUSAGE_CHILDREN's maxrss is the largest child so far
        starts.append(result["shown"] - result["started"])
        homes.append(result["home"] - result["started"])
        opens += result["open"]
        scrolls += result["scroll"]
        searches += result["search"]
        teams += result["team"]
        listed += result["sessions"]
        shelves += result["hub"]
        hub_searches += result["hub_search"]
        rss = max(rss, peak)
    report = {
        "records": args.records,
        "runs": args.runs,
        "cold_start_s": round(statistics.median(starts), 3),
        "home_filled_s": round(statistics.median(homes), 3),
        "log_list_open_ms": round(statistics.median(opens), 1),
        "log_list_scroll_ms": round(statistics.median(scrolls), 1) if scrolls else None,
        "search_ms": round(statistics.median(searches), 1),
        "search_p95_ms": round(sorted(searches)[int(len(searches) * 0.95) - 1], 1),
        "peak_rss_mb": round(rss, 1),
        "colleagues": args.colleagues,
        "colleague_records": args.colleagues * args.colleague_records,
        "team_page_ms": round(statistics.median(teams), 1),
        "team_rows": result["team_rows"],
        "sessions": args.sessions,
        "hub_entries": args.hub_entries,
        "sessions_page_ms": round(statistics.median(listed), 1),
        "session_dates_listed": result["occasions"],
        "hub_page_ms": round(statistics.median(shelves), 1),
        "hub_search_ms": round(statistics.median(hub_searches), 1),
        "hub_listed": result["hub_listed"],
    }
    report["of_goal"] = {key: round(report[key] / goal, 2) for key, goal in GOALS.items()}  # type: ignore[operator]
    print(json.dumps(report))


if __name__ == "__main__":
    main()
