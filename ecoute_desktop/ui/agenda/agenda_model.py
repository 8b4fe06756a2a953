"""The agenda week as a Qt tree model: days, then their slots, booked calls and free times."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

from ecoute_desktop.domain.french_dates import MONTHS, WEEKDAYS, clock
from ecoute_desktop.domain.models import Hotliner
from ecoute_desktop.domain.slots import public_holiday
from ecoute_desktop.domain.timeutil import as_paris, paris_day_range, utc_now
from ecoute_desktop.services.app import Services
from ecoute_desktop.ui.common.palette import qcolour
from ecoute_desktop.ui.common.translatable import QT_TRANSLATE_NOOP

KIND_ROLE = Qt.ItemDataRole.UserRole
APPOINTMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
DAY_ROLE = Qt.ItemDataRole.UserRole + 3
TODAY_ROLE = Qt.ItemDataRole.UserRole + 4

HOURS, WHAT, MEMBER, WHO = range(4)
_COLOURS = {"slot": "muted", "free": "free", "appointment": "booked"}  # palette names
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class AgendaRow:
    """One line under a day: a slot, a booked call, a free time, or « Aucune permanence »."""

    kind: str
    hours: str
    what: str
    member: str = ""
    who: str = ""
    appointment_id: int | None = None
    case_id: int | None = None


@dataclass(frozen=True, slots=True)
class AgendaDay:
    day: date
    label: str
    is_today: bool
    rows: tuple[AgendaRow, ...]


def day_label(day: date, today: date) -> str:
    label = f"{WEEKDAYS[day.weekday()].capitalize()} {day.day} {MONTHS[day.month - 1]}"
    holiday = public_holiday(day)
    if holiday:
        label += f" — {holiday} (férié)"
    if day == today:
        label += QCoreApplication.translate("AgendaWeekModel", " — aujourd'hui")
    return label


def build_week(services: Services, monday: date, today: date) -> list[AgendaDay]:
    """Read the week through the services (GUI thread; a week is a handful of rows)."""
    sunday = monday + timedelta(days=6)
    start, end = paris_day_range(monday, sunday)
    people: dict[int, Hotliner] = {h.id: h for h in services.people.all() if h.id is not None}
    windows = services.agenda.windows(monday, sunday)
    booked = services.agenda.between(start, end)
    free = services.agenda.free_times(monday, sunday, not_before=utc_now())

    def name(hotliner_id: int | None) -> str:
        person = people.get(hotliner_id) if hotliner_id is not None else None
        return person.display_name if person else ""

    def span(first: datetime, last: datetime) -> str:
        return f"{clock(first)} – {clock(last)}"

    days = []
    for offset in range(7):
        day = monday + timedelta(days=offset)
        rows: list[tuple[datetime, int, AgendaRow]] = []
        for window in (w for w in windows if w.day == day):
            row = AgendaRow(
                "slot",
                span(window.starts_at, window.ends_at),
                QCoreApplication.translate("AgendaWeekModel", "Permanence"),
                who=name(window.hotliner_id),
            )
            rows.append((window.starts_at, 0, row))
        for appointment in (a for a in booked if as_paris(a.starts_at).date() == day):
            case = services.cases.get(appointment.case_id)
            what = case.reference
            if case.urgent:
                what += QCoreApplication.translate("AgendaWeekModel", " · urgent")
            if appointment.out_of_slot:
                what += QCoreApplication.translate("AgendaWeekModel", " · hors créneau")
            row = AgendaRow(
                "appointment",
                span(appointment.starts_at, appointment.ends_at),
                what,
                case.member.display_name,
                name(appointment.hotliner_id),
                appointment.id,
                case.id,
            )
            rows.append((appointment.starts_at, 1, row))
        for slot_free in (f for f in free if as_paris(f.starts_at).date() == day):
            row = AgendaRow(
                "free",
                span(slot_free.starts_at, slot_free.ends_at),
                QCoreApplication.translate("AgendaWeekModel", "Libre"),
                who=name(slot_free.hotliner_id),
            )
            rows.append((slot_free.starts_at, 2, row))
        ordered = tuple(row for _, _, row in sorted(rows, key=lambda item: item[:2]))
        if not ordered:
            nothing = QCoreApplication.translate("AgendaWeekModel", "Aucune permanence")
            ordered = (AgendaRow("empty", "", nothing),)
        days.append(AgendaDay(day, day_label(day, today), day == today, ordered))
    return days


class AgendaWeekModel(QAbstractItemModel):
    """Seven day rows, each with its lines as children; read-only, rebuilt per week.

    Child indexes carry their day's row + 1 as internal id (0 marks a day row).
    """

    HEADERS = (
        QT_TRANSLATE_NOOP("AgendaWeekModel", "Heure"),
        QT_TRANSLATE_NOOP("AgendaWeekModel", "Rendez-vous"),
        QT_TRANSLATE_NOOP("AgendaWeekModel", "Adhérent"),
        QT_TRANSLATE_NOOP("AgendaWeekModel", "Écoutant(e)"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._days: list[AgendaDay] = []

    # ---- content -------------------------------------------------------
    def set_days(self, days: list[AgendaDay]) -> None:
        self.beginResetModel()
        self._days = list(days)
        self.endResetModel()

    def days(self) -> list[AgendaDay]:
        return list(self._days)

    def row_at(self, index: _Index) -> AgendaRow | None:
        """The line behind a child index (None for a day row or an invalid index)."""
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._days[index.internalId() - 1].rows[index.row()]

    def appointment_indexes(self) -> list[QModelIndex]:
        """Column-0 indexes of every booked call of the week, in time order."""
        found = []
        for number, day in enumerate(self._days):
            parent = self.index(number, 0)
            found += [
                self.index(row, 0, parent)
                for row, line in enumerate(day.rows)
                if line.kind == "appointment"
            ]
        return found

    def index_of_appointment(self, appointment_id: int) -> QModelIndex:
        for index in self.appointment_indexes():
            if index.data(APPOINTMENT_ID_ROLE) == appointment_id:
                return index
        return QModelIndex()

    # ---- Qt model interface ---------------------------------------------
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    # QObject.parent() and the model's parent(child) share one name: the stubs cannot merge them
    def parent(self, child: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._days)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._days[parent.row()].rows)
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.HEADERS)
        ):
            return QCoreApplication.translate("AgendaWeekModel", self.HEADERS[section])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._day_data(self._days[index.row()], index.column(), role)
        day = self._days[index.internalId() - 1]
        return self._row_data(day, day.rows[index.row()], index.column(), role)

    def _day_data(self, day: AgendaDay, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return day.label if column == HOURS else ""
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and day.is_today:
            return QBrush(qcolour("today_background"))
        return self._common(day, "day", role)

    def _row_data(self, day: AgendaDay, row: AgendaRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.hours, row.what, row.member, row.who)[column]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == HOURS:  # a screen reader hears the whole line on its first cell
                return " ; ".join(p for p in (day.label, row.hours, row.what, row.member) if p)
            return (row.hours, row.what, row.member, row.who)[column]
        if role == Qt.ItemDataRole.ForegroundRole and column in (WHAT, MEMBER):
            colour = qcolour(_COLOURS.get(row.kind, "muted"))
            return QBrush(colour)
        if (
            role == Qt.ItemDataRole.FontRole
            and row.kind == "appointment"
            and column
            in (
                WHAT,
                MEMBER,
            )
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and day.is_today:
            return QBrush(qcolour("today_row_background"))
        if role == Qt.ItemDataRole.ToolTipRole and row.kind == "appointment":
            return " — ".join(p for p in (row.hours, row.what, row.member, row.who) if p)
        if role == APPOINTMENT_ID_ROLE:
            return row.appointment_id
        if role == CASE_ID_ROLE:
            return row.case_id
        return self._common(day, row.kind, role)

    @staticmethod
    def _common(day: AgendaDay, kind: str, role: int) -> Any:
        if role == KIND_ROLE:
            return kind
        if role == DAY_ROLE:
            return day.day.isoformat()
        if role == TODAY_ROLE:
            return day.is_today
        return None
