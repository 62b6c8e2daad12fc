"""Logging set up before anything else at start-up: a rotating file per data directory (what
support asks for when something went wrong in the field) and warnings on stderr."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def setup_logging(logs_dir: Path, *, verbose: bool = False) -> None:
    logs_dir.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        if getattr(handler, "_saypro", False):
            root.removeHandler(handler)
    to_file = logging.handlers.RotatingFileHandler(
        logs_dir / "saypro.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    to_file.setFormatter(logging.Formatter(LOG_FORMAT))
    to_stderr = logging.StreamHandler(sys.stderr)
    to_stderr.setLevel(logging.DEBUG if verbose else logging.WARNING)
    to_stderr.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    for handler in (to_file, to_stderr):
        handler._saypro = True  # type: ignore[attr-defined]
        root.addHandler(handler)
