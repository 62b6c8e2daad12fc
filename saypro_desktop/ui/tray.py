"""The system-tray icon: sync goes on while the window is closed, and says how it stands.

Shown only where the desktop has a system tray (QSystemTrayIcon.isSystemTrayAvailable; a bare
X server or the offscreen platform has none, and the app then quits when its window closes, as
before). Its tooltip carries the same honest status as the status bar: when the last sync was,
what is waiting, progress while syncing, and why the last attempt failed; while the last attempt
failed (or the person must sign in again) the icon wears a red dot, so it shows without hovering. Left-click opens the
window; the menu offers Open, Sync now and Quit. The first time the window is closed into the
tray, a message says where the app went, so nobody thinks it quit with unsent work.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPen
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from saypro_desktop import APP_NAME
from saypro_desktop.resources import resource_path


def _with_red_dot(icon: QIcon, size: int = 64) -> QIcon:
    pixmap = icon.pixmap(size, size)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("white"), size / 16))
    painter.setBrush(QColor("#d32f2f"))
    dot = size * 0.42
    painter.drawEllipse(QRectF(size - dot - 1, size - dot - 1, dot, dot))
    painter.end()
    return QIcon(pixmap)


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class SyncTray(QObject):
    """Signals:
        open_requested(): show and raise the window.
        sync_requested(): sync now.
        quit_requested(): quit the app (the window is gone or hidden).
    """

    open_requested = Signal()
    sync_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._told_about_closing = False
        self._normal = QIcon(str(resource_path("icons", "saypro.png")))
        self._attention = _with_red_dot(self._normal)
        self.needs_attention = False
        self.icon = QSystemTrayIcon(self._normal, self)
        self.menu = QMenu()  # no widget parent to give it: it lives as long as this object
        self.open_action = QAction(self.tr("Open {app}").format(app=APP_NAME), self)
        self.open_action.triggered.connect(self.open_requested)
        self.sync_action = QAction(self.tr("Sync now"), self)
        self.sync_action.triggered.connect(self.sync_requested)
        self.quit_action = QAction(self.tr("Quit"), self)
        self.quit_action.triggered.connect(self.quit_requested)
        self.menu.addAction(self.open_action)
        self.menu.addAction(self.sync_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.menu.setDefaultAction(self.open_action)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.setToolTip(APP_NAME)

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def is_shown(self) -> bool:
        return self.icon.isVisible()

    def set_status(self, status: str, *, can_sync: bool, problem: bool = False) -> None:
        """The tooltip: the app's name over the status line (some trays show only the first line);
        ``problem``: the last sync failed or sign-in is needed (the red dot)."""
        self.icon.setToolTip(f"{APP_NAME}\n{status}")
        self.sync_action.setEnabled(can_sync)
        if problem != self.needs_attention:
            self.needs_attention = problem
            self.icon.setIcon(self._attention if problem else self._normal)

    def tell(self, message: str) -> None:
        """A desktop notification (new feedback arrived with a sync)."""
        self.icon.showMessage(APP_NAME, message, QSystemTrayIcon.MessageIcon.Information, 8000)

    def window_closed(self) -> None:
        """The window went to the tray: say so once per run, so nobody thinks the app quit."""
        if self._told_about_closing:
            return
        self._told_about_closing = True
        self.icon.showMessage(
            APP_NAME, self.tr("Still running here and syncing your work. Right-click this icon and choose "
                              "Quit to stop."), QSystemTrayIcon.MessageIcon.Information, 8000)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()
