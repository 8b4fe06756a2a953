"""Spreadsheet exports as they come out of real software are read as the user expects.

Pins: Excel's `sep=;` (or `sep=,`) first line sets the separator and is not taken for the
header, line numbers staying those of the file; quoted separators and line breaks inside
a value, blank lines, trailing separators, CRLF or lone CR line ends, and a file holding
only its header are all read without a false error.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ecoute_desktop.services.csv_import import parse_cases_csv
from ecoute_desktop.store import Store
from tests.csv_import_helpers import NOW


def _plan(store: Store, tmp_path: Path, data: bytes):
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    return parse_cases_csv(path, store, now=NOW)


@pytest.mark.parametrize(
    "data",
    [
        b"sep=;\r\ndate_reception;nom;collectivite\r\n03/01/2026;Fictif;Ville, Test\r\n",
        b'sep=,\r\ndate_reception,nom,collectivite\r\n03/01/2026,Fictif,"Ville, Test"\r\n',
        b"\xef\xbb\xbfsep=;\r\ndate_reception;nom;collectivite\r\n"
        b"03/01/2026;Fictif;Ville, Test\r\n",
        b'"sep=;"\r\ndate_reception;nom;collectivite\r\n03/01/2026;Fictif;Ville, Test\r\n',
    ],
    ids=["semicolon", "comma", "bom", "quoted"],
)
def test_excel_separator_line_is_obeyed_and_skipped(
    store: Store, tmp_path: Path, data: bytes
) -> None:
    plan = _plan(store, tmp_path, data)
    assert plan.ok, [str(e) for e in plan.errors]
    assert [(p.line, p.case.member.nom, p.case.member.collectivite) for p in plan.cases] == [
        (3, "Fictif", "Ville, Test")
    ]


def test_errors_after_a_separator_line_name_the_physical_line(store: Store, tmp_path: Path) -> None:
    plan = _plan(
        store, tmp_path, b"sep=;\r\ndate_reception;nom\r\n03/01/2026;A\r\n32/01/2026;B\r\n"
    )
    assert [(e.line, e.column) for e in plan.errors] == [(4, "date_reception")]


@pytest.mark.parametrize(
    "data, names",
    [
        (
            b'date_reception;nom;notes\r\n03/01/2026;A;"un; deux\r\ntrois"\r\n'
            b"\r\n03/01/2026;B;\r\n",
            ["A", "B"],
        ),
        (b"date_reception;nom;\r\n03/01/2026;A;\r\n03/01/2026;B;;\r\n", ["A", "B"]),
        (b"date_reception;nom\r03/01/2026;A\r", ["A"]),
        (b"date_reception;nom\r\n", []),
        (b"date_reception;nom", []),
        (b"date_reception;nom\r\n;\r\n  ;  \r\n", []),
    ],
    ids=["quoted", "trailing", "cr", "header-only", "header-no-eol", "blank-rows"],
)
def test_ordinary_file_shapes_import_without_false_errors(
    store: Store, tmp_path: Path, data: bytes, names: list[str]
) -> None:
    plan = _plan(store, tmp_path, data)
    assert plan.ok, [str(e) for e in plan.errors]
    assert [p.case.member.nom for p in plan.cases] == names
