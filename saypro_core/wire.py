"""The sync wire format, shared by the desktop and the server (no Qt, no web framework).

One request per batch carries both directions (DESIGN.md, "Few round trips"): the device sends
its changes and its pull cursor; the server answers with an acknowledgement per change, in the
order of the changes, the records changed since the cursor that the user may see, the new cursor
and whether more is waiting. Bodies travel zstd- or gzip-compressed (sync.compression). Field
names are short because on a 2G link every byte is time: ``ch`` changes, ``ack``
acknowledgements, ``cur`` cursor, ``f`` fields, ``h`` hybrid logical clock stamp, ``b`` the server
revision an edit was based on.

A device may ask for the answer as a stream (``st``): then the server sends, one JSON object per
line, the answer to the push with the first records and then further frames of records, each with
the cursor that covers it, until ``lim`` records or the end of the feed. The device stores each
frame as it arrives, so a first sync down costs one request, and a drop costs only the frame in
flight.

A change needs a unique id so that a repeated one is applied once. A device's stamps never
repeat, so the id can be left out: the server then uses :func:`derived_change_id` of the device
and the stamp, and leaves it out of the acknowledgement too. That spares 36 random characters
each way per change, a sixth of a compressed first sync.

Reference data (frameworks, templates) comes with the first answer whose device holds an older
version (``ref``). A device that has never synced holds the defaults shipped with the app and
sends their :func:`reference_digest` (``rh``): where the server's are the same, only the version
comes back, which spares a few KB on every laptop's first sync.

A record's fields are the codec's encoding (``saypro_core.codec``) of the content
fields of its dataclass plus ``visibility`` and ``deleted``; a change carries only the fields
it changed.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict

from saypro_core.bounds import MAX_POSITION, MAX_REVISION
from saypro_core.records import RECORD_TYPES

PROTOCOL_VERSION: Final = 1
#: Most changes one request may carry (1,000 learning logs, about 1.3 MB, fit in one).
MAX_BATCH_CHANGES = 1000
#: Most records one answer that is not streamed returns.
MAX_ANSWER_RECORDS = 500
#: Most records one streamed answer returns, and most records in one frame of it.
MAX_STREAM_RECORDS = 5000
FRAME_RECORDS = 100
#: Records' fields per frame (or per answer not streamed): a frame ends after the record that passes this.
FRAME_BYTES = 256 * 1024
ANSWER_BYTES = 1024 * 1024
#: Largest request body, compressed and after decompression (a decompression bomb stops here).
MAX_BODY_BYTES = 4 * 1024 * 1024
MAX_INFLATED_BYTES = 16 * 1024 * 1024
#: Largest single change (its fields as JSON): a learning log with every field at its limit fits.
MAX_CHANGE_BYTES = 256 * 1024

UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
HLC_PATTERN = r"^[0-9]{13}-[0-9]{5}-[0-9a-zA-Z-]{1,64}$"

Uuid = Annotated[str, Field(pattern=UUID_PATTERN, min_length=36, max_length=36)]
Stamp = Annotated[str, Field(pattern=HLC_PATTERN, max_length=90)]
#: A time as the codec writes it (UTC, milliseconds): 2026-11-23T08:18:05.123Z.
Moment = Annotated[str, Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$")]
RecordType = Literal["learning_log", "self_assessment", "session_note", "development_goal", "feedback", "attachment",
                     "planned_session", "registration", "attendance", "survey_response", "hub_entry",
                     "recognition"]
assert set(RecordType.__args__) == set(RECORD_TYPES)  # type: ignore[attr-defined]

_CHANGE_IDS = uuid.UUID("5b3d0c1e-6f2a-4c55-9a57-2f1e8d6c0a11")


def derived_change_id(device_id: str, stamp: str) -> str:
    """The id of a change sent without one: a name-based UUID of the device and the change's stamp."""
    return str(uuid.uuid5(_CHANGE_IDS, f"{device_id}/{stamp}"))


def reference_digest(body: dict[str, Any]) -> str:
    """sha256 of reference data as canonical JSON (sorted keys, no spaces, UTF-8): the same data
    gives the same digest on the desktop and the server, whatever order it was stored in."""
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Change(_Strict):
    """One change made on a device: create/update (``u``) or delete (``d``) of one record."""

    id: Uuid | None = Field(default=None, description="Unique id of this change; a repeated id is applied once. "
                                                      "Left out: derived from the device id and the stamp.")
    t: RecordType = Field(description="Record type.")
    r: Uuid = Field(description="Record id.")
    op: Literal["u", "d"]
    f: dict[str, Any] = Field(default_factory=dict, description="The changed fields, codec-encoded.")
    b: int = Field(ge=0, le=MAX_REVISION, description="Server revision this edit was based on (0 for a new record).")
    h: Stamp = Field(description="Hybrid logical clock stamp of the change.")
    c: Moment | None = Field(default=None, exclude_if=lambda v: v is None,
                             description="When the author's device created the record (with its first change).")
    u: Moment | None = Field(default=None, exclude_if=lambda v: v is None,
                             description="When the author's device made this change.")


class SyncRequest(_Strict):
    v: Literal[1] = 1
    dev: Uuid = Field(description="The device's id.")
    cur: int = Field(default=0, ge=0, le=MAX_POSITION, description="Feed position the device has pulled up to.")
    ch: list[Change] = Field(default_factory=list, max_length=MAX_BATCH_CHANGES)
    lim: int = Field(default=MAX_ANSWER_RECORDS, ge=1, le=MAX_STREAM_RECORDS,
                     description=f"Most records to pull (at most {MAX_ANSWER_RECORDS} unless streamed).")
    st: bool = Field(default=False, description="Stream the answer: one frame (a SyncResponse) per line.")
    ref: int = Field(default=0, ge=0, le=MAX_REVISION, description="Version of the reference data the device holds.")
    ep: Uuid | None = Field(default=None, exclude_if=lambda v: v is None,
                            description="The feed epoch the cursor belongs to (left out before the first sync). "
                                        "Another epoch than the server's means the server was restored: the "
                                        "answer asks the device to reconcile.")
    se: int = Field(default=0, ge=0, le=MAX_REVISION, exclude_if=lambda v: v == 0,
                    description="The scope epoch the device's cursor was read under (0 at first). When the "
                                "user's scope has grown since (a new team, a new mentee), the answer starts "
                                "from the beginning of the feed once and says the new epoch.")
    rh: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$", exclude_if=lambda v: v is None,
                           description="reference_digest of the reference data the device holds: where the "
                                       "server's newer version is the same data, the answer leaves it out.")
    dv: int | None = Field(default=None, ge=0, le=MAX_REVISION, exclude_if=lambda v: v is None,
                           description="The version of the directory (who is who) the device holds, 0 for none; "
                                       "left out by devices that do not read directories (they get none).")


class Ack(_Strict):
    """What became of one pushed change (acknowledgements come in the order of the changes)."""

    id: Uuid | None = Field(default=None, exclude_if=lambda v: v is None,
                            description="The change's id; left out when the change was sent without one.")
    s: Literal["ok", "merged", "rejected", "resend"] = Field(
        description="ok: applied; merged: applied, but a field edited elsewhere too was decided by the clock "
                    "(see the conflicts); rejected: not applied, `err` says why; resend: not applied, the record "
                    "was deleted elsewhere and only its tombstone is left: send all its fields to bring it back "
                    "(an edit beats a delete).")
    rev: int = Field(ge=0, le=MAX_REVISION,
                     description="The record's server revision after the change (0 if rejected).")
    err: str = Field(default="", exclude_if=lambda v: not v)


class RecordOut(_Strict):
    """The whole current state of a record the user may see."""

    t: RecordType
    r: Uuid
    rev: int = Field(ge=0, le=MAX_REVISION)
    o: str = Field(max_length=36, description="Owner's user id.")
    f: dict[str, Any]
    h: str = Field(max_length=90, description="Stamp of the last change.")
    at: str = Field(max_length=40, description="When the server stored the last change (UTC).")
    ca: str | None = Field(default=None, max_length=40, exclude_if=lambda v: v is None,
                           description="When the author created the record (their device's clock, bounded).")
    ua: str | None = Field(default=None, max_length=40, exclude_if=lambda v: v is None,
                           description="When the author last changed it (their device's clock, bounded).")


class ConflictOut(_Strict):
    """A field edited on two devices: the value kept, and the other value, kept for the user."""

    id: Uuid
    t: RecordType
    r: Uuid
    field: str = Field(max_length=64)
    kept: Any
    lost: Any
    kept_h: str = Field(max_length=90)
    lost_h: str = Field(max_length=90)
    lost_by: str = Field(max_length=64, description="Device whose value was not kept.")
    at: str = Field(max_length=40)
    res: bool = Field(default=False, description="Resolved by the user.")


class ReferenceOut(_Strict):
    version: int = Field(ge=0, le=MAX_REVISION)
    data: dict[str, Any] | None = Field(default=None, exclude_if=lambda v: v is None,
                                        description="Left out when the device holds the same data (rh).")


Relation = Literal["supervisor", "mentor", "supervisee", "mentee", "teammate"]
Role = Literal["staff", "supervisor", "admin"]
#: People in one directory at most (an organisation's staff).
MAX_PEOPLE = 20_000


class PersonOut(_Strict):
    """Someone whose records or feedback may reach the device: their name, role and team, and what
    they are to the signed-in person."""

    id: Uuid
    n: Annotated[str, Field(max_length=120)] = Field(description="The display name.")
    r: Role
    t: Annotated[str, Field(max_length=120)] = Field(default="", description="The team's name.")
    rel: list[Relation] = Field(default_factory=list, max_length=5, exclude_if=lambda v: not v,
                                description="What they are to the signed-in person: their supervisor, mentor, "
                                            "a person they supervise or mentor, a team mate.")


class DirectoryOut(_Strict):
    """Who is who, for the signed-in person: sent when the device's `dv` is not the server's."""

    v: int = Field(ge=0, le=MAX_REVISION)
    me: Uuid = Field(description="The signed-in person (also in `p`, with their role and team).")
    p: list[PersonOut] = Field(default_factory=list, max_length=MAX_PEOPLE)


class SyncResponse(_Strict):
    """An answer, or one frame of a streamed answer (acknowledgements and reference data come in the first)."""

    v: Literal[1] = 1
    ack: list[Ack] = Field(default_factory=list)
    ch: list[RecordOut] = Field(default_factory=list)
    cur: int = Field(ge=0, le=MAX_POSITION)
    more: bool = False
    cf: list[ConflictOut] = Field(default_factory=list)
    ref: ReferenceOut | None = None
    w: list[Uuid] = Field(default_factory=list, exclude_if=lambda v: not v,
                          description="Records the user may no longer read (withdrawn): remove the copy.")
    se: int | None = Field(default=None, ge=0, le=MAX_REVISION, exclude_if=lambda v: v is None,
                           description="The user's scope epoch, when it differs from the one the device sent: "
                                       "this answer starts from the beginning of the feed; keep it with the cursor.")
    ep: str | None = Field(default=None, max_length=36, exclude_if=lambda v: v is None,
                           description="The feed's epoch, when the device did not send it: keep it with the cursor.")
    rc: bool = Field(default=False, exclude_if=lambda v: not v,
                     description="Reconcile first (POST /api/v1/reconcile): the server or the device was restored "
                                 "from a backup, so the cursor means nothing. Nothing in the request was applied.")
    dir: DirectoryOut | None = Field(default=None, exclude_if=lambda v: v is None,
                                     description="Who is who (first frame only), when `dv` is not the server's.")


class AnswerFrame(_Strict):
    """A SyncResponse as a device reads it: the envelope strictly, but each record and conflict left
    as it came, to be checked on its own (one bad record from the server is set aside; it never
    stops the rest of the answer, nor every later sync)."""

    v: Literal[1] = 1
    ack: list[Ack] = Field(default_factory=list)
    ch: list[Any] = Field(default_factory=list)
    cur: int = Field(ge=0, le=MAX_POSITION)
    more: bool = False
    cf: list[Any] = Field(default_factory=list)
    ref: ReferenceOut | None = None
    w: list[Any] = Field(default_factory=list)
    se: int | None = Field(default=None, ge=0, le=MAX_REVISION)
    ep: str | None = Field(default=None, max_length=36)
    rc: bool = False
    dir: Any = None  # checked on its own (DirectoryOut): a bad directory is ignored, never the answer


#: Records of one reconcile answer at most (its leaves are asked for in groups that fit).
MAX_RECONCILE_LEAVES = 64
# Strict each (the models cannot be: see _Tuples): no "5" for 5, no false for 0.
Hex64 = Annotated[str, Strict(), Field(pattern=r"^[0-9a-f]{16}$")]
Index = Annotated[int, Strict(), Field(ge=0, lt=256)]
Count = Annotated[int, Strict(), Field(ge=0, le=10_000_000)]
Bit = Annotated[int, Strict(), Field(ge=0, le=1)]
HeldStamp = Annotated[str, Strict(), Field(max_length=90)]


class _Tuples(BaseModel):
    """Models with tuples, which JSON sends as arrays: strict mode would take only Python tuples, so
    each field's type is strict instead."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class ReconcileRequest(_Tuples):
    """One step of a reconciliation (saypro_core.reconcile). Level 1: the digest of every top bucket;
    level 2: the digests of the leaves of the top buckets that differed; level 3: the records of
    the leaves that differed, as (type, id, stamp, deleted 0/1, mine 0/1)."""

    v: Annotated[int, Strict(), Field(ge=1, le=1)] = 1
    dev: Uuid
    lv: Annotated[int, Strict(), Field(ge=1, le=3)]
    tops: list[tuple[Index, Count, Hex64]] = Field(default_factory=list, max_length=256)
    leaves: list[tuple[Index, Index, Count, Hex64]] = Field(default_factory=list, max_length=65_536)
    ask: list[tuple[Index, Index]] = Field(default_factory=list, max_length=MAX_RECONCILE_LEAVES)
    e: list[tuple[RecordType, Annotated[str, Strict(), Field(pattern=UUID_PATTERN)], HeldStamp, Bit, Bit]] = Field(
        default_factory=list, max_length=20_000)


class ReconcileResponse(_Tuples):
    ep: str = Field(description="The feed's epoch: the device keeps it with the cursor `high` once done.")
    high: int = Field(ge=0, le=MAX_POSITION, description="The feed's end when the reconciliation began.")
    tops: list[int] = Field(default_factory=list, description="Level 1: top buckets whose digests differ.")
    leaves: list[tuple[int, int]] = Field(default_factory=list, description="Level 2: leaves whose digests differ.")
    send: list[tuple[str, int]] = Field(default_factory=list,
                                        description="Level 3: the device's own records the server lacks or holds "
                                                    "older, with the server's revision: send them whole.")
    take: list[RecordOut] = Field(default_factory=list, description="Level 3: records the device lacks or holds "
                                                                     "older.")
    drop: list[str] = Field(default_factory=list, description="Level 3: records the device may not (or no longer) "
                                                              "hold.")
    rest: list[tuple[int, int]] = Field(default_factory=list, description="Level 3: leaves not answered yet (the "
                                                                          "answer was full): ask again.")


class ErrorOut(BaseModel):
    detail: str
