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
        if (handler.name or "").startswith("saypro-"):
            root.removeHandler(handler)  # set up again (tests call main() more than once)
    to_file = logging.handlers.RotatingFileHandler(
        logs_dir / "saypro.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    to_file.setFormatter(logging.Formatter(LOG_FORMAT))
    to_stderr = logging.StreamHandler(sys.stderr)
    to_stderr.setLevel(logging.DEBUG if verbose else logging.WARNING)
    to_stderr.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    to_file.name, to_stderr.name = "saypro-file", "saypro-stderr"
    root.addHandler(to_file)
    root.addHandler(to_stderr)
