"""The day-before reminder of the sessions a person has a place on, as a desktop notification.

Home lists them (today's and tomorrow's); this tells the person once, from the tray while the
window is closed or in the status bar, for each session date: checked shortly after start, every
half hour (a day turns into "tomorrow" while the app runs) and after a sync brought changes. What
was told is kept in the profile, so starting the app again does not say it twice.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from saypro_desktop.storage.programme import Occasion, reminders
from saypro_desktop.ui.background import BackgroundRunner
from saypro_desktop.ui.services import PageServices

CHECK_MS = 30 * 60_000
FIRST_CHECK_MS = 15_000  # after the window's own start
TOLD_KEY = "session_reminders_told"


def reminder_when(occurrence: datetime, today: date) -> str:
    """"Today 09:00" or "Tomorrow 09:00", in local time."""
    local = occurrence.astimezone()
    day = QCoreApplication.translate("Reminders", "Today") if local.date() == today else (
        QCoreApplication.translate("Reminders", "Tomorrow"))
    return f"{day} {local:%H:%M}"


def reminder_message(occasion: Occasion, today: date) -> str:
    session = occasion.session
    where = session.online_link if session.location_kind == "online" else session.location
    text = f"{reminder_when(occasion.occurrence, today)}: {session.title}"
    return f"{text} ({where})" if where else text


class SessionReminders(QObject):
    """Signals:
        due(str): a reminder to show (the window shows it in the tray or the status bar).
    """

    due = Signal(str)

    def __init__(self, services: PageServices, runner: BackgroundRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.timer = QTimer(self, interval=CHECK_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()
        QTimer.singleShot(FIRST_CHECK_MS, self, self.check)

    def stop(self) -> None:
        self.timer.stop()

    def check(self) -> None:
        store, me, today = self.services.store, self.services.owner_id, date.today()

        def arrived(found: list[Occasion]) -> None:
            self.tell(found, today)

        self.runner.run(lambda: reminders(store, me, today), arrived)

    def tell(self, found: list[Occasion], today: date) -> list[str]:
        """Say each reminder not said before; returns what was said."""
        store = self.services.store
        told = set(json.loads(store.meta_value(TOLD_KEY) or "[]"))
        keys = {f"{o.session.id}@{o.occurrence.isoformat()}": o for o in found}
        said = []
        for key, occasion in keys.items():
            if key not in told:
                said.append(reminder_message(occasion, today))
        if said:
            self.due.emit("\n".join(said))
        # Only today's and tomorrow's are kept: the list never grows.
        store.set_meta_value(TOLD_KEY, json.dumps(sorted(keys)))
        return said
