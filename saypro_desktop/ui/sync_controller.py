"""When the app syncs, and what it tells the user about it.

One serial worker (a QThreadPool of one thread, as vorta's jobs manager) runs
:func:`saypro_desktop.sync.session.sync_profile`, so two syncs never overlap. A sync is asked for:

- shortly after start;
- a few seconds after a local change (typing that is saved, a delete...), so a burst of edits
  travels together;
- every few minutes;
- when the server's health endpoint answers again after an attempt failed for want of a
  connection (probed every half minute: the OS's "online" flag says nothing about this server);
- on "Sync now".

A file the person opens that is not on the laptop yet (held back on a costly connection) is fetched
on a second worker thread at once (:meth:`SyncController.fetch_file`).

A request made while a sync runs is remembered and runs once the current one ends. Closing the
app cancels between batches (a batch in flight is sent again next time; nothing is lost).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal, Slot

from saypro_desktop.paths import DataPaths
from saypro_desktop.storage.profile_lock import account_of
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.storage.sync_log import SyncAttempt

if TYPE_CHECKING:  # imported when the first sync runs: requests, keyring and pydantic cost half a second
    from saypro_core.records import Attachment
    from saypro_desktop.sync.session import SyncOutcome, SyncProgress

log = logging.getLogger(__name__)

START_DELAY_MS = 2_000
AFTER_CHANGE_DELAY_MS = 5_000
PERIOD_MS = 5 * 60_000
PROBE_MS = 30_000
TOKEN_CHECK_DELAY_MS = 10_000  # well after the window is up


class SyncController(QObject):
    """Signals:
        state_changed(): a sync started or ended; read ``running``, ``last_attempt``, ``message()``.
        progressed(): a running sync moved on; read ``progress``.
        data_arrived(): a sync stored records or a new directory from the server, or removed
            records (pages should reload).
    """

    state_changed = Signal()
    progressed = Signal()
    data_arrived = Signal()
    _finished = Signal(int)  # internal: a worker's outcome is ready (only a number crosses threads)
    _moved = Signal(int, int, int, int, int)  # internal: sync number, records sent/received, bytes up/down
    _probed = Signal(bool)
    _tokens_read = Signal()  # internal: a profile signed in by an older version had its tokens read
    _fetched = Signal(int, str)  # internal: a file asked for by number is here ("") or could not come

    def __init__(self, store: RecordStore, data_dir: Path, profile: str, *, server: str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.data_dir = data_dir
        self.profile = profile
        self._server_override = server
        self._started = False
        self._tokens_account: dict[str, str] | None = None
        self._worker = QThreadPool(self)
        self._worker.setMaxThreadCount(1)
        self._tokens_read.connect(self._tokens_arrived)
        # A child timer, so it dies with the controller (a bare singleShot lambda outlived closed windows).
        self._token_check = QTimer(self)
        self._token_check.setSingleShot(True)
        self._token_check.setInterval(TOKEN_CHECK_DELAY_MS)
        self._token_check.timeout.connect(lambda: self._worker.start(self._read_tokens))
        self.reload_account()
        self.running = False
        #: How far the running sync has come (None before its first report).
        self.progress: SyncProgress | None = None
        #: The person said they are on a costly connection: photos and documents wait.
        self.hold_files = False
        self.needs_sign_in = False
        self.waiting_for_connection = False
        history = store.sync_history()
        self.last_attempt: SyncAttempt | None = history[0] if history else None
        #: When the last complete sync ended (ISO UTC): said next to a failure, so its age is plain.
        self.last_success: str | None = store.last_complete_sync() if history else None
        self._directory_version = store.directory_version()
        self._again = False
        self._cancel = threading.Event()
        self._outcomes: dict[int, SyncOutcome] = {}
        self._count = 0
        self._finished.connect(self._sync_finished)
        self._moved.connect(self._sync_moved)
        self._probed.connect(self._probe_answered)
        # Files opened on demand go on their own thread: a long sync does not hold them up.
        self._fetcher = QThreadPool(self)
        self._fetcher.setMaxThreadCount(1)
        self._fetch_callbacks: dict[int, Callable[[str], None]] = {}
        self._fetch_count = 0
        self._fetched.connect(self._file_fetched)

        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(self.sync_now)
        self._periodic = QTimer(self)
        self._periodic.setInterval(PERIOD_MS)
        self._periodic.timeout.connect(self.sync_now)
        self._probe = QTimer(self)
        self._probe.setInterval(PROBE_MS)
        self._probe.timeout.connect(self._probe_server)

    def reload_account(self) -> None:
        """Read who is signed in to this profile (at start, and after a sign-in from the app).

        From the profile's sign-in file, which is cheap; a profile signed in by an older version has
        none, and its tokens are read from the keyring or encrypted file instead.
        """
        account = account_of(DataPaths.resolve(self.data_dir).profile_dir(self.profile))
        self._use_account(account)
        if account is None or not account["user_id"]:
            # Off the GUI thread (the keyring can be slow) and after start-up: importing the network
            # modules alongside the window's own start would slow it by a second on two cores.
            self._token_check.start()

    def _read_tokens(self) -> None:
        from saypro_desktop.sync.session import load_credentials

        credentials = load_credentials(self.data_dir, self.profile)
        if credentials is not None:
            self._tokens_account = {"server": credentials.server, "user_id": credentials.user_id,
                                    "display_name": credentials.display_name}
            self._tokens_read.emit()

    def _tokens_arrived(self) -> None:
        self._use_account(self._tokens_account)
        self.state_changed.emit()
        if self._started:
            self.start()

    def _use_account(self, account: dict[str, str] | None) -> None:
        self.server = self._server_override or (account["server"] if account else None)
        self.signed_in = account is not None
        self.user_id = account["user_id"] if account else ""
        self.user_name = account["display_name"] if account else ""
        self.needs_sign_in = bool(account and account.get("signed_out"))

    @property
    def can_sync(self) -> bool:
        return self.signed_in and bool(self.server) and not self.needs_sign_in

    def start(self) -> None:
        """Begin the schedule: a first sync shortly after start, then every few minutes."""
        self._started = True
        if not self.can_sync:
            return
        self._soon.start(START_DELAY_MS)
        self._periodic.start()

    def local_change(self) -> None:
        """Something was saved on this laptop: send it a few seconds from now (edits travel together)."""
        if self.can_sync and not self._soon.isActive():
            self._soon.start(AFTER_CHANGE_DELAY_MS)

    @Slot()
    def sync_now(self) -> None:
        if not self.can_sync:
            return
        self._soon.stop()
        if self.running:
            self._again = True
            return
        self.running = True
        self.progress = None
        self._cancel.clear()
        self.state_changed.emit()
        self._count += 1
        number = self._count
        store, data_dir, profile, server, cancel = self.store, self.data_dir, self.profile, self.server, self._cancel
        files = not self.hold_files
        finished, moved = self._finished, self._moved
        outcomes = self._outcomes

        def work() -> None:
            from saypro_desktop.sync.session import sync_profile

            def tell(progress: SyncProgress) -> None:
                moved.emit(number, progress.sent, progress.received, progress.bytes_up, progress.bytes_down)

            try:
                outcomes[number] = sync_profile(store, data_dir, profile, server=server, cancelled=cancel.is_set,
                                                files=files, progress=tell)
            except Exception:  # noqa: BLE001 - a bug must not stop syncing for good; it is logged
                log.exception("sync failed unexpectedly")
            finished.emit(number)

        self._worker.start(work)

    def _sync_moved(self, number: int, sent: int, received: int, bytes_up: int, bytes_down: int) -> None:
        if self.running and number == self._count:
            from saypro_desktop.sync.session import SyncProgress

            self.progress = SyncProgress(sent, received, bytes_up, bytes_down)
            self.progressed.emit()

    def _sync_finished(self, number: int) -> None:
        self.running = False
        self.progress = None
        outcome = self._outcomes.pop(number, None)
        if outcome is not None:
            self.last_attempt = outcome.attempt
            if outcome.attempt.complete:
                self.last_success = outcome.attempt.finished_at
            self.needs_sign_in = not outcome.signed_in
            failed_for_connection = bool(outcome.attempt.error) and outcome.signed_in
            self.waiting_for_connection = failed_for_connection
            if failed_for_connection:
                self._probe.start()
            else:
                self._probe.stop()
            directory = self.store.directory_version()
            moved = outcome.report.pulled or outcome.report.conflicts or outcome.report.removed
            if moved or directory != self._directory_version:  # a new directory alone: roles, teams, names
                self._directory_version = directory
                self.data_arrived.emit()
        self.state_changed.emit()
        if self._again and not self._cancel.is_set():
            self._again = False
            self.sync_now()

    def fetch_file(self, attachment: Attachment, done: Callable[[str], None]) -> None:
        """Fetch one attachment now, whatever the costly-connection setting holds back (a Hub entry's
        document the person opened), beside any running sync; ``done`` is called on this thread
        with "" once the file is here, or with what went wrong."""
        if not self.can_sync:
            done(self.tr("This laptop is not signed in to a server, so the file cannot be fetched."))
            return
        self._fetch_count += 1
        number = self._fetch_count
        self._fetch_callbacks[number] = done
        store, data_dir, profile, fetched = self.store, self.data_dir, self.profile, self._fetched

        def work() -> None:
            from saypro_desktop.sync.session import fetch_file

            try:
                problem = fetch_file(store, data_dir, profile, attachment, self._cancel.is_set)
            except Exception:  # noqa: BLE001 - logged; the person is told it failed
                log.exception("fetching a file failed unexpectedly")
                problem = "unexpected error"
            fetched.emit(number, problem)

        self._fetcher.start(work)

    def _file_fetched(self, number: int, problem: str) -> None:
        done = self._fetch_callbacks.pop(number, None)
        if done is not None:
            done(problem)

    def _probe_server(self) -> None:
        if self.running or not self.server:
            return
        server, answered = self.server, self._probed

        def probe() -> None:
            from saypro_desktop.sync.session import server_reachable

            answered.emit(server_reachable(server, timeout_s=5))

        self._worker.start(probe)

    def _probe_answered(self, reachable: bool) -> None:
        if reachable and self.waiting_for_connection:
            log.info("the server answers again; syncing")
            self.sync_now()

    def shut_down(self) -> None:
        """Stop the timers, cancel between batches, and wait for the worker."""
        for timer in (self._soon, self._periodic, self._probe, self._token_check):
            timer.stop()
        self._cancel.set()
        self._worker.waitForDone(30_000)
        self._fetcher.waitForDone(30_000)
