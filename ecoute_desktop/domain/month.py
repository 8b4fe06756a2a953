"""The calendar month (« mars 2026 »): parsed from and written as `YYYY-MM`, Paris time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ecoute_desktop.domain.french_dates import MONTHS, MONTHS_SHORT
from ecoute_desktop.domain.timeutil import FIRST_YEAR, LAST_YEAR, as_paris, paris_day_range


@dataclass(frozen=True, order=True, slots=True)
class Month:
    """One calendar month; ordered by time, hashable, written `YYYY-MM` (`str(month)`).

    The months of files, options and settings are `YYYY-MM` text; `Month.parse` is the one
    place that reads it, `str()` the one place that writes it, `label()` the French name.
    """

    year: int
    number: int  # 1 (janvier) to 12 (décembre)

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 12 or not FIRST_YEAR <= self.year <= LAST_YEAR:
            raise ValueError(f"mois invalide « {self.year:04d}-{self.number:02d} »")

    @classmethod
    def parse(cls, text: str) -> Month:
        """`2026-03` (spaces around allowed); a French ValueError naming the text otherwise."""
        try:
            year_text, number_text = text.strip().split("-")
            if len(year_text) != 4:
                raise ValueError
            return cls(int(year_text), int(number_text))
        except (ValueError, AttributeError):
            raise ValueError(f"mois invalide « {text} » (attendu AAAA-MM)") from None

    @classmethod
    def of(cls, moment: datetime | date) -> Month:
        """The month of a day, or the Paris month of an instant (naive: Paris time)."""
        if isinstance(moment, datetime):
            moment = as_paris(moment)
        return cls(moment.year, moment.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.number:02d}"

    # ---- French display ------------------------------------------------------------
    def label(self, short: bool = False) -> str:
        """`mars 2026`; short: `févr. 2026`."""
        names = MONTHS_SHORT if short else MONTHS
        return f"{names[self.number - 1]} {self.year}"

    @property
    def name(self) -> str:
        """`mars`: the month's French name alone."""
        return MONTHS[self.number - 1]

    # ---- arithmetic ----------------------------------------------------------------
    def shifted(self, months: int) -> Month:
        """The month `months` later (earlier when negative)."""
        year, index = divmod(self.year * 12 + self.number - 1 + months, 12)
        return Month(year, index + 1)

    def next(self) -> Month:
        return self.shifted(1)

    def previous(self) -> Month:
        return self.shifted(-1)

    # ---- days and instants ---------------------------------------------------------
    @property
    def first_day(self) -> date:
        return date(self.year, self.number, 1)

    @property
    def last_day(self) -> date:
        following = self.next() if self.year < LAST_YEAR or self.number < 12 else None
        end = following.first_day if following else date(LAST_YEAR + 1, 1, 1)
        return end - timedelta(days=1)

    @property
    def days(self) -> tuple[date, date]:
        """First and last day (inclusive)."""
        return self.first_day, self.last_day

    @property
    def utc_range(self) -> tuple[datetime, datetime]:
        """Half-open UTC interval of the month's Paris days: [first instant, next month's)."""
        return paris_day_range(self.first_day, self.last_day)

    @property
    def paris_range(self) -> tuple[datetime, datetime]:
        """The same interval in Paris time: midnight of the 1st to midnight of next month."""
        start, end = self.utc_range
        return as_paris(start), as_paris(end)


def month_range(first: Month, last: Month) -> list[Month]:
    """Every month from `first` to `last` inclusive (empty when `last` precedes `first`)."""
    months = []
    current = first
    while current <= last:
        months.append(current)
        if current == last:
            break
        current = current.next()
    return months


def range_label(first: Month, last: Month) -> str:
    """`janvier 2026`, `janvier – juin 2026` or `novembre 2025 – février 2026`."""
    if first == last:
        return first.label()
    if first.year == last.year:
        return f"{first.name} – {last.label()}"
    return f"{first.label()} – {last.label()}"
