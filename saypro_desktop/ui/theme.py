"""Look and feel: Fusion style with a light or dark palette that follows the system's colour
scheme (and changes with it), plus the few style roles pages use (heading, hint, error, banner,
primary button). Sizes are in points, so everything scales on high-DPI screens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = QColor("#0b6e4f")  # SayPro green
ACCENT_DARK = QColor("#46b38a")

STYLE_SHEET = """
QLabel[role="heading"] { font-size: 18pt; font-weight: 600; }
QLabel[role="subheading"] { font-size: 12pt; font-weight: 600; }
QLabel[role="hint"] { color: palette(placeholder-text); }
QLabel[role="error"] { color: %(error)s; }
QLabel[role="figure"] { font-size: 22pt; font-weight: 600; color: %(accent)s; }
QFrame[role="banner"] { background: %(banner)s; border: 1px solid %(accent)s; border-radius: 6px; }
QFrame[role="card"] { background: palette(base); border: 1px solid palette(mid); border-radius: 8px; }
QLabel[role="notice"] { background: palette(base); border: 1px solid palette(mid); border-left: 4px solid %(accent)s;
    border-radius: 6px; padding: 8px 12px; }
QPushButton[role="primary"] { background: %(accent)s; color: white; border: none; border-radius: 4px;
                              padding: 6px 16px; font-weight: 600; }
QPushButton[role="primary"]:disabled { background: palette(mid); }
QPushButton[role="primary"]:focus { outline: 2px solid palette(highlight); }
QGroupBox { font-weight: 600; border: 1px solid palette(mid); border-radius: 6px; margin-top: 14px;
            padding: 10px 8px 6px 8px; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; }
QGroupBox QLabel, QGroupBox QCheckBox, QGroupBox QRadioButton { font-weight: normal; }
QPushButton { padding: 5px 14px; }
QPushButton[role="rating"] { padding: 5px 0; }
QPushButton[role="rating"]:checked { background: %(accent)s; color: %(on_accent)s; border: 1px solid %(accent)s;
                                    border-radius: 4px; font-weight: 600; }
QListWidget#navigation { font-size: 11pt; border: none; background: palette(window); outline: 0; }
QListWidget#navigation::item { padding: 9px 12px; border-radius: 6px; margin: 1px 6px; }
QListWidget#navigation::item:selected { background: %(accent)s; color: white; }
"""


def system_prefers_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def is_dark() -> bool:
    """Whether the palette in use is dark (what widgets that draw their own colours follow)."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def _dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#1f2326", QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#16191b", QPalette.ColorRole.AlternateBase: "#24292c",
        QPalette.ColorRole.Text: "#e8eaed", QPalette.ColorRole.Button: "#2a2f33",
        QPalette.ColorRole.ButtonText: "#e8eaed", QPalette.ColorRole.Highlight: ACCENT_DARK.name(),
        QPalette.ColorRole.HighlightedText: "#0b1410", QPalette.ColorRole.ToolTipBase: "#2a2f33",
        QPalette.ColorRole.ToolTipText: "#e8eaed", QPalette.ColorRole.PlaceholderText: "#9aa0a6",
        QPalette.ColorRole.Mid: "#3c4043", QPalette.ColorRole.Link: ACCENT_DARK.name(),
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#6b7075"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#6b7075"))
    return palette


def _light_palette(app: QApplication) -> QPalette:
    palette = app.style().standardPalette()
    palette.setColor(QPalette.ColorRole.Highlight, ACCENT)
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    palette.setColor(QPalette.ColorRole.Window, QColor("#f4f6f5"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#5f6368"))
    return palette


def apply_theme(app: QApplication, dark: bool | None = None) -> None:
    """Apply the palette for the current system scheme (or the one asked for); called again when
    the scheme changes."""
    app.setStyle("Fusion")
    dark = system_prefers_dark() if dark is None else dark
    app.setPalette(_dark_palette() if dark else _light_palette(app))
    app.setStyleSheet(STYLE_SHEET % {
        "accent": (ACCENT_DARK if dark else ACCENT).name(),
        "error": "#f28b82" if dark else "#b3261e",
        "banner": "#1e3a30" if dark else "#e6f2ed",
        "on_accent": "#0b1410" if dark else "white",
    })


def follow_system_scheme(app: QApplication) -> None:
    apply_theme(app)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_theme(app))
