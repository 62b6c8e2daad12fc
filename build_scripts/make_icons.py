"""Render resources/icons/saypro.svg to the icon files each platform's build needs.

    .venv/bin/python build_scripts/make_icons.py

Writes saypro.png (256 px, Linux and the window icon), saypro.ico (Windows: 16-256 px) and
saypro.icns (macOS). The outputs are committed, so a Windows or macOS build does not need this.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(QSize(size, size), QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "saypro.svg"))
    if not renderer.isValid():
        print("saypro.svg could not be read", file=sys.stderr)
        return 1
    big = render(renderer, 256)
    ok = big.save(str(ICONS / "saypro.png"))
    ok &= big.save(str(ICONS / "saypro.ico"))
    ok &= render(renderer, 512).save(str(ICONS / "saypro.icns"))
    print("wrote", *sorted(p.name for p in ICONS.iterdir()))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
