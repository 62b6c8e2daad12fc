"""Settings: the language of the app (applied at once), who new logs and session notes are shared
with, whether files wait for a cheaper connection, and whether the app keeps syncing in the system
tray when its window is closed."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from saypro_core.records import Visibility
from saypro_desktop.ui.texts import enum_label
from saypro_desktop.ui.translation import DEFAULT_LANGUAGE, LANGUAGES

#: Who new logs and session notes are shared with unless the person chooses: sharing is the norm.
DEFAULT_SHARING = Visibility.SUPERVISOR


def default_sharing(settings: QSettings) -> Visibility:
    value = str(settings.value("sharing/default", DEFAULT_SHARING.value))
    return Visibility(value) if value in {v.value for v in Visibility} else DEFAULT_SHARING


class SettingsDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None, *, tray_available: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._initial = str(settings.value("language", DEFAULT_LANGUAGE))
        form = QFormLayout(self)
        self.language_combo = QComboBox()
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(self._initial), 0))
        caption = QLabel(self.tr("&Language"))
        caption.setBuddy(self.language_combo)
        self.language_combo.setAccessibleName(self.tr("Language"))
        form.addRow(caption, self.language_combo)
        self.sharing_combo = QComboBox()
        for value in Visibility:
            self.sharing_combo.addItem(enum_label(value), value.value)
        self.sharing_combo.setCurrentIndex(self.sharing_combo.findData(default_sharing(settings).value))
        sharing = QLabel(self.tr("New logs and session notes are &shared with"))
        sharing.setBuddy(self.sharing_combo)
        self.sharing_combo.setAccessibleName(self.tr("New logs and session notes are shared with"))
        form.addRow(sharing, self.sharing_combo)
        self.hold_files = QCheckBox(self.tr("I am on a costly connection: send and fetch photos and documents later"))
        self.hold_files.setChecked(str(settings.value("sync/hold_files", "false")) == "true")
        form.addRow(self.hold_files)
        self.keep_in_tray = QCheckBox(self.tr("Keep syncing in the system tray when the window is closed"))
        self.keep_in_tray.setChecked(str(settings.value("sync/keep_in_tray", "true")) == "true")
        if not tray_available:
            self.keep_in_tray.setEnabled(False)
            self.keep_in_tray.setToolTip(self.tr("This desktop has no system tray: closing the window quits."))
        form.addRow(self.keep_in_tray)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def sharing(self) -> Visibility:
        return Visibility(self.sharing_combo.currentData())

    def holds_files(self) -> bool:
        return self.hold_files.isChecked()

    def keeps_in_tray(self) -> bool:
        return self.keep_in_tray.isChecked()

    def language_changed(self) -> bool:
        return self.language() != self._initial
