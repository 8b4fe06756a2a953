"""Questionnaire figures in `indicators --json`, the PDFs, the anonymised export and the merge.

Pins: the `satisfaction` key of `ecoute indicators --json` has exactly the contracted
shape, per question, for responses submitted in the period; the monthly PDF shows each
question with its response rate and mean; the export carries counts per month,
question and label and passes the merge's validation; the committee summary adds the
files and hides small counts; a free-text marker typed in a suggestion appears in
neither the export, nor any PDF, nor the logs.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest

from ecoute_desktop.cli import main
from ecoute_desktop.domain.models import Case, Member
from ecoute_desktop.domain.workflow import Status
from ecoute_desktop.services.app import Services
from ecoute_desktop.services.committee import committee_pdf
from ecoute_desktop.services.export_anonymised import build_export, export_bytes
from ecoute_desktop.services.export_signing import sign
from ecoute_desktop.services.merge import merge_paths
from ecoute_desktop.services.merge_validation import RefusedExport, parse_export, schema_text
from ecoute_desktop.services.reports import write_monthly_report, write_period_report
from ecoute_desktop.store import Store
from tests.conftest import PASSPHRASE
from tests.report_helpers import pdf_text

DATA = Path(__file__).parent / "data" / "framaforms"
MARKER = "SUGGESTION-MARQUEUR"


def _filled(store: Store) -> None:
    """Two closed cases of March and both fixture forms imported."""
    for number in range(2):
        case = store.cases.create(
            Case("", datetime(2026, 3, 2, 9, tzinfo=UTC), Member(f"Nomfictif{number}"))
        )
        for step in (Status.ACKNOWLEDGED, Status.SCHEDULED, Status.CALL_HELD, Status.CLOSED):
            Services(store).cases.advance(case.id, step, "Jacqueline Morel")
    service = Services(store).satisfaction
    for name in ("defaut-tabulation-en.tsv", "fr-point-virgule.csv"):
        service.confirm_import(service.preview(DATA / name))


def test_indicators_json_has_the_satisfaction_key(monkeypatch, capsys, db_path: Path) -> None:
    with Store.create(db_path, PASSPHRASE) as store:
        _filled(store)
    monkeypatch.setenv("ECOUTE_PASSPHRASE", PASSPHRASE)
    assert main(["--db", str(db_path), "indicators", "--month", "2026-03", "--json"]) == 0
    satisfaction = json.loads(capsys.readouterr().out)["satisfaction"]
    assert satisfaction["responses"] == 6  # 3 + 3 submitted in March, drafts and April left out
    listen = satisfaction["questions"]["Êtes-vous satisfait de l'écoute ?"]
    assert listen == {
        "answered": 3,
        "counts": {
            "Pas du tout satisfait": 0,
            "Peu satisfait": 1,
            "Satisfait": 1,
            "Très satisfait": 1,
        },
        "satisfied": 2,
        "mean": 3.0,
        "scale_max": 4,
    }
    assert all(
        set(q) == {"answered", "counts", "satisfied", "mean", "scale_max"}
        for q in satisfaction["questions"].values()
    )
    assert main(["--db", str(db_path), "indicators", "--month", "2026-04", "--json"]) == 0
    april = json.loads(capsys.readouterr().out)["satisfaction"]
    assert april["responses"] == 1  # SID 105, submitted on 2 April


def test_monthly_pdf_shows_each_question(store: Store, tmp_path: Path) -> None:
    _filled(store)
    text = " ".join(pdf_text(write_monthly_report(store, "2026-03", tmp_path / "m.pdf")).split())
    assert "Questionnaire de satisfaction" in text
    assert "6 réponse(s) reçue(s) dans la période ; taux de réponse : 300,0 %" in text
    assert "Êtes-vous satisfait de l'écoute ?" in text
    assert (
        "Pas du tout satisfait : 0 · Peu satisfait : 1 · Satisfait : 1 · Très satisfait : 1" in text
    )
    assert "3 réponse(s) ; moyenne 3,00 sur 4" in text
    assert MARKER not in text


def test_export_merge_and_committee_carry_counts_never_suggestions(
    store: Store, tmp_path: Path, caplog
) -> None:
    caplog.set_level(logging.DEBUG)
    _filled(store)
    document = build_export(store, "2026-03", "2026-04", pseudonym="Écoutant-7F3K")
    data = export_bytes(document)
    assert MARKER.encode() not in data
    jsonschema.validate(document, json.loads(schema_text()))
    march = document["satisfaction"][0]
    assert (march["month"], march["responses"]) == ("2026-03", 6)
    listen = next(
        q for q in march["questions"] if q["question"] == "Êtes-vous satisfait de l'écoute ?"
    )
    assert listen == {
        "question": "Êtes-vous satisfait de l'écoute ?",
        "scale": "4-niveaux",
        "answered": 3,
        "counts": {
            "Pas du tout satisfait": 0,
            "Peu satisfait": 1,
            "Satisfait": 1,
            "Très satisfait": 1,
        },
    }
    path = tmp_path / "export.json"
    path.write_bytes(data)
    outcome = merge_paths([path])
    assert outcome.ok and not outcome.refused
    merged = outcome.merge.indicators().satisfaction.to_json()
    assert merged["responses"] == 7
    assert merged["questions"]["Êtes-vous satisfait de l'écoute ?"]["counts"]["Satisfait"] == 1
    committee = " ".join(pdf_text_bytes(committee_pdf(outcome.merge, 3), tmp_path).split())
    # Two months with small counts hidden: the period gives a range, never the count.
    assert "Peu satisfait 0à2" in committee
    assert not re.search(r"Moyenne \d", committee)  # it would tell the hidden counts
    shown = " ".join(pdf_text_bytes(committee_pdf(outcome.merge, 0), tmp_path).split())
    assert "Peu satisfait 1" in shown and "Moyenne 3,00 sur 4" in shown
    period = pdf_text(write_period_report(store, "2026-03", "2026-04", tmp_path / "p.pdf"))
    for text in (committee, shown, period):
        assert MARKER not in text
    assert MARKER not in caplog.text


def pdf_text_bytes(data: bytes, folder: Path) -> str:
    path = folder / "c.pdf"
    path.write_bytes(data)
    return pdf_text(path)


def test_merge_refuses_an_answer_outside_its_scale(store: Store) -> None:
    _filled(store)
    document = build_export(store, "2026-03", "2026-03", pseudonym="Écoutant-7F3K")
    question = document["satisfaction"][0]["questions"][0]
    question["counts"]["Excellent"] = question["counts"].pop("Très satisfait")
    # re-signed by the hotliner's own key: the signature holds, the content is still refused
    document["signature"] = sign(document, store.identity.get().signing_seed)
    with pytest.raises(RefusedExport, match="réponse hors de l'échelle de sa question"):
        parse_export(export_bytes(document), "x.json")
