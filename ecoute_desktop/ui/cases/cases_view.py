"""Sollicitations: every case, sortable, with filters and one search field (full-text index)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import NamedTuple, cast

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.domain.case_rows import CaseFilter, CaseSummary
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.domain.workflow import Status
from ecoute_desktop.ui.common.case_table import ElideRightDelegate, RowTable
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.formatting import month_label, short_datetime
from ecoute_desktop.ui.common.name_delegate import InitialNameDelegate
from ecoute_desktop.ui.common.palette import qcolour
from ecoute_desktop.ui.common.table_model import Column, RowTableModel
from ecoute_desktop.ui.common.widget_kit import page_title

WIDEST_DATE = datetime(2088, 8, 28, 18, 8, tzinfo=UTC)  # « 28/08/2088 à 20 h 08 » in Paris

SEARCH_DELAY_MS = 250
SEARCH_LIMIT = 5000
FIRST_SCREEN = 200  # rows loaded first: more than a screenful, at 1 year as at 10


class _Loaded(NamedTuple):
    """The rows of a refresh, made ready on the runner."""

    rows: list[CaseSummary]
    order: tuple[int, Qt.SortOrder] | None  # the sort they are in
    months: set[str]
    samples: list[str]  # the longest text of each column


class CasesView(QWidget):
    """All cases in a table; filters apply to rows in memory, search runs in the background."""

    loaded = Signal()  # the rows of a refresh() have arrived from the background runner
    import_requested = Signal()  # « Importer un tableur (CSV)… » (the main window imports)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName(self.tr("Sollicitations"))
        self._all: list[CaseSummary] = []
        self._months: set[str] = set()  # of the rows in _all
        self._theme_labels: dict[int, str] = {}
        self._search_ids: frozenset[int] | None = None
        self._search_generation = 0
        self._load_generation = 0
        self.loading = False
        self.model = RowTableModel(self._columns(), self)
        self.table = RowTable(self.model, self._open, self.tr("Liste des sollicitations"))
        # never scrolls sideways; Collectivité (often short names) gives its spare width first
        self.table.keep_within_width((3, 6, 2), droppable=(6, 3))
        self.table.setItemDelegateForColumn(2, InitialNameDelegate(self.table))  # « S. NOM »
        self.table.setItemDelegateForColumn(6, ElideRightDelegate(self.table))

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("Rechercher : nom, collectivité, référence, mot des notes…")
        )
        self.search_edit.setAccessibleName(self.tr("Rechercher une sollicitation"))
        self.search_edit.setClearButtonEnabled(True)
        self.status_combo = self._combo(self.tr("Filtrer par étape"))
        self.theme_combo = self._combo(self.tr("Filtrer par thème"))
        self.urgent_combo = self._combo(self.tr("Filtrer par urgence"))
        self.month_combo = self._combo(self.tr("Filtrer par mois"))
        self.hotliner_combo = self._combo(self.tr("Filtrer par écoutant"))
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Nombre de sollicitations affichées"))

        grid = QGridLayout()
        search_label = QLabel(self.tr("&Rechercher :"))
        search_label.setBuddy(self.search_edit)
        grid.addWidget(search_label, 0, 0)
        grid.addWidget(self.search_edit, 0, 1, 1, 3)
        filters = (
            (self.tr("Étape :"), self.status_combo),
            (self.tr("Thème :"), self.theme_combo),
            (self.tr("Urgence :"), self.urgent_combo),
            (self.tr("Mois :"), self.month_combo),
            (self.tr("Écoutant :"), self.hotliner_combo),
        )
        for position, (text, combo) in enumerate(filters):
            label = QLabel(text)
            label.setBuddy(combo)
            row, column = 1 + position // 2, (position % 2) * 2
            grid.addWidget(label, row, column, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(combo, row, column + 1)
        for column in (1, 3):
            grid.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Sollicitations")))
        layout.addLayout(grid)
        self.import_button = QPushButton(self.tr("Importer un tableur (CSV)…"))
        self.import_button.setAccessibleName(self.tr("Importer des sollicitations d'un tableur"))
        self.import_button.setToolTip(
            self.tr("Reprendre les sollicitations du tableur tenu jusqu'ici (fichier CSV).")
        )
        self.import_button.clicked.connect(self.import_requested)
        self.new_button = QPushButton(self.tr("Nouvelle sollicitation (Ctrl+N)"))
        self.new_button.setAccessibleName(self.tr("Nouvelle sollicitation"))
        self.new_button.clicked.connect(context.events.new_case_requested)
        self.new_button.hide()  # only while there is no case at all
        self.count_label.setWordWrap(True)
        self.count_buttons = QHBoxLayout()
        self.count_buttons.addWidget(self.new_button)
        self.count_buttons.addWidget(self.import_button)
        self.count_buttons.addStretch(0)  # left-aligned when below the count
        self.count_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.count_row.addWidget(self.count_label, 1)
        self.count_row.addLayout(self.count_buttons)
        layout.addLayout(self.count_row)
        layout.addWidget(self.table, 1)
        layout.addStretch(0)  # takes the room of the hidden table on the first day

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.run_search)
        self.search_edit.textChanged.connect(lambda _: self._debounce.start())
        self.search_edit.returnPressed.connect(self._open_first)
        context.events.cases_changed.connect(self.refresh)
        context.events.reference_data_changed.connect(self._fill_filters)
        self._fill_filters()  # the rows come with refresh(), called when the view is shown
        self.table.sort_by(1, Qt.SortOrder.DescendingOrder)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        combo.currentIndexChanged.connect(lambda _: self.apply_filters())
        return combo

    def _columns(self) -> list[Column[CaseSummary]]:
        # At 200 % on a laptop, Thèmes then Collectivité are hidden and long names are
        # elided: the reference's tooltip keeps all of it (see _summary_tip).
        return [
            Column(self.tr("Référence"), lambda r: r.reference, tooltip=self._summary_tip),
            Column(
                self.tr("Reçue le"),
                lambda r: short_datetime(r.received_at),
                sort_key=lambda r: r.received_at.timestamp(),
            ),
            Column(self.tr("Adhérent"), lambda r: r.member_name, tooltip=self._summary_tip),
            Column(self.tr("Collectivité"), lambda r: r.collectivite, tooltip=self._summary_tip),
            Column(self.tr("Étape"), lambda r: str(r.status)),
            Column(
                self.tr("Urgent"),
                lambda r: self.tr("URGENT") if r.urgent else "",
                colour=lambda r: qcolour("late") if r.urgent else None,
            ),
            Column(self.tr("Thèmes"), self._themes_text, tooltip=self._themes_text),
        ]

    def _themes_text(self, row: CaseSummary) -> str:
        return ", ".join(sorted(self._theme_labels.get(t, "") for t in row.theme_ids))

    def _summary_tip(self, row: CaseSummary) -> str:
        lines = [f"{row.reference} — {row.member_name}", row.collectivite]
        themes = self._themes_text(row)
        if themes:
            lines.append(self.tr("Thèmes : {0}").format(themes))
        return "\n".join(line for line in lines if line)

    # ---- filters --------------------------------------------------------
    def _fill_filters(self) -> None:
        services = self.context.services
        if not services.session.is_open:
            return
        combos = (
            self.status_combo,
            self.theme_combo,
            self.urgent_combo,
            self.month_combo,
            self.hotliner_combo,
        )
        previous = [combo.currentData() for combo in combos]
        every = (
            self.tr("Toutes"),
            self.tr("Tous"),
            self.tr("Toutes"),
            self.tr("Tous"),
            self.tr("Tous"),
        )
        for combo, label in zip(combos, every, strict=True):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(label, None)
        for status in Status:
            self.status_combo.addItem(str(status), status)
        themes = services.reference.themes(include_retired=True)
        self._theme_labels = {t.id: t.label for t in themes}
        children: dict[int, set[int]] = {}
        for theme in themes:
            if theme.parent_id is not None:
                children.setdefault(theme.parent_id, set()).add(theme.id)
        for theme in themes:
            if theme.parent_id is None:
                ids = frozenset({theme.id, *children.get(theme.id, set())})
                self.theme_combo.addItem(theme.label, ids)
            else:
                self.theme_combo.addItem("    " + theme.label, frozenset({theme.id}))
        self.urgent_combo.addItem(self.tr("Urgentes"), True)
        self.urgent_combo.addItem(self.tr("Non urgentes"), False)
        for key in sorted(self._months, reverse=True):
            self.month_combo.addItem(month_label(key), key)
        for person in services.people.all():
            self.hotliner_combo.addItem(person.display_name, person.id)
        for combo, data in zip(combos, previous, strict=True):
            index = combo.findData(data) if data is not None else 0
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    def current_filter(self) -> CaseFilter:
        return CaseFilter(
            status=self.status_combo.currentData(),
            theme_ids=self.theme_combo.currentData(),
            urgent=self.urgent_combo.currentData(),
            month=self.month_combo.currentData(),
            hotliner_id=self.hotliner_combo.currentData(),
            case_ids=self._search_ids,
        )

    def apply_filters(self, sorted_by: tuple[int, Qt.SortOrder] | None = None) -> None:
        rows = self.current_filter().apply(self._all)
        self.model.set_rows(rows, sorted_by)
        empty = not self._all and not self.loading
        self.new_button.setVisible(empty)
        self.table.setVisible(not empty)  # no blank table on the first day
        self.count_label.setText(
            self.tr("Aucune sollicitation pour l'instant.")
            if empty
            else self.tr("{0} sollicitation(s) sur {1}").format(len(rows), len(self._all))
        )
        self._fit_count_row()

    def _fit_count_row(self) -> None:
        """The count and its buttons on one line, or the buttons below when too narrow."""
        label = self.count_label
        needed = (
            label.fontMetrics().horizontalAdvance(label.text())
            + self.count_buttons.sizeHint().width()
            + 3 * self.count_row.spacing()
        )
        layout = self.layout()
        assert layout is not None  # set in __init__
        wide = needed <= self.contentsRect().width() - 2 * layout.contentsMargins().left()
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.count_row.direction() != direction:
            self.count_row.setDirection(direction)
            self.count_row.setStretchFactor(label, 1 if wide else 0)  # no gap when stacked

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_count_row()

    def select_theme(self, theme_id: int) -> None:
        """Choose the theme filter entry for `theme_id` (a top theme includes its children)."""
        for index in range(self.theme_combo.count()):
            ids = self.theme_combo.itemData(index)
            label = self.theme_combo.itemText(index).strip()
            if ids and theme_id in ids and label == self._theme_labels[theme_id]:
                self.theme_combo.setCurrentIndex(index)
                return
        raise KeyError(theme_id)

    # ---- search ---------------------------------------------------------
    def run_search(self) -> None:
        """Query the full-text index off the GUI thread; stale answers are ignored."""
        self._debounce.stop()
        text = self.search_edit.text().strip()
        self._search_generation += 1
        generation = self._search_generation
        if not text:
            self._search_ids = None
            self.apply_filters()
            return
        cases = self.context.services.cases

        def done(ids: list[int]) -> None:
            if generation == self._search_generation:
                self._search_ids = frozenset(ids)
                self.apply_filters()

        self.context.runner.run(lambda: cases.search(text, SEARCH_LIMIT), done)

    @property
    def search_pending(self) -> bool:
        return self._debounce.isActive()

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _open_first(self) -> None:
        if self.model.rowCount():
            self.table.open_row(0)

    # ---- data -----------------------------------------------------------
    def refresh(self) -> None:
        """Reload every row off the GUI thread (« Chargement… » meanwhile); `loaded` after."""
        services = self.context.services
        if not services.session.is_open:
            return
        self._load_generation += 1
        generation = self._load_generation
        self.loading = True
        self.count_label.setText(self.tr("Chargement…"))
        self._load(generation, FIRST_SCREEN)

    def _load(self, generation: int, limit: int | None) -> None:
        """The `limit` newest rows (a first screen, the same cost at any base size), or all."""
        services = self.context.services
        now = utc_now()
        order, labels = self.model.sort_order, dict(self._theme_labels)
        self.context.runner.run(
            lambda: self._prepare(services.cases.summaries(now, limit=limit), order, labels),
            lambda loaded: self._show_rows(generation, loaded, limit),
            lambda _error: self._load_failed(generation),
        )

    def _prepare(
        self,
        rows: list[CaseSummary],
        order: tuple[int, Qt.SortOrder] | None,
        labels: dict[int, str],
    ) -> _Loaded:
        """On the runner: everything that reads every row, so that their arrival costs the
        GUI thread the same on a base of 1 year or 10 (issue 21): the sort, the months of
        the filter, the longest texts the column widths come from."""

        def longest(text: Callable[[CaseSummary], str]) -> str:
            """The longest value by length (cheap on 10,000 rows), at most 60 characters."""
            return max((text(row) for row in rows), key=len, default="")[:60]

        def themes(row: CaseSummary) -> str:
            return ", ".join(sorted(labels.get(t, "") for t in row.theme_ids))

        samples = [
            "2026-A-0000",
            short_datetime(WIDEST_DATE),  # the real format: « 28/08/2088 à 20 h 08 »
            longest(lambda r: r.member_name),
            longest(lambda r: r.collectivite),
            "appel effectué",
            "URGENT",
            longest(themes),
        ]
        months = {row.month for row in rows}
        return _Loaded(self.model.sorted_rows(rows, order), order, months, samples)

    def _load_failed(self, generation: int) -> None:
        if generation == self._load_generation:
            self.loading = False
            self.count_label.setText(self.tr("La liste n'a pas pu être chargée."))

    def _show_rows(self, generation: int, loaded: _Loaded, limit: int | None) -> None:
        if generation != self._load_generation:
            return  # a newer refresh (or a lock) came since
        complete = limit is None or len(loaded.rows) < limit
        self.loading = not complete
        self._all, self._months = loaded.rows, loaded.months
        if complete and self.month_combo.count() - 1 != len(self._months):
            self._fill_filters()
        self.table.fit_columns(loaded.samples)  # first: the rows' arrival keeps these widths
        self.apply_filters(loaded.order)
        if not complete:  # the first screen is shown: now every row, off the GUI thread
            self.count_label.setText(self.tr("Chargement…"))
            self._load(generation, None)
            return
        self.loaded.emit()

    def _open(self, row: object) -> None:
        self.context.events.open_case.emit(cast(CaseSummary, row).id)  # the table's rows

    def clear_personal_data(self) -> None:
        self._load_generation += 1
        self.loading = False
        self._all, self._months = [], set()
        self.search_edit.clear()
        self.model.set_rows([])


def create_view(context: AppContext, parent: QWidget | None = None) -> QWidget:
    return CasesView(context, parent)
