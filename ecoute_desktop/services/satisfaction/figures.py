"""Satisfaction figures of a period or of each month, from the responses' submission dates."""

from __future__ import annotations

from datetime import date

from ecoute_desktop.domain.month import Month
from ecoute_desktop.domain.satisfaction import SatisfactionFigures
from ecoute_desktop.domain.timeutil import paris_day_range
from ecoute_desktop.store import Store


def period_satisfaction(store: Store, first: date, last: date) -> SatisfactionFigures:
    """Responses submitted between Paris days `first` and `last` inclusive, per question."""
    figures = SatisfactionFigures()
    for _, answers in store.satisfaction.answers_between(*paris_day_range(first, last)):
        figures.add(answers)
    return figures


def monthly_satisfaction(store: Store, first: date, last: date) -> dict[str, SatisfactionFigures]:
    """The same, month by month (`YYYY-MM`, Paris time); months without response left out."""
    result: dict[str, SatisfactionFigures] = {}
    for submitted, answers in store.satisfaction.answers_between(*paris_day_range(first, last)):
        result.setdefault(str(Month.of(submitted)), SatisfactionFigures()).add(answers)
    return result
