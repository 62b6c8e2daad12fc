"""Who is using this laptop: several field officers can share one, each with their own profile.

A person who signed in before picks their name and types their password; it is checked on the
laptop (sync.password_check), so this works with no signal at all. Signing in with a new account
needs the server once: it creates that person's profile, keeps the tokens (keyring or encrypted
file) and the password check, and opens the profile.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from saypro_desktop import APP_NAME
from saypro_desktop.paths import DEFAULT_PROFILE, DataPaths, check_profile_name
from saypro_desktop.storage.profile_access import device_id_of, lock_after_sign_in, unlock_profile
from saypro_desktop.storage.profile_lock import LockError, signed_in_people
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.sync.account import sign_in_with_recovery
from saypro_desktop.sync.credentials import CredentialStore
from saypro_desktop.sync.server_address import UnsafeServerAddress, checked_server
from saypro_desktop.sync.transport import SyncError
from saypro_desktop.ui.background import BackgroundRunner
from saypro_desktop.ui.page_parts import heading_label


def profile_name_for(user: str) -> str:
    """A profile folder name for a user name (see paths.check_profile_name: starts with a letter or
    digit; letters, digits, '.', '_', '-', '@')."""
    name = re.sub(r"[^A-Za-z0-9._@-]", "_", user)[:63]
    return check_profile_name(name if name[:1].isalnum() else f"u{name}")


def sign_in_new_profile(paths: DataPaths, server: str, user: str, password: str, profile: str | None = None, *,
                        allow_insecure_http: bool = False, store: RecordStore | None = None) -> tuple[str, bytes]:
    """Sign ``user`` in on ``server`` (needs the connection) into ``profile`` (by default a profile of
    their own; ``store``: that profile, open in the window). The profile is then locked with the
    password (encrypted). Returns the profile and its data key."""
    server = checked_server(server, allow_insecure_http=allow_insecure_http)
    profile = profile or profile_name_for(user)
    paths.ensure(profile)
    device_id = store.device_id if store is not None else device_id_of(paths, profile, password)
    credentials, recovery = sign_in_with_recovery(server, user, password, device_id,
                                                  allow_insecure_http=allow_insecure_http)
    key = lock_after_sign_in(paths, profile, password, user=credentials.username, display_name=credentials.display_name,
                             server=credentials.server, user_id=credentials.user_id, device_id=device_id,
                             recovery_secret=recovery, key=store.key if store is not None else None, store=store)
    CredentialStore(paths.root, profile).save(credentials)
    return profile, key


class SignInDialog(QDialog):
    """On accept, ``profile`` is the profile to open."""

    def __init__(self, paths: DataPaths, *, new_account: bool = False, into_profile: str | None = None,
                 store: RecordStore | None = None, allow_insecure_http: bool = False,
                 parent: QWidget | None = None) -> None:
        """``into_profile``: sign that profile in (keeping what it holds) instead of a profile of its own
        (``store``: that profile, open in the window). ``allow_insecure_http``: a plain-http server on
        another machine is accepted (a test lab)."""
        super().__init__(parent)
        self.paths = paths
        self.allow_insecure_http = allow_insecure_http
        self.into_profile = into_profile
        self.store = store
        self.profile: str | None = None
        #: The chosen profile's data key (None: a profile nobody signed in to).
        self.key: bytes | None = None
        self.runner = BackgroundRunner(self, max_threads=1)
        self.setWindowTitle(self.tr("Sign in — {app}").format(app=APP_NAME))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_known())
        self.pages.addWidget(self._build_new())
        layout.addWidget(self.pages)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.people = signed_in_people(paths)
        for person in self.people:
            self.person_combo.addItem(f"{person.display_name} ({person.user})", person.profile)
        if new_account or not self.people:
            self.show_new_account()
        else:
            self.show_known()

    def _build_known(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(heading_label(self.tr("Who is working?")))
        hint = QLabel(self.tr("Your password is checked on this laptop, so this works without a connection."))
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        column.addWidget(hint)
        form = QFormLayout()
        self.person_combo = QComboBox()
        self.person_combo.setAccessibleName(self.tr("Person"))
        form.addRow(self.tr("Person"), self.person_combo)
        self.known_password = QLineEdit()
        self.known_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.known_password.setAccessibleName(self.tr("Password"))
        self.known_password.returnPressed.connect(self.open_known)
        form.addRow(self.tr("Password"), self.known_password)
        column.addLayout(form)
        buttons = QHBoxLayout()
        other = QPushButton(self.tr("Sign in with another account…"))
        other.clicked.connect(self.show_new_account)
        buttons.addWidget(other)
        buttons.addStretch(1)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setProperty("role", "primary")
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.open_known)
        buttons.addWidget(self.open_button)
        column.addLayout(buttons)
        return page

    def _build_new(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(heading_label(self.tr("Sign in to SayPro")))
        hint = QLabel(self.tr("The first sign-in needs a connection to the server. After that the app opens "
                              "without one, and your work syncs whenever a signal appears."))
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        column.addWidget(hint)
        form = QFormLayout()
        self.server_edit = QLineEdit()
        self.server_edit.setPlaceholderText("https://sync.saypro.online")
        self.server_edit.setAccessibleName(self.tr("Server address"))
        form.addRow(self.tr("Server address"), self.server_edit)
        self.user_edit = QLineEdit()
        self.user_edit.setAccessibleName(self.tr("User name"))
        form.addRow(self.tr("User name"), self.user_edit)
        self.new_password = QLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password.setAccessibleName(self.tr("Password"))
        self.new_password.returnPressed.connect(self.sign_in_new)
        form.addRow(self.tr("Password"), self.new_password)
        column.addLayout(form)
        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.clicked.connect(self.show_known)
        buttons.addWidget(self.back_button)
        self.offline_button = QPushButton(self.tr("Work without an account"))
        self.offline_button.setToolTip(self.tr("Everything stays on this laptop until someone signs in."))
        self.offline_button.clicked.connect(self.work_offline)
        buttons.addWidget(self.offline_button)
        buttons.addStretch(1)
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setProperty("role", "primary")
        self.sign_in_button.clicked.connect(self.sign_in_new)
        buttons.addWidget(self.sign_in_button)
        column.addLayout(buttons)
        return page

    def show_known(self) -> None:
        self.pages.setCurrentIndex(0)
        self.error.hide()
        self.known_password.setFocus()

    def show_new_account(self) -> None:
        self.pages.setCurrentIndex(1)
        self.error.hide()
        self.back_button.setVisible(bool(self.people) and self.into_profile is None)
        self.offline_button.setVisible(self.into_profile is None
                                       and not any(p.profile == DEFAULT_PROFILE for p in self.people))
        (self.user_edit if self.server_edit.text() else self.server_edit).setFocus()

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def open_known(self) -> None:
        profile = self.person_combo.currentData()
        password = self.known_password.text()
        if profile is None or not password:
            self._say(self.tr("Type your password."))
            return
        paths = self.paths
        self.open_button.setEnabled(False)
        self.runner.run(lambda: unlock_profile(paths, str(profile), password),
                        lambda key: self._unlocked(str(profile), key), self._not_unlocked)

    def _unlocked(self, profile: str, key: bytes | None) -> None:
        self.open_button.setEnabled(True)
        self.profile, self.key = profile, key
        self.accept()

    def _not_unlocked(self, error: BaseException) -> None:
        self.open_button.setEnabled(True)
        self.known_password.selectAll()
        if isinstance(error, LockError) and "wait" in str(error):
            self._say(self.tr("Too many wrong passwords: wait a moment and try again."))
        elif isinstance(error, LockError):
            self._say(self.tr("That password is not right. It is the one you last signed in with. A new password "
                              "from your administrator? Sign in with another account, with the same user name."))
        else:
            self._say(self.tr("Your profile could not be opened: {error}").format(error=error))

    def sign_in_new(self) -> None:
        server, user = self.server_edit.text().strip(), self.user_edit.text().strip()
        password = self.new_password.text()
        if not server or not user or not password:
            self._say(self.tr("Fill in the server address (starting with https://), your user name and password."))
            return
        try:
            checked_server(server, allow_insecure_http=self.allow_insecure_http)
        except UnsafeServerAddress:
            self._say(self.tr("The server address must start with https:// (plain http would send your password "
                              "in clear). Ask your administrator for the right address."))
            return
        self._say("")
        self.sign_in_button.setEnabled(False)
        self.sign_in_button.setText(self.tr("Signing in…"))
        paths, into, insecure, store = self.paths, self.into_profile, self.allow_insecure_http, self.store
        self.runner.run(lambda: sign_in_new_profile(paths, server, user, password, into, allow_insecure_http=insecure,
                                                    store=store),
                        self._signed_in, self._refused)

    def _signed_in(self, chosen: tuple[str, bytes]) -> None:
        self.profile, self.key = chosen
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.sign_in_button.setEnabled(True)
        self.sign_in_button.setText(self.tr("Sign in"))
        reason = str(error) if isinstance(error, SyncError | LockError) else self.tr("Sign-in failed: {error}").format(
            error=error)
        self._say(reason)

    def work_offline(self) -> None:
        self.profile = DEFAULT_PROFILE
        self.accept()

    def done(self, result: int) -> None:
        self.runner.close()
        super().done(result)

