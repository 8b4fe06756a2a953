"""A proxy style growing the fixed-pixel parts (arrows, indicators, scroll bars) with the text,
and drawing a focus ring of at least 2 px in the palette's focus colour (WCAG 2.4.7, 1.4.11)."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QPointF, QRect, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPolygonF
from PySide6.QtWidgets import (
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


_installed: FocusRingStyle | None = None


class FocusRingStyle(QProxyStyle):
    """The platform style with a focus ring of at least 2 px in the palette's focus colour.

    Only drawing is overridden: each Python override is called with every kind of style
    option, and the first call with a kind creates its Python enums (~60 of them while
    the unlock window is built, issue 16). Sizes are the base style's.
    """

    def __init__(self, base: QStyle) -> None:
        self.base_name = base.name()
        fusion = self.base_name.lower() == "fusion"
        super().__init__(base)  # takes ownership of `base`
        self.factor = 1.0
        self._draws_arrows = fusion

    # ---- focus ring ---------------------------------------------------------
    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if element in _RINGED_CONTROLS and option.state & QStyle.StateFlag.State_HasFocus:
            self._ring(painter, option.rect)

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

    def _ring(self, painter: QPainter, rect: QRect) -> None:
        """`width` pixels inside `rect`, square corners: four bands of one colour.

        Drawn as a one-pixel image stretched over each band: building a pen or a brush
        from a colour goes through overloads that take `Qt` enums, and the first such
        enum creates Qt's whole namespace of them (15-30 ms). The unlock window's focused
        field draws this ring in its first paint (issue 16)."""
        from ecoute_desktop.ui.common.palette import qcolour

        width = max(2, round(2 * self.factor))
        dot = QImage(1, 1, QImage.Format.Format_ARGB32)
        dot.setPixel(0, 0, qcolour("focus").rgba())
        left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
        for band in (
            QRect(left, top, rect.width(), width),
            QRect(left, bottom - width + 1, rect.width(), width),
            QRect(left, top, width, rect.height()),
            QRect(right - width + 1, top, width, rect.height()),
        ):
            painter.drawImage(band, dot)

    # ---- arrows -----------------------------------------------------------
    def drawComplexControl(
        self,
        control: CC,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        self._draw_complex(control, option, painter, widget)
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
                rect = self.subControlRect(control, option, sub, widget)  # type: ignore[arg-type]
                self._arrow(painter, option, rect, direction, active, 0.5)
        elif isinstance(option, QStyleOptionComboBox):
            rect = self.subControlRect(control, option, SC.SC_ComboBoxArrow, widget)  # type: ignore[arg-type]
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
        from PySide6.QtCore import Qt

        group = QPalette.ColorGroup.Active if active else QPalette.ColorGroup.Disabled
        colour = QColor(option.palette.color(group, QPalette.ColorRole.ButtonText))
        colour.setAlpha(170 if active else 90)
        half = max(3.0, rect.width() * share / 2)
        height = min(half, rect.height() * 0.35)
        centre = QPointF(rect.center()) + QPointF(0.5, 0.5)
        tip = centre + QPointF(0, direction * height / 2)
        base = centre - QPointF(0, direction * height / 2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([base - QPointF(half, 0), base + QPointF(half, 0), tip]))
        painter.restore()


class LargeTextStyle(FocusRingStyle):
    """The focus-ring style, with pixel sizes multiplied by `factor` (text size / 100).

    Check boxes, radio buttons, scroll bars and header sort marks scale through
    `pixelMetric`. Spin box and combo box buttons get `factor` times their width; with
    Fusion (whose arrows never exceed 8 px) the arrows are drawn at that size too, in
    the colour Fusion uses; other styles keep their own arrows in the wider button.
    Installed only above 100 % (`install`).
    """

    # ---- sizes ------------------------------------------------------------
    def pixelMetric(
        self, metric: PM, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        value = super().pixelMetric(metric, option, widget)
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
        control = {
            QStyle.ContentsType.CT_SpinBox: CC.CC_SpinBox,
            QStyle.ContentsType.CT_ComboBox: CC.CC_ComboBox,
        }.get(kind)
        if self.factor > 1 and control is not None:
            spin_or_combo = cast(QStyleOptionComplex, option)  # what Qt gives for these kinds
            result.setWidth(result.width() + self._extra(control, spin_or_combo, widget))
        return result


def install(app: object, factor: float) -> FocusRingStyle:
    """Wrap the application's style (with large sizes above factor 1), then set its
    factor; a change of wrapper polishes the widgets again."""
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    global _installed
    style = _installed
    wanted = LargeTextStyle if factor > 1 else FocusRingStyle
    if style is None or app.style() is not style or type(style) is not wanted:
        name = style.base_name if style is not None and app.style() is style else None
        base = QStyleFactory.create(name or app.style().name())
        style = wanted(base)
        app.setStyle(style)
        _installed = style  # the Python object must outlive this call
    style.factor = factor
    return style
