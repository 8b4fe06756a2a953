"""Fuzzing (hypothesis): generated CSV rows and export documents never crash, never half-write.

Each input reaches the code a user's file reaches: the CSV import's reading and
checking (`parse_cases_csv`, then `apply_import` when the plan is clean) and the
coordinator's reading and merge (`parse_export`, `merge_exports`). What may come out is
a result, or the app's French refusal (ImportFileError, RowError lines, RefusedExport);
any other exception is a bug a user would see as a traceback. A refused import leaves
the database's content unchanged. Inputs are bounded and `deadline=None`: speed is
measured in `make bench`, not asserted here. The `.eml` part is in the intake tests.
"""

from __future__ import annotations

import csv
import io
import json
import string
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ecoute_desktop.domain.merge import merge_exports
from ecoute_desktop.services.csv_import import (
    COLUMNS,
    ImportFileError,
    apply_import,
    parse_cases_csv,
)
from ecoute_desktop.services.merge_validation import RefusedExport, parse_export
from ecoute_desktop.store import Store
from ecoute_desktop.store.fingerprint import content_digest
from tests.export_factory import document, record

RAW_KEY = "x'" + "6e" * 32 + "'"
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
LONG_NOTE = ("> Le 3 mars, Zoé a écrit : « voir plus bas ; merci »\n" * 4000)[:200_000]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store.create(tmp_path_factory.mktemp("fuzz") / "ecoute.db", RAW_KEY)
    yield store
    store.close()


# Cells: what spreadsheets hold, what a tired volunteer types, and what an attacker pastes.
dates = st.one_of(
    st.dates(date(1, 1, 1), date(9999, 12, 31)).map(
        lambda d: d.strftime("%d/%m/") + f"{d.year:04d}"
    ),
    st.dates(date(1, 1, 1), date(9999, 12, 31)).map(lambda d: f"{d.year:04d}-{d:%m-%d}"),
    st.datetimes().map(lambda d: f"{d.year:04d}-{d:%m-%dT%H:%M:%S}"),
    st.sampled_from(
        [
            "01/01/0001",
            "31/12/9999 23:59",
            "9999-12-31T23:59:00-05:00",
            "30/02/2025",
            "00/00/0000",
            "1/1/2025 25:61",
            "2025-13-01",
            "",
            " ",
        ]
    ),
)
cells = st.one_of(
    st.text(max_size=40),
    st.text(string.printable, max_size=40),
    dates,
    st.sampled_from(
        [
            "oui",
            "non",
            "x",
            "peut-être",
            "clôturée",
            "sans suite (injoignable)",
            "2025-0042",
            "2025-0",
            '=HYPERLINK("http://x")',
            "\x00",
            '"',
            "a;b",
            "Relationnel|Carrière",
            "a@x.org,b@y.org",
        ]
    ),
)


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    columns = draw(
        st.one_of(
            st.just(list(COLUMNS)),
            st.permutations(COLUMNS),
            st.lists(st.sampled_from([*COLUMNS, "inconnue", ""]), max_size=8),
        )
    )
    rows = draw(st.lists(st.lists(cells, min_size=len(columns), max_size=len(columns)), max_size=4))
    separator = draw(st.sampled_from([";", ","]))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
    return buffer.getvalue().encode(encoding, errors="replace")


def _csv_bytes(rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([[row.get(c, "") for c in COLUMNS] for row in rows])
    return buffer.getvalue().encode("utf-8")


def _row(**cells: str) -> dict[str, str]:
    return {"nom": "Testelin", "prenom": "Zoé", "date_reception": "03/02/2025 09:15", **cells}


ISSUE_CSV = [
    _csv_bytes([_row(date_reception="01/01/0001")]),  # OverflowError before
    _csv_bytes([_row(date_reception="31/12/9999 23:59")]),
    _csv_bytes([_row(notes=LONG_NOTE)]),  # « guillemet non fermé » before
    _csv_bytes([_row(email="a@x.org,b@y.org")]),
    b'nom;date_reception\r\n"jamais ferm\xc3\xa9;03/02/2025\r\n',
    b"\xff\xfe" + "nom;date_reception".encode("utf-16-le"),
    b"nom;date_reception\r\nZo\x00\xe9;03/02/2025\r\n",
    b"",
]


def _check_csv(store: Store, data: bytes, folder: Path) -> None:
    path = folder / "tableur.csv"
    path.write_bytes(data)
    before = content_digest(store.db, "")
    try:
        plan = parse_cases_csv(path, store)
    except ImportFileError as error:
        assert str(error)  # a French reason naming the file
        assert content_digest(store.db, "") == before
        return
    if not plan.ok:
        assert all(str(error).startswith("ligne ") for error in plan.errors)
        assert content_digest(store.db, "") == before
        return
    count = store.cases.count()
    result = apply_import(store, plan)
    assert store.cases.count() == count + len(result.imported)


def _with_examples(name: str, inputs: list[bytes]) -> Any:
    """Decorate a fuzz test with each case of the issue as an explicit `@example`."""

    def decorate(test: Any) -> Any:
        for data in inputs:
            test = example(**{name: data})(test)
        return test

    return decorate


@FUZZ
@given(data=csv_files())
@_with_examples("data", ISSUE_CSV)
def test_fuzzed_csv_files_are_imported_or_refused_in_french(
    base: Store, tmp_path: Path, data: bytes
) -> None:
    _check_csv(base, data, tmp_path)


# Export documents: valid ones bent in every field, and JSON that is not an export at all.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)
RECORD_FIELDS = list(record())
HEADER_FIELDS = list(document([]))


@st.composite
def export_documents(draw: st.DrawFn) -> Any:
    records = [
        record(draw(st.sampled_from(["2026-01", "2026-02", "2026-03"])))
        for _ in range(draw(st.integers(0, 4)))
    ]
    doc: Any = document(records, draw(st.sampled_from(["Mésange", "Pinson"])))
    for _ in range(draw(st.integers(0, 3))):
        records = doc.get("records")  # may have been bent into anything, even an int
        bendable = [r for r in records if isinstance(r, dict)] if isinstance(records, list) else []
        if isinstance(doc.get("records"), list) and bendable and draw(st.booleans()):
            target = draw(st.sampled_from(bendable))
            target[draw(st.sampled_from(RECORD_FIELDS))] = draw(json_values)
        else:
            doc[draw(st.sampled_from(HEADER_FIELDS))] = draw(json_values)
    return draw(st.one_of(st.just(doc), json_values))


def _check_export(data: bytes) -> None:
    try:
        parsed = parse_export(data, "recu.json")
    except RefusedExport as error:
        assert error.reason and "recu.json" in str(error)
        return
    merge = merge_exports([parsed, parsed])
    assert merge.files


def _deep(levels: int) -> bytes:
    return ("[" * levels + "]" * levels).encode()


ISSUE_EXPORTS = [
    json.dumps(document([record(urgent=True)], "Jean Dupont 06 12 34 56 78")).encode(),
    json.dumps(document([record()], region="<font size=40>Région</font>")).encode(),
    json.dumps({**document([record()]), "records_sha256": "0" * 64}).encode(),
    _deep(100_000),
    b"\xef\xbb\xbf" + json.dumps(document([])).encode(),
    b'{"format": "ecoute-export-anonymise", "version": 1e400}',
    b"\xff\xfe{\x00}\x00",
    b"{" * 3,
]


@FUZZ
@given(doc=export_documents())
@example(doc={"format": "ecoute-export-anonymise", "version": 1, "records": None})
@example(doc=[])
def test_fuzzed_export_documents_are_merged_or_refused_in_french(doc: Any) -> None:
    _check_export(json.dumps(doc, ensure_ascii=False, allow_nan=True).encode("utf-8"))


@FUZZ
@given(data=st.binary(max_size=300))
@_with_examples("data", ISSUE_EXPORTS)
def test_fuzzed_bytes_given_as_an_export_are_merged_or_refused_in_french(data: bytes) -> None:
    _check_export(data)
