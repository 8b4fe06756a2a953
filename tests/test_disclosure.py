"""The disclosure rule on one month's sheet: small counts hidden, sums that pin them get
more hidden, a sheet whose sums lie hides everything, threshold 0 says « effectifs exacts »."""

from __future__ import annotations

from ecoute_desktop.domain.disclosure import (
    EXACT_NOTE,
    Sheet,
    State,
    figure_text,
    legend,
    protect,
)


def _sheet(a: int, b: int, c: int) -> Sheet:
    sheet = Sheet()
    sheet.add("total", a + b + c, base=True)
    for name, value in (("a", a), ("b", b), ("c", c)):
        sheet.add(name, value)
    sheet.add_sum("total", ["a", "b", "c"])
    return sheet


def test_a_small_count_beside_a_known_total_takes_another_cell_with_it() -> None:
    protected = protect(_sheet(1, 7, 9), 3)
    assert protected.states["a"] is State.SMALL
    # Alone, « a » would be total − 7 − 9: the smallest other count is hidden too.
    assert protected.states["b"] is State.SECRET
    assert protected.states["c"] is State.SHOWN
    assert figure_text(protected.figure("a"), 3) == "< 3"
    assert figure_text(protected.figure("b"), 3) == "s"


def test_sums_that_lie_hide_every_count_but_the_volume() -> None:
    sheet = _sheet(1, 7, 9)
    sheet.values["total"] = 5  # a hostile file: the parts exceed the total
    protected = protect(sheet, 3)
    assert protected.states["total"] is State.SHOWN
    assert all(protected.states[k] is not State.SHOWN for k in ("a", "b", "c"))


def test_a_month_without_requests_says_zero() -> None:
    protected = protect(_sheet(0, 0, 0), 3)
    assert figure_text(protected.figure("a"), 3) == "0"  # every reader works it out


def test_threshold_zero_hides_nothing_and_says_so() -> None:
    protected = protect(_sheet(1, 7, 9), 0)
    assert all(state is State.SHOWN for state in protected.states.values())
    assert figure_text(protected.figure("a"), 0) == "1"
    assert legend(0) == EXACT_NOTE and "Effectifs exacts" in EXACT_NOTE


def test_a_period_adds_the_published_months() -> None:
    may, june = protect(_sheet(1, 7, 9), 3), protect(_sheet(4, 7, 9), 3)
    total = may.figure("a") + june.figure("a")
    assert figure_text(total, 3) == "4 à 6"  # never 5: June alone is exact, May is « < 3 »


def test_a_laptops_own_summary_hides_only_what_the_rule_asks() -> None:
    """One laptop's summary has no per-hotliner table: its key figures are not tied to
    an empty one (that hid every count of the month)."""
    from ecoute_desktop.domain.committee_figures import committee_figures, key
    from ecoute_desktop.domain.merge import Merge, MergedRecord
    from tests.export_factory import record

    records = [record("2026-03", urgent=(n == 0)) for n in range(6)]
    own = Merge([], [], [MergedRecord("moi", r) for r in records], "2026-03", "2026-03")
    figures = committee_figures(own, 3)
    calls = figures.month("2026-03", key("calls_held"))
    assert calls.exact and calls.low == 6
    assert figure_text(figures.month("2026-03", key("urgent")), 3) == "< 3"
