"""Merge properties (hypothesis): order does not matter, a file with itself is the file alone,
and for disjoint hotliners the merged totals are the sums of the per-file indicators."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from ecoute_desktop.domain.anonymised import ACK_BUCKETS, ORIENTATIONS, STATUSES, TOP_THEMES
from ecoute_desktop.domain.merge import merge_exports, records_indicators
from tests.export_factory import document, export_file

MONTHS = ["2026-01", "2026-02", "2026-03"]
SCALARS = (
    "requests",
    "urgent",
    "acknowledged",
    "acknowledged_within_48h",
    "calls_held",
    "questionnaires_sent",
    "closed",
    "national_referrals",
)

records = st.fixed_dictionaries(
    {
        "id": st.text("0123456789abcdef", min_size=32, max_size=32),
        "month": st.sampled_from(MONTHS),
        "urgent": st.booleans(),
        "status": st.sampled_from(STATUSES),
        "themes": st.lists(st.sampled_from(TOP_THEMES), unique=True, max_size=3),
        "sub_themes": st.just([]),
        "orientations": st.lists(st.sampled_from(ORIENTATIONS), unique=True, max_size=2),
        "national_referral": st.booleans(),
        "ack_delay": st.sampled_from(ACK_BUCKETS),
        "appointments": st.integers(0, 3),
        "call_held": st.booleans(),
        "questionnaire_sent": st.booleans(),
        "satisfaction": st.none() | st.integers(1, 5),
    }
)


@st.composite
def export_files(draw, pseudonyms=("Mésange", "Pinson", "Rouge-gorge")):
    """Up to four files, some from the same pseudonym, some sharing record ids."""
    pool = draw(st.lists(records, min_size=1, max_size=12, unique_by=lambda r: r["id"]))
    files = []
    for index in range(draw(st.integers(1, 4))):
        chosen = draw(st.lists(st.sampled_from(pool), unique_by=lambda r: r["id"], max_size=8))
        first, last = sorted(draw(st.lists(st.sampled_from(MONTHS), min_size=2, max_size=2)))
        chosen = [r for r in chosen if first <= r["month"] <= last]
        doc = document(
            chosen,
            draw(st.sampled_from(pseudonyms)),
            (first, last),
            f"2026-04-0{draw(st.integers(1, 9))}T10:00:00Z",
        )
        files.append(export_file(doc, f"f{index}.json"))
    return files


def _summary(merge):
    return (
        merge.indicators().to_json(),
        [(m.hotliner_id, m.record["id"], m.record["status"]) for m in merge.records],
        {p: i.to_json() for p, i in merge.indicators_by_hotliner().items()},
    )


@settings(max_examples=150, deadline=None)
@given(export_files(), st.randoms(use_true_random=False))
def test_merge_does_not_depend_on_file_order(files, rng) -> None:
    shuffled = list(files)
    rng.shuffle(shuffled)
    assert _summary(merge_exports(shuffled)) == _summary(merge_exports(files))


@settings(max_examples=100, deadline=None)
@given(export_files())
def test_a_file_merged_with_itself_equals_the_file_alone(files) -> None:
    alone = merge_exports(files[:1])
    doubled = merge_exports([files[0], files[0]])
    assert _summary(doubled) == _summary(alone)
    assert alone.indicators().requests == len(files[0].records)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.lists(records, max_size=10, unique_by=lambda r: r["id"]), min_size=1, max_size=4)
)
def test_merged_totals_are_sums_for_disjoint_hotliners(groups) -> None:
    seen: set[str] = set()
    files = []
    for index, group in enumerate(groups):
        group = [r for r in group if r["id"] not in seen]
        seen.update(r["id"] for r in group)
        doc = document(group, f"Ecoutant {index}", (MONTHS[0], MONTHS[-1]))
        files.append(export_file(doc, f"f{index}.json"))
    merged = merge_exports(files).indicators()
    parts = [records_indicators(f.records, MONTHS[0], MONTHS[-1]) for f in files]
    for key in SCALARS:
        assert getattr(merged, key) == sum(getattr(p, key) for p in parts), key
    for key in ("themes", "orientations"):
        total: Counter[str] = Counter()
        for part in parts:
            total.update(getattr(part, key))
        assert Counter(getattr(merged, key)) == total
