"""The annual review's figures: one page of headline counts, ranked themes, orientations, trend.

Every count is read through the committee's `Ledger` (services/committee.py), from the
protected monthly sheets of domain/committee_figures.py, so the review hides the very
cells the committee summary hides and sums the months the same way. Shares are given
only when the counts they come from are exact, as in the summary. Nothing here draws:
`review_pdf.py` lays the page out from this plain data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ecoute_desktop.domain.anonymised import NATIONAL_ORIENTATIONS
from ecoute_desktop.domain.committee_figures import REQUESTS, RESPONSES, committee_figures, key
from ecoute_desktop.domain.disclosure import DEFAULT_THRESHOLD, figure_text, legend
from ecoute_desktop.domain.merge import Merge
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.services.committee import Ledger, Published, region_of
from ecoute_desktop.services.formatting import fr_int, fr_percent

REVIEW_TITLE = "Bilan de la ligne d'écoute"
NOT_GIVEN = "non donnée"


@dataclass(frozen=True)
class Bar:
    """One ranked row: a label, what a reader may know of its count, and that count as text."""

    label: str
    low: int
    high: int | None  # None: no upper bound (« au moins … »)
    text: str
    national: bool = False

    @property
    def exact(self) -> bool:
        return self.high == self.low


@dataclass(frozen=True)
class Headline:
    """One of the five headline tiles: the big figure, what it counts, and a detail line."""

    value: str
    caption: str
    detail: str = ""


@dataclass(frozen=True)
class TrendPoint:
    """One bar of the trend: its months (one, or a group), requests, calls held (disclosed)."""

    months: tuple[str, ...]
    requests: int
    calls: str


MAX_BARS = 15  # more months than this: the trend groups them by 3, 6 or 12
GROUPS = (1, 3, 6, 12)


def trend_points(ledger: Ledger) -> list[TrendPoint]:
    """Each month, or consecutive groups of months from the first one when there are many.

    A group's calls are the sum of its published months, as any period of the summary.
    """
    months = ledger.figures.months
    step = next((g for g in GROUPS if len(months) <= MAX_BARS * g), GROUPS[-1])
    points = []
    for start in range(0, len(months), step):
        group = tuple(months[start : start + step])
        requests = sum(ledger.figures.month(m, REQUESTS).low for m in group)
        points.append(TrendPoint(group, requests, ledger.text(key("calls_held"), group)))
    return points


@dataclass
class ReviewReport:
    """Everything the one-page review prints, already disclosed and formatted."""

    first_month: str
    last_month: str
    region: str
    threshold: int
    headlines: list[Headline]
    themes: list[Bar]
    orientations: list[Bar]
    months: list[tuple[str, int]]  # requests by month: a volume, always shown
    trend: list[TrendPoint]  # by month, or by groups of months over a long period
    rule: str
    actions: str = ""
    title: str = REVIEW_TITLE
    hotliners: int = 0  # files merged: 0 for one laptop's own review
    published: list[Published] = field(default_factory=list)  # for the attack test
    generated_at: datetime = field(default_factory=utc_now)

    @property
    def requests(self) -> int:
        return sum(n for _, n in self.months)


def _bar(ledger: Ledger, label: str, item: tuple[str, ...], national: bool = False) -> Bar:
    figure = ledger.figure(item)
    text = figure_text(figure, ledger.threshold, fr_int)
    return Bar(label, figure.low, figure.high, text, national)


def ranked(bars: list[Bar]) -> list[Bar]:
    """Most frequent first by what a reader knows (the least then the most), then by label."""
    return sorted(bars, key=lambda b: (-b.low, -(b.high if b.high is not None else 10**9), b.label))


def _within_48h(ledger: Ledger) -> Headline:
    count = ledger.figure(key("acknowledged_within_48h"))
    count_text = figure_text(count, ledger.threshold, fr_int)
    share = ledger.share(key("acknowledged_within_48h"))
    if share and share != "—":
        return Headline(share, "accusées sous 48\u00a0h", f"{count_text} sollicitations")
    return Headline(count_text, "accusées sous 48\u00a0h", f"part {NOT_GIVEN} (petits effectifs)")


def _satisfaction(ledger: Ledger) -> Headline:
    """The share of satisfied answers to the most answered rating question (two best levels)."""
    figures = ledger.figures
    responses = ledger.figure(RESPONSES).low
    answers = f"{fr_int(responses)} réponse{'s' if responses > 1 else ''} au questionnaire"
    rated = [(label, levels) for label, (scale, levels) in figures.questions.items() if scale]
    if not responses or not rated:
        return Headline("—", "satisfaction", "aucune réponse au questionnaire")
    answered = {label: figures.period(("answered", label)).low for label, _ in rated}
    label, levels = max(rated, key=lambda item: answered[item[0]])
    best = [("answer", label, level) for level in levels[-2:]]
    if not answered[label]:
        return Headline("—", "satisfaction", answers)
    if not figures.exact(best):
        return Headline(NOT_GIVEN, "part de satisfaits", f"{answers} ; petits effectifs")
    satisfied = sum(ledger.figure(item).low for item in best)
    return Headline(fr_percent(satisfied, answered[label], 0), "de satisfaits", answers)


def _national_share(ledger: Ledger) -> str:
    share = ledger.share(key("national_referrals"))
    return f"soit {share} des sollicitations" if share and share != "—" else ""


def headlines(ledger: Ledger) -> list[Headline]:
    requests = ledger.figure(REQUESTS).low
    if not requests:  # as the committee summary: nothing but « aucune sollicitation »
        none = "aucune sollicitation"
        return [Headline("0", "sollicitations reçues", "sur cette période")] + [
            Headline("—", caption, none)
            for caption in (
                "appels effectués",
                "accusées sous 48\u00a0h",
                "orientations vers le niveau national",
                "satisfaction",
            )
        ]
    calls = ledger.text(key("calls_held"))
    with_call = ledger.text(key("cases_with_call"))
    national = ledger.text(key("national_referrals"))
    urgent = ledger.text(key("urgent"))
    return [
        Headline(fr_int(requests), "sollicitations reçues", f"dont {urgent} urgentes"),
        Headline(calls, "appels effectués", f"pour {with_call} sollicitations"),
        _within_48h(ledger),
        Headline(national, "orientations vers le niveau national", _national_share(ledger)),
        _satisfaction(ledger),
    ]


def short_rule(threshold: int) -> str:
    """The one line under the page that says what is hidden (or that the counts are exact)."""
    if threshold <= 0:
        return legend(threshold)
    return (
        f"Petits effectifs masqués mois par mois comme dans la synthèse pour le comité :"
        f" « < {threshold} » = moins de {threshold} ; « s » = masqué pour qu'une petite valeur"
        " ne puisse pas être retrouvée ; « a à b » = total de mois dont certains sont masqués"
        " (partie hachurée des barres)."
    )


def review_report(
    merge: Merge, threshold: int = DEFAULT_THRESHOLD, actions: str = ""
) -> ReviewReport:
    """The one-page review of the merge, every count disclosed by the committee's rule."""
    figures = committee_figures(merge, threshold)
    ledger = Ledger(figures)
    themes = [_bar(ledger, theme, ("theme", theme)) for theme in figures.themes]
    orientations = [
        _bar(ledger, label, ("orientation", label), label in NATIONAL_ORIENTATIONS)
        for label in figures.orientations
    ]
    report = ReviewReport(
        first_month=merge.first_month,
        last_month=merge.last_month,
        region=region_of(merge),
        threshold=threshold,
        headlines=headlines(ledger),
        themes=ranked(themes),
        orientations=ranked(orientations),
        months=[(m, figures.month(m, REQUESTS).low) for m in figures.months],
        trend=trend_points(ledger),
        rule=short_rule(threshold),
        actions=actions.strip(),
        hotliners=len(merge.files),
    )
    report.published = ledger.published
    return report
