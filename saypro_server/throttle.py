"""Limits on sign-in attempts: per user name and client address, per address, and per user name.

- The pair (name, address): ``login_attempts`` tries in the window, then refused until it ends.
  A guesser at one address is stopped without touching the real person at theirs.
- The address, over all names: ``login_attempts_per_address`` (password spraying).
- The name, from anywhere: past ``login_attempts_per_name`` each further try must wait, twice as
  long each time up to ``login_max_delay_seconds``. A delay, never a lock: strangers can slow a
  person's sign-in down by a minute at most, not lock them out.

Each attempt is counted before the password is checked, under a row lock (SQLite takes its write
lock at BEGIN), and committed at once: concurrent guesses see each other's counts and cannot pass
the limit together. A successful sign-in is taken back off the counts and clears its pair, so
only failures add up.

The client address is the connection's, or, when that is a trusted reverse proxy, the nearest
address in X-Forwarded-For that is not one (the rest of the header could be forged by anyone).
"""

from __future__ import annotations

import ipaddress
import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from starlette.requests import Request

from saypro_server.settings import Settings
from saypro_server.tables import LoginThrottle


def _trusted(address: str, proxies: list[str]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def client_address(request: Request, trusted_proxies: list[str]) -> str:
    peer = request.client.host if request.client else ""
    if not _trusted(peer, trusted_proxies):
        return peer
    hops = [hop.strip() for hop in ",".join(request.headers.getlist("x-forwarded-for")).split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, trusted_proxies):
            return hop[:100]
    return peer


@dataclass(frozen=True)
class Refusal:
    detail: str
    retry_after_s: int


def _keys(username: str, address: str) -> tuple[str, str, str]:
    name = username.strip().lower()[:64]
    return f"pair:{name}|{address}", f"addr:{address}", f"name:{name}"


def take_attempt(session: Session, settings: Settings, username: str, address: str) -> Refusal | None:
    """Count one sign-in attempt and commit; a Refusal (nothing checked) when a limit is reached."""
    now = datetime.now(UTC)
    window = timedelta(minutes=settings.login_window_minutes)
    keys = _keys(username, address)
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    session.execute(insert(LoginThrottle).values([
        {"key": key, "attempts": 0, "window_start": now, "last_attempt": now} for key in keys
    ]).on_conflict_do_nothing(index_elements=["key"]))
    rows = {row.key: row for row in session.scalars(
        select(LoginThrottle).where(LoginThrottle.key.in_(keys)).order_by(LoginThrottle.key).with_for_update())}
    for row in rows.values():
        if row.window_start <= now - window:
            row.attempts, row.window_start = 0, now
    pair, per_address, per_name = (rows[key] for key in keys)
    refusal = _refusal(settings, now, window, pair, per_address, per_name)
    if refusal is None:
        for row in (pair, per_address, per_name):
            row.attempts += 1
            row.last_attempt = now
    session.commit()
    return refusal


def _refusal(settings: Settings, now: datetime, window: timedelta, pair: LoginThrottle, per_address: LoginThrottle,
             per_name: LoginThrottle) -> Refusal | None:
    minutes = settings.login_window_minutes
    if pair.attempts >= settings.login_attempts:
        wait = pair.window_start + window - now
        return Refusal(f"Too many failed sign-ins; try again in {math.ceil(wait.total_seconds() / 60)} minutes.",
                       max(1, math.ceil(wait.total_seconds())))
    if per_address.attempts >= settings.login_attempts_per_address:
        wait = per_address.window_start + window - now
        return Refusal(f"Too many sign-ins from this address; try again within {minutes} minutes.",
                       max(1, math.ceil(wait.total_seconds())))
    beyond = per_name.attempts - settings.login_attempts_per_name
    if beyond >= 0:
        delay = min(2.0 ** beyond, settings.login_max_delay_seconds)
        wait_s = (per_name.last_attempt + timedelta(seconds=delay) - now).total_seconds()
        if wait_s > 0:
            return Refusal(f"Many sign-ins were tried for this account; wait {math.ceil(wait_s)} seconds and "
                           "try again.", math.ceil(wait_s))
    return None


def succeeded(session: Session, username: str, address: str) -> None:
    """A successful sign-in: it does not count against the name or the address (the attempt was
    counted before the password was checked), and the person's failed tries at this address are
    forgotten (the caller commits)."""
    pair, per_address, per_name = _keys(username, address)
    session.execute(delete(LoginThrottle).where(LoginThrottle.key == pair))
    session.execute(update(LoginThrottle).where(LoginThrottle.key.in_((per_address, per_name)),
                                                LoginThrottle.attempts > 0)
                    .values(attempts=LoginThrottle.attempts - 1))
