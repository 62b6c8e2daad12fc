"""Resumable attachment upload and download."""

from __future__ import annotations

import hashlib
import os

import httpx
import pytest

from saypro_core.records import Visibility
from tests import factories
from tests.server.conftest import Account, Server
from tests.server.helpers import change

CHUNK = 256 * 1024


def start(server: Server, account: Account, data: bytes) -> dict[str, object]:
    response = server.client.post("/api/v1/attachments", headers=account.headers,
                                  json={"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def send(server: Server, account: Account, data: bytes, offset: int, chunk: bytes) -> tuple[int, dict[str, object]]:
    response = server.client.patch(
        f"/api/v1/attachments/{hashlib.sha256(data).hexdigest()}", content=chunk,
        headers={**account.headers, "Upload-Offset": str(offset), "Content-Type": "application/offset+octet-stream"})
    return response.status_code, response.json()


def test_upload_resumes_from_the_offset_the_server_holds(server: Server) -> None:
    server.user("thandi")
    laptop = server.login("thandi")
    photo = os.urandom(3 * CHUNK + 1234)
    digest = hashlib.sha256(photo).hexdigest()
    assert start(server, laptop, photo)["offset"] == 0
    assert send(server, laptop, photo, 0, photo[:CHUNK])[0] == 200
    # The link drops mid-chunk; the device asks where to go on from.
    held = server.client.get(f"/api/v1/attachments/{digest}/status", headers=laptop.headers).json()
    assert held == {"sha256": digest, "size": len(photo), "offset": CHUNK, "complete": False}
    assert start(server, laptop, photo)["offset"] == CHUNK  # starting again resumes too
    status, body = send(server, laptop, photo, 0, photo[:CHUNK])
    assert (status, body["detail"]) == (409, f"The server holds {CHUNK} bytes; send from offset {CHUNK}.")
    offset = CHUNK
    while offset < len(photo):
        status, body = send(server, laptop, photo, offset, photo[offset:offset + CHUNK])
        assert status == 200
        offset = int(body["offset"])  # type: ignore[call-overload]
    assert body["complete"] is True
    download = server.client.get(f"/api/v1/attachments/{digest}", params={"owner": laptop.user_id},
                                 headers=laptop.headers)
    assert download.status_code == 200 and download.content == photo


def test_a_broken_download_goes_on_from_a_byte_range(server: Server) -> None:
    server.user("thandi")
    laptop = server.login("thandi")
    photo = os.urandom(3 * CHUNK + 1234)  # four stored chunks: ranges cross their edges
    digest = hashlib.sha256(photo).hexdigest()
    start(server, laptop, photo)
    for offset in range(0, len(photo), CHUNK):
        send(server, laptop, photo, offset, photo[offset:offset + CHUNK])

    def fetch(range_header: str | None) -> httpx.Response:
        headers = {**laptop.headers, "Accept-Encoding": "identity"}
        if range_header is not None:
            headers["Range"] = range_header
        return server.client.get(f"/api/v1/attachments/{digest}", params={"owner": laptop.user_id}, headers=headers)

    whole = fetch(None)
    assert (whole.status_code, whole.headers["Accept-Ranges"], whole.content) == (200, "bytes", photo)
    size = len(photo)
    for asked, first, last in [(f"bytes={CHUNK + 10}-", CHUNK + 10, size - 1),
                               (f"bytes={CHUNK - 5}-{2 * CHUNK + 5}", CHUNK - 5, 2 * CHUNK + 5),
                               (f"bytes={2 * CHUNK}-{10 * CHUNK}", 2 * CHUNK, size - 1),  # clamped to the end
                               ("bytes=-100", size - 100, size - 1),
                               (f"bytes={size - 1}-", size - 1, size - 1)]:
        part = fetch(asked)
        assert part.status_code == 206, (asked, part.text)
        assert part.headers["Content-Range"] == f"bytes {first}-{last}/{size}", asked
        assert part.content == photo[first:last + 1], asked
    past = fetch(f"bytes={size}-")
    assert (past.status_code, past.headers["Content-Range"]) == (416, f"bytes */{size}")
    assert past.json()["detail"] == f"The file has {size} bytes; the range asked for starts at {size}."
    # What cannot be read as one range is ignored: the whole file answers it (RFC 9110 allows that).
    for ignored in ["bytes=0-10, 20-30", "bytes=30-10", "items=0-10", "bytes=-", "bytes=x-"]:
        answer = fetch(ignored)
        assert (answer.status_code, answer.content) == (200, photo), ignored


def test_a_corrupted_upload_is_discarded(server: Server) -> None:
    server.user("thandi")
    laptop = server.login("thandi")
    photo = os.urandom(1000)
    start(server, laptop, photo)
    status, body = send(server, laptop, photo, 0, b"x" * 1000)
    assert (status, body["detail"]) == (409, "The file does not match its sha256; it was discarded, upload it again.")
    assert start(server, laptop, photo)["offset"] == 0


def test_limits_and_quota(server: Server) -> None:
    server.user("thandi")
    laptop = server.login("thandi")
    server.settings.user_quota_bytes = 1_500_000
    too_big = server.client.post("/api/v1/attachments", headers=laptop.headers,
                                 json={"sha256": "a" * 64, "size": 30_000_000})
    assert (too_big.status_code, too_big.json()["detail"]) == (413, "Attachments can be at most 26 MB.")
    start(server, laptop, os.urandom(1_000_000))
    over = server.client.post("/api/v1/attachments", headers=laptop.headers, json={"sha256": "b" * 64, "size": 600_000})
    assert (over.status_code, over.json()["detail"]) == (413, "Your attachments would pass your quota of 1 MB.")


@pytest.mark.parametrize(("visibility", "readable"), [(Visibility.TEAM, True), (Visibility.PRIVATE, False)])
def test_download_follows_the_attachment_records_visibility(server: Server, visibility: Visibility,
                                                            readable: bool) -> None:
    server.team("Limpopo")
    server.user("thandi", team="Limpopo")
    server.user("sipho", team="Limpopo")
    thandi, sipho = server.login("thandi"), server.login("sipho")
    photo = os.urandom(5000)
    start(server, thandi, photo)
    send(server, thandi, photo, 0, photo)
    note = factories.session_note(id=factories.new_id(), visibility=visibility)
    attachment = factories.attachment(id=factories.new_id(), target_type="session_note", target_id=note.id,
                                      sha256=hashlib.sha256(photo).hexdigest(), size=len(photo), visibility=visibility)
    acks = server.sync(thandi, [change(note, thandi.device_id), change(attachment, thandi.device_id)])["ack"]
    assert [a["s"] for a in acks] == ["ok", "ok"]
    response = server.client.get(f"/api/v1/attachments/{attachment.sha256}", params={"owner": thandi.user_id},
                                 headers=sipho.headers)
    assert (response.status_code == 200 and response.content == photo) is readable
    if not readable:
        assert response.json()["detail"] == "No such file shared with you."
    # Knowing the hash is not enough to read it as one's own upload.
    own = server.client.get(f"/api/v1/attachments/{attachment.sha256}", params={"owner": sipho.user_id},
                            headers=sipho.headers)
    assert own.status_code == 404
