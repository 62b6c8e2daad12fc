"""A radar (polar) chart of self-assessment ratings: one closed line per assessment, one spoke per
competency, so growth over time shows as a widening shape."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QCategoryAxis, QChartView, QLineSeries, QPolarChart, QValueAxis
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from saypro_core.records import SelfAssessment
from saypro_desktop.ui.theme import is_dark

#: Oldest to newest: the newest line is the strongest colour (on a light, and on a dark, window).
LINE_COLOURS = ("#b0bec5", "#7fb3a0", "#3f8f73", "#0b6e4f")
LINE_COLOURS_DARK = ("#5f6b70", "#3f8f73", "#46b38a", "#8ff0c6")


class RadarChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        self.chart_ = QPolarChart()
        super().__init__(self.chart_, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_.setBackgroundVisible(False)
        self.chart_.setMargins(self.chart_.margins() * 0)
        self.setMinimumHeight(320)
        self.series_titles: list[str] = []

    def show_assessments(self, spokes: Sequence[tuple[str, str]],
                         assessments: Sequence[tuple[str, SelfAssessment]]) -> None:
        """``spokes``: (competency id, short name) in order; ``assessments``: (legend, record), oldest first."""
        chart = self.chart_
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.series_titles = []
        if not spokes:
            return
        angular = QCategoryAxis()
        angular.setRange(0, len(spokes))
        angular.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for number, (_, name) in enumerate(spokes):
            angular.append(name, number)
        radial = QValueAxis()
        radial.setRange(0, 5)
        radial.setTickCount(6)
        radial.setLabelFormat("%d")
        # The chart's own theme is light: its words take the window's text colour (dark mode too).
        text = QBrush(self.palette().color(QPalette.ColorRole.WindowText))
        grid = QPen(self.palette().color(QPalette.ColorRole.Mid))
        for axis in (angular, radial):
            axis.setLabelsBrush(text)
            axis.setGridLinePen(grid)
        chart.legend().setLabelBrush(text)
        chart.addAxis(angular, QPolarChart.PolarOrientation.PolarOrientationAngular)
        chart.addAxis(radial, QPolarChart.PolarOrientation.PolarOrientationRadial)
        palette = LINE_COLOURS_DARK if is_dark() else LINE_COLOURS
        colours = palette[-len(assessments):] if assessments else ()
        for (legend, assessment), colour in zip(assessments, colours, strict=False):
            by_id = {r.competency_id: r.rating for r in assessment.ratings}
            series = QLineSeries()
            series.setName(legend)
            points = [QPointF(number, by_id.get(cid, 0)) for number, (cid, _) in enumerate(spokes)]
            points.append(QPointF(len(spokes), points[0].y()))
            series.append(points)
            pen = QPen(QColor(colour))
            pen.setWidthF(2.5 if colour == colours[-1] else 1.5)
            series.setPen(pen)
            chart.addSeries(series)
            series.attachAxis(angular)
            series.attachAxis(radial)
            self.series_titles.append(legend)
