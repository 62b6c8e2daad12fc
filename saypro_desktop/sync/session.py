"""One complete sync of a profile, as the `sync` command and the app's background worker run it:
load the sign-in, talk to the server, record the attempt in the profile's history (plain Python).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import requests

from saypro_core.codec import format_datetime
from saypro_core.records import Attachment, utc_now
from saypro_desktop.paths import DataPaths
from saypro_desktop.storage.blobs import BlobStore, FileCipher
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.storage.sync_log import SyncAttempt
from saypro_desktop.sync.account import Account
from saypro_desktop.sync.attachments import FileReport, fetch_one, files_waiting, sync_files
from saypro_desktop.sync.credentials import Credentials, CredentialStore
from saypro_desktop.sync.engine import SyncEngine, SyncReport
from saypro_desktop.sync.server_address import UnsafeServerAddress, checked_server, same_server
from saypro_desktop.sync.transport import CONNECT_TIMEOUT_S, SIGN_IN_AGAIN, HttpTransport, SignInNeeded, SyncError

log = logging.getLogger(__name__)

#: Progress is told at most this often (bytes move in 8 KB blocks: many a second on a good link).
PROGRESS_INTERVAL_S = 0.5

NOT_SIGNED_IN = "not signed in: run `saypro-desktop login --server URL --user NAME` once while online."


@dataclass(frozen=True)
class SyncOutcome:
    report: SyncReport
    attempt: SyncAttempt
    #: False when the server no longer accepts this device: the user must sign in again.
    signed_in: bool = True


@dataclass(frozen=True)
class SyncProgress:
    """How far a running sync has come: records stored each way and bytes on the wire."""

    sent: int = 0
    received: int = 0
    bytes_up: int = 0
    bytes_down: int = 0


def load_credentials(data_dir: Path, profile: str) -> Credentials | None:
    return CredentialStore(data_dir, profile).load()


def sync_profile(store: RecordStore, data_dir: Path, profile: str, *, server: str | None = None,
                 cancelled: Callable[[], bool] = lambda: False, files: bool = True,
                 progress: Callable[[SyncProgress], None] | None = None) -> SyncOutcome:
    """Sync until nothing waits either way, a failure, or ``cancelled``; the attempt is recorded.

    Records go first; photos and documents follow only when everything else went through, and only
    if ``files`` (the person can hold them back on a costly connection). ``progress`` is told, on
    this thread, how far the sync has come, at most every PROGRESS_INTERVAL_S.
    """
    vault = CredentialStore(data_dir, profile)
    credentials = vault.load()
    if credentials is None:
        report = SyncReport(error=NOT_SIGNED_IN)
        return SyncOutcome(report, _attempt(report, 0, 0), signed_in=False)
    refusal = _refusal(credentials, server)
    if refusal is not None:  # nothing is sent: the sign-in goes to no other server, and never in clear
        report = SyncReport(error=refusal)
        return SyncOutcome(report, _attempt(report, 0, 0))
    account = Account(vault, credentials)
    transport = HttpTransport(credentials.server, account.access_token, refresh=account.refresh)
    file_report = FileReport()
    counted = SyncReport()
    last_told = 0.0

    def tell(report: SyncReport | None = None, *, now: bool = False) -> None:
        nonlocal counted, last_told
        counted = report or counted
        if progress is not None and (now or time.monotonic() - last_told >= PROGRESS_INTERVAL_S):
            last_told = time.monotonic()
            progress(SyncProgress(counted.sent, counted.pulled, transport.bytes_sent, transport.bytes_received))

    transport.on_bytes = tell
    try:
        report = SyncEngine(store, transport, user_id=credentials.user_id).sync(
            cancelled, progress=lambda report: tell(report, now=True))
        if report.complete and not report.error:
            _report_resolutions(store, transport, report)
        blobs = profile_blobs(store, data_dir, profile)
        if report.complete and not report.error:
            report.unused_files.extend(store.purge_tombstones())
        for sha256 in report.unused_files:  # their records went (withdrawn, deleted, or long deleted here)
            blobs.remove(sha256)
        if report.complete and not report.error and files:
            try:
                file_report = sync_files(store, blobs, transport, credentials.user_id, cancelled)
            except SyncError as exc:
                report.error = str(exc)
                file_report.waiting = files_waiting(store, blobs, credentials.user_id)
        else:
            file_report.waiting = files_waiting(store, blobs, credentials.user_id)
    finally:
        transport.close()
    attempt = _attempt(report, transport.bytes_sent, transport.bytes_received, file_report)
    store.record_sync_attempt(attempt)
    return SyncOutcome(report, attempt, signed_in=report.error != SIGN_IN_AGAIN)


def profile_blobs(store: RecordStore, data_dir: Path, profile: str) -> BlobStore:
    """The profile's file store, read and written through its key when the profile is encrypted (as
    every signed-in person's is): the window's own store sees what a sync fetched."""
    return BlobStore(DataPaths(data_dir).attachments_dir(profile),
                     FileCipher(store.key) if store.key is not None else None)


def fetch_file(store: RecordStore, data_dir: Path, profile: str, attachment: Attachment,
               cancelled: Callable[[], bool] = lambda: False) -> str:
    """Fetch one file now, whatever the costly-connection setting holds back: a Knowledge Hub
    entry's attachment the person opened. Returns "" once it is on the laptop, or what went wrong
    in words."""
    vault = CredentialStore(data_dir, profile)
    credentials = vault.load()
    if credentials is None:
        return NOT_SIGNED_IN
    refusal = _refusal(credentials, None)
    if refusal is not None:
        return refusal
    account = Account(vault, credentials)
    transport = HttpTransport(credentials.server, account.access_token, refresh=account.refresh)
    try:
        fetch_one(profile_blobs(store, data_dir, profile), attachment, transport, credentials.user_id, cancelled)
    except SyncError as exc:
        return str(exc)
    finally:
        transport.close()
    return ""


def _refusal(credentials: Credentials, server: str | None) -> str | None:
    """Why this sync must not start: another server asked for than the one that issued the tokens,
    or an address that is no longer acceptable (plain http not allowed at sign-in)."""
    if server is not None and not same_server(server, credentials.server):
        return (f"This profile is signed in to {credentials.server}; its sign-in goes to no other server. "
                f"To sync with {server}, sign in to it.")
    try:
        checked_server(credentials.server, allow_insecure_http=credentials.insecure_http)
    except UnsafeServerAddress as exc:
        return str(exc)
    return None


def _report_resolutions(store: RecordStore, transport: HttpTransport, report: SyncReport) -> None:
    """After the changes (which carry the chosen values), tell the server which conflicts are settled."""
    done: list[str] = []
    try:
        for conflict_id in store.resolutions_to_report():
            transport.report_resolution(conflict_id)
            done.append(conflict_id)
    except SyncError as exc:
        report.error = str(exc)
    finally:
        store.resolutions_reported(done)


def _attempt(report: SyncReport, bytes_up: int, bytes_down: int, files: FileReport | None = None) -> SyncAttempt:
    files = files or FileReport()
    return SyncAttempt(finished_at=format_datetime(utc_now()), complete=report.complete and not report.error,
                       sent=report.sent, received=report.pulled, conflicts=report.conflicts,
                       refused=len(report.rejected), bytes_up=bytes_up, bytes_down=bytes_down, error=report.error,
                       files_up=files.uploaded, files_down=files.downloaded, files_waiting=files.waiting,
                       files_failed=len(files.failed), set_aside=report.set_aside,
                       feedback_from=list(report.feedback_from))


def sign_out(data_dir: Path, profile: str) -> tuple[bool, str]:
    """End this laptop's sign-in: the server ends its session (so neither token works again), and the
    laptop forgets the tokens. What the profile holds stays, and what waits to be sent goes after
    the next sign-in. Returns whether the server was told, and what happened in words for the person."""
    vault = CredentialStore(data_dir, profile)
    credentials = vault.load()
    if credentials is None:
        return True, "This laptop was not signed in."
    transport: HttpTransport | None = None
    told = True
    try:
        account = Account(vault, credentials)
        transport = HttpTransport(credentials.server, account.access_token, refresh=account.refresh)
        transport.sign_out()
    except SignInNeeded:
        pass  # the server had ended it already
    except SyncError as exc:
        log.warning("sign-out: the server was not told: %s", exc)
        told = False
    finally:
        if transport is not None:
            transport.close()
        vault.delete()
    if told:
        return True, ("Signed out: the server ended this laptop's sign-in, and the laptop forgot it. Your work "
                      "stays here.")
    return False, ("Signed out on this laptop (it forgot its sign-in), but the server could not be reached to end it "
                   "there. If the laptop may be lost, ask your administrator to sign it out (saypro-server users "
                   "revoke-devices).")


def server_reachable(server: str, timeout_s: float = CONNECT_TIMEOUT_S) -> bool:
    """A cheap health request: the OS's idea of "online" says nothing about reaching this server."""
    try:
        return requests.get(f"{server.rstrip('/')}/api/v1/health", timeout=timeout_s, allow_redirects=False).ok
    except requests.RequestException:
        return False
