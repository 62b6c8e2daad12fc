"""POST /api/v1/sync: push and pull in one request (see saypro_server.sync_service)."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import APIRouter, HTTPException, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials
from pydantic_core import PydanticSerializationError
from sqlalchemy import select, update

from saypro_core import compression
from saypro_core.wire import (
    ANSWER_BYTES,
    FRAME_BYTES,
    FRAME_RECORDS,
    MAX_ANSWER_RECORDS,
    Ack,
    ErrorOut,
    ReconcileRequest,
    ReconcileResponse,
    ReferenceOut,
    SyncRequest,
    SyncResponse,
    reference_digest,
)
from saypro_server import audit, sync_service
from saypro_server import reconcile as reconcile_service
from saypro_server.deps import (
    NEEDS_TOKEN,
    BearerToken,
    CurrentPrincipal,
    DbSession,
    ReadSession,
    authenticate_for_sync,
    read_session,
)
from saypro_server.directory import directory_for
from saypro_server.sync_service import FeedState, Principal
from saypro_server.tables import Conflict, Device, ReferenceData

router = APIRouter(prefix="/api/v1", tags=["sync"], responses=NEEDS_TOKEN)


@router.post("/sync", response_model=SyncResponse)
async def sync(body: SyncRequest, request: Request, credentials: BearerToken) -> Response:
    """Apply the device's changes, then return what changed since its cursor.

    The request body may be compressed (`Content-Encoding: zstd` or `gzip`); so is the answer
    when the device sends `Accept-Encoding: zstd` (or `gzip`). Changes may leave out their id;
    acknowledgements come in the order of the changes. With `st`, the answer is a stream of frames,
    one JSON object per line (each as described here), up to `lim` records.
    """
    # Every database step of the request in one worker-thread hop: this is the request every
    # device sends every few minutes, and each hop costs about as much as a query.
    return await run_in_threadpool(_sync, request, body, credentials)


def _sync(request: Request, body: SyncRequest, credentials: HTTPAuthorizationCredentials | None) -> Response:
    with read_session(request.app) as session:
        principal, before_push = authenticate_for_sync(request, session, credentials)
        state: FeedState | None = before_push
        if body.dev != principal.device_id:  # documented as 400 at the app level
            raise HTTPException(status.HTTP_400_BAD_REQUEST,
                                detail="The device id does not match the signed-in device.")
        assert before_push is not None
        if _restored(body, principal, before_push):
            # Nothing is applied: a change to a record this (restored) server lacks would be refused for
            # want of its other fields. The device reconciles, then sends again.
            return Response(SyncResponse(cur=0, ep=before_push.epoch, rc=True).model_dump_json().encode(),
                            media_type="application/json")
        acks: list[Ack] = []
        if body.ch:
            with request.app.state.session_factory.begin() as transaction:
                acks = sync_service.push(transaction, principal, body.ch,
                                         record_quota=request.app.state.settings.user_record_quota_bytes)
            state = None  # read again after the push
        limit, max_bytes = (FRAME_RECORDS, FRAME_BYTES) if body.st else (MAX_ANSWER_RECORDS, ANSWER_BYTES)
        # The user may see more than when the device's cursor was read: start from the beginning once.
        rescope = body.se != principal.scope_epoch
        cursor = 0 if rescope else body.cur
        # A cursor behind what an answer gave the device: that answer was lost, or the device's profile
        # was restored from a backup. Either way it gets its own changes too (a lost answer's again,
        # harmlessly; a restored profile's, which it no longer holds).
        echo_own = cursor < principal.cursor_answered
        pulled = sync_service.pull(session, principal, cursor, min(body.lim, limit), state, max_bytes,
                                   echo_own=echo_own)
        _remember_cursor(request, principal, pulled.cursor)
        reference = None
        if pulled.state.reference_version > body.ref:
            stored = session.get(ReferenceData, 1)
            assert stored is not None
            same = body.rh is not None and body.rh == reference_digest(stored.body)
            reference = ReferenceOut(version=stored.version, data=None if same else stored.body)
        directory = None
        if body.dv is not None and body.dv != pulled.state.directory_version:
            directory = directory_for(session, principal.user_id, pulled.state.directory_version)
    audit.note_reads(request.app.state.session_factory, principal.user_id, principal.role, pulled.records)
    first = SyncResponse(ack=acks, ch=pulled.records, cur=pulled.cursor, more=pulled.more, cf=pulled.conflicts,
                         ref=reference, w=pulled.withdrawn, se=principal.scope_epoch if rescope else None,
                         ep=pulled.state.epoch if body.ep != pulled.state.epoch else None, dir=directory)
    encoded = _encode(request, first)
    zstd = compression.accepted(request.headers.get("accept-encoding", "")) == "zstd"
    if body.st and pulled.more:
        frames = _frames(request, principal, encoded, first.cur, first.more, pulled.state, body.lim - FRAME_RECORDS,
                         echo_own)
        if zstd:
            return StreamingResponse(_packed(frames), media_type=NDJSON,
                                     headers={"Content-Encoding": "zstd", "Vary": "Accept-Encoding"})
        return StreamingResponse(frames, media_type=NDJSON)  # GZipMiddleware compresses it for gzip devices
    # Serialized once (by _encode): returning the model would have FastAPI validate it a second time.
    if len(encoded) >= 512 and zstd:
        # Compressed here, on the worker thread; gzip-only devices are served by GZipMiddleware.
        return Response(compression.compress(encoded, "zstd"), media_type="application/json",
                        headers={"Content-Encoding": "zstd", "Vary": "Accept-Encoding"})
    return Response(encoded, media_type="application/json")


NDJSON = "application/x-ndjson"


def _restored(body: SyncRequest, principal: Principal, state: FeedState) -> bool:
    """Whether the device's cursor means nothing here because the server was restored from a backup:
    the device saw another epoch, or its cursor is past the feed's end. (A device whose profile was
    restored has a cursor that still means what it did: it is only behind, see ``echo_own``.)"""
    if body.ep is not None and body.ep != state.epoch:
        return True
    return body.cur > state.high


def _remember_cursor(request: Request, principal: Principal, cursor: int) -> None:
    """Keep the furthest cursor an answer gave the device (a write only when it moved)."""
    if cursor > principal.cursor_answered:
        with request.app.state.session_factory.begin() as transaction:
            transaction.execute(update(Device).where(Device.id == principal.device_id).values(cursor_answered=cursor))


@router.post("/reconcile", response_model=ReconcileResponse)
def reconcile(body: ReconcileRequest, principal: CurrentPrincipal, session: ReadSession,
              request: Request) -> ReconcileResponse:
    """One step of reconciling a device whose cursor means nothing (the server or the device was
    restored from a backup): see saypro_server.reconcile."""
    if body.dev != principal.device_id:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, detail="The device id does not match the signed-in device.")
    answered = reconcile_service.answer(session, principal, body)
    audit.note_reads(request.app.state.session_factory, principal.user_id, principal.role, answered.take)
    return answered


def _encode(request: Request, answer: SyncResponse) -> bytes:
    """The answer as JSON. A stored record that cannot be encoded (text that is not valid Unicode,
    left by an older version) is quarantined and left out, instead of failing the answer of every
    device that may read it."""
    try:
        return answer.model_dump_json().encode()
    except PydanticSerializationError:
        records, bad = sync_service.without_unencodable(answer.ch)
        if not bad:
            raise
        with request.app.state.session_factory.begin() as transaction:
            sync_service.quarantine(transaction, bad, "its fields cannot be encoded as JSON (not valid Unicode)")
        return answer.model_copy(update={"ch": records}).model_dump_json().encode()


def _frames(request: Request, principal: Principal, first: bytes, cursor: int, more: bool, state: FeedState,
            budget: int, echo_own: bool) -> Iterator[bytes]:
    """The first frame (encoded), then frames of records up to the same feed state while ``budget``
    records remain (a plain generator: Starlette runs it on a worker thread, so the queries do not block).

    Each frame reads in a session of its own: a device on 2G takes seconds to receive a frame, and
    the database connection goes back to the pool meanwhile.
    """
    yield first + b"\n"
    while more and budget > 0:
        with read_session(request.app) as session:
            pulled = sync_service.pull(session, principal, cursor, min(budget, FRAME_RECORDS), state, FRAME_BYTES,
                                       echo_own=echo_own)
        audit.note_reads(request.app.state.session_factory, principal.user_id, principal.role, pulled.records)
        frame = SyncResponse(ch=pulled.records, cur=pulled.cursor, more=pulled.more, cf=pulled.conflicts,
                             w=pulled.withdrawn)
        yield _encode(request, frame) + b"\n"
        cursor, more, budget = pulled.cursor, pulled.more, budget - FRAME_RECORDS


def _packed(frames: Iterator[bytes]) -> Iterator[bytes]:
    packer = compression.StreamPacker()
    for frame in frames:
        yield packer.pack(frame)
    yield packer.finish()


@router.post("/conflicts/{conflict_id}/resolve", status_code=204,
             responses={404: {"model": ErrorOut, "description": "No such conflict of yours"}})
def resolve_conflict(conflict_id: str, principal: CurrentPrincipal, session: DbSession) -> None:
    """Mark a conflict resolved (the chosen value syncs as an ordinary change); every device hears of it."""
    conflict = session.scalar(select(Conflict).where(Conflict.id == conflict_id,
                                                     Conflict.owner_id == principal.user_id).with_for_update())
    if conflict is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="No such conflict among your records.")
    if not conflict.resolved:
        conflict.resolved = True
        sync_service.assign_feed_positions(session, [], [conflict])  # so every device hears of it
    session.commit()
