"""The merge's fast path (whole-column checks, column tally) decides and counts exactly as
the record-by-record path: the same files accepted, the same refusal for the same file,
the same figures in the same order."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecoute_desktop.domain.anonymised import (
    ACK_BUCKETS,
    ORIENTATIONS,
    STATUSES,
    SUB_THEMES,
    TOP_THEMES,
)
from ecoute_desktop.domain.call_delay import CALL_BANDS
from ecoute_desktop.domain.indicators import DROP_REASON_LABELS
from ecoute_desktop.domain.merge import records_tally, records_tally_one_by_one
from ecoute_desktop.services import merge_validation
from ecoute_desktop.services.merge_validation import RefusedExport, parse_export
from tests.export_factory import document, record, resign

MONTHS = ["2026-01", "2026-02", "2026-03"]

full_records = st.fixed_dictionaries(
    {
        "id": st.text("0123456789abcdef", min_size=32, max_size=32),
        "month": st.sampled_from(MONTHS),
        "urgent": st.booleans(),
        "status": st.sampled_from(STATUSES),
        "themes": st.lists(st.sampled_from(TOP_THEMES), unique=True, max_size=3),
        "sub_themes": st.lists(st.sampled_from(SUB_THEMES), unique=True, max_size=3),
        "orientations": st.lists(st.sampled_from(ORIENTATIONS), unique=True, max_size=2),
        "national_referral": st.booleans(),
        "ack_delay": st.sampled_from(ACK_BUCKETS),
        "appointments": st.integers(0, 3),
        "call_held": st.booleans(),
        "questionnaire_sent": st.booleans(),
        "satisfaction": st.sampled_from((None, 1, 2, 3, 4, 5)),
    },
    optional={
        "calls": st.integers(0, 4),
        "call_delay": st.sampled_from(CALL_BANDS),
        "drop_reason": st.sampled_from((*DROP_REASON_LABELS, None)),
        "followed_by": st.text("0123456789abcdef", min_size=32, max_size=32),
    },
)


def _shape(tally: Any) -> Any:
    """Everything a document shows of a tally, orders included."""
    indicators = tally.indicators
    return (
        indicators.to_json(),
        list(indicators.themes.items()),
        list(indicators.orientations.items()),
        list(indicators.call_bands.items()),
        list(indicators.closed_without_call.items()),
        [(top, list(subs.items())) for top, subs in tally.sub_themes.items()],
        tally.satisfaction.counts,
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(full_records, max_size=25))
def test_column_tally_is_the_record_by_record_tally(records: list[dict[str, Any]]) -> None:
    by_columns = records_tally(records, MONTHS[0], MONTHS[1])
    one_by_one = records_tally_one_by_one(records, MONTHS[0], MONTHS[1])
    assert _shape(by_columns) == _shape(one_by_one)


def _outcome(doc: dict[str, Any], fast: bool, monkeypatch: pytest.MonkeyPatch) -> Any:
    data = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    with monkeypatch.context() as patch:
        if not fast:
            patch.setattr(merge_validation, "schema_surely_valid", lambda records: None)
        try:
            accepted = parse_export(data, "x.json")
        except RefusedExport as error:
            return ("refused", error.reason)
    return ("accepted", accepted.records, _shape(records_tally(accepted.records, *MONTHS[::2])))


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 120)
    | st.sampled_from((2.0, 1.5, ""))
    | st.text(max_size=3)
    | st.sampled_from((*STATUSES, *ACK_BUCKETS, *TOP_THEMES, *SUB_THEMES, *MONTHS, "2026-01\n"))
    | st.sampled_from(("th-0123abcd", "or-0123abcd", "th-0123abcd\n", "TH-0123ABCD", "a" * 32)),
    lambda inner: st.lists(inner, max_size=3),
    max_leaves=4,
)
FIELDS = (
    *record(),
    "calls",
    "call_delay",
    "drop_reason",
    "followed_by",
    "theme_ids",
    "orientation_ids",
    "autre",
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    records=st.lists(full_records, min_size=1, max_size=6),
    which=st.integers(0, 5),
    name=st.sampled_from(FIELDS),
    value=st.one_of(st.just("delete"), json_values),
)
def test_fast_path_refuses_exactly_what_the_schema_and_rules_refuse(
    records: list[dict[str, Any]],
    which: int,
    name: str,
    value: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = document([record("2026-01"), *records])
    target = doc["records"][which % len(doc["records"])]
    if value == "delete":
        target.pop(name, None)
    else:
        target[name] = value
    doc = resign(doc, "Mésange")
    assert _outcome(doc, True, monkeypatch) == _outcome(doc, False, monkeypatch)


def test_the_fast_path_understands_every_field_of_the_schema() -> None:
    """A schema rule the column checks do not know sends every file down the slow path
    (the merge of 100 exports was 5× `json.load`, issue 16): the pair's `followed_by` and
    the référentiel's id lists are understood, and a full file is checked by columns."""
    from ecoute_desktop.services.merge_bulk_checks import _rules, schema_surely_valid

    assert _rules().known
    full = [
        {**record("2026-01"), "followed_by": "0" * 32, "theme_ids": ["th-0123abcd"]},
        {**record("2026-02"), "orientation_ids": ["or-0123abcd", "or-89abcdef"]},
    ]
    assert schema_surely_valid(full) is not None
    assert schema_surely_valid([{**full[0], "theme_ids": ["th-0123abcd"] * 2}]) is None
