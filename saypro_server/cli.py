"""``saypro-server``: run the sync server and administer it.

    saypro-server serve [--host H] [--port P] [--data-dir D | --database-url URL]
    saypro-server migrate
    saypro-server users create NAME [--display-name T] [--role R] [--team T] [--password-stdin]
    saypro-server users list | disable NAME | enable NAME | set-role NAME ROLE | reset-password NAME
    saypro-server users revoke-devices NAME
    saypro-server users set-mentor NAME MENTOR | set-mentor NAME --none      a mentor besides the supervisor
    saypro-server users export NAME [-o FILE]         everything the server holds about a person (JSON)
    saypro-server users erase NAME --yes              remove a person and all their data (withdrawn everywhere)
    saypro-server teams create NAME [--supervisor USER] | add-member TEAM USER | set-supervisor TEAM USER | list
    saypro-server sessions publish --as USER --title T --starts "YYYY-MM-DD HH:MM" [--type T] [--minutes N]
                  [--place P | --online URL] [--capacity N] [--deadline "..."] [--alternative "..."]...
                  [--repeat weekly|fortnightly|monthly --until YYYY-MM-DD] [--agenda T] [--programme T]
                  [--facilitator USER]... [--audience organisation|team]     (times in South African time)
    saypro-server sessions list | cancel ID --as USER
    saypro-server report --month 2026-11 | --quarter 2026-Q4 [--team T] --format pdf|csv -o FILE
    saypro-server reference load FILE
    saypro-server audit [--actor NAME] [--owner NAME] [--since YYYY-MM-DD]   who read or handled whose records
    saypro-server maintenance                         apply the retention settings (run it daily)
    saypro-server backup FILE                         a consistent copy of the SQLite database, while it runs
    saypro-server restored                            after restoring a backup: devices reconcile, sign in again
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import re
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from saypro_core.metrics import ORGANISATION_TZ, Period
from saypro_core.records import LocationKind, PlannedSession, Recurrence, SessionType, Visibility
from saypro_server import __version__, admin, audit, publishing

if TYPE_CHECKING:
    from sqlalchemy.orm import Session
from saypro_server.db import make_engine, make_session_factory
from saypro_server.migrate import migrate
from saypro_server.reporting import build_report
from saypro_server.security import SigningKeyError, load_signing_key
from saypro_server.settings import Settings


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="saypro-server", description="SayPro Field Learning sync server.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data-dir", help="folder for the SQLite database (the default store)")
    parser.add_argument("--database-url", help="e.g. postgresql+psycopg://saypro@db/saypro (production)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="migrate, then serve the API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--workers", type=int, default=1,
                       help="worker processes (gunicorn with uvicorn workers; best with PostgreSQL)")
    commands.add_parser("migrate", help="bring the database to the current schema")

    users = commands.add_parser("users", help="user accounts").add_subparsers(dest="action", required=True)
    create = users.add_parser("create")
    create.add_argument("username")
    create.add_argument("--display-name", default="")
    create.add_argument("--role", choices=admin.ROLES, default="staff")
    create.add_argument("--team")
    create.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    users.add_parser("list")
    for action in ("disable", "enable", "revoke-devices"):
        users.add_parser(action).add_argument("username")
    rename = users.add_parser("rename", help="the name colleagues see")
    rename.add_argument("username")
    rename.add_argument("display_name")
    role = users.add_parser("set-role")
    role.add_argument("username")
    role.add_argument("role", choices=admin.ROLES)
    mentor = users.add_parser("set-mentor", help="a mentor besides the team's supervisor (reads and reviews "
                                                "what the person shares with supervisor and mentor)")
    mentor.add_argument("username")
    mentor.add_argument("mentor", nargs="?", help="the mentor's user name")
    mentor.add_argument("--none", action="store_true", help="no mentor any more")
    reset = users.add_parser("reset-password")
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true")
    export = users.add_parser("export", help="everything the server holds about a person, as JSON")
    export.add_argument("username")
    export.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    erase = users.add_parser("erase", help="remove a person and all their records and files")
    erase.add_argument("username")
    erase.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")

    teams = commands.add_parser("teams", help="teams and supervisors").add_subparsers(dest="action", required=True)
    team_create = teams.add_parser("create")
    team_create.add_argument("name")
    team_create.add_argument("--supervisor")
    for action in ("add-member", "set-supervisor"):
        sub = teams.add_parser(action)
        sub.add_argument("team")
        sub.add_argument("username")
    teams.add_parser("list")

    programme = commands.add_parser("sessions", help="the learning programme's sessions").add_subparsers(
        dest="action", required=True)
    publish = programme.add_parser("publish", help="publish a session (it reaches laptops with their next sync)")
    publish.add_argument("--as", dest="publisher", required=True, metavar="USER", help="a supervisor or admin")
    publish.add_argument("--title", required=True, help="the topic")
    publish.add_argument("--type", dest="session_type", choices=[t.value for t in SessionType],
                         default=SessionType.KNOWLEDGE_CAFE.value)
    publish.add_argument("--starts", required=True, type=_local_moment, metavar='"YYYY-MM-DD HH:MM"')
    publish.add_argument("--minutes", type=int, default=90)
    where = publish.add_mutually_exclusive_group(required=True)
    where.add_argument("--place", help="office, room or venue")
    where.add_argument("--online", metavar="URL", help="link to the video portal or meeting")
    publish.add_argument("--capacity", type=int, default=0, help="places (0: no limit)")
    publish.add_argument("--deadline", type=_local_moment, metavar='"YYYY-MM-DD HH:MM"', help="registration closes")
    publish.add_argument("--alternative", type=_local_moment, action="append", default=[],
                         metavar='"YYYY-MM-DD HH:MM"', help="another date people may choose (repeatable)")
    publish.add_argument("--repeat", choices=[r.value for r in Recurrence if r != Recurrence.NONE])
    publish.add_argument("--until", type=date.fromisoformat, metavar="YYYY-MM-DD", help="the last repeat")
    publish.add_argument("--agenda", default="", help="focus areas and agenda")
    publish.add_argument("--programme", default="", help="training module or programme")
    publish.add_argument("--facilitator", action="append", default=[], metavar="USER",
                         help="takes the roll (repeatable; the first leads; default: the publisher)")
    publish.add_argument("--audience", choices=["organisation", "team"], default="organisation",
                         help="who may register")
    programme.add_parser("list", help="sessions still to come")
    cancel = programme.add_parser("cancel", help="cancel a session you published")
    cancel.add_argument("session_id")
    cancel.add_argument("--as", dest="publisher", required=True, metavar="USER")

    report = commands.add_parser("report", help="the L&D report of a month or a quarter, as PDF or CSV")
    when = report.add_mutually_exclusive_group(required=True)
    when.add_argument("--month", type=_month, metavar="YYYY-MM")
    when.add_argument("--quarter", type=_quarter, metavar="YYYY-Qn")
    report.add_argument("--team", help="one team (default: the organisation)")
    report.add_argument("--format", choices=["pdf", "csv"], default="pdf")
    report.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")

    reference = commands.add_parser("reference", help="reference data").add_subparsers(dest="action", required=True)
    reference.add_parser("load").add_argument("file", type=Path)

    trail = commands.add_parser("audit", help="who read or handled whose records")
    trail.add_argument("--actor", metavar="NAME", help="only what this person did")
    trail.add_argument("--owner", metavar="NAME", help="only what was done with this person's records")
    trail.add_argument("--since", metavar="YYYY-MM-DD", type=date.fromisoformat)
    commands.add_parser("maintenance", help="apply the retention settings (tombstones, audit, logs, unused files)")
    commands.add_parser("backup", help="a consistent copy of the SQLite database (safe while the server runs)"
                        ).add_argument("file", type=Path)
    commands.add_parser("restored", help="run once after restoring a backup: every device reconciles what it "
                                         "holds and signs in again")
    return parser


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Again: "):
        raise admin.AdminError("The passwords do not match.")
    return first


def _local_moment(text: str) -> datetime:
    """"2026-12-10 09:00" in South African time (the organisation's; no daylight saving)."""
    try:
        moment = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a time like \"2026-12-10 09:00\"") from None
    return moment.replace(tzinfo=ORGANISATION_TZ).astimezone(UTC)


def _month(text: str) -> Period:
    try:
        if not re.fullmatch(r"(199\d|20\d\d)-(0[1-9]|1[0-2])", text):
            raise ValueError(text)
        return Period.parse_month(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a month like 2026-11") from None


def _quarter(text: str) -> Period:
    try:
        if not re.fullmatch(r"(199\d|20\d\d)-[Qq][1-4]", text):
            raise ValueError(text)
        return Period.parse_quarter(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a quarter like 2026-Q4") from None


def _report(session: Session, args: argparse.Namespace) -> None:
    from saypro_server.report_files import report_csv, report_pdf

    team_id = admin.team_id(session, args.team) if args.team else None
    report = build_report(session, args.month or args.quarter, team_id)
    data = report_pdf(report) if args.format == "pdf" else report_csv(report).encode("utf-8")
    partial = args.output.with_name(args.output.name + ".partial")
    partial.write_bytes(data)
    partial.replace(args.output)
    audit.note(session, "report", actor_id=None, detail=f"{args.format} report {report.scope} "
               f"{report.period.start}..{report.period.end} (command line)")
    session.commit()
    print(f"Wrote the {args.format.upper()} report of {report.scope} to {args.output}.")


def _sessions(session: Session, args: argparse.Namespace) -> None:
    """`sessions publish | list | cancel`."""
    if args.action == "list":
        for record, username in publishing.upcoming(session):
            local = record.starts_at.astimezone(ORGANISATION_TZ)
            state = " (cancelled)" if record.cancelled else ""
            places = f"{record.capacity} places" if record.capacity else "no limit"
            print(f"{record.id}\t{local:%Y-%m-%d %H:%M}\t{record.title}{state}\t{places}\t{username}")
        return
    if args.action == "cancel":
        cancelled = publishing.cancel_session(session, args.publisher, args.session_id)
        print(f"Cancelled '{cancelled.title}'; laptops show it with their next sync.")
        return
    facilitators = [admin.user_id(session, name) for name in args.facilitator]
    if (args.repeat is None) != (args.until is None):
        raise admin.AdminError("--repeat and --until go together.")
    draft = PlannedSession(
        title=args.title.strip(), session_type=SessionType(args.session_type), starts_at=args.starts,
        ends_at=args.starts + timedelta(minutes=args.minutes),
        location_kind=LocationKind.ONLINE if args.online else LocationKind.IN_PERSON,
        location=(args.place or "").strip(), online_link=(args.online or "").strip(), capacity=args.capacity,
        registration_deadline=args.deadline, alternative_dates=args.alternative,
        repeat=Recurrence(args.repeat or Recurrence.NONE.value), repeat_until=args.until,
        agenda=args.agenda.strip(), programme=args.programme.strip(), facilitator_ids=facilitators,
        visibility=Visibility(args.audience))
    published = publishing.publish_session(session, args.publisher, draft)
    local = published.starts_at.astimezone(ORGANISATION_TZ)
    print(f"Published '{published.title}' on {local:%Y-%m-%d %H:%M} (id {published.id}); laptops get it with "
          "their next sync.")


def _settings(args: argparse.Namespace) -> Settings:
    overrides: dict[str, object] = {}
    if args.data_dir:
        overrides["data_dir"] = Path(args.data_dir)
    if args.database_url:
        overrides["database_url"] = args.database_url
    return Settings(**overrides)  # type: ignore[arg-type]


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    if args.workers > 1:
        # Several processes: gunicorn supervises uvicorn workers, each importing saypro_server.asgi with
        # the same settings through the environment.
        os.environ["SAYPRO_SERVER_DATABASE_URL"] = settings.resolved_database_url()
        os.environ["SAYPRO_SERVER_DATA_DIR"] = str(settings.data_dir)  # where the key file is
        os.execvp(sys.executable, [
            sys.executable, "-m", "gunicorn", "saypro_server.asgi:app", "--worker-class",
            "uvicorn_worker.UvicornWorker", "--workers", str(args.workers), "--bind", f"{args.host}:{args.port}",
            "--graceful-timeout", "20"])
    import uvicorn

    from saypro_server.app import create_app
    from saypro_server.request_logging import setup_json_logging

    setup_json_logging()
    # The client address comes from saypro_server.throttle (X-Forwarded-For only from trusted proxies).
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_config=None, access_log=False,
                proxy_headers=False)
    return 0


def _set_mentor(session: Session, args: argparse.Namespace) -> None:
    if (args.mentor is None) == (not args.none):
        raise admin.AdminError("Name the mentor, or give --none to end the mentoring.")
    admin.set_mentor(session, args.username, None if args.none else args.mentor)
    print(f"'{args.username}' has no mentor now." if args.none else f"'{args.mentor}' mentors '{args.username}'.")


def _users(session: object, args: argparse.Namespace) -> None:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    if args.action == "create":
        user = admin.create_user(session, args.username, _password(args.password_stdin),
                                 display_name=args.display_name, role=args.role, team=args.team)
        print(f"Created {user.role} '{user.username}'.")
    elif args.action == "list":
        for user in admin.list_users(session):
            state = " (disabled)" if user.disabled else ""
            print(f"{user.username}\t{user.role}\t{user.display_name}{state}")
    elif args.action in ("disable", "enable"):
        admin.set_disabled(session, args.username, args.action == "disable")
        print(f"{args.action.capitalize()}d '{args.username}'.")
    elif args.action == "set-role":
        admin.set_role(session, args.username, args.role)
        print(f"'{args.username}' is now {args.role}.")
    elif args.action == "rename":
        admin.rename(session, args.username, args.display_name)
        print(f"'{args.username}' is now called {args.display_name.strip()}.")
    elif args.action == "set-mentor":
        _set_mentor(session, args)
    elif args.action == "reset-password":
        admin.reset_password(session, args.username, _password(args.password_stdin))
        print(f"Password of '{args.username}' reset; every device must sign in again.")
    elif args.action == "revoke-devices":
        print(f"Signed out {admin.revoke_devices(session, args.username)} devices of '{args.username}'.")
    elif args.action in ("export", "erase"):
        _personal_data(session, args)


def _personal_data(session: Session, args: argparse.Namespace) -> None:
    """`users export` and `users erase` (POPIA)."""
    if args.action == "export":
        document = json.dumps(admin.export_user(session, args.username), ensure_ascii=False, indent=1)
        if args.output:
            Path(args.output).write_text(document + "\n", encoding="utf-8")
            print(f"Wrote everything about '{args.username}' to {args.output}.")
        else:
            print(document)
        return
    if not args.yes:
        raise admin.AdminError(f"This removes '{args.username}' and all their records and files for good; "
                               "add --yes to confirm.")
    count = admin.erase_user(session, args.username)
    print(f"Erased '{args.username}' and {count} records; every device removes them at its next sync.")


def _teams(session: object, args: argparse.Namespace) -> None:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    if args.action == "create":
        admin.create_team(session, args.name, args.supervisor)
        print(f"Created team '{args.name}'.")
    elif args.action == "add-member":
        admin.add_member(session, args.team, args.username)
        print(f"'{args.username}' is in team '{args.team}'.")
    elif args.action == "set-supervisor":
        admin.set_supervisor(session, args.team, args.username)
        print(f"'{args.username}' supervises team '{args.team}'.")
    else:
        for team, members in admin.list_teams(session):
            print(f"{team.name}\t{', '.join(members) or '(no members)'}")


def _administer(session: Session, settings: Settings, args: argparse.Namespace) -> None:
    """Every command but ``serve`` and ``migrate``, in one session."""
    if args.command == "users":
        _users(session, args)
    elif args.command == "teams":
        _teams(session, args)
    elif args.command == "sessions":
        _sessions(session, args)
    elif args.command == "report":
        _report(session, args)
    elif args.command == "audit":
        since = datetime.combine(args.since, time(), UTC) if args.since else None
        for line in audit.listing(session, actor=args.actor, owner=args.owner, since=since):
            print(f"{line.at:%Y-%m-%d %H:%M:%S}\t{line.actor}\t{line.action}\t{line.owner}\t{line.record}"
                  f"\t{line.detail}")
    elif args.command == "backup":
        admin.backup_sqlite(settings.resolved_database_url(), args.file)
        print(f"Backed up the server database to {args.file}.")
    elif args.command == "restored":
        ended = admin.mark_restored(session)
        print(f"The feed has a new identity: every device reconciles at its next sync ({ended} sign-ins "
              "ended; each laptop signs in again, keeping its work).")
    elif args.command == "maintenance":
        done = admin.maintain(session, settings)
        print(f"Removed {done.tombstones} old tombstones, {done.withdrawals} withdrawals, {done.audit_entries} "
              f"audit entries, {done.applied_changes} applied-change records, {done.sessions} ended sign-ins "
              f"and {done.files} unused files.")
    else:
        version = admin.load_reference(session, args.file)
        print(f"Loaded reference data version {version}.")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # The database, its journal, the key file and backups the server writes: its own user only.
    os.umask(0o077)
    # Admin commands print their own one-line answers; only problems are logged.
    logging.basicConfig(level=logging.WARNING if args.command != "serve" else logging.INFO,
                        format="%(levelname)s %(name)s: %(message)s")
    settings = _settings(args)
    engine = make_engine(settings.resolved_database_url())
    migrate(engine, None if settings.signing_key else settings.key_file())
    try:
        load_signing_key(settings)  # made now if missing, before several workers race to make it
    except SigningKeyError as exc:
        print(f"saypro-server: {exc}", file=sys.stderr)
        return 1
    if args.command == "migrate":
        print("The server database is up to date.")
        return 0
    if args.command == "serve":
        engine.dispose()
        return _serve(settings, args)
    session_factory = make_session_factory(engine)
    try:
        with session_factory() as session:
            _administer(session, settings, args)
    except (admin.AdminError, publishing.PublishError) as exc:
        print(f"saypro-server: {exc}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
