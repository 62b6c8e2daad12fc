"""Every visible string goes through the translator, and the app switches to Afrikaans at once."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTableWidget,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from saypro_core import validation
from saypro_desktop import APP_NAME
from saypro_desktop.resources import resource_path
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.ui import texts
from saypro_desktop.ui.main_window import MainWindow
from saypro_desktop.ui.record_page import RecordPage
from saypro_desktop.ui.search_dialog import SearchDialog
from saypro_desktop.ui.settings_dialog import SettingsDialog
from saypro_desktop.ui.sign_in_dialog import SignInDialog
from saypro_desktop.ui.translation import LANGUAGES
from tests import factories
from tests.gui.conftest import go_to

OPEN, CLOSE = "⟦", "⟧"


class MarkingTranslator(QTranslator):
    """Wraps every translated string in ⟦ ⟧, so a string shown without them skipped tr()."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:  # type: ignore[override]
        return f"{OPEN}{source}{CLOSE}"

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


def organisation_words() -> set[str]:
    """Reference data (competencies, templates) comes from the organisation, not the translator."""
    import json

    words: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            words.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(resource_path("reference", "default_reference.json").read_text(encoding="utf-8")))
    return words | set(LANGUAGES.values()) | {APP_NAME, "SayPro"}


def _item_texts(widget: QWidget) -> list[tuple[str, str]]:
    name = type(widget).__name__
    if isinstance(widget, QComboBox):
        return [(name + ".item", widget.itemText(i)) for i in range(widget.count())]
    if isinstance(widget, QListWidget):
        return [(name + ".item", widget.item(i).text()) for i in range(widget.count())]
    if isinstance(widget, QTableWidget):
        return [(name + ".header", widget.horizontalHeaderItem(c).text()) for c in range(widget.columnCount())]
    if isinstance(widget, QTreeWidget):
        return [(name + ".group", widget.topLevelItem(i).text(0)) for i in range(widget.topLevelItemCount())]
    return []


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root):
            continue
        name = type(widget).__name__
        if isinstance(widget, QLabel | QAbstractButton):
            found.append((name, widget.text()))
        if isinstance(widget, QGroupBox):
            found.append((name, widget.title()))
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            found.append((name + ".placeholder", widget.placeholderText()))
        found.extend(_item_texts(widget))
        found.extend((name + "." + kind, text) for kind, text in (
            ("tooltip", widget.toolTip()), ("accessibleName", widget.accessibleName())) if text)
    for menu in root.findChildren(QMenu):
        found.append(("QMenu", menu.title()))
        found.extend(("QAction", action.text()) for action in menu.actions() if not action.isSeparator())
    return found


def untranslated(found: list[tuple[str, str]], allowed: set[str]) -> list[tuple[str, str]]:
    bad = []
    for where, text in found:
        plain = re.sub(r"<[^>]+>", "", text).strip()
        if not re.search(r"[A-Za-z]", plain) or OPEN in plain or re.fullmatch(r"https?://\S*", plain):
            continue  # no words, marked, or an address (not language)
        if re.fullmatch(r"\d{1,2} \w{3} \d{4}( \d\d:\d\d)?", plain):
            continue  # a date as format_day writes it
        # Organisation texts can be joined ("Facilitation · Working with people").
        if all(part.strip() in allowed for part in plain.split("·")):
            continue
        bad.append((where, text))
    return bad


@pytest.fixture
def marking_translator(qtbot: QtBot):  # type: ignore[no-untyped-def]
    translator = MarkingTranslator()
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    yield translator
    app.removeTranslator(translator)


def test_every_visible_string_on_every_page_goes_through_the_translator(
        qtbot: QtBot, store: RecordStore, open_window, marking_translator) -> None:  # type: ignore[no-untyped-def]
    marker = f"{OPEN}data{CLOSE} "  # user data is marked too, so only app strings can be caught
    records = factories.one_of_each()
    for record in records:
        for field in ("title", "comment", "filename", "project"):
            if hasattr(record, field):
                setattr(record, field, marker + getattr(record, field))
        if hasattr(record, "tags"):
            record.tags = [f"{OPEN}{tag}{CLOSE}" for tag in record.tags]
    store.save_many(records)
    window: MainWindow = open_window()
    allowed = organisation_words()
    problems: list[tuple[str, str]] = []
    for number in range(1, window.navigation.count() + 1):
        go_to(qtbot, window, number)
        page = window.pages.currentWidget()
        if isinstance(page, RecordPage):
            page.new_entry()
            page.save()  # shows the validation messages of an empty form
            QApplication.processEvents()
        window.runner.wait()
        QApplication.processEvents()
        problems += [(f"page {number}: {w}", t) for w, t in untranslated(visible_texts(window), allowed)]
    window.show_search()
    QApplication.processEvents()
    for dialog in (SettingsDialog(window.settings, window), window.findChild(SearchDialog),
                   SignInDialog(window.services.paths, parent=window)):
        assert dialog is not None
        problems += [(f"{type(dialog).__name__}: {w}", t) for w, t in untranslated(visible_texts(dialog), allowed)]
    assert problems == [], "\n".join(map(repr, problems))


def test_switching_to_afrikaans_applies_at_once_and_is_remembered(
        qtbot: QtBot, store: RecordStore, open_window) -> None:  # type: ignore[no-untyped-def]
    store.save(factories.learning_log())
    window: MainWindow = open_window()
    go_to(qtbot, window, 2)
    window.switch_language("af")
    names = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert names == ["Tuis", "Leerjoernaal", "Selfevaluering", "Sessienotas", "Ontwikkelingsplan", "Sessies",
                     "Kennissentrum", "My span", "Sinkroniseer"]
    assert window.pages.currentWidget() is window.learning_log
    assert window.learning_log.heading.text() == "Leerjoernaal"
    assert window.learning_log.save_button.text() == "Stoor"
    window.learning_log.new_entry()
    window.learning_log.save()
    assert window.learning_log.sections[0].errors["title"].text() == "Titel is nodig."
    assert window.settings.value("language") == "af"
    window.switch_language("en")
    assert window.navigation.item(1).text() == "Learning Log"


def test_settings_dialog_offers_every_language(qtbot: QtBot, open_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = open_window()
    dialog = SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    assert [dialog.language_combo.itemText(i) for i in range(dialog.language_combo.count())] == ["English",
                                                                                                   "Afrikaans"]
    dialog.language_combo.setCurrentIndex(1)
    assert dialog.language_changed() and dialog.language() == "af"


def test_the_domain_words_are_all_listed_for_the_translator() -> None:
    source = Path(validation.__file__).read_text(encoding="utf-8")
    templates = {node.args[1].value for node in ast.walk(ast.parse(source))
                 if isinstance(node, ast.Call) and (getattr(node.func, "attr", "") == "add"
                                                    or getattr(node.func, "id", "") == "FieldError")
                 and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant)}
    assert templates and templates <= set(texts.VALIDATION_MESSAGES)
    assert set(validation.LABELS.values()) <= set(texts.FIELD_LABELS)


def test_every_text_with_a_count_is_listed_as_a_plural() -> None:
    listed = set(texts.PLURAL_TEXTS)
    for source in Path(texts.__file__).parent.glob("*.py"):
        for context, text in re.findall(r'translate\(\s*"(\w+)",\s*"([^"]*%n[^"]*)"', source.read_text()):
            assert text in listed, f"{source.name}: add {context!r}, {text!r} to texts.PLURAL_TEXTS"


def test_the_afrikaans_catalogue_covers_the_main_screens() -> None:
    import xml.etree.ElementTree as ET

    tree = ET.parse(resource_path("translations", "saypro_af.ts"))
    done = {m.findtext("source") for m in tree.iter("message")
            if (t := m.find("translation")) is not None and t.get("type") not in ("unfinished", "vanished", "obsolete")}
    contexts = {c.findtext("name"): [m.findtext("source") for m in c.iter("message")] for c in tree.iter("context")}
    for context in ("MainWindow", "RecordPage", "LearningLogPage", "SessionNotesPage", "SelfAssessmentPage",
                    "DevelopmentPlanPage", "HomePage", "KnowledgeHubPage", "TeamPage", "FeedbackThread", "SyncPage",
                    "enums", "fields", "types"):
        missing = [s for s in contexts[context] if s not in done]
        assert missing == [], context
