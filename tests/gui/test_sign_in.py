"""Several people on one laptop: each picks their name and types their password, checked offline."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from saypro_desktop.paths import DEFAULT_PROFILE, DataPaths
from saypro_desktop.storage.profile_access import lock_after_sign_in
from saypro_desktop.storage.profile_lock import signed_in_people
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.ui.app import choose_profile
from saypro_desktop.ui.sign_in_dialog import SignInDialog, profile_name_for


def two_people(paths: DataPaths) -> None:
    for user, name, password in (("thandi", "Thandi Mokoena", "radio 1"), ("sipho", "Sipho Dlamini", "radio 2")):
        paths.ensure(user)
        lock_after_sign_in(paths, user, password, user=user, display_name=name, server="https://sync.example",
                           user_id=user, device_id="", recovery_secret=None)


def test_a_laptop_nobody_signed_in_on_opens_the_local_profile(data_paths: DataPaths) -> None:
    assert signed_in_people(data_paths) == []
    assert choose_profile(data_paths) == (DEFAULT_PROFILE, None)


def test_each_person_opens_their_own_profile_with_their_password(qtbot: QtBot, data_paths: DataPaths) -> None:
    two_people(data_paths)
    dialog = SignInDialog(data_paths)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.pages.currentIndex() == 0
    names = [dialog.person_combo.itemText(i) for i in range(dialog.person_combo.count())]
    assert names == ["Sipho Dlamini (sipho)", "Thandi Mokoena (thandi)"]
    dialog.person_combo.setCurrentIndex(1)
    qtbot.keyClicks(dialog.known_password, "radio 2")  # Sipho's password, not Thandi's
    qtbot.keyClick(dialog.known_password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "not right" in dialog.error.text() and dialog.result() == 0
    dialog.known_password.clear()
    qtbot.keyClicks(dialog.known_password, "radio 1")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.known_password, Qt.Key.Key_Return)
    assert dialog.profile == "thandi" and dialog.key is not None
    RecordStore.open(data_paths.database("thandi"), dialog.key).close()  # her key opens her profile


def test_a_new_account_needs_a_server_address_first(qtbot: QtBot, data_paths: DataPaths) -> None:
    dialog = SignInDialog(data_paths)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.pages.currentIndex() == 1  # nobody signed in yet
    assert dialog.offline_button.isVisible() and not dialog.back_button.isVisible()
    qtbot.keyClicks(dialog.user_edit, "thandi")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert "server address" in dialog.error.text()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.offline_button, Qt.MouseButton.LeftButton)
    assert dialog.profile == DEFAULT_PROFILE


def test_user_names_become_safe_profile_names() -> None:
    assert profile_name_for("thandi.mokoena@saypro") == "thandi.mokoena@saypro"
    assert profile_name_for("Thandi Mokoena/..") == "Thandi_Mokoena_.."
    assert profile_name_for("..") == "u.." and profile_name_for("") == "u"
