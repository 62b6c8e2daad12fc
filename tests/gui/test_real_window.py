"""The app in a real X11 window (Xvfb), as a person would see it: start, show, screenshot."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.xdist_group("xvfb"),  # one X server at a time: xvfb-run -a picks displays racily
    pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed"),
]

SCREENSHOT_SCRIPT = """
import sys
from datetime import date, timedelta
from pathlib import Path
from PySide6.QtCore import QTimer
from saypro_core.records import CompetencyRating, GoalStatus, ReviewState, Visibility
from saypro_core.wire import DirectoryOut, PersonOut
from saypro_desktop.storage.directory import write_directory
from saypro_desktop.storage.queries import RecordFilter
from saypro_desktop.paths import DataPaths
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.ui.app import make_application, window_settings
from saypro_desktop.ui.main_window import MainWindow
from saypro_desktop.ui.record_page import RecordPage
from saypro_desktop.ui.session_dialogs import PublishSessionDialog, RollDialog, SurveyDialog
from saypro_desktop.ui.hub_dialogs import HubEntryDialog, ToolkitDialog
from saypro_desktop.ui.theme import apply_theme
from saypro_desktop.ui.translation import install_language
from tests import factories

out = Path(sys.argv[1])
paths = DataPaths.resolve(sys.argv[2])
paths.ensure()
store = RecordStore.open(paths.database())
today = date.today()
ME, SIPHO, LERATO, SAM = (factories.new_id() for _ in range(4))
with store.engine.begin() as connection:  # who is who, as a sync brings it: I supervise Sipho and Lerato
    write_directory(connection, DirectoryOut(v=1, me=ME, p=[
        PersonOut(id=ME, n="Thandi Mokoena", r="supervisor", t="Limpopo", rel=[]),
        PersonOut(id=SIPHO, n="Sipho Dlamini", r="staff", t="Limpopo", rel=["supervisee"]),
        PersonOut(id=LERATO, n="Lerato Nkosi", r="staff", t="Gauteng", rel=["mentee"]),
        PersonOut(id=SAM, n="Sam Mahlangu", r="admin", t="", rel=[])]))
ratings = [("me", 3), ("project_management", 3), ("facilitation", 2), ("communication", 4), ("leadership", 2),
           ("digital_literacy", 3), ("data_protection", 4), ("inclusion", 3), ("community_engagement", 4),
           ("reflective_practice", 3)]
store.save_many([
    factories.learning_log(id=factories.new_id(), log_date=today, owner_id=ME),
    factories.learning_log(id=factories.new_id(), title="Borehole committee meeting", project="WASH",
                           tags=["water"], log_date=today - timedelta(days=9), owner_id=ME),
    factories.self_assessment(id=factories.new_id(), title="Baseline", assessed_on=today - timedelta(days=200),
                              ratings=[CompetencyRating(competency_id=c, rating=max(1, r - 1)) for c, r in ratings],
                              gaps=[], owner_id=ME),
    factories.self_assessment(id=factories.new_id(), title="Mid-year check-in", assessed_on=today,
                              ratings=[CompetencyRating(competency_id=c, rating=r) for c, r in ratings],
                              gaps=["facilitation", "leadership"], owner_id=ME),
    factories.session_note(id=factories.new_id(), owner_id=ME),
    factories.development_goal(id=factories.new_id(), owner_id=ME),
    factories.session_note(id=factories.new_id(), owner_id=SIPHO, visibility=Visibility.ORGANISATION,
                           title="Knowledge cafe: savings groups that last"),
    factories.learning_log(id=factories.new_id(), owner_id=SIPHO, visibility=Visibility.SUPERVISOR,
                           title="Savings group visit in Giyani", log_date=today - timedelta(days=2)),
    factories.development_goal(id=factories.new_id(), owner_id=SIPHO, status=GoalStatus.AT_RISK,
                               target_date=today + timedelta(days=60)),
    factories.self_assessment(id=factories.new_id(), owner_id=SIPHO, assessed_on=today - timedelta(days=20),
                              ratings=[CompetencyRating(competency_id=c, rating=min(5, r + 1)) for c, r in ratings],
                              gaps=[]),
    factories.learning_log(id=factories.new_id(), owner_id=LERATO, visibility=Visibility.SUPERVISOR,
                           title="First community meeting", log_date=today - timedelta(days=45)),
])
from datetime import datetime, timezone
soon = datetime.now(timezone.utc).replace(hour=7, minute=0, second=0, microsecond=0) + timedelta(days=1)
cafe = factories.planned_session(id=factories.new_id(), owner_id=SAM, starts_at=soon, ends_at=soon + timedelta(hours=1),
                                 registration_deadline=None, alternative_dates=[soon + timedelta(days=14)], capacity=12)
circle = factories.planned_session(id=factories.new_id(), owner_id=ME, facilitator_ids=[ME], title="Sharing circle: "
                                   "reporting to funders", starts_at=soon - timedelta(days=6),
                                   ends_at=soon - timedelta(days=6) + timedelta(hours=2), registration_deadline=None,
                                   alternative_dates=[], session_type=factories.SessionType.SHARING_CIRCLE)
talk = factories.planned_session(id=factories.new_id(), owner_id=SAM, title="Lightning talks: data protection",
                                 starts_at=soon + timedelta(days=3), ends_at=soon + timedelta(days=3, hours=1),
                                 registration_deadline=None, alternative_dates=[], capacity=0,
                                 session_type=factories.SessionType.LIGHTNING_TALK, location="",
                                 location_kind=factories.LocationKind.ONLINE, online_link="https://saypro.online/live")
store.save_many([cafe, circle, talk,
    factories.registration(id=factories.new_id(), owner_id=ME, target_id=cafe.id, occurrence=cafe.starts_at,
                           outcome="registered"),
    factories.registration(id=factories.new_id(), owner_id=SIPHO, target_id=cafe.id, occurrence=cafe.starts_at,
                           outcome="registered"),
    factories.attendance(id=factories.new_id(), owner_id=ME, target_id=circle.id, occurrence=circle.starts_at,
                         attendee_ids=[SIPHO, LERATO], closed=True),
    factories.survey_response(id=factories.new_id(), owner_id="anonymous", target_id=circle.id,
                              occurrence=circle.starts_at, anonymous=True),
    factories.survey_response(id=factories.new_id(), owner_id=SIPHO, target_id=circle.id,
                              occurrence=circle.starts_at, overall=5, usefulness=4, improve="Start on time."),
])
case = factories.hub_entry(id=factories.new_id(), owner_id=SIPHO, author_name="Sipho Dlamini",
                          title="Case study: savings groups that outlast the project", project="Savings groups",
                          tags=["savings", "sustainability"], entry_date=today - timedelta(days=12),
                          summary="Three Giyani groups still meet two years after our support ended. What they "
                                  "have in common: their own rules, written down, and a treasurer they chose.",
                          body="The groups were started in 2024. We visited them again in October. Each "
                               "keeps a rule book in the local language, and new members sign it.",
                          links=["https://saypro.online/hub/savings-groups"])
toolkit = factories.hub_entry(id=factories.new_id(), owner_id=SAM, author_name="Sam Mahlangu",
                              kind=factories.HubKind.TOOLKIT, title="Facilitation toolkit for knowledge cafés",
                              project="Learning programme", tags=["facilitation"],
                              entry_date=today - timedelta(days=30),
                              summary="Agendas, timings and the questions that open a café.", links=[])
store.save_many([case, toolkit,
    factories.hub_entry(id=factories.new_id(), owner_id=LERATO, author_name="Lerato Nkosi",
                        kind=factories.HubKind.SHARED_LEARNING, title="Ask the borehole committee first",
                        project="WASH", tags=["water"], entry_date=today - timedelta(days=3), links=[],
                        summary="The committee knew where the pipes ran."),
    factories.hub_entry(id=factories.new_id(), owner_id=SAM, author_name="Sam Mahlangu",
                        kind=factories.HubKind.RECORDING, title="Recording: lightning talks, October",
                        project="Learning programme", tags=["data protection"], entry_date=today - timedelta(days=40),
                        summary="Five talks of five minutes.", links=["https://saypro.online/live/october"]),
    factories.attachment(id=factories.new_id(), owner_id=SAM, target_type="hub_entry", target_id=toolkit.id,
                         filename="facilitation-toolkit.pdf", size=2_400_000, visibility=Visibility.ORGANISATION),
    factories.feedback(id=factories.new_id(), target_type="hub_entry", target_id=case.id, owner_id=ME,
                       review_state=ReviewState.FEATURED, comment="Featured in the newsletter.",
                       visibility=Visibility.ORGANISATION),
])
store.save(factories.recognition(id=factories.new_id(), person_id=ME, title="Continuous learner of the month: "
                                 "November 2026", reasons="4 reflections shared, 2 sessions attended."))
mine = store.records(factories.LearningLog, where=RecordFilter(owner=ME))[0]
store.save(factories.feedback(target_id=mine.id, owner_id=SAM, review_state=ReviewState.NEEDS_MORE,
                              comment="Which savings rules did the group agree? Add them, please."))
app = make_application()
assert app.platformName() == "xcb", app.platformName()
apply_theme(app)
language = sys.argv[3]
install_language(language)
window = MainWindow(store, paths, owner_id=ME, settings=window_settings(paths))
window.resize(1280, 800)
window.show()

def shoot():
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        page = window.pages.currentWidget()
        for _ in range(20):
            app.processEvents()
            window.runner.wait(1000)
        if isinstance(page, RecordPage) and page.model.rowCount():
            page.list_view.setCurrentIndex(page.model.index(0))
        if row == 5:
            page.tabs.setCurrentIndex(2)
            page.trees[2].setCurrentItem(page.trees[2].topLevelItem(0))
        if row == 6:
            page.tree.setCurrentItem(page.tree.topLevelItem(0).child(0))
        app.processEvents()
        name = ("home", "learning_log", "self_assessment", "session_notes", "development_plan", "sessions",
                "knowledge_hub", "team", "sync")[row]
        assert window.screen().grabWindow(window.winId()).save(str(out / f"{language}_{row:02d}_{name}.png"))
    # The Sessions page as a field officer sees a session they registered for, and its dialogs.
    window.navigation.setCurrentRow(5)
    sessions = window.sessions
    sessions.tabs.setCurrentIndex(0)
    sessions.trees[0].setCurrentItem(sessions.trees[0].topLevelItem(0))
    app.processEvents()
    assert window.screen().grabWindow(window.winId()).save(str(out / f"{language}_x_sessions_registered.png"))
    # The Hub's toolkit with a document not fetched yet.
    window.navigation.setCurrentRow(6)
    window.knowledge_hub.tree.setCurrentItem(window.knowledge_hub.tree.topLevelItem(1).child(0))
    app.processEvents()
    assert window.screen().grabWindow(window.winId()).save(str(out / f"{language}_x_hub_toolkit.png"))
    held = sessions.content.past[0]
    dialogs = {"publish": PublishSessionDialog(window.services.directory, ME, window),
               "roll": RollDialog(held.roll, window.services.directory, held.session.title, window),
               "survey": SurveyDialog(held.session.title, window),
               "hub_entry": HubEntryDialog(ME, "Thandi Mokoena", "supervisor", window),
               "toolkit": ToolkitDialog(window.services.reference.templates, window.services.dialogs, window)}
    for name, dialog in dialogs.items():
        dialog.show()
        for _ in range(5):
            app.processEvents()
        assert dialog.grab().save(str(out / f"{language}_x_dialog_{name}.png"))
        dialog.close()
    window.show_search()
    app.processEvents()
    print("exposed", window.windowHandle().isExposed())
    app.quit()

QTimer.singleShot(500, shoot)
app.exec()
store.close()
"""


@pytest.mark.parametrize("language", ["en", "af"])
def test_main_window_in_a_real_x_server(tmp_path: Path, language: str) -> None:
    out = Path(os.environ.get("SAYPRO_SCREENSHOT_DIR", tmp_path / "screenshots"))
    out.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", sys.executable, "-c", SCREENSHOT_SCRIPT,
         str(out), str(tmp_path / "data"), language],
        capture_output=True, text=True, timeout=120, env=env, cwd=REPO_ROOT, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "exposed True" in result.stdout
    shots = sorted(out.glob(f"{language}_*.png"))
    assert [s.name for s in shots][:2] == [f"{language}_00_home.png", f"{language}_01_learning_log.png"]
    assert len(shots) == 16  # 9 sections, the registered state, a Hub toolkit with its document and 5 dialogs
    assert all(s.stat().st_size > 5_000 for s in shots), "a screenshot is blank"


SMALL_SCREEN_SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from saypro_desktop.paths import DataPaths
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.ui.app import make_application, window_settings
from saypro_desktop.ui.main_window import MainWindow
from saypro_desktop.ui.theme import apply_theme
from tests import factories

paths = DataPaths.resolve(sys.argv[1])
paths.ensure()
store = RecordStore.open(paths.database())
store.save(factories.learning_log(id=factories.new_id(), owner_id=""))
app = make_application()
apply_theme(app)
window = MainWindow(store, paths, settings=window_settings(paths))
window.show()

def check():
    try:
        look()
    finally:
        app.quit()

def look():
    problems = []
    available = window.screen().availableGeometry()
    if not available.contains(window.frameGeometry()):
        problems.append(f"window {window.frameGeometry()} outside the screen {available}")
    for row in range(1, 5):  # the pages with a list and an editor
        window.navigation.setCurrentRow(row)
        for _ in range(10):
            app.processEvents()
        page = window.pages.currentWidget()
        filters = [page.filter_from, page.filter_to, page.filter_tag, page.filter_project,
                   page.sort_combo] if row == 1 else []
        for widget in [page.new_button, *filters]:
            shown = widget.visibleRegion().boundingRect().size()
            if shown != widget.size():
                problems.append(f"page {row}: {type(widget).__name__} shows {shown} of {widget.size()}")
    print("problems", problems)

QTimer.singleShot(800, check)
app.exec()
store.close()
"""


def test_the_window_fits_a_small_laptop_at_150_percent(tmp_path: Path) -> None:
    """1280x650 pixels at 150% (about 853x433 logical): the window fits and nothing is cut off."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env |= {"QT_QPA_PLATFORM": "xcb", "QT_SCALE_FACTOR": "1.5"}
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x650x24", sys.executable, "-c", SMALL_SCREEN_SCRIPT,
         str(tmp_path / "data")], capture_output=True, text=True, timeout=120, env=env, cwd=REPO_ROOT, check=False)
    assert result.returncode == 0, result.stderr
    assert "problems []" in result.stdout, result.stdout
