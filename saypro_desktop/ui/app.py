"""Qt start-up: the QApplication and the main window, after the database is ready (cli.py)."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from saypro_desktop import APP_NAME, APP_SLUG, ORGANISATION, __version__
from saypro_desktop.paths import DEFAULT_PROFILE, DataPaths
from saypro_desktop.resources import resource_path
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.ui.main_window import MainWindow
from saypro_desktop.ui.theme import follow_system_scheme
from saypro_desktop.ui.translation import install_language, system_language


def _headless() -> bool:
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and sys.platform.startswith(
        "linux")


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APP_SLUG)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationDisplayName(APP_NAME)
    app.setWindowIcon(QIcon(str(resource_path("icons", "saypro.png"))))
    app.setDesktopFileName(APP_SLUG)
    return app


def choose_profile(paths: DataPaths, preferred: str = DEFAULT_PROFILE, *,
                   allow_insecure_http: bool = False) -> tuple[str, bytes | None] | None:
    """Whose profile to open, and its data key: ask when people have signed in on this laptop (their
    password opens their profile, offline); otherwise the local profile (plain). None if the person
    closed the dialog."""
    from saypro_desktop.storage.profile_lock import lock_state, signed_in_people

    if not signed_in_people(paths) and lock_state(paths.profile_dir(preferred)) == "none":
        return preferred, None
    from saypro_desktop.ui.sign_in_dialog import SignInDialog  # the network modules load only when needed

    app = make_application()
    follow_system_scheme(app)
    install_language(str(window_settings(paths).value("language", system_language())))
    dialog = SignInDialog(paths, allow_insecure_http=allow_insecure_http)
    if dialog.exec() != SignInDialog.DialogCode.Accepted or dialog.profile is None:
        return None
    return dialog.profile, dialog.key


def window_settings(paths: DataPaths) -> QSettings:
    """Window size, last page and language, kept with the data (so --data-dir keeps them apart)."""
    return QSettings(str(paths.settings_file), QSettings.Format.IniFormat)


def open_main_window(store: RecordStore, paths: DataPaths, *, server_url: str | None = None,
                     minimized: bool = False, profile: str = DEFAULT_PROFILE, smoke_test: bool = False,
                     allow_insecure_http: bool = False) -> MainWindow:
    """The main window as a start shows it: in its language and, started minimized (at log-in), in
    the system tray where there is one (or minimized where there is none)."""
    app = make_application()
    follow_system_scheme(app)
    settings = window_settings(paths)
    install_language(str(settings.value("language", system_language())))
    window = MainWindow(store, paths, server_url=server_url, settings=settings, profile=profile,
                        tray=False if smoke_test else None, allow_insecure_http=allow_insecure_http)
    if minimized and not smoke_test:
        if window.tray is None:
            window.showMinimized()
            window.into_tray_when_it_appears = True  # a panel that starts after the app
        # else: it waits in the tray, syncing; a click on the icon opens the window
    else:
        window.show()
    if not smoke_test:
        window.sync.start()
    return window


def run_gui(store: RecordStore, paths: DataPaths, *, server_url: str | None, smoke_test: bool,
            minimized: bool = False, profile: str = DEFAULT_PROFILE, allow_insecure_http: bool = False) -> int:
    if smoke_test and _headless():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_application()
    window = open_main_window(store, paths, server_url=server_url, minimized=minimized, profile=profile,
                              smoke_test=smoke_test, allow_insecure_http=allow_insecure_http)
    if smoke_test:
        shown: list[bool] = []

        def check_and_quit() -> None:
            # Checked from inside the event loop: Qt hides the windows once quit() returns. Every page
            # is built too (they are otherwise built on first visit), so a module or Qt plugin missing
            # from an executable shows here, not in a field officer's hands.
            for row in range(window.pages.count()):
                window.navigation.setCurrentRow(row)
            shown.append(window.isVisible() and window.pages.currentIndex() == window.pages.count() - 1
                         and _sync_modules_load())
            app.quit()

        QTimer.singleShot(0, check_and_quit)
        app.exec()
        if shown != [True]:
            print("smoke test FAILED: the main window was not shown", file=sys.stderr)
            return 1
        print(f"smoke test ok: {APP_NAME} {__version__}, main window and all {window.pages.count()} pages shown, "
              f"{window.record_total()} records in the profile")
        return 0
    return app.exec()


def _sync_modules_load() -> bool:
    """The sync modules load only at the first sync, SQLCipher only for a signed-in person's profile;
    the smoke test loads them (zstd, and an encrypted database in a temporary folder) now."""
    import tempfile
    from pathlib import Path

    from saypro_core import compression
    from saypro_desktop.storage.profile_lock import new_key
    from saypro_desktop.sync import session  # noqa: F401

    with tempfile.TemporaryDirectory() as folder:
        key = new_key()
        RecordStore.open(Path(folder) / "check.sqlite", key).close()
        RecordStore.open(Path(folder) / "check.sqlite", key).close()
    return compression.decompress(compression.compress(b"ok" * 100, "zstd"), "zstd", limit=200) == b"ok" * 100


def show_fatal_error(message: str) -> None:
    """Tell a person who started the app from a menu why it cannot open (no terminal to read)."""
    if _headless() or os.environ.get("QT_QPA_PLATFORM") in ("offscreen", "minimal"):
        return  # nobody could see or close the dialog
    make_application()
    QMessageBox.critical(None, QCoreApplication.translate("app", "Cannot open your profile"), message)
