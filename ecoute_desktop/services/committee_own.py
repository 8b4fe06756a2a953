"""A hotliner's own period summary for the committee: their cases under the committee's rule.

The period summary of Rapports is meant for the committee, so by default it discloses
the counts as the coordinator's summary does (domain/disclosure.py): the cases of the
period become their anonymised records, one merge of one hotliner, and go through
`committee_report`. Threshold 0 gives the exact figures and says « Effectifs exacts ».
"""

from __future__ import annotations

from ecoute_desktop.domain.merge import Merge, MergedRecord
from ecoute_desktop.domain.month import Month, month_range
from ecoute_desktop.services.committee import CommitteeReport, committee_report
from ecoute_desktop.services.export_anonymised import export_records
from ecoute_desktop.services.reports.data import region_of
from ecoute_desktop.services.satisfaction.figures import period_satisfaction
from ecoute_desktop.store import Store

OWN_TITLE = "Synthèse de la période pour le comité"
OWN_ID = "moi"


def own_merge(store: Store, first_month: str, last_month: str) -> Merge:
    """This laptop's cases of `first_month`..`last_month` as a merge of one hotliner."""
    months = [str(m) for m in month_range(Month.parse(first_month), Month.parse(last_month))]
    if not months:
        raise ValueError("Le dernier mois précède le premier.")
    records = export_records(store, months[0], months[-1])
    return Merge(
        files=[],
        duplicates=[],
        records=[MergedRecord(OWN_ID, record) for record in records],
        first_month=months[0],
        last_month=months[-1],
        satisfaction={m: period_satisfaction(store, *Month.parse(m).days) for m in months},
    )


def own_committee_report(
    store: Store, first_month: str, last_month: str, threshold: int, comment: str = ""
) -> CommitteeReport:
    """The summary of `first_month`..`last_month` from this laptop's cases, disclosed."""
    report = committee_report(own_merge(store, first_month, last_month), threshold, comment)
    report.title = OWN_TITLE
    report.region = region_of(store)
    report.files = None
    return report


def own_committee_pdf(
    store: Store, first_month: str, last_month: str, threshold: int, comment: str = ""
) -> bytes:
    from ecoute_desktop.services.reports.committee_pdf import render_committee

    return render_committee(
        own_committee_report(store, first_month, last_month, threshold, comment)
    )
