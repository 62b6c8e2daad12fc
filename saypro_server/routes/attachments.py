"""Attachments: resumable chunked upload addressed by sha256, download by hash (tus is the model).

    POST  /api/v1/attachments                 {sha256, size}: start (or find) an upload -> offset held
    PATCH /api/v1/attachments/{sha256}        Upload-Offset header + bytes: append at that offset
    GET   /api/v1/attachments/{sha256}/status the offset the server holds, to resume after a drop
    GET   /api/v1/attachments/{sha256}?owner= the bytes, for anyone who can see an attachment record;
                                              a Range header (bytes=N-) fetches the rest of a broken download

A dropped connection costs at most the chunk in flight: the device asks for the offset and goes on
from there (the part of a chunk that arrived before the drop is kept, as tus servers do:
saypro_server.body_limits). When the last byte arrives the server checks the sha256 of the whole
file. Downloads resume with an HTTP byte range (one range per request; RFC 9110 section 14).
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Query, Request, Response, status
from pydantic import BaseModel, Field
from sqlalchemy import delete, func, select

from saypro_core.wire import ErrorOut
from saypro_server import audit
from saypro_server.deps import NEEDS_TOKEN, AppSettings, CurrentPrincipal, DbSession, StrictInput
from saypro_server.sync_service import visible_to
from saypro_server.tables import AttachmentBlob, AttachmentChunk, StoredRecord

router = APIRouter(prefix="/api/v1/attachments", tags=["attachments"], responses=NEEDS_TOKEN)

SHA256_PATTERN = r"^[0-9a-f]{64}$"
_RANGE = re.compile(r"bytes=([0-9]*)-([0-9]*)")
Sha256 = Annotated[str, Field(pattern=SHA256_PATTERN)]


class UploadIn(StrictInput):
    sha256: Sha256
    size: int = Field(ge=0, le=2**40)


class UploadOut(BaseModel):
    sha256: str
    size: int
    offset: int
    complete: bool


def _out(blob: AttachmentBlob) -> UploadOut:
    return UploadOut(sha256=blob.sha256, size=blob.size, offset=blob.received, complete=blob.complete)


def _blob(session: DbSession, owner_id: str, sha256: str, *, lock: bool = False) -> AttachmentBlob:
    statement = select(AttachmentBlob).where(AttachmentBlob.owner_id == owner_id, AttachmentBlob.sha256 == sha256)
    blob = session.scalar(statement.with_for_update() if lock else statement)
    if blob is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="No upload of that file; start one with POST first.")
    return blob


@router.post("", response_model=UploadOut, responses={
    409: {"model": ErrorOut, "description": "An upload of that hash with another size"}, 413: {"model": ErrorOut}})
def start_upload(body: UploadIn, principal: CurrentPrincipal, session: DbSession, settings: AppSettings) -> UploadOut:
    existing = session.scalar(select(AttachmentBlob).where(
        AttachmentBlob.owner_id == principal.user_id, AttachmentBlob.sha256 == body.sha256))
    if existing is not None:
        if existing.size != body.size:
            raise HTTPException(status.HTTP_409_CONFLICT, detail="An upload of that hash has another size.")
        return _out(existing)
    if body.size > settings.attachment_max_bytes:
        raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE,
                            detail=f"Attachments can be at most {settings.attachment_max_bytes // 1_000_000} MB.")
    used = session.scalar(select(func.coalesce(func.sum(AttachmentBlob.size), 0)).where(
        AttachmentBlob.owner_id == principal.user_id)) or 0
    if used + body.size > settings.user_quota_bytes:
        quota_mb = settings.user_quota_bytes // 1_000_000
        raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE,
                            detail=f"Your attachments would pass your quota of {quota_mb} MB.")
    blob = AttachmentBlob(owner_id=principal.user_id, sha256=body.sha256, size=body.size, received=0,
                          complete=body.size == 0 and body.sha256 == hashlib.sha256(b"").hexdigest(),
                          created_at=datetime.now(UTC))
    session.add(blob)
    session.commit()
    return _out(blob)


@router.get("/{sha256}/status", response_model=UploadOut, responses={404: {"model": ErrorOut}})
def upload_status(sha256: Annotated[str, Field(pattern=SHA256_PATTERN)], principal: CurrentPrincipal,
                  session: DbSession) -> UploadOut:
    return _out(_blob(session, principal.user_id, sha256))


@router.patch("/{sha256}", response_model=UploadOut, responses={
    404: {"model": ErrorOut}, 413: {"model": ErrorOut},
    409: {"model": ErrorOut, "description": "Upload-Offset is not the offset held, or the file does not match its "
                                            "sha256 (it was discarded)"}},
    # An empty body is allowed: it changes nothing and answers the offset held.
    openapi_extra={"requestBody": {"required": False, "content": {
        "application/offset+octet-stream": {"schema": {"type": "string", "format": "binary"}}}}})
async def append_chunk(sha256: Annotated[str, Field(pattern=SHA256_PATTERN)], request: Request,
                       upload_offset: Annotated[int, Header(ge=0, le=2**40)], principal: CurrentPrincipal,
                       session: DbSession, settings: AppSettings) -> UploadOut:
    data = await request.body()
    if len(data) > settings.attachment_chunk_max_bytes:
        raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE,
                            detail=f"A chunk can be at most {settings.attachment_chunk_max_bytes // 1024} KB.")
    blob = _blob(session, principal.user_id, sha256, lock=True)
    if upload_offset != blob.received:
        raise HTTPException(status.HTTP_409_CONFLICT, detail=f"The server holds {blob.received} bytes; "
                                                             f"send from offset {blob.received}.")
    if blob.received + len(data) > blob.size:
        raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, detail="The chunk goes past the file's size.")
    if data:
        session.add(AttachmentChunk(owner_id=blob.owner_id, sha256=sha256, offset=blob.received, data=data))
        blob.received += len(data)
    if blob.received == blob.size and not blob.complete:
        digest = hashlib.sha256()
        for chunk in session.scalars(select(AttachmentChunk.data).where(
                AttachmentChunk.owner_id == blob.owner_id, AttachmentChunk.sha256 == sha256)
                .order_by(AttachmentChunk.offset)):
            digest.update(chunk)
        if digest.hexdigest() != sha256:
            session.execute(delete(AttachmentChunk).where(AttachmentChunk.owner_id == blob.owner_id,
                                                          AttachmentChunk.sha256 == sha256))
            blob.received = 0
            session.commit()
            raise HTTPException(status.HTTP_409_CONFLICT,
                                detail="The file does not match its sha256; it was discarded, upload it again.")
        blob.complete = True
    session.commit()
    return _out(blob)


@router.get("/{sha256}", response_class=Response, responses={
    200: {"content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}},
    206: {"description": "The byte range asked for (Range: bytes=N- or bytes=N-M or bytes=-N)",
          "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}},
    404: {"model": ErrorOut}, 416: {"model": ErrorOut, "description": "The range starts past the file's end"}})
def download(sha256: Annotated[str, Field(pattern=SHA256_PATTERN)],
             owner: Annotated[str, Query(max_length=36, description="The attachment record's owner")],
             principal: CurrentPrincipal, session: DbSession,
             range_: Annotated[str | None, Header(alias="Range", max_length=100)] = None) -> Response:
    """The file (or the byte range asked for), if the user may see an attachment record of that owner
    with that hash."""
    if owner != principal.user_id:
        shared = session.scalar(select(StoredRecord.id).where(
            StoredRecord.type == "attachment", StoredRecord.owner_id == owner, StoredRecord.deleted.is_(False),
            StoredRecord.fields["sha256"].as_string() == sha256, visible_to(principal)).limit(1))
        if shared is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, detail="No such file shared with you.")
        if principal.role in audit.WATCHED_ROLES and range_ is None:
            audit.note(session, "download", actor_id=principal.user_id, owner_id=owner, record_id=shared,
                       record_type="attachment")
            session.commit()
    blob = session.scalar(select(AttachmentBlob).where(AttachmentBlob.owner_id == owner,
                                                       AttachmentBlob.sha256 == sha256))
    if blob is None or not blob.complete:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="That file has not finished uploading.")
    headers = {"Cache-Control": "private, max-age=31536000, immutable", "Accept-Ranges": "bytes",
               "ETag": f'"{sha256}"'}
    wanted = byte_range(range_, blob.size)
    if wanted is None:
        return Response(content=_read(session, blob, 0, blob.size), media_type="application/octet-stream",
                        headers=headers)
    start, end = wanted
    if start >= blob.size:
        raise HTTPException(status.HTTP_416_RANGE_NOT_SATISFIABLE, headers={"Content-Range": f"bytes */{blob.size}"},
                            detail=f"The file has {blob.size} bytes; the range asked for starts at {start}.")
    return Response(content=_read(session, blob, start, end + 1), status_code=status.HTTP_206_PARTIAL_CONTENT,
                    media_type="application/octet-stream",
                    headers={**headers, "Content-Range": f"bytes {start}-{end}/{blob.size}"})


def byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    """The one range a Range header asks for, as (first, last) byte, the last clamped to the file;
    None where the whole file answers it: no header, several ranges, or one that cannot be read
    (RFC 9110 lets a server ignore those). A first byte past the end is returned as it is (416)."""
    match = _RANGE.fullmatch(header.strip()) if header else None
    if match is None or match.group(1) == match.group(2) == "":
        return None
    first, last = match.group(1), match.group(2)
    if first == "":  # bytes=-N: the last N bytes
        return (max(0, size - int(last)), size - 1) if int(last) > 0 and size > 0 else None
    if last != "" and int(last) < int(first):
        return None
    return int(first), size - 1 if last == "" else min(int(last), size - 1)


def _read(session: DbSession, blob: AttachmentBlob, start: int, stop: int) -> bytes:
    """Bytes start..stop-1 of a stored file, reading only the chunks that hold them."""
    where = (AttachmentChunk.owner_id == blob.owner_id, AttachmentChunk.sha256 == blob.sha256)
    first = session.scalar(select(func.max(AttachmentChunk.offset)).where(*where, AttachmentChunk.offset <= start))
    rows = session.execute(select(AttachmentChunk.offset, AttachmentChunk.data).where(
        *where, AttachmentChunk.offset >= (first or 0), AttachmentChunk.offset < stop).order_by(AttachmentChunk.offset))
    pieces = []
    for offset, data in rows:
        pieces.append(data[max(0, start - offset):stop - offset])
    return b"".join(pieces)
