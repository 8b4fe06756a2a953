"""A question box whose text always wraps within the screen, with explicit verb buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

LINE_CHARACTERS = 60  # a comfortable line of text
SCREEN_SHARE = 0.9  # never wider or taller than this share of the available screen


class QuestionDialog(QDialog):
    """Ask `text`; `accept_label` answers yes, `reject_label` (and Escape) answers no.

    Unlike QMessageBox (which Qt caps at screen width − 480 px, cutting long lines at
    200 % text on a 1280 px laptop), the text is a word-wrapped label sized from the
    available screen, in a scroll area when it is taller than the screen. With `danger`,
    the safe answer is the default button: Enter never confirms an irreversible action.
    """

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        accept_label: str,
        reject_label: str,
        *,
        danger: bool = False,
        details: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        icon_kind = (
            QStyle.StandardPixmap.SP_MessageBoxWarning
            if danger
            else QStyle.StandardPixmap.SP_MessageBoxQuestion
        )
        side = max(32, self.fontMetrics().height() * 2)
        self.icon = QLabel()
        self.icon.setPixmap(self.style().standardIcon(icon_kind).pixmap(side, side))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.label = QLabel(text)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # the scroll area then grows the label to its text
        self.label.setSizePolicy(policy)
        self.label.setAccessibleName(title)
        self.scroll_area = QScrollArea()
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.label)
        top = QHBoxLayout()
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.scroll_area, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Détails"))
        self.details.hide()
        self.details_button = QPushButton(self.tr("Afficher les détails…"))
        self.details_button.setAccessibleName(self.tr("Afficher les détails"))
        self.details_button.setAutoDefault(False)
        self.details_button.clicked.connect(self._toggle_details)
        layout.addWidget(self.details, 1)
        self.accept_button = QPushButton(accept_label)
        self.accept_button.setAccessibleName(accept_label)
        self.reject_button = QPushButton(reject_label)
        self.reject_button.setAccessibleName(reject_label)
        buttons = QDialogButtonBox()
        buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.reject_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        if details:
            row.addWidget(self.details_button)
        else:
            self.details_button.hide()
        row.addWidget(buttons, 1)
        layout.addLayout(row)
        self.buttons_row_height = row.sizeHint().height()
        safe, other = (
            (self.reject_button, self.accept_button)
            if danger
            else (self.accept_button, self.reject_button)
        )
        other.setAutoDefault(False)
        safe.setDefault(True)
        safe.setFocus()
        self._fit()

    def _available(self) -> tuple[int, int]:
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return 10_000, 10_000
        geometry = screen.availableGeometry()
        return int(geometry.width() * SCREEN_SHARE), int(geometry.height() * SCREEN_SHARE)

    def _fit(self) -> None:
        """Wide enough for a comfortable line, never wider or taller than the screen.

        Computed from the parts' size hints (child geometries are not laid out before
        the dialog is shown).
        """
        max_width, max_height = self._available()
        metrics = self.label.fontMetrics()
        longest = max(metrics.horizontalAdvance(line) for line in self.label.text().split("\n"))
        text_width = min(longest + 4, metrics.averageCharWidth() * LINE_CHARACTERS)
        layout = self.layout()
        assert layout is not None  # set in __init__
        margins = layout.contentsMargins()
        spacing = max(0, layout.spacing())
        chrome = margins.left() + margins.right() + self.icon.sizeHint().width() + spacing
        width = min(max(text_width + chrome, self.minimumSizeHint().width()), max_width)
        label_height = self.label.heightForWidth(width - chrome)
        buttons_height = max(self.accept_button.sizeHint().height(), self.buttons_row_height)
        fixed = margins.top() + margins.bottom() + spacing + buttons_height
        if label_height + fixed > max_height:  # the text scrolls: make room for the bar
            chrome += self.scroll_area.verticalScrollBar().sizeHint().width()
            width = min(width + self.scroll_area.verticalScrollBar().sizeHint().width(), max_width)
        height = max(label_height, self.icon.sizeHint().height()) + fixed
        self.setMaximumWidth(max_width)
        self.resize(width, min(height, max_height))

    def showEvent(self, event: QShowEvent) -> None:
        """Correct the estimate with the real geometry: no scroll bar while the screen has room."""
        super().showEvent(event)
        _, max_height = self._available()
        missing = self.label.heightForWidth(self.scroll_area.width()) - self.scroll_area.height()
        if missing > 0 and self.height() < max_height:
            self.resize(self.width(), min(self.height() + missing, max_height))

    def _toggle_details(self) -> None:
        shown = not self.details.isVisible()
        self.details.setVisible(shown)
        self.details_button.setText(
            self.tr("Masquer les détails…") if shown else self.tr("Afficher les détails…")
        )
        if shown:
            _, max_height = self._available()
            extra = self.details.fontMetrics().height() * 10
            self.resize(self.width(), min(self.height() + extra, max_height))
