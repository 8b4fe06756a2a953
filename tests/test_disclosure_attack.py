"""The committee's disclosure rule under attack: solve every published figure, pin nothing.

A reader takes every output the coordinator can give the committee (the PDF's tables,
the CSV and the one-page annual review) for one period, and for two nested or
overlapping periods drawn from the same exports. Unknowns are the true monthly counts;
each printed figure (« 4 », « < 3 », « s », « 4 à 8 ») bounds a sum of them; the reader
also knows every identity of the data (the per-hotliner columns add up to the key
figures, the delay bands to the requests, a question's levels to its answers) and that
no count exceeds the requests.
An integer solver (HiGHS, through scipy) then gives each hidden count its smallest and
largest possible value. No hidden non-zero count may come out pinned to one value.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pytest
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import csr_matrix, lil_matrix, vstack

from ecoute_desktop.domain.anonymised import ACK_BUCKETS, ORIENTATIONS, TOP_THEMES
from ecoute_desktop.domain.committee_figures import (
    HOTLINER_ATTRIBUTES,
    REQUESTS,
    committee_figures,
)
from ecoute_desktop.domain.disclosure import Key
from ecoute_desktop.domain.merge import Merge, merge_exports
from ecoute_desktop.domain.month import Month, month_range
from ecoute_desktop.domain.satisfaction import SatisfactionFigures
from ecoute_desktop.services.committee import Published, committee_report
from ecoute_desktop.services.committee_csv import committee_csv_and_ledger
from ecoute_desktop.services.reports.review_data import review_report
from tests.export_factory import document, export_file, record

THRESHOLD = 3
NOT_BOUNDED_BY_REQUESTS = {("key", "calls_held")}
SUB_THEMES = ["Relationnel/Élus", "Carrière/Mobilité", "Juridique/Statut"]


def _records(rng: random.Random, months: list[str]) -> list[dict]:
    result = []
    for month in months:
        for _ in range(rng.choice([0, 1, 2, 3, 4, 6, 9])):
            themes = rng.sample(TOP_THEMES, rng.choice([1, 1, 2]))
            subs = [s for s in SUB_THEMES if s.split("/")[0] in themes and rng.random() < 0.6]
            orientations = rng.sample(ORIENTATIONS, rng.choice([0, 1, 1, 2]))
            call = rng.random() < 0.8
            status = (
                "clôturée"
                if call and rng.random() < 0.7
                else rng.choice(["sans suite", "rdv fixé"])
            )
            result.append(
                record(
                    month,
                    urgent=rng.random() < 0.2,
                    status=status,
                    themes=themes,
                    sub_themes=subs,
                    orientations=orientations,
                    national_referral="Niveau national AITF" in orientations,
                    ack_delay=rng.choice(ACK_BUCKETS),
                    call_held=call,
                    questionnaire_sent=status == "clôturée" and rng.random() < 0.8,
                    satisfaction=rng.choice([None, 2, 4, 5]),
                )
            )
    return result


def _merge(rng: random.Random, n_months: int, first: str | None, last: str | None) -> Merge:
    start = Month.parse("2024-01")
    months = [str(m) for m in month_range(start, start.shifted(n_months - 1))]
    files = []
    for name in ["Mésange", "Pinson", "Rouge-gorge"][: rng.choice([1, 2, 3])]:
        docs = document(_records(rng, months), name, (months[0], months[-1]))
        files.append(export_file(docs))
    merge = merge_exports(files, first, last)
    for month in merge.months:
        answers = SatisfactionFigures()
        for _ in range(rng.choice([0, 1, 2, 4])):
            answers.responses += 1
            question = answers.question("Satisfaction globale", "4-niveaux")
            question.answered += 1
            level = rng.choice(list(question.counts))
            question.counts[level] += 1
        merge.satisfaction[month] = answers
    return merge


def _outputs(merge: Merge) -> list[Published]:
    """Every figure the PDF and the CSV of this merge print."""
    _, ledger = committee_csv_and_ledger(merge, THRESHOLD)
    review = review_report(merge, THRESHOLD).published  # the one-page annual review
    return committee_report(merge, THRESHOLD).published + ledger.published + review


class Reader:
    """The attacker: integer unknowns x[month, count], linear facts, min and max of each."""

    def __init__(self) -> None:
        self.index: dict[tuple[str, Key], int] = {}
        self.rows: list[tuple[dict[int, float], float, float]] = []

    def var(self, month: str, item: Key) -> int:
        return self.index.setdefault((month, item), len(self.index))

    def fact(self, terms: dict[int, float], low: float, high: float) -> None:
        self.rows.append((terms, low, high))

    def learn(self, published: Iterable[Published]) -> None:
        for item, months, figure in published:
            terms = {self.var(m, item): 1.0 for m in months}
            self.fact(terms, figure.low, np.inf if figure.high is None else figure.high)

    def know_identities(self, merge: Merge) -> None:
        figures = committee_figures(merge, THRESHOLD)
        for month, protected in figures.sheets.items():
            sheet = protected.sheet
            for total, parts in sheet.sums:
                terms: dict[int, float] = defaultdict(float)
                terms[self.var(month, total)] += 1
                for part in parts:
                    terms[self.var(month, part)] -= 1
                self.fact(dict(terms), 0, 0)
            requests = self.var(month, REQUESTS)
            for item in sheet.values:
                if item in sheet.bases or item in NOT_BOUNDED_BY_REQUESTS:
                    continue
                if item[0] in ("hotliner", "answer", "answered"):
                    continue
                self.fact({self.var(month, item): 1, requests: -1}, -np.inf, 0)
            for hotliner in figures.hotliners:
                mine = self.var(month, ("hotliner", hotliner, "requests"))
                for attribute in HOTLINER_ATTRIBUTES:
                    if attribute != "calls_held":
                        cell = self.var(month, ("hotliner", hotliner, attribute))
                        self.fact({cell: 1, mine: -1}, -np.inf, 0)

    def solver(self) -> Solver:
        return Solver(self.rows, len(self.index))


class Solver:
    """The reader's facts split into independent groups of unknowns, each solved alone."""

    def __init__(self, rows: list[tuple[dict[int, float], float, float]], size: int) -> None:
        parent = list(range(size))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for terms, _, _ in rows:
            first, *others = terms
            for other in others:
                parent[find(other)] = find(first)
        self.group = [find(i) for i in range(size)]
        self.rows_of: dict[int, list[tuple[dict[int, float], float, float]]] = defaultdict(list)
        for row in rows:
            self.rows_of[self.group[next(iter(row[0]))]].append(row)
        self.cache: dict[int, System] = {}

    def _system(self, root: int) -> System:
        if root not in self.cache:
            columns = [i for i, g in enumerate(self.group) if g == root]
            where = {c: n for n, c in enumerate(columns)}
            rows = self.rows_of[root]
            a = lil_matrix((len(rows), len(columns)))
            for r, (terms, _, _) in enumerate(rows):
                for column, coefficient in terms.items():
                    a[r, where[column]] += coefficient
            lows = np.array([low for _, low, _ in rows])
            highs = np.array([high for _, _, high in rows])
            a_csr = csr_matrix(a)
            a_ub = vstack([a_csr, -a_csr]).tocsr()
            b_ub = np.concatenate([highs, -lows])
            finite = np.isfinite(b_ub)
            self.cache[root] = System(
                where, LinearConstraint(a_csr, lows, highs), a_ub[finite], b_ub[finite]
            )
        return self.cache[root]

    def range_of(self, column: int) -> tuple[float, float]:
        """Smallest and largest integer value the facts allow (LP first, exact when narrow)."""
        system = self._system(self.group[column])
        c = np.zeros(len(system.where))
        c[system.where[column]] = 1
        low = linprog(c, A_ub=system.a_ub, b_ub=system.b_ub, bounds=(0, None)).fun
        high = linprog(-c, A_ub=system.a_ub, b_ub=system.b_ub, bounds=(0, None))
        high_value = np.inf if high.status == 3 else -high.fun
        if high_value - low >= 2:
            return low, high_value
        integrality = np.ones(len(system.where))
        bounds = Bounds(0, np.inf)
        found_low = milp(c, constraints=system.exact, bounds=bounds, integrality=integrality)
        found_high = milp(-c, constraints=system.exact, bounds=bounds, integrality=integrality)
        high_value = np.inf if found_high.status == 3 else round(-found_high.fun)
        return round(found_low.fun), high_value


@dataclass
class System:
    """One group of unknowns: their columns, the facts as equalities and as inequalities."""

    where: dict[int, int]
    exact: LinearConstraint
    a_ub: csr_matrix
    b_ub: np.ndarray


def _hidden_non_zero(merge: Merge, outputs: list[Published]) -> list[tuple[str, Key, int]]:
    figures = committee_figures(merge, THRESHOLD)
    seen = set()
    result = []
    for item, months, figure in outputs:
        if len(months) != 1 or figure.exact or (months[0], item) in seen:
            continue
        seen.add((months[0], item))
        value = figures.sheets[months[0]].sheet.values.get(item, 0)
        if value > 0:
            result.append((months[0], item, value))
    return result


def _attack(merges: list[Merge]) -> list[str]:
    reader = Reader()
    outputs: list[Published] = []
    for merge in merges:
        published = _outputs(merge)
        outputs += published
        reader.learn(published)
        reader.know_identities(merge)
    leaks = []
    solver = reader.solver()
    for month, item, value in _hidden_non_zero(merges[0], outputs):
        low, high = solver.range_of(reader.index[(month, item)])
        if low == high:
            leaks.append(f"{month} {item} = {value} (range {low}..{high})")
    return leaks


CASES = [(1, 0), (1, 1), (2, 2), (3, 3), (6, 4), (12, 5), (24, 6), (36, 7)]


@pytest.mark.parametrize(("n_months", "seed"), CASES)
def test_one_period_pins_no_hidden_count(n_months: int, seed: int) -> None:
    rng = random.Random(seed)
    merge = _merge(rng, n_months, None, None)
    assert _attack([merge]) == []


@pytest.mark.parametrize(("n_months", "seed"), [c for c in CASES if c[0] >= 2])
def test_nested_and_overlapping_periods_pin_no_hidden_count(n_months: int, seed: int) -> None:
    start = Month.parse("2024-01")
    last = start.shifted(n_months - 1)
    # May vs May–June (nested), and two periods that overlap by one month.
    pairs = [
        ((start, last.shifted(-1) if n_months > 1 else last), (start, last)),
        ((start, start.shifted(n_months // 2)), (start.shifted(max(0, n_months // 2)), last)),
    ]
    for (a_first, a_last), (b_first, b_last) in pairs:
        rng = random.Random(seed)
        whole = _merge(rng, n_months, None, None)
        files = whole.files
        first = merge_exports(files, str(a_first), str(a_last))
        second = merge_exports(files, str(b_first), str(b_last))
        for merge in (first, second):
            merge.satisfaction = {m: whole.satisfaction[m] for m in merge.months}
        assert _attack([whole, first, second]) == []


@pytest.mark.parametrize(("n_months", "seed"), [(1, 8), (6, 9), (12, 10)])
def test_a_laptops_own_summary_pins_no_hidden_count(n_months: int, seed: int) -> None:
    """The period summary of Rapports: one laptop's cases, no per-hotliner table."""
    whole = _merge(random.Random(seed), n_months, None, None)
    own = Merge([], [], whole.records, whole.first_month, whole.last_month)
    own.satisfaction = whole.satisfaction
    assert _attack([own]) == []
