"""HTTP to the sync server (requests): zstd bodies, explicit timeouts, errors in plain words.

The engine is given a transport, so tests drive it against the real server on loopback or
anything else that answers the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Protocol

import requests
from urllib3.util.request import ACCEPT_ENCODING

from saypro_core import compression
from saypro_desktop.sync.stall import StallWatch, watched_adapter

if TYPE_CHECKING:
    from saypro_desktop.storage.blobs import PartialFile

#: Connect quickly or give up (a dead link should not hang a sync); reading may take longer on 2G.
CONNECT_TIMEOUT_S = 10
READ_TIMEOUT_S = 90
#: A file being fetched is written and counted in blocks of this size (half a second at 128 kbit/s).
DOWNLOAD_BLOCK = 8 * 1024


#: Answers come zstd-compressed when urllib3 can read zstd (it needs the zstd module we depend on).
ACCEPT = "zstd, gzip" if "zstd" in ACCEPT_ENCODING else "gzip"

SIGN_IN_AGAIN = "The server asks you to sign in again; nothing you wrote is lost."


#: The error of a sync that never got a connection to the server (offline, or the server is down).
UNREACHABLE = "Could not reach the server (no connection?). Will try again."

class SyncError(Exception):
    """A sync attempt failed; the message says why in words a field officer understands."""

    #: Worth trying again later by itself (a dropped link, a busy server), as opposed to needing the user.
    retryable = True


class SignInNeeded(SyncError):
    retryable = False


class FileProblem(SyncError):
    """Something wrong with one file being moved (damaged, the wrong part sent): worth trying again,
    but no reason to stop moving the other files."""


def redirect_refused(response: requests.Response) -> str:
    where = response.headers.get("Location", "")[:100]
    return (f"The server sent the app to another address ({response.status_code} {where}). Nothing is sent to an "
            "address a server answers with; check the server address (https://…).")


class _EncodingRefused(Exception):
    """The server answered 415 to a compressed body (one older than zstd)."""


class Transport(Protocol):
    def post_sync(self, body: bytes) -> Iterator[bytes]:
        """POST a JSON body to /api/v1/sync; yield the answer's frames (one JSON document each) as
        they arrive: one for an answer that is not streamed. Raises SyncError."""
        ...

    def post_reconcile(self, body: bytes) -> bytes:
        """POST a JSON body to /api/v1/reconcile; the answer. Raises SyncError."""
        ...


class HttpTransport:
    """Talks to one server with one keep-alive connection (a new TLS handshake per batch costs a
    few round trips on a 2G link)."""

    def __init__(self, base_url: str, access_token: Callable[[], str],
                 session: requests.Session | None = None, refresh: Callable[[], None] | None = None,
                 timeouts: tuple[float, float] = (CONNECT_TIMEOUT_S, READ_TIMEOUT_S)) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeouts = timeouts
        self._access_token = access_token
        self._refresh = refresh
        #: Drops a connection whose link stalled mid-transfer (saypro_desktop.sync.stall).
        self.stall_watch = StallWatch()
        if session is None:
            session = requests.Session()
            adapter = watched_adapter(self.stall_watch)
            session.mount("http://", adapter)
            session.mount("https://", adapter)
        self._session = session
        self.bytes_sent = 0
        self.bytes_received = 0
        self.requests = 0
        #: Compressed size of each sync request sent (the last one is the batch in flight).
        self.batch_sizes: list[int] = []
        #: Called (on the sync thread) each time bytes have moved, for progress shown while syncing.
        self.on_bytes: Callable[[], None] | None = None
        #: How request bodies are compressed: zstd, or gzip once a server has refused zstd.
        self.encoding: compression.Encoding = "zstd"
        self._stalls_before = 0

    def _moved(self, *, sent: int = 0, received: int = 0) -> None:
        self.bytes_sent += sent
        self.bytes_received += received
        if self.on_bytes is not None:
            self.on_bytes()

    def post_sync(self, body: bytes) -> Iterator[bytes]:
        try:
            response = self._open_refreshing(body)
        except _EncodingRefused:
            if self.encoding == "gzip":
                raise SyncError("The server cannot read compressed sync requests (is it a SayPro server?).") from None
            self.encoding = "gzip"
            response = self._open_refreshing(body)
        with response:
            yield from self._frames(response)

    def _open_refreshing(self, body: bytes) -> requests.Response:
        compressed = compression.compress(body, self.encoding)
        try:
            return self._open(compressed)
        except SignInNeeded:
            if self._refresh is None:
                raise
            self._refresh()  # the access token expired: refresh silently (raises if that is refused too)
            return self._open(compressed)

    def _open(self, compressed: bytes) -> requests.Response:
        """The answer, its status and headers read, its body still to come."""
        self.batch_sizes.append(len(compressed))
        self._stalls_before = self.stall_watch.stalls
        response = self._post_sync(compressed)
        self.requests += 1
        if 300 <= response.status_code < 400:
            response.close()
            raise _not_retried(redirect_refused(response))
        if response.status_code == 200 and "Content-Length" not in response.headers and \
                "chunked" not in response.headers.get("Transfer-Encoding", ""):
            # The header block itself was cut off (http.client then reports what it got as complete).
            response.close()
            raise self._broke()
        if response.status_code == 200:
            return response
        with response:
            try:
                self._moved(received=len(response.content))
            except requests.RequestException:
                raise self._broke() from None
            if response.status_code == 401:
                raise SignInNeeded(SIGN_IN_AGAIN)
            if response.status_code == 415:
                raise _EncodingRefused
            if response.status_code >= 500:
                raise SyncError(f"The server had a problem ({response.status_code}). Will try again.")
            raise _refused(response, "The server refused the sync")

    def _post_sync(self, compressed: bytes) -> requests.Response:
        """Send the request; what went wrong on the way in words for the person."""
        try:
            return self._session.post(
                f"{self.base_url}/api/v1/sync", data=_CountedBody(compressed, self._moved), timeout=self.timeouts,
                stream=True, allow_redirects=False,
                headers={"Authorization": f"Bearer {self._access_token()}", "Content-Type": "application/json",
                         "Content-Encoding": self.encoding, "Accept-Encoding": ACCEPT})
        except requests.ConnectTimeout:  # no connection was ever made: not a slow server
            raise SyncError(UNREACHABLE) from None
        except requests.Timeout:
            raise SyncError("The server took too long to answer (weak signal?). Will try again.") from None
        except requests.ConnectionError as exc:
            if _broke_mid_transfer(exc) or self.stall_watch.stalls > self._stalls_before:
                raise self._broke() from None
            raise SyncError(UNREACHABLE) from None
        except requests.RequestException:  # the answer broke off half-way (a dropped signal mid-transfer)
            raise self._broke() from None

    def _broke(self) -> SyncError:
        """A connection that broke during a sync request, in words: a stall this side noticed (and
        dropped the connection for), or a drop."""
        if self.stall_watch.stalls > self._stalls_before:
            return SyncError("The signal stalled during the sync; reconnecting. Will try again.")
        return SyncError("The connection broke during the sync. Will try again.")

    def _frames(self, response: requests.Response) -> Iterator[bytes]:
        """The lines of the answer as they arrive (an answer that is not streamed is one line)."""
        pending = b""
        counted = 0
        try:
            for chunk in response.iter_content(chunk_size=None):
                read = response.raw.tell()  # on the wire: compressed
                self._moved(received=read - counted)
                counted = read
                *lines, pending = (pending + chunk).split(b"\n")
                yield from (line for line in lines if line.strip())
        except requests.RequestException as exc:  # a drop, a reset, a stall or a cut mid-answer
            if isinstance(exc, requests.Timeout) or "timed out" in str(exc):
                raise SyncError("The server took too long to answer (weak signal?). Will try again.") from None
            raise self._broke() from None
        finally:
            self._moved(received=response.raw.tell() - counted)
        if pending.strip():
            yield pending

    # -- attachments (tus-like: resumable chunks addressed by sha256) ------------------------

    def _call(self, method: str, path: str, *, data: bytes | None = None, **kwargs: Any) -> requests.Response:
        """One authorised request; a refused token is refreshed once, silently. ``data`` is counted
        as it goes up."""
        for attempt in range(2):
            headers = {**kwargs.pop("headers", {}), "Authorization": f"Bearer {self._access_token()}"}
            try:
                response = self._session.request(
                    method, f"{self.base_url}{path}", headers=headers, timeout=self.timeouts, allow_redirects=False,
                    data=None if data is None else _CountedBody(data, self._moved), **kwargs)
            except requests.ConnectTimeout:
                raise SyncError(UNREACHABLE) from None
            except requests.Timeout:
                raise SyncError("The server took too long to answer (weak signal?). Will try again.") from None
            except requests.RequestException:
                raise SyncError("The connection broke while moving a file. Will try again.") from None
            self.requests += 1
            if not kwargs.get("stream"):  # a streamed answer is counted as it is read
                self._moved(received=int(response.headers.get("Content-Length") or 0))
            if response.status_code == 401 and attempt == 0 and self._refresh is not None:
                response.close()
                self._refresh()
                kwargs["headers"] = {k: v for k, v in headers.items() if k != "Authorization"}
                continue
            if response.status_code == 401:
                response.close()
                raise SignInNeeded(SIGN_IN_AGAIN)
            if 300 <= response.status_code < 400:
                response.close()
                raise _not_retried(redirect_refused(response))
            if response.status_code >= 500:
                response.close()
                raise SyncError(f"The server had a problem ({response.status_code}). Will try again.")
            return response
        raise AssertionError("unreachable")

    def start_upload(self, sha256: str, size: int) -> int:
        """Start (or find) the upload of a file; returns the offset the server already holds."""
        response = self._call("POST", "/api/v1/attachments", json={"sha256": sha256, "size": size})
        if response.status_code != 200:
            raise _refused(response, "The server did not take the file")
        return int(response.json()["offset"])

    def upload_offset(self, sha256: str) -> int:
        response = self._call("GET", f"/api/v1/attachments/{sha256}/status")
        if response.status_code != 200:
            raise _refused(response, "The server could not say how much of the file it has")
        return int(response.json()["offset"])

    def append_chunk(self, sha256: str, offset: int, data: bytes) -> int:
        """Send ``data`` to go at ``offset``; returns the new offset (or the server's, if it differs)."""
        response = self._call("PATCH", f"/api/v1/attachments/{sha256}", data=data,
                              headers={"Upload-Offset": str(offset),
                                       "Content-Type": "application/offset+octet-stream"})
        if response.status_code == 409 and "offset" in response.text:
            return self.upload_offset(sha256)
        if response.status_code != 200:
            raise _refused(response, "The server did not take part of the file")
        return int(response.json()["offset"])

    def download_to(self, sha256: str, owner: str, partial: PartialFile,
                    cancelled: Callable[[], bool] = lambda: False) -> None:
        """Fetch a file into ``partial``, going on from the bytes it already holds (an HTTP range);
        each block is written as it arrives, so a drop costs only what was in flight. A server
        that ignores the range sends the whole file, which starts the partial file again. Stops
        after the block in hand when ``cancelled`` says so (the partial file shows how far it got)."""
        held = partial.size()
        headers = {"Accept-Encoding": "identity"}  # photos are compressed already, and ranges count raw bytes
        if held:
            headers["Range"] = f"bytes={held}-"
        response = self._call("GET", f"/api/v1/attachments/{sha256}", params={"owner": owner}, headers=headers,
                              stream=True)
        with response:
            if response.status_code == 416 and held:  # the partial file is whole, or longer than the file
                partial.unlink()
                raise FileProblem("A file being fetched did not match the server's; it will be fetched again.")
            if response.status_code == 206 and not response.headers.get("Content-Range", "").startswith(
                    f"bytes {held}-"):
                raise FileProblem("The server sent the wrong part of a file. Will try again.")
            if response.status_code not in (200, 206):
                raise _refused(response, "The server could not send the file")
            try:
                with partial.appending(restart=response.status_code != 206) as write:
                    for block in response.iter_content(DOWNLOAD_BLOCK):
                        write(block)
                        self._moved(received=len(block))
                        if cancelled():
                            return
            except requests.RequestException:
                raise SyncError("The connection broke while fetching a file; it goes on from there. "
                                "Will try again.") from None

    def sign_out(self) -> None:
        """Ask the server to end this device's sign-in (its tokens stop working)."""
        response = self._call("POST", "/api/v1/auth/logout")
        response.close()
        if response.status_code not in (200, 204):
            raise _refused(response, "The server did not sign this laptop out")

    def post_reconcile(self, body: bytes) -> bytes:
        """One step of a reconciliation (POST /api/v1/reconcile, compressed both ways); the answer's JSON."""
        response = self._call("POST", "/api/v1/reconcile", data=compression.compress(body, self.encoding),
                              headers={"Content-Type": "application/json", "Content-Encoding": self.encoding,
                                       "Accept-Encoding": ACCEPT})
        with response:
            if response.status_code != 200:
                raise _refused(response, "The server did not reconcile")
            try:
                return response.content
            except requests.RequestException:
                raise SyncError("The connection broke while reconciling. Will try again.") from None

    def report_resolution(self, conflict_id: str) -> None:
        """Tell the server a conflict was settled here (its chosen value travels as a change)."""
        try:
            response = self._session.post(
                f"{self.base_url}/api/v1/conflicts/{conflict_id}/resolve", timeout=self.timeouts,
                headers={"Authorization": f"Bearer {self._access_token()}"}, allow_redirects=False)
        except requests.RequestException:
            raise SyncError("The connection broke while reporting a settled conflict. Will try again.") from None
        self.requests += 1
        if response.status_code == 401 and self._refresh is not None:
            self._refresh()
            self.report_resolution(conflict_id)
            return
        if response.status_code not in (204, 404):  # 404: not on the server (any more); nothing to report
            raise SyncError(f"The server did not take a settled conflict ({response.status_code}). Will try again.")

    def close(self) -> None:
        self._session.close()


class _CountedBody:
    """A request body that reports each block as http.client sends it (8 KB at a time), so progress
    moves during a long upload on a slow link. Its length makes requests send a Content-Length."""

    def __init__(self, data: bytes, moved: Callable[..., None]) -> None:
        self._data = memoryview(data)
        self._offset = 0
        self._moved = moved

    def __len__(self) -> int:
        return len(self._data)

    def read(self, size: int = -1) -> bytes:
        end = len(self._data) if size < 0 else min(len(self._data), self._offset + size)
        block = self._data[self._offset:end].tobytes()
        self._offset = end
        if block:
            self._moved(sent=len(block))
        return block


def _broke_mid_transfer(error: requests.ConnectionError) -> bool:
    """A connection that was made and then cut (as opposed to a server that could not be reached)."""
    text = str(error)
    return "Connection aborted" in text or "RemoteDisconnected" in text or "Connection reset" in text


def _not_retried(message: str) -> SyncError:
    error = SyncError(message)
    error.retryable = False
    return error


def _refused(response: requests.Response, what: str) -> SyncError:
    error = SyncError(f"{what} ({response.status_code}): {_detail(response)}")
    error.retryable = False
    return error


def _detail(response: requests.Response) -> str:
    try:
        detail = response.json().get("detail")
    except ValueError:
        return response.text[:200]
    return detail if isinstance(detail, str) else str(detail)[:200]
