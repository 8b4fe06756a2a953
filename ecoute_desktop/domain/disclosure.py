"""The committee's disclosure rule: small counts hidden per month, period figures summed from them.

One rule for every figure the committee sees (merge PDF and CSV, key figures, the
per-hotliner table, any period, the annual review):

* Each month is a *sheet* of counts and of the sums a reader knows (a column of the
  per-hotliner table adds up to the month's key figure; the delay bands add up to the
  requests; the levels of a question add up to its answers).
* Volumes (`bases`: requests, a hotliner's requests, questionnaire answers) are shown.
  Every other count below the threshold, zero included, is hidden as « < t » (a reader
  knows only [0, t-1]). If a sum would let a reader pin a small non-zero count, more
  cells are hidden as « s » (known only to be >= t), until no small count is pinned.
* A figure over several months is the sum of the monthly figures **as published**: exact
  when every month is, else the range « a à b » (or « au moins a ») that the monthly
  figures allow. So no set of outputs, for any periods, tells more than the monthly
  sheets, which share no count with one another: subtracting May from May–June gives
  June's published figure, never its hidden value.

The cost, named in docs/disclosure.md: totals over long periods of rare categories are
ranges, not numbers. Threshold 0 (the association decides small counts are not secret)
shows everything, and the outputs say « effectifs exacts ».
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

Key = Hashable
DEFAULT_THRESHOLD = 3
EXACT_NOTE = "Effectifs exacts : aucun petit effectif n'est masqué (seuil 0)."


class State(StrEnum):
    SHOWN = "shown"
    SMALL = "small"  # primary: below the threshold
    SECRET = "secret"  # secondary: hidden so that a small count cannot be recomputed


@dataclass(slots=True)
class Sheet:
    """One month: its counts, the volumes never hidden, and the sums a reader knows."""

    values: dict[Key, int] = field(default_factory=dict)
    bases: set[Key] = field(default_factory=set)
    sums: list[tuple[Key, tuple[Key, ...]]] = field(default_factory=list)  # total = Σ parts

    def add(self, key: Key, value: int, base: bool = False) -> None:
        self.values[key] = self.values.get(key, 0) + value
        if base:
            self.bases.add(key)

    def add_sum(self, total: Key, parts: Iterable[Key]) -> None:
        self.sums.append((total, tuple(parts)))


@dataclass(frozen=True, slots=True)
class Figure:
    """What a reader may know of a count: exactly `low` when `high == low`, else a range."""

    low: int
    high: int | None  # None: no upper bound given
    months: int = 1  # how many monthly figures it adds up
    state: State = State.SHOWN  # for a one-month figure: how it is hidden

    @property
    def exact(self) -> bool:
        return self.high == self.low and self.state is State.SHOWN

    def __add__(self, other: Figure) -> Figure:
        if not self.months or not other.months:
            return other if not self.months else self
        high = None if self.high is None or other.high is None else self.high + other.high
        state = State.SHOWN if self.exact and other.exact else State.SECRET
        return Figure(self.low + other.low, high, self.months + other.months, state)


ZERO = Figure(0, 0, 0)


def small_label(threshold: int) -> str:
    return f"< {threshold}"


SECRET_LABEL = "s"


def figure_text(figure: Figure, threshold: int, fmt: Callable[[int], str] = str) -> str:
    """« 12 », « < 3 », « s », « 12 à 16 » or « au moins 12 ».

    A hidden count that the sums pin anyway (to zero: a month without requests) is
    written as the value every reader works out.
    """
    if figure.exact or figure.high == figure.low:
        return fmt(figure.low)
    if figure.months <= 1:
        return small_label(threshold) if figure.state is State.SMALL else SECRET_LABEL
    if figure.high is None:
        return f"au moins {fmt(figure.low)}"
    return f"{fmt(figure.low)} à {fmt(figure.high)}"


def legend(threshold: int, unit: str = "sollicitations") -> str:
    """The French note under a table with hidden counts; threshold 0 says « effectifs exacts »."""
    if threshold <= 0:
        return EXACT_NOTE
    return (
        f"« {small_label(threshold)} » : moins de {threshold} {unit} (zéro compris) ; "
        f"« {SECRET_LABEL} » : valeur masquée pour qu'une petite valeur ne puisse pas être "
        "retrouvée par soustraction ; « a à b » : total de plusieurs mois dont certains sont "
        "masqués."
    )


@dataclass(slots=True)
class Protected:
    """A sheet with the state of each count decided."""

    sheet: Sheet
    threshold: int
    states: dict[Key, State]
    # What a reader of this month can work out of a hidden count (bounds from the sums):
    # telling it in a total of several months tells nothing new.
    known: dict[Key, tuple[int, int]] = field(default_factory=dict)

    def figure(self, key: Key) -> Figure:
        value = self.sheet.values.get(key, 0)
        state = self.states.get(key, State.SHOWN if self.threshold <= 0 else State.SMALL)
        if key not in self.sheet.values and self.threshold > 0 and key not in self.sheet.bases:
            state = State.SMALL  # a count absent from the month is a zero: hidden like one
        if state is State.SHOWN:
            return Figure(value, value)
        if state is State.SMALL:
            low, high = self.known.get(key, (0, self.threshold - 1))
            return Figure(low, high, 1, State.SMALL)
        infinity = _infinity(self.sheet, self.threshold)
        low, high = self.known.get(key, (self.threshold, infinity))
        return Figure(low, None if high >= infinity else high, 1, State.SECRET)


def protect(sheet: Sheet, threshold: int) -> Protected:
    """Hide the small counts of a sheet, then whatever would let a sum pin one of them."""
    states = {
        key: State.SMALL
        if threshold > 0 and key not in sheet.bases and value < threshold
        else State.SHOWN
        for key, value in sheet.values.items()
    }
    if threshold > 0:
        try:
            while True:
                pinned, bounds = _propagate(sheet, states, threshold)
                if pinned is None:
                    break
                _hide_one_more(sheet, states, pinned, threshold)
        except _Unsolvable:
            # The sums do not hold (a file that lies) or the reasoning does not settle:
            # hide every count but the volumes rather than guess.
            for key in states:
                if key not in sheet.bases and states[key] is State.SHOWN:
                    states[key] = State.SECRET
            bounds = {}
    else:
        bounds = {}
    known = {k: (low, high) for k, (low, high) in bounds.items() if states[k] is not State.SHOWN}
    return Protected(sheet, threshold, states, known)


class _Unsolvable(Exception):
    """The sums of a sheet contradict its counts, or bound propagation does not settle."""


MAX_PASSES = 500


def _hide_one_more(
    sheet: Sheet, states: dict[Key, State], relation: tuple[Key, ...], threshold: int
) -> None:
    """Hide the smallest shown count of the sum that pinned a cell, else of the nearest sum
    linked to it through hidden counts; a volume only when nothing else is left."""
    ring, seen = [relation], {relation}
    while ring:
        shown = {k for rel in ring for k in rel if states[k] is State.SHOWN}
        candidates = [k for k in shown if k not in sheet.bases]
        if candidates:
            break
        hidden = {k for rel in ring for k in rel if states[k] is not State.SHOWN}
        ring = [
            rel for rel in ((t, *p) for t, p in sheet.sums) if rel not in seen and hidden & set(rel)
        ]
        seen.update(ring)
    else:
        candidates = [k for k in relation if states[k] is State.SHOWN]
    if not candidates:
        raise _Unsolvable
    key = min(candidates, key=lambda k: (sheet.values[k], str(k)))
    states[key] = State.SMALL if sheet.values[key] < threshold else State.SECRET


def _infinity(sheet: Sheet, threshold: int) -> int:
    return sum(sheet.values.values()) + threshold + 1


def _propagate(
    sheet: Sheet, states: dict[Key, State], threshold: int
) -> tuple[tuple[Key, ...] | None, dict[Key, list[int]]]:
    """The keys of a sum through which a reader pins a small non-zero count (or None),
    and the bounds a reader gets of every count.

    The reader's reasoning is bound propagation over every sum, again and again until
    nothing changes: a small count lies in [0, t-1], another hidden one in [t, ∞). On a
    single sum this is exact; `tests/test_disclosure_attack.py` checks the whole system
    with an integer solver.
    """
    infinity = _infinity(sheet, threshold)
    bounds: dict[Key, list[int]] = {}
    for key, value in sheet.values.items():
        state = states[key]
        if state is State.SHOWN:
            bounds[key] = [value, value]
        elif state is State.SMALL:
            bounds[key] = [0, threshold - 1]
        else:
            bounds[key] = [threshold, infinity]
    changed = True
    passes = 0
    while changed:
        changed = False
        passes += 1
        if passes > MAX_PASSES:
            raise _Unsolvable
        for total, parts in sheet.sums:
            # total - Σ parts = 0, written as Σ sign·x = 0
            terms = [(total, 1)] + [(p, -1) for p in parts]
            for key, sign in terms:
                low, high = bounds[key]
                # sign·x = -Σ others
                others_low = sum(_term_low(bounds, k, s) for k, s in terms if k != key)
                others_high = sum(_term_high(bounds, k, s) for k, s in terms if k != key)
                if sign == 1:
                    new_low, new_high = max(low, -others_high), min(high, -others_low)
                else:
                    new_low, new_high = max(low, others_low), min(high, others_high)
                if (new_low, new_high) == (low, high):
                    continue
                if new_low > new_high:
                    raise _Unsolvable
                bounds[key] = [new_low, new_high]
                changed = True
                if new_low == new_high and states[key] is not State.SHOWN and sheet.values[key] > 0:
                    return (total, *parts), bounds
    return None, bounds


def _term_low(bounds: dict[Key, list[int]], key: Key, sign: int) -> int:
    return bounds[key][0] if sign > 0 else -bounds[key][1]


def _term_high(bounds: dict[Key, list[int]], key: Key, sign: int) -> int:
    return bounds[key][1] if sign > 0 else -bounds[key][0]
