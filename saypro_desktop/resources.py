"""Where the files shipped with the app are, from source and inside a PyInstaller bundle.

Every path to a shipped file goes through here, so a frozen build finds what a source checkout
finds (PyInstaller unpacks data files under ``sys._MEIPASS``).
"""

from __future__ import annotations

import sys
from pathlib import Path


def bundle_root() -> Path:
    """The folder holding ``resources/`` and ``migrations/``."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return bundle_root().joinpath("resources", *parts)


def migrations_path() -> Path:
    return bundle_root() / "migrations"


def default_reference_path() -> Path:
    return resource_path("reference", "default_reference.json")
