"""Pieces every page is built from: headings and a scrolling page body."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget


def heading_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "heading")
    return label


def subheading_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "subheading")
    return label


def scrolling_body(page: QWidget) -> QVBoxLayout:
    """Give ``page`` a frameless vertical scroll area; returns the layout to fill."""
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.setContentsMargins(24, 16, 24, 16)
    scroll.setWidget(body)
    outer.addWidget(scroll)
    return layout
