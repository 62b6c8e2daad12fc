"""The app's languages: English (the source) and Afrikaans, switchable in Settings.

Translations are Qt ``.ts`` files in ``resources/translations/`` (edit them with Qt Linguist),
compiled to ``.qm`` by ``build_scripts/translations.py compile`` (dev.sh and the executable build
run it). A missing ``.qm`` falls back to English with a log line, never an error.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from saypro_desktop.resources import resource_path

log = logging.getLogger(__name__)

#: Language code -> its name in that language (so anyone can find their own).
LANGUAGES = {"en": "English", "af": "Afrikaans"}
DEFAULT_LANGUAGE = "en"

_installed: list[QTranslator] = []


def system_language() -> str:
    code = QLocale.system().name().split("_")[0]
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def install_language(code: str) -> bool:
    """Make ``code`` the language of every later ``tr()``; True if its translation was loaded."""
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if code not in LANGUAGES:
        code = DEFAULT_LANGUAGE
    # English has a catalogue too: it holds the plural forms ("1 change", "3 changes").
    translator = QTranslator(app)
    path = resource_path("translations", f"saypro_{code}.qm")
    if not translator.load(str(path)):
        log.warning("no compiled translation for %s at %s; showing English", code, path)
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
