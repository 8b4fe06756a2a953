"""A proxy style growing the fixed-pixel parts (arrows, indicators, scroll bars) with the text,
and drawing a focus ring of at least 2 px in the palette's focus colour (WCAG 2.4.7, 1.4.11)."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QPointF, QRect, QRectF, QSize
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComboBox,
    QStyleOptionComplex,
    QStyleOptionSpinBox,
    QWidget,
)

CC = QStyle.ComplexControl
CE = QStyle.ControlElement
PE = QStyle.PrimitiveElement
_RINGED_CONTROLS = frozenset({CE.CE_PushButton, CE.CE_CheckBox, CE.CE_RadioButton})
_RINGED_COMPLEX = frozenset({CC.CC_ToolButton, CC.CC_ComboBox, CC.CC_SpinBox})
_BORDERED = frozenset({CC.CC_ComboBox, CC.CC_SpinBox})  # fields: a 3:1 edge
CT = QStyle.ContentsType
_TARGETS = frozenset(
    {
        CT.CT_LineEdit,
        CT.CT_CheckBox,
        CT.CT_RadioButton,
        CT.CT_PushButton,
        CT.CT_ToolButton,
        CT.CT_ComboBox,
        CT.CT_SpinBox,
    }
)
MIN_TARGET = 24  # px: WCAG 2.5.8 Target size (minimum)
SC = QStyle.SubControl
PM = QStyle.PixelMetric
_SCALED_METRICS = frozenset(
    {
        PM.PM_IndicatorWidth,
        PM.PM_IndicatorHeight,
        PM.PM_ExclusiveIndicatorWidth,
        PM.PM_ExclusiveIndicatorHeight,
        PM.PM_ScrollBarExtent,
        PM.PM_ScrollBarSliderMin,
        PM.PM_MenuButtonIndicator,
        PM.PM_HeaderMarkSize,
        PM.PM_SmallIconSize,
    }
)
_BUTTONS = {
    CC.CC_SpinBox: (SC.SC_SpinBoxUp, SC.SC_SpinBoxDown),
    CC.CC_ComboBox: (SC.SC_ComboBoxArrow,),
}
_FIELDS = {CC.CC_SpinBox: SC.SC_SpinBoxEditField, CC.CC_ComboBox: SC.SC_ComboBoxEditField}
_PROBE = QRect(0, 0, 240, 40)  # a typical field, to measure the style's own button width


_installed: LargeTextStyle | None = None


def _ringed_frame(widget: QWidget | None) -> bool:
    """A framed list, table or text that Tab reaches: its frame carries the focus ring
    (an empty table or a read-only text shows no cursor or current cell of its own)."""
    if not isinstance(widget, QAbstractScrollArea) or widget.frameShape() == QFrame.Shape.NoFrame:
        return False
    from PySide6.QtCore import Qt  # only here: the unlock window has no scroll area

    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


class LargeTextStyle(QProxyStyle):
    """The platform style, with pixel sizes multiplied by `factor` (text size / 100).

    Check boxes, radio buttons, scroll bars and header sort marks scale through
    `pixelMetric`. Spin box and combo box buttons get `factor` times their width; with
    Fusion (whose arrows never exceed 8 px) the arrows are drawn at that size too, in
    the colour Fusion uses; other styles keep their own arrows in the wider button.
    At factor 1 everything is the base style's.
    """

    def __init__(self, base: QStyle) -> None:
        fusion = base.name().lower() == "fusion"
        super().__init__(base)  # takes ownership of `base`
        self.factor = 1.0
        self._draws_arrows = fusion

    # ---- sizes ------------------------------------------------------------
    def pixelMetric(
        self, metric: PM, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        value = super().pixelMetric(metric, option, widget)
        if metric == PM.PM_DefaultFrameWidth and _ringed_frame(widget):
            return max(value, self._ring_width())  # room for the ring the viewport leaves
        if self.factor > 1 and metric in _SCALED_METRICS:
            return round(value * self.factor)
        return value

    def _extra(self, control: CC, option: QStyleOptionComplex, widget: QWidget | None) -> int:
        """How many pixels wider the control's button(s) become."""
        probe = type(option)(option)
        probe.rect = _PROBE
        # PySide6's stub of QProxyStyle makes `widget` required; QStyle's and Qt's take None.
        width = super().subControlRect(control, probe, _BUTTONS[control][0], widget).width()  # type: ignore[arg-type]
        return round(width * (self.factor - 1))

    def subControlRect(
        self,
        control: CC,
        option: QStyleOptionComplex,
        sub: SC,
        widget: QWidget | None = None,
    ) -> QRect:
        rect = super().subControlRect(control, option, sub, widget)  # type: ignore[arg-type]  # as above
        if self.factor <= 1 or control not in _BUTTONS or not rect.isValid():
            return rect
        extra = self._extra(control, option, widget)
        if sub in _BUTTONS[control]:
            return rect.adjusted(-extra, 0, 0, 0)
        if sub == _FIELDS[control]:
            return rect.adjusted(0, 0, -extra, 0)
        return rect

    def sizeFromContents(
        self,
        kind: QStyle.ContentsType,
        option: QStyleOption,
        size: QSize,
        widget: QWidget | None = None,
    ) -> QSize:
        result = super().sizeFromContents(kind, option, size, widget)  # type: ignore[arg-type]  # idem
        if kind in _TARGETS and result.height() < MIN_TARGET:
            result.setHeight(MIN_TARGET)  # WCAG 2.5.8: a target at least 24 px high
        control = {
            QStyle.ContentsType.CT_SpinBox: CC.CC_SpinBox,
            QStyle.ContentsType.CT_ComboBox: CC.CC_ComboBox,
        }.get(kind)
        if self.factor > 1 and control is not None:
            spin_or_combo = cast(QStyleOptionComplex, option)  # what Qt gives for these kinds
            result.setWidth(result.width() + self._extra(control, spin_or_combo, widget))
        return result

    # ---- focus ring ---------------------------------------------------------
    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        if element in _RINGED_CONTROLS and focused:
            self._ring(painter, option.rect)
        elif element == CE.CE_ShapedFrame and _ringed_frame(widget):
            # tables, lists, texts: the ring on the frame, or a border of 3:1
            (self._ring if focused else self._border)(painter, option.rect)

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element is PE.PE_PanelLineEdit and option.state & QStyle.StateFlag.State_HasFocus:
            self._ring(painter, option.rect)
        elif element is PE.PE_PanelLineEdit and option.state & QStyle.StateFlag.State_Enabled:
            self._border(painter, option.rect)
        elif element is PE.PE_IndicatorCheckBox and option.state & QStyle.StateFlag.State_Enabled:
            self._border(painter, option.rect)  # the box of a check box, 3:1 too
        elif (
            element is PE.PE_IndicatorRadioButton and option.state & QStyle.StateFlag.State_Enabled
        ):
            self._border(painter, option.rect, round_=True)

    def _border(self, painter: QPainter, rect: QRect, round_: bool = False) -> None:
        """An input's edge in the palette's border colour: 3:1 on the window and on the
        field (WCAG 1.4.11; the style's own outline is about 2:1)."""
        from ecoute_desktop.ui.common.palette import qcolour

        if not round_:
            _frame(painter, rect, 1, qcolour("border"))
            return
        painter.save()
        painter.setPen(QPen(qcolour("border"), 1))
        painter.setBrush(QBrush())  # no fill
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.drawEllipse(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.restore()

    def _ring_width(self) -> int:
        return max(2, round(2 * self.factor))

    def _ring(self, painter: QPainter, rect: QRect) -> None:
        from ecoute_desktop.ui.common.palette import qcolour

        _frame(painter, rect, self._ring_width(), qcolour("focus"))

    # ---- arrows -----------------------------------------------------------
    def drawComplexControl(
        self,
        control: CC,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        self._draw_complex(control, option, painter, widget)
        state = option.state
        usable = (
            state & QStyle.StateFlag.State_Enabled and not state & QStyle.StateFlag.State_HasFocus
        )
        if control in _BORDERED and usable:
            self._border(painter, option.rect)
        if control in _RINGED_COMPLEX and option.state & QStyle.StateFlag.State_HasFocus:
            self._ring(painter, option.rect)

    def _draw_complex(
        self,
        control: CC,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if self.factor <= 1 or not self._draws_arrows or control not in _BUTTONS:
            super().drawComplexControl(control, option, painter, widget)
            return
        hidden = type(option)(option)
        palette = QPalette(option.palette)
        for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
            palette.setColor(role, QColor(0, 0, 0, 0))  # Fusion's small arrows, invisible
        hidden.palette = palette
        super().drawComplexControl(control, hidden, painter, widget)
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        if isinstance(option, QStyleOptionSpinBox):
            if option.buttonSymbols.name != "UpDownArrows":
                return
            steps = option.stepEnabled
            up = enabled and bool(steps & steps.StepUpEnabled)
            down = enabled and bool(steps & steps.StepDownEnabled)
            for sub, direction, active in (
                (SC.SC_SpinBoxUp, -1, up),
                (SC.SC_SpinBoxDown, 1, down),
            ):
                rect = self.subControlRect(control, option, sub, widget)
                self._arrow(painter, option, rect, direction, active, 0.5)
        elif isinstance(option, QStyleOptionComboBox):
            rect = self.subControlRect(control, option, SC.SC_ComboBoxArrow, widget)
            self._arrow(painter, option, rect, 1, enabled, 0.4)

    def _arrow(
        self,
        painter: QPainter,
        option: QStyleOption,
        rect: QRect,
        direction: int,
        active: bool,
        share: float,
    ) -> None:
        """A filled triangle pointing up (-1) or down (1), `share` of the button's width."""
        group = QPalette.ColorGroup.Active if active else QPalette.ColorGroup.Disabled
        colour = QColor(option.palette.color(group, QPalette.ColorRole.ButtonText))
        colour.setAlpha(170 if active else 90)
        half = max(3.0, rect.width() * share / 2)
        height = min(half, rect.height() * 0.35)
        centre = QPointF(rect.center()) + QPointF(0.5, 0.5)
        tip = centre + QPointF(0, direction * height / 2)
        base = centre - QPointF(0, direction * height / 2)
        from PySide6.QtCore import Qt  # not at import: the namespace's enums cost ~20 ms

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([base - QPointF(half, 0), base + QPointF(half, 0), tip]))
        painter.restore()


_SWATCHES: dict[str, QPixmap] = {}


def _swatch(colour: QColor) -> QPixmap:
    """A one-pixel pixmap of `colour`, kept per colour."""
    key = colour.name(QColor.NameFormat.HexArgb)
    swatch = _SWATCHES.get(key)
    if swatch is None:
        swatch = _SWATCHES[key] = QPixmap(1, 1)
        swatch.fill(colour)
    return swatch


def _frame(painter: QPainter, rect: QRect, width: int, colour: QColor) -> None:
    """A square frame `width` px thick just inside `rect`, as four bands of `colour`.

    Drawn by stretching a one-pixel pixmap: every QPainter call that takes a colour, pen
    or brush also accepts a `Qt` enum, and PySide6 creates the whole `Qt` namespace of
    enums (~20 ms) the first time it weighs such a call. The unlock window draws a ring
    before anything else needs them (issue 16; tests/test_start_imports.py)."""
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    if w <= 0 or h <= 0:
        return
    width = min(width, w, h)
    swatch = _swatch(colour)
    for band in (
        QRect(x, y, w, width),
        QRect(x, y + h - width, w, width),
        QRect(x, y, width, h),
        QRect(x + w - width, y, width, h),
    ):
        painter.drawPixmap(band, swatch)


def install(app: object, factor: float) -> LargeTextStyle:
    """Wrap the application's style once, then set its factor; widgets are polished again."""
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    global _installed
    style = _installed
    if style is None or app.style() is not style:
        base = QStyleFactory.create(app.style().name())
        style = LargeTextStyle(base)
        app.setStyle(style)
        _installed = style  # the Python object must outlive this call
    style.factor = factor
    return style
