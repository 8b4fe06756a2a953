"""The one tally behind every document: order of themes and sub-themes, rounding, seeds.

Pins: themes and each theme's sub-themes come most frequent first, ties alphabetical;
sub-theme groups follow the theme table's order; labels given appear at zero; the median
delay is rounded to a tenth of an hour; unknown delays (records) leave it empty.
"""

from __future__ import annotations

from datetime import date

from ecoute_desktop.domain.aggregation import CaseFacts, tally

FIRST, LAST = date(2026, 3, 1), date(2026, 3, 31)


def _fact(*subs: tuple[str, str], hours: float | None = None) -> CaseFacts:
    return CaseFacts(
        themes=frozenset(top for top, _ in subs),
        sub_themes=frozenset(subs),
        acknowledged=hours is not None,
        ack_hours=hours,
    )


def test_most_frequent_first_ties_alphabetical_groups_follow_the_theme_table() -> None:
    facts = [
        _fact(("Relationnel", "Élus"), ("Carrière", "Mutation")),
        _fact(("Relationnel", "Collègues"), ("Carrière", "Mutation")),
        _fact(("Relationnel", "Élus"), ("Carrière", "Avancement")),
        _fact(("Relationnel", "Hiérarchie")),
    ]
    counted = tally(facts, FIRST, LAST, theme_labels=["Santé"])
    assert list(counted.indicators.themes.items()) == [
        ("Relationnel", 4),
        ("Carrière", 3),
        ("Santé", 0),
    ]
    assert [(top, list(subs.items())) for top, subs in counted.sub_themes.items()] == [
        ("Relationnel", [("Élus", 2), ("Collègues", 1), ("Hiérarchie", 1)]),
        ("Carrière", [("Mutation", 2), ("Avancement", 1)]),
    ]


def test_median_delay_rounded_to_a_tenth_and_empty_when_unknown() -> None:
    counted = tally([_fact(hours=h) for h in (1.04, 2.25, 30.0)], FIRST, LAST)
    assert counted.indicators.median_ack_hours == 2.2  # round(2.25, 1), banker's rounding
    assert counted.indicators.acknowledged == 3
    assert tally([_fact(), _fact()], FIRST, LAST).indicators.median_ack_hours is None
