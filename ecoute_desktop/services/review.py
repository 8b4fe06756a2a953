"""The annual review (one page, PDF bytes) from this laptop's base or from merged exports.

Both go through the committee's disclosure rule: `own_review_pdf` turns the base's cases
of the period into one hotliner's merge (services/committee_own.py), `review_pdf` takes
the coordinator's merge. The PNG is made from these bytes by the caller (a Qt adapter in
the ui layer), so nothing here imports Qt.
"""

from __future__ import annotations

from ecoute_desktop.domain.merge import Merge
from ecoute_desktop.services.committee_own import own_merge
from ecoute_desktop.services.reports.data import region_of
from ecoute_desktop.services.reports.review_data import ReviewReport, review_report
from ecoute_desktop.store import Store


def own_review_report(
    store: Store, first_month: str, last_month: str, threshold: int, actions: str = ""
) -> ReviewReport:
    """The review of `first_month`..`last_month` from this laptop's cases, disclosed."""
    report = review_report(own_merge(store, first_month, last_month), threshold, actions)
    report.region = region_of(store)
    return report


def own_review_pdf(
    store: Store, first_month: str, last_month: str, threshold: int, actions: str = ""
) -> bytes:
    from ecoute_desktop.services.reports.review_pdf import render_review

    return render_review(own_review_report(store, first_month, last_month, threshold, actions))


def review_pdf(merge: Merge, threshold: int, actions: str = "") -> bytes:
    """The coordinator's review of merged exports."""
    from ecoute_desktop.services.reports.review_pdf import render_review

    return render_review(review_report(merge, threshold, actions))
