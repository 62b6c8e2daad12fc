"""The main window: navigation on the left, one page per part of the app on the right, a status
bar that says where the data stands, and the menus and shortcuts that reach everything.

It composes pages and owns no business logic. It remembers its size, position and last page
(QSettings), reopens an unsaved draft after a crash, and rebuilds itself when the language
changes.
"""

from __future__ import annotations

import importlib
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from saypro_core.codec import parse_datetime
from saypro_core.records import RECORD_TYPES, Attachment, Feedback
from saypro_core.validation import ValidationError
from saypro_desktop import APP_NAME, __version__
from saypro_desktop.paths import DEFAULT_PROFILE, DataPaths
from saypro_desktop.storage.blobs import FileCipher
from saypro_desktop.storage.directory import is_mine
from saypro_desktop.storage.opened_copies import OpenedCopies
from saypro_desktop.storage.outbox import OutboxSummary
from saypro_desktop.storage.profile_access import blobs_for
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.transfer import ImportRejected, export_json, import_file
from saypro_desktop.ui.background import BackgroundRunner
from saypro_desktop.ui.dialogs import DialogService
from saypro_desktop.ui.feedback_thread import arrived_text
from saypro_desktop.ui.form_widgets import format_moment, human_size
from saypro_desktop.ui.record_page import RecordPage
from saypro_desktop.ui.reminders import SessionReminders
from saypro_desktop.ui.search_dialog import SearchDialog
from saypro_desktop.ui.services import PageServices, load_reference_for
from saypro_desktop.ui.settings_dialog import SettingsDialog, default_sharing
from saypro_desktop.ui.sync_controller import SyncController
from saypro_desktop.ui.translation import install_language
from saypro_desktop.ui.tray import SyncTray, tray_available

if TYPE_CHECKING:
    from saypro_desktop.ui.development_plan_page import DevelopmentPlanPage
    from saypro_desktop.ui.home_page import HomePage
    from saypro_desktop.ui.knowledge_hub_page import KnowledgeHubPage
    from saypro_desktop.ui.learning_log_page import LearningLogPage
    from saypro_desktop.ui.self_assessment_page import SelfAssessmentPage
    from saypro_desktop.ui.session_notes_page import SessionNotesPage
    from saypro_desktop.ui.sessions_page import SessionsPage
    from saypro_desktop.ui.sync_page import SyncPage
    from saypro_desktop.ui.team_page import TeamPage

#: The page of each section, in navigation order: (module in saypro_desktop.ui, class).
PAGE_CLASSES = (
    ("home_page", "HomePage"), ("learning_log_page", "LearningLogPage"),
    ("self_assessment_page", "SelfAssessmentPage"), ("session_notes_page", "SessionNotesPage"),
    ("development_plan_page", "DevelopmentPlanPage"), ("sessions_page", "SessionsPage"),
    ("knowledge_hub_page", "KnowledgeHubPage"), ("team_page", "TeamPage"), ("sync_page", "SyncPage"),
)

#: A desktop's panel, which holds the tray, can come up after the apps it starts at log-in: how long
#: and how often a window that wants a tray keeps looking for one.
TRAY_WAIT_S = 120
TRAY_LOOK_MS = 2000

#: Where each record type is edited (feedback and attachments open the record they belong to).
PAGE_OF_TYPE = {"learning_log": 1, "self_assessment": 2, "session_note": 3, "development_goal": 4}
SESSIONS_ROW = 5
HUB_ROW = 6
TEAM_ROW = 7
SYNC_ROW = 8


class MainWindow(QMainWindow):
    """Composes the pages; owns no business logic."""

    def __init__(self, store: RecordStore, paths: DataPaths, *, server_url: str | None = None,
                 owner_id: str = "", dialogs: DialogService | None = None,
                 settings: QSettings | None = None, profile: str = DEFAULT_PROFILE,
                 tray: bool | None = None, allow_insecure_http: bool = False) -> None:
        """``tray``: use a system-tray icon (None: where the desktop has a tray and the person wants it).
        ``allow_insecure_http``: signing in to a plain-http server on another machine is allowed (a lab)."""
        super().__init__()
        self.allow_insecure_http = allow_insecure_http
        self._store = store
        self._paths = paths
        self.sync = SyncController(store, paths.root, profile, server=server_url, parent=self)
        self._server_url = self.sync.server
        owner_id = owner_id or self.sync.user_id
        self.settings = settings if settings is not None else QSettings(
            str(paths.settings_file), QSettings.Format.IniFormat)
        self.runner = BackgroundRunner(self)
        self.services = PageServices(
            store=store, paths=paths, runner=self.runner, dialogs=dialogs or DialogService(),
            reference=load_reference_for(store), blobs=blobs_for(paths, profile, store.key),
            owner_id=owner_id, notify=self.notify, opened=OpenedCopies(paths.profile_dir(profile) / ".opened"),
            directory=store.directory(), default_sharing=default_sharing(self.settings),
            fetch_file=self.sync.fetch_file)
        self.services.opened.clear()  # copies left by a session that crashed
        self._shut_down = False
        self._quitting = False
        self._waiting: OutboxSummary | None = None  # the last count of what waits to sync
        self.tray: SyncTray | None = None
        application = QCoreApplication.instance()
        if application is not None:
            application.aboutToQuit.connect(self.shut_down)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        # Fits a 1366x768 laptop at 150% (about 900x480 logical pixels), and smaller screens still.
        self.setMinimumSize(600, 380)
        available = self.screen().availableGeometry()
        self.resize(min(1200, available.width() - 24), min(780, available.height() - 48))
        self._build_ui()
        self.sync.hold_files = str(self.settings.value("sync/hold_files", "false")) == "true"
        self.sync.state_changed.connect(self._account_known)
        self.sync.state_changed.connect(self.refresh_status)
        self.sync.state_changed.connect(self._refresh_open_record)
        self.sync.progressed.connect(self._show_progress)
        self.sync.data_arrived.connect(self._data_arrived)
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        last_page = int(str(self.settings.value("window/page", 0)))
        self.navigation.setCurrentRow(last_page if 0 <= last_page < self.pages.count() else 0)
        self.reopen_latest_draft()
        self.use_tray(self._wants_tray() and tray_available() if tray is None else tray)
        #: Started minimized (at log-in) before the tray was there: go into it when it comes.
        self.into_tray_when_it_appears = False
        self._tray_watch = QTimer(self, interval=TRAY_LOOK_MS)
        self._tray_watch.timeout.connect(self._look_for_tray)
        self._tray_wait_ends = time.monotonic() + TRAY_WAIT_S
        if tray is None and self.tray is None and self._wants_tray():
            self._tray_watch.start()
        self.reminders = SessionReminders(self.services, self.runner, self)
        self.reminders.due.connect(self._remind)
        self.reminders.start()

    # -- building ---------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self._built: dict[int, QWidget] = {}
        sections = [self.tr("Home"), self.tr("Learning Log"), self.tr("Self-Assessment"), self.tr("Session Notes"),
                    self.tr("Development Plan"), self.tr("Sessions"), self.tr("Knowledge Hub"), self.tr("My team"),
                    self.tr("Sync")]
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Sections"))
        self.navigation.setFixedWidth(220)
        self.pages = QStackedWidget()
        for number, name in enumerate(sections, start=1):
            item = QListWidgetItem(name, self.navigation)
            item.setToolTip(self.tr("{section} (Ctrl+{number})").format(section=name, number=number))
            self.pages.addWidget(QWidget())  # replaced by the page the first time it is shown
        self.navigation.currentRowChanged.connect(self._section_changed)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.sync_status = QLabel()
        self.sync_status.setAccessibleName(self.tr("Sync status"))
        self.statusBar().addPermanentWidget(self.sync_status)
        self._build_menus()
        self._show_team_section()
        self.refresh_status()

    def page(self, row: int) -> QWidget:
        """The page of a section, built the first time it is needed (start-up builds only the first one)."""
        built = self._built.get(row)
        if built is not None:
            return built
        page = self._make_page(row)
        placeholder = self.pages.widget(row)
        current = self.pages.currentIndex()
        self.pages.insertWidget(row, page)
        if placeholder is not None:
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
        self.pages.setCurrentIndex(current)
        self._built[row] = page
        return page

    def _make_page(self, row: int) -> QWidget:
        # Imported here, so a page's modules (QtCharts for the radar chart) load when it is first shown.
        module_name, class_name = PAGE_CLASSES[row]
        page_class = getattr(importlib.import_module(f"saypro_desktop.ui.{module_name}"), class_name)
        if class_name == "SyncPage":
            sync_page = page_class(self.services, self.sync)
            sync_page.sign_in_button.clicked.connect(self.sign_in)
            return cast(QWidget, sync_page)
        page = cast(QWidget, page_class(self.services))
        if isinstance(page, RecordPage):
            page.data_changed.connect(self._data_changed)
        if class_name in ("HomePage", "KnowledgeHubPage", "TeamPage", "SessionsPage"):
            page.open_record.connect(self.open_record)  # type: ignore[attr-defined]
        if class_name in ("KnowledgeHubPage", "SessionsPage"):
            page.data_changed.connect(self._data_changed)  # type: ignore[attr-defined]
        if class_name == "HomePage":
            page.go_to.connect(self.navigation.setCurrentRow)  # type: ignore[attr-defined]
        return page

    @property
    def home(self) -> HomePage:
        return cast("HomePage", self.page(0))

    @property
    def learning_log(self) -> LearningLogPage:
        return cast("LearningLogPage", self.page(1))

    @property
    def self_assessment(self) -> SelfAssessmentPage:
        return cast("SelfAssessmentPage", self.page(2))

    @property
    def session_notes(self) -> SessionNotesPage:
        return cast("SessionNotesPage", self.page(3))

    @property
    def development_plan(self) -> DevelopmentPlanPage:
        return cast("DevelopmentPlanPage", self.page(4))

    @property
    def knowledge_hub(self) -> KnowledgeHubPage:
        return cast("KnowledgeHubPage", self.page(HUB_ROW))

    @property
    def sessions(self) -> SessionsPage:
        return cast("SessionsPage", self.page(SESSIONS_ROW))

    @property
    def sync_page(self) -> SyncPage:
        return cast("SyncPage", self.page(SYNC_ROW))

    @property
    def team(self) -> TeamPage:
        return cast("TeamPage", self.page(TEAM_ROW))

    def _show_team_section(self) -> None:
        """"My team" is in the navigation for those who supervise or mentor someone."""
        self.navigation.item(TEAM_ROW).setHidden(not self.services.directory.followed())

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu(self.tr("&File"))
        self.search_action = QAction(self.tr("&Search everything…"), self)
        self.search_action.setShortcut(QKeySequence.StandardKey.Find)
        self.search_action.triggered.connect(self.show_search)
        file_menu.addAction(self.search_action)
        settings_action = QAction(self.tr("Se&ttings…"), self)
        settings_action.setShortcut(QKeySequence("Ctrl+,"))
        settings_action.triggered.connect(self.show_settings)
        file_menu.addAction(settings_action)
        file_menu.addSeparator()
        import_action = QAction(self.tr("&Import…"), self)
        import_action.setToolTip(self.tr("Add records from a JSON export or a CSV of learning logs"))
        import_action.triggered.connect(self.import_records)
        file_menu.addAction(import_action)
        export_action = QAction(self.tr("&Export my data…"), self)
        export_action.triggered.connect(self.export_my_data)
        file_menu.addAction(export_action)
        file_menu.addSeparator()
        self.sign_out_action = QAction(self.tr("Sign &out…"), self)
        self.sign_out_action.triggered.connect(self.sign_out)
        file_menu.addAction(self.sign_out_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.quit_app)
        file_menu.addAction(quit_action)
        go_menu = bar.addMenu(self.tr("&Go"))
        for row in range(self.navigation.count()):
            action = QAction(self.navigation.item(row).text(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _checked=False, r=row: self.navigation.setCurrentRow(r))
            go_menu.addAction(action)
        help_menu = bar.addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About {app}").format(app=APP_NAME), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def record_pages(self) -> list[RecordPage]:
        """The record pages built so far (one never shown holds no typing)."""
        return [page for page in self._built.values() if isinstance(page, RecordPage)]

    # -- navigation -----------------------------------------------------------------------

    def _section_changed(self, row: int) -> None:
        self.page(row)
        self.pages.setCurrentIndex(row)
        self.settings.setValue("window/page", row)

    def open_record(self, record_type: str, record_id: str) -> bool:
        """Go to the page that edits a record (or the record a feedback/attachment is on) and open it."""
        if record_type in (Feedback.record_type, Attachment.record_type):
            carrier = self._store.get(RECORD_TYPES[record_type], record_id)
            if carrier is None:
                return False
            assert isinstance(carrier, Feedback | Attachment)
            record_type, record_id = carrier.target_type, carrier.target_id
        row = PAGE_OF_TYPE.get(record_type)
        if row is None:
            return False
        record = self._store.get(RECORD_TYPES[record_type], record_id)
        if record is not None and not is_mine(record.owner_id, self.services.owner_id):
            self.navigation.setCurrentRow(HUB_ROW)  # a colleague's: read, and answered, in the Hub
            self.knowledge_hub.open_shared(record)
            return True
        self.navigation.setCurrentRow(row)
        page = self.page(row)
        assert isinstance(page, RecordPage)
        return page.open_record(record_id)

    def reopen_latest_draft(self) -> None:
        """After a crash or power cut, come back to what the user was typing."""
        drafts = [d for d in self._store.drafts() if d.record_type in PAGE_OF_TYPE]
        if not drafts:
            return
        latest = drafts[0]
        if self.open_record(latest.record_type, latest.record_id):
            self.notify(self.tr("Your unsaved typing was kept and is open again."))

    def show_search(self) -> None:
        dialog = SearchDialog(self.services, self)
        dialog.open_record.connect(self.open_record)
        dialog.show()
        self._search = dialog

    def import_records(self) -> None:
        """Import a JSON export or a CSV of learning logs: all of it, or (on any problem) nothing,
        with the problem named (the same rules as `saypro-desktop import`)."""
        chosen = self.services.dialogs.open_file_names(
            self, self.tr("Import records"), self.tr("SayPro exports (*.json *.csv);;All files (*)"))
        if not chosen:
            return
        for page in self.record_pages():
            page.flush_draft()
        try:
            report = import_file(self._store, chosen[0])
        except (ImportRejected, ValidationError, OSError) as exc:
            self.services.dialogs.error(self, self.tr("Nothing was imported"), str(exc))
            return
        self.notify(report.summary())
        self._data_arrived()
        self._data_changed()

    def export_my_data(self) -> None:
        """Everything of mine in this profile (records, and the feedback and files' details on them),
        as the JSON that `saypro-desktop import` reads back."""
        suggested = Path.home() / f"saypro-my-data-{date.today():%Y-%m-%d}.json"
        path = self.services.dialogs.save_file_name(self, self.tr("Export my data"), suggested,
                                                    self.tr("JSON files (*.json)"))
        if path is None:
            return
        partial = path.with_name(path.name + ".partial")
        try:
            with partial.open("w", encoding="utf-8") as out:
                count = export_json(self._store, out, mine=self.services.owner_id or None)
            partial.replace(path)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            self.services.dialogs.error(self, self.tr("Could not export"), str(exc))
            return
        self.notify(self.tr("Exported {count} records to {path}").format(count=count, path=path))

    def show_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self, tray_available=tray_available())
        if not dialog.exec():
            return
        self.settings.setValue("sharing/default", dialog.sharing().value)
        self.services.default_sharing = dialog.sharing()
        self.settings.setValue("sync/hold_files", "true" if dialog.holds_files() else "false")
        self.sync.hold_files = dialog.holds_files()
        self.settings.setValue("sync/keep_in_tray", "true" if dialog.keeps_in_tray() else "false")
        self.use_tray(dialog.keeps_in_tray() and tray_available())
        if dialog.language_changed():
            self.switch_language(dialog.language())

    def switch_language(self, code: str) -> None:
        """Apply a language at once: keep typing as drafts, then rebuild every page in it."""
        for page in self.record_pages():
            page.flush_draft()
        self.settings.setValue("language", code)
        install_language(code)
        row = self.navigation.currentRow()
        old = self.centralWidget()
        self.statusBar().removeWidget(self.sync_status)
        self._build_ui()
        if old is not None:
            old.deleteLater()
        self.navigation.setCurrentRow(row)
        self.reopen_latest_draft()

    def sign_in(self) -> None:
        """Sign this profile in (needs the server once; everything it holds is kept and then synced)."""
        from saypro_desktop.ui.sign_in_dialog import SignInDialog

        for page in self.record_pages():
            page.flush_draft()
        self.runner.wait()  # nothing reads the profile while a first sign-in encrypts it
        dialog = SignInDialog(self._paths, new_account=True, into_profile=self.sync.profile, store=self._store,
                              allow_insecure_http=self.allow_insecure_http, parent=self)
        if dialog.exec() != SignInDialog.DialogCode.Accepted:
            return
        if self._store.key is not None and self.services.blobs.cipher is None:
            self.services.blobs.cipher = FileCipher(self._store.key)
        self.sync.reload_account()
        self.services.owner_id = self.sync.user_id
        self._server_url = self.sync.server
        self.notify(self.tr("Signed in as {name}.").format(name=self.sync.user_name))
        self.refresh_status()
        self.sync.start()

    def sign_out(self) -> None:
        """Sign this laptop out of the server (what is written stays, and waits for the next sign-in)."""
        if not self.sync.signed_in or not self.services.dialogs.confirm(
                self, self.tr("Sign out"), self.tr(
                    "Sign this laptop out of the server? Everything you wrote stays here, and what waits to be "
                    "sent goes after you sign in again. Your password still opens your profile."),
                self.tr("Sign out")):
            return
        data_dir, profile = self._paths.root, self.sync.profile
        folder = self._paths.profile_dir(profile)

        def sign_out() -> bool:
            from saypro_desktop.storage.profile_lock import mark_signed_out
            from saypro_desktop.sync.session import sign_out

            told, _ = sign_out(data_dir, profile)
            mark_signed_out(folder)
            return told

        self.runner.run(sign_out, self._signed_out)

    def _signed_out(self, told: bool) -> None:
        self.sync.reload_account()
        self.notify(self.tr("Signed out. Your work stays on this laptop; sign in again to sync."))
        if not told:
            self.services.dialogs.error(self, self.tr("Signed out on this laptop only"), self.tr(
                "The server could not be reached to end this laptop's sign-in there. If the laptop may be lost, "
                "ask your administrator to sign it out."))
        self.refresh_status()

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About {app}").format(app=APP_NAME), self.tr(
            "<b>{app}</b> {version}<br>Learning logs, self-assessments, session notes and development plans "
            "for SayPro field staff. Works offline; syncs when a connection appears.<br><br>"
            "Your data: {path}").format(app=APP_NAME, version=__version__, path=self._paths.root))

    # -- status -----------------------------------------------------------------------------

    def notify(self, message: str) -> None:
        self.statusBar().showMessage(message, 6000)

    def _account_known(self) -> None:
        """The account can become known after start (tokens read off the GUI thread)."""
        self.services.owner_id = self.services.owner_id or self.sync.user_id
        self._server_url = self.sync.server

    def _remind(self, message: str) -> None:
        """A session tomorrow (or today): in the tray, so it is seen with the window closed, and here."""
        self.notify(message.replace("\n", " · "))
        if self.tray is not None:
            self.tray.tell(message)

    def _data_arrived(self) -> None:
        """A sync brought records from the server: show them wherever they are listed."""
        self.reminders.check()  # a place given, or a session moved to tomorrow
        self.services.directory = self._store.directory()
        self._show_team_section()
        attempt = self.sync.last_attempt
        arrived = arrived_text(attempt.feedback_from, self.services.directory, self.services.owner_id) if (
            attempt is not None) else ""
        if arrived:
            message = self.tr("New feedback: {what}").format(what=arrived)
            self.notify(message)
            if self.tray is not None:
                self.tray.tell(message)
        for page in self._built.values():
            reload = getattr(page, "reload", None) or getattr(page, "refresh", None)
            if reload is not None and not (isinstance(page, RecordPage) and page.is_dirty()):
                reload()

    def _refresh_open_record(self) -> None:
        """After a sync, the record open in its page shows its real state."""
        if not self.sync.running:
            page = self.pages.currentWidget()
            if isinstance(page, RecordPage):
                page.refresh_state()

    def _data_changed(self) -> None:
        self.sync.local_change()
        self.refresh_status()
        if 0 in self._built:
            QTimer.singleShot(0, self.home.refresh)

    def record_total(self) -> int:
        return sum(self._store.count(cls) for cls in RECORD_TYPES.values())

    def refresh_status(self) -> None:
        """Recount what waits to sync, off the GUI thread (the outbox can hold 100,000 changes)."""
        store = self._store
        self.runner.run(store.outbox_summary, self._show_status)

    def _show_progress(self) -> None:
        """A running sync moved on: new words, the last count of what waits (no recount twice a second)."""
        if self._waiting is not None:
            self._show_status(self._waiting)

    def _show_status(self, waiting: OutboxSummary) -> None:
        self._waiting = waiting
        where = self.sync_state_text()
        if waiting.changes:
            pending = QCoreApplication.translate("MainWindow", "%n change(s) waiting to sync", None, waiting.changes)
            pending += f" ({human_size(waiting.bytes)})"
        else:
            pending = self.tr("nothing waiting to sync")
        self.sync_status.setText(f"{where} · {pending}")
        if self.tray is not None:
            sync = self.sync
            failed = bool(sync.last_attempt and sync.last_attempt.error) and not sync.running
            self.tray.set_status(f"{where}\n{pending}", can_sync=sync.can_sync,
                                 problem=sync.needs_sign_in or (sync.can_sync and failed))

    def sync_state_text(self) -> str:
        """Where this laptop stands with the server, in one honest phrase."""
        sync = self.sync
        if not sync.signed_in or not sync.server:
            return self.tr("Working offline (no server set up)")
        if sync.needs_sign_in:
            return self.tr("Sign in again to sync (nothing you wrote is lost)")
        if sync.running:
            progress = sync.progress
            if progress is None or not (progress.bytes_up or progress.bytes_down):
                return self.tr("Syncing…")
            return self.tr("Syncing… {sent} sent, {received} received ({up} up, {down} down)").format(
                sent=progress.sent, received=progress.received, up=human_size(progress.bytes_up),
                down=human_size(progress.bytes_down))
        attempt = sync.last_attempt
        if attempt is None:
            return self.tr("Not synced yet")
        at = format_moment(parse_datetime(attempt.finished_at))
        if attempt.complete:
            return self.tr("Last synced {time}").format(time=at)
        if attempt.error:
            text = self.tr("Sync failed at {time}: {reason}").format(time=at, reason=attempt.error)
        else:
            text = self.tr("Partly synced at {time}").format(time=at)
        if sync.last_success is None:
            return text + " " + self.tr("(never fully synced)")
        return text + " " + self.tr("(last full sync {time})").format(
            time=format_moment(parse_datetime(sync.last_success)))

    def _remember_window(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/page", self.navigation.currentRow())
        self.settings.sync()

    def shut_down(self) -> None:
        """Keep typing as drafts, remember the window, and wait for background reads to end.

        Called on close and when the application quits (also without a close, e.g. at logout), so
        no worker thread is still running while Python shuts down.
        """
        if self._shut_down:
            return
        self._shut_down = True
        self._tray_watch.stop()
        self.reminders.stop()
        for page in self.record_pages():
            page.flush_draft()
        self._remember_window()
        self.sync.shut_down()
        self.runner.close()
        self.services.opened.clear()

    # -- the system tray ---------------------------------------------------------------------

    def use_tray(self, wanted: bool) -> None:
        """Show or remove the tray icon; with it, closing the window leaves the app syncing in the tray."""
        application = QCoreApplication.instance()
        if wanted and self.tray is None:
            self.tray = SyncTray(self)
            self.tray.open_requested.connect(self.show_from_tray)
            self.tray.sync_requested.connect(self.sync.sync_now)
            self.tray.quit_requested.connect(self.quit_app)
            self.tray.show()
            self.refresh_status()
        elif not wanted and self.tray is not None:
            self.tray.hide()
            self.tray.deleteLater()
            self.tray = None
        if isinstance(application, QGuiApplication):
            application.setQuitOnLastWindowClosed(self.tray is None)

    def _wants_tray(self) -> bool:
        return str(self.settings.value("sync/keep_in_tray", "true")) == "true"

    def _look_for_tray(self) -> None:
        """The tray came up after the app (or never will: stop looking after a while)."""
        if self.tray is not None or not self._wants_tray() or time.monotonic() > self._tray_wait_ends:
            self._tray_watch.stop()
        elif tray_available():
            self._tray_watch.stop()
            self.use_tray(True)
            if self.into_tray_when_it_appears and self.isMinimized():
                self.hide()

    def show_from_tray(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def quit_app(self) -> None:
        """Quit for real (File > Quit, Ctrl+Q, or the tray's Quit), tray or not."""
        self._quitting = True
        self.shut_down()
        if self.tray is not None:
            self.tray.hide()
        self.close()
        QCoreApplication.quit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.tray is not None and not self._quitting:
            # Into the tray: typing is kept as drafts and the window remembered, and sync goes on.
            for page in self.record_pages():
                page.flush_draft()
            self._remember_window()
            event.ignore()
            self.hide()
            self.tray.window_closed()
            return
        self.shut_down()
        event.accept()


