"""The server's tables (SQLAlchemy ORM). Wire schemas live apart, in saypro_core.wire."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    String,
    TypeDecorator,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

JsonValue = JSON().with_variant(JSONB(), "postgresql")


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on both databases (SQLite hands back naive ones otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JsonValue, datetime: UtcDateTime()}


class Team(Base):
    __tablename__ = "teams"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    #: A users.id; no foreign key, as users refer to teams (a cycle PostgreSQL cannot create in one go).
    supervisor_id: Mapped[str | None] = mapped_column(String(36), index=True)


class User(Base):
    __tablename__ = "users"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))  # staff, supervisor, admin
    team_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("teams.id"))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    #: Bytes of record fields the user's records hold on the server (their quota counts these).
    stored_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    #: Grows each time the user may newly see records they could not before (joined a team, became a
    #: supervisor): a device that last synced under an older number pulls from the start once.
    scope_epoch: Mapped[int] = mapped_column(Integer, default=0)
    #: The person's mentor (a users.id), who may be someone other than the team's supervisor: they read
    #: what the person shares with "my supervisor and mentor" (and with the team), and give feedback.
    mentor_id: Mapped[str | None] = mapped_column(String(36), index=True, default=None)


class Device(Base):
    __tablename__ = "devices"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36), ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    last_seen: Mapped[datetime]
    #: The furthest cursor an answer gave this device in the current epoch: one further back means
    #: that answer was lost or the device's profile was restored from a backup (it gets its own
    #: changes again).
    cursor_answered: Mapped[int] = mapped_column(BigInteger, default=0)
    #: Given to the device at each sign-in with the password: its profile's data key is sealed by it
    #: too, so after a password reset the new password (online) opens the laptop's profile again.
    recovery_secret: Mapped[str | None] = mapped_column(String(64), default=None)


class SignInSession(Base):
    """One sign-in of one device: every access and refresh token it gets carries its id (the token
    family). Signing out, a refresh token used twice (theft), an admin's revocation or the end of
    its absolute lifetime ends it, and with it every token of the family, for good."""

    __tablename__ = "sessions"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36), ForeignKey("users.id"), index=True)
    device_id: Mapped[str] = mapped_column(String(36), ForeignKey("devices.id"), index=True)
    created_at: Mapped[datetime]
    #: Absolute: no refresh carries the session past it; then the password is asked again.
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
    revoked_why: Mapped[str | None] = mapped_column(String(120), default=None)


class RefreshToken(Base):
    """A refresh token of a session, kept as a hash. Each works once: using it makes the next one
    (its child). Presented again within a short grace period while the child is unused (the
    answer was lost on the way), it gives the same child again; any other reuse is theft."""

    __tablename__ = "refresh_tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    session_id: Mapped[str] = mapped_column(String(36), ForeignKey("sessions.id"), index=True)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None] = mapped_column(default=None)


class LoginThrottle(Base):
    """Sign-in attempts counted per key (a user name, a client address, or the pair) in a window;
    the count is taken before the password is checked, in one statement, so concurrent guesses
    cannot pass the limit."""

    __tablename__ = "login_throttle"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    attempts: Mapped[int] = mapped_column(Integer)
    window_start: Mapped[datetime]
    last_attempt: Mapped[datetime]


class StoredRecord(Base):
    """The server's copy of a synced record: its fields plus what merging and the feed need."""

    __tablename__ = "records"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    type: Mapped[str] = mapped_column(String(32))
    owner_id: Mapped[str] = mapped_column(String(36), ForeignKey("users.id"))
    #: The owner's team when last written, for team and supervisor visibility.
    team_id: Mapped[str | None] = mapped_column(String(36))
    #: Whom a feedback record is about (the target record's owner), who must receive it.
    subject_id: Mapped[str | None] = mapped_column(String(36))
    #: The record a feedback or attachment record belongs to: it is never seen by more people than that one.
    parent_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    #: Who may read it, as the feed filters: the owner's choice, narrowed to the parent's for a
    #: feedback or attachment (the owner's choice itself stays in ``fields``).
    visibility: Mapped[str] = mapped_column(String(16))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    revision: Mapped[int] = mapped_column(Integer)
    fields: Mapped[dict[str, Any]]
    #: Per field: the revision that last changed it and the stamp of that change.
    field_revisions: Mapped[dict[str, Any]]
    field_stamps: Mapped[dict[str, Any]]
    stamp: Mapped[str] = mapped_column(String(90))
    #: When the server stored the last change...
    updated_at: Mapped[datetime]
    #: ...and when the author's device created the record and made its last change (bounded against
    #: a wrong clock; NULL where an older device did not say).
    created_at: Mapped[datetime | None] = mapped_column(default=None)
    author_updated_at: Mapped[datetime | None] = mapped_column(default=None)
    #: The device whose change produced exactly this state from the state it had seen (so it
    #: need not pull it back); NULL when any device must pull it.
    clean_device: Mapped[str | None] = mapped_column(String(36))
    feed_position: Mapped[int] = mapped_column(BigInteger, default=0)
    #: Bytes of ``fields`` as compact JSON (the owner's quota counts them).
    size: Mapped[int] = mapped_column(Integer, default=0)
    #: Why this record is never served (it could not be encoded for anyone); NULL for every sound record.
    quarantined: Mapped[str | None] = mapped_column(String(200), default=None)
    #: The day of the record's activity (saypro_core.metrics.activity_day), set at every write: the
    #: reports find a period's records through it instead of reading every record's fields.
    activity_on: Mapped[date | None] = mapped_column(Date, default=None)

    __table_args__ = (
        Index("ix_records_feed_position", "feed_position"),
        Index("ix_records_owner_id", "owner_id"),
        Index("ix_records_team_id_visibility", "team_id", "visibility"),
        Index("ix_records_subject_id", "subject_id"),
        # The reports: a period's live records of a type, with who wrote them and for whom (an
        # index-only scan for counts by person and month). Queries say ``deleted == false()`` to
        # use it (PostgreSQL does not read "deleted IS false" as "NOT deleted").
        Index("ix_records_activity", "type", "activity_on", "owner_id", "visibility",
              postgresql_where=text("NOT deleted"), sqlite_where=text("deleted = 0")),
    )


class FeedCounter(Base):
    """One row: the last feed position handed out. Its row lock orders positions by commit."""

    __tablename__ = "feed_counter"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(BigInteger)
    #: The feed's identity: made at set-up and made anew when the database is restored from a backup
    #: (`saypro-server restored`). A device whose cursor belongs to another epoch reconciles.
    epoch: Mapped[str | None] = mapped_column(String(36), default=None)
    #: Grows whenever a person's name, role, team, mentor or a team's supervisor changes: a device
    #: holding another number receives the directory (saypro_server.directory) with its next sync.
    directory_version: Mapped[int] = mapped_column(Integer, default=0)


class AppliedChange(Base):
    """Every change applied, with the acknowledgement sent: a repeated change gets it again. Keyed by
    the device the access token belongs to, so nobody can reserve another device's change ids."""

    __tablename__ = "applied_changes"
    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    change_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36))
    ack: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]


class Conflict(Base):
    __tablename__ = "conflicts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    record_type: Mapped[str] = mapped_column(String(32))
    field: Mapped[str] = mapped_column(String(64))
    kept: Mapped[dict[str, Any]]  # {"v": value}
    lost: Mapped[dict[str, Any]]
    kept_stamp: Mapped[str] = mapped_column(String(90))
    lost_stamp: Mapped[str] = mapped_column(String(90))
    lost_by: Mapped[str] = mapped_column(String(36))
    owner_id: Mapped[str] = mapped_column(String(36), index=True)
    created_at: Mapped[datetime]
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Conflicts travel in the same feed as records (positions from the same counter).
    feed_position: Mapped[int] = mapped_column(BigInteger, default=0, index=True)


class Withdrawal(Base):
    """A record someone could read and no longer may (made private, their team changed, its parent
    deleted, its author erased): their devices remove their copy at the next sync. In the feed, with
    positions from the same counter as the records."""

    __tablename__ = "withdrawals"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                    autoincrement=True)
    user_id: Mapped[str] = mapped_column(String(36))
    record_id: Mapped[str] = mapped_column(String(36))
    record_type: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime]
    feed_position: Mapped[int] = mapped_column(BigInteger, default=0)

    __table_args__ = (Index("ix_withdrawals_user_id_feed_position", "user_id", "feed_position"),)


class AuditEntry(Base):
    """Who read or handled whose records, and when (supervisors' and admins' access, exports, erasures)."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                    autoincrement=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor_id: Mapped[str | None] = mapped_column(String(36), index=True)  # None: the command line
    action: Mapped[str] = mapped_column(String(32))  # read, download, report, export, erase, ...
    owner_id: Mapped[str | None] = mapped_column(String(36), index=True)
    record_id: Mapped[str | None] = mapped_column(String(36))
    record_type: Mapped[str | None] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(String(300), default="")


class ReferenceData(Base):
    __tablename__ = "reference_data"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    body: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime]


class ReferenceVersion(Base):
    """Every version the reference data has had (the current one is reference_data's): who made it,
    when and why, and what it held, so an earlier one can be read or brought back."""

    __tablename__ = "reference_versions"
    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    body: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]
    actor_id: Mapped[str | None] = mapped_column(String(36))  # None: the command line
    note: Mapped[str] = mapped_column(String(300), default="")


class AttachmentBlob(Base):
    """An attachment's bytes, addressed by its owner and sha256, uploaded in resumable chunks.

    Blobs are per owner, not shared across users with the same hash: knowing a file's sha256 must
    not be a way to read someone else's file.
    """

    __tablename__ = "attachment_blobs"
    owner_id: Mapped[str] = mapped_column(String(36), ForeignKey("users.id"), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]


class AttachmentChunk(Base):
    __tablename__ = "attachment_chunks"
    owner_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    offset: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)

    __table_args__ = (
        ForeignKeyConstraint(["owner_id", "sha256"], ["attachment_blobs.owner_id", "attachment_blobs.sha256"]),
    )
