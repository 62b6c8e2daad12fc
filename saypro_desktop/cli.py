"""The ``saypro-desktop`` command line: start the app, or run a scripted task.

Start-up order (STYLE.md): paths, logging, database (backup, migrate), then Qt. Scripted tasks
(``export``, ``import``, ``login``, ``sync``) never import Qt, so they run without a display.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import logging
import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from saypro_core.records import RECORD_TYPES
from saypro_core.validation import ValidationError
from saypro_desktop import APP_NAME, __version__
from saypro_desktop.app_logging import setup_logging
from saypro_desktop.paths import DEFAULT_PROFILE, DataPaths
from saypro_desktop.storage.migrate import DatabaseOpenError
from saypro_desktop.storage.profile_lock import LockError
from saypro_desktop.storage.remote import RemoteConflict
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.transfer import (
    SECTIONS,
    ImportRejected,
    export_json,
    export_learning_logs_csv,
    import_file,
)

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
#: `sync` went through, but the server refused some records (the summary names them).
EXIT_REFUSED = 3
#: How long `sync` keeps trying while no connection to the server can be made (a link coming back).
WAIT_FOR_SERVER_S = 180.0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="saypro-desktop",
        description=f"{APP_NAME}: learning logs, self-assessments, session notes and development "
                    "plans that work offline. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="where profiles are kept (default: the platform's user data folder)")
    parser.add_argument("--profile", help=argparse.SUPPRESS)  # chosen at start-up when people signed in
    parser.add_argument("--server", metavar="URL", help="the sync server (default: work offline)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="start, migrate, build the main window and exit 0 (checks an install)")
    parser.add_argument("--minimized", action="store_true",
                        help="start in the system tray (minimized where there is none)")
    parser.add_argument("--allow-insecure-http", action="store_true",
                        help="a test lab only: allow signing in to a plain-http server on another machine")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug details to stderr")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    export = commands.add_parser("export", help="write records to a JSON (or CSV) file")
    export.add_argument("--format", choices=("json", "csv"), default="json",
                        help="json: every record type; csv: learning logs only")
    export.add_argument("--type", dest="record_type", choices=sorted(SECTIONS),
                        help="only this record type")
    export.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")

    importer = commands.add_parser(
        "import", help="add records from a JSON export or a CSV of learning logs (all or nothing)")
    importer.add_argument("file", metavar="FILE")
    importer.add_argument("--format", choices=("json", "csv"),
                          help="file format (default: by extension, .csv or JSON)")

    login = commands.add_parser("login", help="sign this profile in to a sync server (password from a prompt or stdin)")
    login.add_argument("--server", required=True, metavar="URL", help="https://... (plain http only to this machine)")
    login.add_argument("--user", required=True, metavar="NAME")
    login.add_argument("--allow-insecure-http", action="store_true", dest="allow_insecure_http",
                       help="a test lab only: allow a plain-http server on another machine (the password and "
                            "tokens then travel in clear; the app shows a warning)")
    sync = commands.add_parser("sync", help="one full sync with the server; prints a one-line summary")
    sync.add_argument("--wait-for-server", type=float, default=WAIT_FOR_SERVER_S, metavar="SECONDS",
                      help="while the server cannot be reached (no connection yet), keep trying this long "
                           f"(default {WAIT_FOR_SERVER_S:.0f}; 0: try once)")
    commands.add_parser("logout", help="sign this laptop out of the server (what you wrote stays here)")
    conflicts = commands.add_parser("conflicts", help="list the conflicts to settle, or settle one")
    settle = conflicts.add_subparsers(dest="action", metavar="ACTION").add_parser(
        "resolve", help="settle a conflict: keep this laptop's value or the other one")
    settle.add_argument("conflict_id", metavar="ID", help="as `conflicts` lists it (the first 8 characters do)")
    settle.add_argument("--keep", required=True, choices=("mine", "theirs"),
                        help="mine: the value set on this laptop; theirs: the one set on another device")

    login_start = commands.add_parser("autostart", help="start the app when you log in (off by default)")
    login_start.add_argument("state", choices=("on", "off", "status"))
    return parser


def run_autostart(state: str) -> int:
    from saypro_desktop import autostart

    if state == "on":
        print(f"{APP_NAME} will start when you log in ({autostart.enable()}).")
    elif state == "off":
        autostart.disable()
        print(f"{APP_NAME} will not start when you log in.")
    else:
        print("on" if autostart.is_enabled() else "off")
    return EXIT_OK


@contextlib.contextmanager
def open_output(path: str | None) -> Iterator[IO[str]]:
    if path is None or path == "-":
        yield sys.stdout
        return
    target = Path(path)
    partial = target.with_name(target.name + ".partial")
    with partial.open("w", encoding="utf-8", newline="") as out:
        yield out
    partial.replace(target)  # never leave a half-written export under the real name


def run_export(store: RecordStore, args: argparse.Namespace) -> int:
    if args.format == "csv":
        if args.record_type not in (None, "learning_log"):
            print("saypro-desktop: error: CSV export holds learning logs only; use --format json "
                  f"for {args.record_type}.", file=sys.stderr)
            return EXIT_USAGE
        with open_output(args.output) as out:
            count = export_learning_logs_csv(store, out)
    else:
        types = [args.record_type] if args.record_type else None
        with open_output(args.output) as out:
            count = export_json(store, out, types)
    if args.output and args.output != "-":
        print(f"Exported {count} record{'s' if count != 1 else ''} to {args.output}.")
    return EXIT_OK


def run_import(store: RecordStore, args: argparse.Namespace) -> int:
    try:
        report = import_file(store, Path(args.file), args.format)
    except (ImportRejected, ValidationError) as exc:
        print(f"saypro-desktop: import refused, nothing was changed: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(report.summary())
    return EXIT_OK


def _read_password() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("Password: ")
    return sys.stdin.readline().rstrip("\n")


def run_login(paths: DataPaths, args: argparse.Namespace) -> int:
    """Sign in online: the tokens are kept, and the profile is locked with the password (encrypted)."""
    from saypro_desktop.storage.profile_access import device_id_of, lock_after_sign_in
    from saypro_desktop.sync.account import sign_in_with_recovery
    from saypro_desktop.sync.credentials import CredentialStore
    from saypro_desktop.sync.server_address import UnsafeServerAddress, checked_server
    from saypro_desktop.sync.transport import SyncError

    try:
        checked_server(args.server, allow_insecure_http=args.allow_insecure_http)
    except UnsafeServerAddress as exc:
        print(f"saypro-desktop: {exc}", file=sys.stderr)
        return EXIT_USAGE
    password = _read_password()
    try:
        device_id = device_id_of(paths, args.profile, password)
        credentials, recovery = sign_in_with_recovery(args.server, args.user, password, device_id,
                                                      allow_insecure_http=args.allow_insecure_http)
    except SyncError as exc:
        print(f"saypro-desktop: sign-in failed: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except DatabaseOpenError as exc:
        print(f"saypro-desktop: cannot open the profile: {exc}", file=sys.stderr)
        return EXIT_FAILED
    try:
        lock_after_sign_in(paths, args.profile, password, user=credentials.username,
                           display_name=credentials.display_name, server=credentials.server,
                           user_id=credentials.user_id, device_id=device_id, recovery_secret=recovery)
    except LockError as exc:
        print(f"saypro-desktop: signed in, but this profile did not open: {exc}", file=sys.stderr)
        return EXIT_FAILED
    vault = CredentialStore(paths.root, args.profile)
    vault.save(credentials)
    print(f"Signed in as {credentials.display_name} on {credentials.server} (kept in {vault.where}); "
          "this profile now opens only with your password.")
    return EXIT_OK


def run_logout(store: RecordStore, paths: DataPaths, args: argparse.Namespace) -> int:
    """Sign this laptop out: the server ends its sign-in, the laptop forgets the tokens. What is
    written stays (and waits to be sent after the next sign-in)."""
    from saypro_desktop.storage.profile_lock import mark_signed_out
    from saypro_desktop.sync.session import sign_out

    _told, said = sign_out(paths.root, args.profile)
    mark_signed_out(paths.profile_dir(args.profile))
    print(said)
    return EXIT_OK


def run_sync(store: RecordStore, paths: DataPaths, args: argparse.Namespace) -> int:
    from saypro_desktop.sync.engine import summary
    from saypro_desktop.sync.session import NOT_SIGNED_IN, sync_profile
    from saypro_desktop.sync.transport import UNREACHABLE

    deadline = time.monotonic() + max(0.0, args.wait_for_server)
    pause = 5.0
    while True:
        outcome = sync_profile(store, paths.root, args.profile, server=args.server)
        left = deadline - time.monotonic()
        if outcome.report.error != UNREACHABLE or left <= 0:
            break
        # No connection was made at all: on a bad link it comes back; keep trying as long as asked.
        wait = min(pause, left)
        print(f"Could not reach the server; trying again in {wait:.0f} s "
              f"(for up to {left:.0f} s more; --wait-for-server sets how long).", file=sys.stderr, flush=True)
        time.sleep(wait)
        pause = min(pause * 2, 60.0)
    if outcome.report.error == NOT_SIGNED_IN:
        print(f"saypro-desktop: {NOT_SIGNED_IN}", file=sys.stderr)
        return EXIT_FAILED
    print(summary(outcome.report))
    if not outcome.attempt.complete:
        return EXIT_FAILED
    return EXIT_REFUSED if outcome.report.rejected else EXIT_OK


def _mine_and_theirs(store: RecordStore, conflict: RemoteConflict) -> tuple[Any, Any]:
    """The value set on this laptop and the other one (where neither was set here, the value this
    laptop shows, which the server kept, counts as mine)."""
    lost_here = conflict.lost_stamp.endswith(store.device_id)
    return (conflict.lost, conflict.kept) if lost_here else (conflict.kept, conflict.lost)


def run_conflicts(store: RecordStore, args: argparse.Namespace) -> int:
    from saypro_core.validation import label

    open_conflicts = store.conflicts()
    if args.action is None:
        if not open_conflicts:
            print("No conflicts to settle.")
        for conflict in open_conflicts:
            mine, theirs = _mine_and_theirs(store, conflict)
            record = store.get(RECORD_TYPES[conflict.record_type], conflict.record_id)
            title = record.display_title[:50] if record is not None else conflict.record_id
            print(f"{conflict.id}  {conflict.record_type.replace('_', ' ')} '{title}', {label(conflict.field)}:\n"
                  f"    mine:   {json.dumps(mine, ensure_ascii=False)[:200]}\n"
                  f"    theirs: {json.dumps(theirs, ensure_ascii=False)[:200]}")
        return EXIT_OK
    matches = [c for c in open_conflicts if c.id.startswith(args.conflict_id.lower())] if len(
        args.conflict_id) >= 8 else []
    if len(matches) != 1:
        print(f"saypro-desktop: no single open conflict with the id {args.conflict_id!r} (see `conflicts`).",
              file=sys.stderr)
        return EXIT_FAILED
    mine, theirs = _mine_and_theirs(store, matches[0])
    try:
        store.resolve_conflict(matches[0].id, mine if args.keep == "mine" else theirs)
    except ValidationError as exc:
        print(f"saypro-desktop: that value cannot be kept: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"Settled: kept {args.keep}. The choice goes to the server with the next sync.")
    return EXIT_OK


def _choose(paths: DataPaths, args: argparse.Namespace) -> tuple[str, bytes | None] | None:
    """The profile to open and its key: the window asks who is working; a command opens the profile
    it names (asking its owner's password when it has one, in _open_store). None: nobody chosen."""
    if args.command is not None or args.smoke_test:
        return args.profile, None
    from saypro_desktop.ui.app import choose_profile

    return choose_profile(paths, args.profile, allow_insecure_http=args.allow_insecure_http)


def _open_store(paths: DataPaths, args: argparse.Namespace, key: bytes | None) -> RecordStore | None:
    """The profile's store (None, said why, when it does not open)."""
    try:
        if args.command is not None or args.smoke_test:
            key = _unlock(paths, args.profile)  # every command on a person's profile needs their password
        return RecordStore.open(paths.database(args.profile), key)
    except LockError as exc:
        print(f"saypro-desktop: this profile opens only with its owner's password: {exc}", file=sys.stderr)
    except DatabaseOpenError as exc:
        print(f"saypro-desktop: cannot open the profile: {exc}", file=sys.stderr)
        if args.command is None and not args.smoke_test:
            from saypro_desktop.ui.app import show_fatal_error

            show_fatal_error(str(exc))
    return None


def _unlock(paths: DataPaths, profile: str) -> bytes | None:
    """The data key of a signed-in person's profile, from their password (asked, or read from stdin);
    None for a profile nobody signed in to. Raises LockError."""
    from saypro_desktop.storage.profile_access import needs_password, unlock_profile

    if not needs_password(paths, profile):
        return None
    return unlock_profile(paths, profile, _read_password())


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # Profiles, logs, backups and exports: readable by this OS user only (several people may share a laptop).
    os.umask(0o077)
    if args.command == "autostart":
        return run_autostart(args.state)
    args.profile = args.profile or DEFAULT_PROFILE
    try:
        paths = DataPaths.resolve(args.data_dir)
        chosen = _choose(paths, args)
        if chosen is None:
            return EXIT_OK  # the person closed the sign-in window
        args.profile, key = chosen
        paths.ensure(args.profile)
    except (OSError, ValueError) as exc:
        print(f"saypro-desktop: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    setup_logging(paths.logs_dir, verbose=args.verbose)
    log.info("%s %s starting; data in %s", APP_NAME, __version__, paths.root)
    if args.command == "login":
        return run_login(paths, args)
    store = _open_store(paths, args, key)
    if store is None:
        return EXIT_FAILED
    try:
        if args.command == "export":
            return run_export(store, args)
        if args.command == "import":
            return run_import(store, args)
        if args.command == "sync":
            return run_sync(store, paths, args)
        if args.command == "logout":
            return run_logout(store, paths, args)
        if args.command == "conflicts":
            return run_conflicts(store, args)
        from saypro_desktop.ui.app import run_gui

        return run_gui(store, paths, server_url=args.server, smoke_test=args.smoke_test,
                       minimized=args.minimized, profile=args.profile,
                       allow_insecure_http=args.allow_insecure_http)
    finally:
        store.close()
