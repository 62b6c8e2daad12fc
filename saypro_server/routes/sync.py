"""POST /api/v1/sync: push and pull in one request (see saypro_server.sync_service)."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, HTTPException, status
from sqlalchemy import select, update

from saypro_desktop.sync.wire import ErrorOut, ReferenceOut, SyncRequest, SyncResponse
from saypro_server import sync_service
from saypro_server.deps import NEEDS_TOKEN, CurrentPrincipal, DbSession
from saypro_server.tables import Conflict, FeedCounter, ReferenceData

router = APIRouter(prefix="/api/v1", tags=["sync"], responses=NEEDS_TOKEN)


@router.post("/sync", response_model=SyncResponse)
def sync(body: SyncRequest, principal: CurrentPrincipal, session: DbSession) -> SyncResponse:
    """Apply the device's changes, then return what changed since its cursor.

    The request body may be gzip-compressed (`Content-Encoding: gzip`); so is the answer when
    the device sends `Accept-Encoding: gzip`.
    """
    if body.dev != principal.device_id:  # documented as 400 at the app level
        raise HTTPException(status.HTTP_400_BAD_REQUEST, detail="The device id does not match the signed-in device.")
    acks = sync_service.push(session, principal, body.ch) if body.ch else []
    session.commit()
    pulled = sync_service.pull(session, principal, body.cur, body.lim)
    reference = None
    if session.scalar(select(ReferenceData.version).where(ReferenceData.id == 1, ReferenceData.version > body.ref)):
        stored = session.get(ReferenceData, 1)
        assert stored is not None
        reference = ReferenceOut(version=stored.version, data=stored.body)
    session.commit()
    return SyncResponse(ack=acks, ch=pulled.records, cur=pulled.cursor, more=pulled.more, cf=pulled.conflicts,
                        ref=reference)


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
        conflict.created_at = conflict.created_at or datetime.now(UTC)
        session.flush()
        position = session.execute(update(FeedCounter).where(FeedCounter.id == 1)
                                   .values(position=FeedCounter.position + 1).returning(FeedCounter.position)
                                   ).scalar_one()
        conflict.feed_position = position
    session.commit()
