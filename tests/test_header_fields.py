"""The export header holds no free text: a pseudonym rule, a region list, and escaped PDFs.

Pins: a pseudonym is 1–24 letters, digits, spaces and hyphens with no run of six digits
(« Jean Dupont 06 12 34 56 78 » is refused in Paramètres, at export and at merge); the
published schema says exactly what the domain rule says; the region is a code of the
fixed list; a region or pseudonym with markup or a phone number never reaches a committee
or monthly PDF (text extracted with pypdf, font sizes read from the pages).
"""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from ecoute_desktop.domain.header_fields import (
    PSEUDONYM_SCHEMA_PATTERN,
    REGIONS,
    pseudonym_problem,
    region_code,
)
from ecoute_desktop.domain.models import Case, Member
from ecoute_desktop.resource_files import read_resource
from ecoute_desktop.services import export_anonymised as export
from ecoute_desktop.services.committee import committee_pdf
from ecoute_desktop.services.first_steps import save_report_identity
from ecoute_desktop.services.merge import merge_paths
from ecoute_desktop.services.reports import render_monthly
from ecoute_desktop.services.reports.data import monthly_report
from ecoute_desktop.store import Store
from tests.export_factory import document, record, write

SCHEMA = json.loads(read_resource("schemas", "export-v2.schema.json"))
MARKUP = '<font size="40">Dupont</font>'
PHONE_PSEUDONYM = "Jean Dupont 06 12 34 56 78"


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Mésange", True),
        ("Écoutant-7F3K", True),
        ("Œil de Bœuf 12345", True),
        ("x" * 24, True),
        ("x" * 25, False),
        (PHONE_PSEUDONYM, False),
        ("Iroise 061234", False),
        ("Iroise 06-12-34", False),
        ("a.b", False),
        ("O'Neil", False),
        (MARKUP, False),
        ("", False),
    ],
)
def test_pseudonym_rule(text: str, ok: bool) -> None:
    assert (pseudonym_problem(text) is None) is ok
    assert bool(re.search(PSEUDONYM_SCHEMA_PATTERN, text)) is ok


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZé0123456789 -.<>\n", max_size=30))
def test_the_schema_pattern_and_the_domain_rule_agree(text: str) -> None:
    schema_ok = jsonschema.Draft7Validator(SCHEMA["properties"]["pseudonym"]).is_valid(text)
    # The schema's `$` accepts one final line break; the merge's second check does not.
    assert (pseudonym_problem(text) is None) is (schema_ok and not text.endswith("\n"))


def test_the_schema_lists_exactly_the_regions_of_the_domain() -> None:
    assert SCHEMA["properties"]["region"]["enum"] == [*REGIONS, None]
    assert region_code("bretagne") == "FR-BRE" and region_code("Ile de France") == "FR-IDF"
    assert region_code(MARKUP) is None


def test_paramètres_and_the_export_refuse_a_phone_number_as_pseudonym(store: Store) -> None:
    with pytest.raises(ValueError, match="six chiffres"):
        save_report_identity(store, "FR-BRE", "Jean Dupont 06 12 34 56")
    with pytest.raises(ValueError, match="Région inconnue"):
        save_report_identity(store, MARKUP, "Mésange")
    assert store.settings.get("pseudonym") == "" and store.settings.get("region") == ""
    # A value saved by an older Écoute is refused at export, with the rule said.
    store.settings.set("pseudonym", PHONE_PSEUDONYM)
    with pytest.raises(ValueError, match="Pseudonyme invalide"):
        export.build_export(store, "2026-01", "2026-01")


def _font_sizes(pdf: bytes) -> set[float]:
    sizes: set[float] = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        content = page.get_contents()
        data = content.get_data() if content is not None else b""
        sizes.update(float(m) for m in re.findall(rb"/\S+ ([\d.]+) Tf", data))
    return sizes


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_markup_and_phone_numbers_never_reach_the_committee_pdf(tmp_path: Path) -> None:
    records = [record("2026-01") for _ in range(4)]
    hostile = [
        write(tmp_path / "region.json", document(records, "Iroise", region=MARKUP)),
        write(tmp_path / "pseudo.json", document(records, PHONE_PSEUDONYM, hotliner="x")),
    ]
    good = write(tmp_path / "bon.json", document([record("2026-01") for _ in range(3)]))
    outcome = merge_paths([*hostile, good])
    assert sorted(r.source for r in outcome.refused) == ["pseudo.json", "region.json"]
    pdf = committee_pdf(outcome.merge)
    text = _text(pdf)
    assert "Bretagne" in text and "Mésange" in text  # the good file's header is printed
    for leaked in ("Dupont", "font", "06 12", "size"):
        assert leaked not in text
    assert max(_font_sizes(pdf)) <= 18  # the title's size: nothing was enlarged


def test_a_legacy_region_with_markup_never_reaches_the_monthly_pdf(store: Store) -> None:
    member = Member("Fictif", "Test")
    store.cases.create(Case("", datetime(2026, 1, 5, 9, tzinfo=UTC), member))
    store.settings.set("region", MARKUP)  # as free text was stored before format 2
    pdf = render_monthly(monthly_report(store, "2026-01"))
    assert "Dupont" not in _text(pdf) and "font" not in _text(pdf)
    assert max(_font_sizes(pdf)) <= 18
