"""What the pages are given to work with, gathered once by the main window."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from saypro_core.codec import DecodeError
from saypro_core.records import Attachment, Visibility
from saypro_core.reference import ReferenceData, load_reference, parse_reference
from saypro_desktop.paths import DataPaths
from saypro_desktop.resources import resource_path
from saypro_desktop.storage.blobs import BlobStore
from saypro_desktop.storage.directory import Directory
from saypro_desktop.storage.opened_copies import OpenedCopies
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.ui.background import BackgroundRunner
from saypro_desktop.ui.dialogs import DialogService

log = logging.getLogger(__name__)


def load_reference_for(store: RecordStore) -> ReferenceData:
    """The server's reference data once a sync brought it; the shipped defaults until then."""
    cached = store.cached_reference()
    if cached is not None:
        try:
            return parse_reference(cached)
        except DecodeError:
            log.warning("cached reference data is unreadable; using the shipped defaults", exc_info=True)
    return load_reference(resource_path("reference", "default_reference.json"))


@dataclass
class PageServices:
    store: RecordStore
    paths: DataPaths
    runner: BackgroundRunner
    dialogs: DialogService
    reference: ReferenceData
    blobs: BlobStore
    #: The signed-in user's id ("" before the first sign-in): records by others fill the Hub.
    owner_id: str = ""
    #: Shows a short message in the window's status bar.
    notify: Callable[[str], None] = field(default=lambda message: None)
    #: Who new logs and session notes are shared with unless the person chooses (Settings).
    default_sharing: Visibility = Visibility.SUPERVISOR
    #: Who is who, as the last sync brought it (names, and whom I supervise or mentor).
    directory: Directory = field(default_factory=Directory)
    #: Where attachments are copied to be opened (deleted when the app closes).
    opened: OpenedCopies = field(default_factory=lambda: OpenedCopies(Path(tempfile.mkdtemp(prefix="saypro-"))))
    #: Fetches one attachment now, off the GUI thread, then calls back on it with "" or what went
    #: wrong (the sync controller's; None where no sync is set up).
    fetch_file: Callable[[Attachment, Callable[[str], None]], None] | None = None
