"""The confirmation the member receives: .eml draft, clipboard text, attachments, charter PDF.

Pins: the .eml parses with Python's email package (policy=default) with the accented
subject, the To address, X-Unsent: 1, no From, both attachments with their accented
file names; the text gives the date in French and the number to call; producing it
stamps the acknowledgment once; the charter PDF reads back with the filled accented
placeholders and embeds every font; templates are editable and checked; `ecoute charter`.
"""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from email import message_from_bytes
from email.policy import default
from io import BytesIO

import pytest
from pypdf import PdfReader

from ecoute_desktop.cli import main as cli_main
from ecoute_desktop.services import charter, confirmation
from ecoute_desktop.services.app import Services
from ecoute_desktop.services.charter import TemplateError
from tests.agenda_helpers import add_case, add_pair, paris
from tests.conftest import PASSPHRASE

NOW = datetime(2026, 4, 10, 8, 0, tzinfo=UTC)


@pytest.fixture
def booked_case(store) -> int:
    me, _ = add_pair(store)
    case_id = add_case(store, nom="Chantebois", prenom="Élodie")
    Services(store).agenda.book(case_id, me.id, paris(2026, 4, 14, 14, 30), "Agathe", at=NOW)
    return case_id


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


def test_eml_draft_parses_with_both_attachments_and_accents(store, booked_case, tmp_path) -> None:
    built = confirmation.build(store, booked_case, NOW)
    path = confirmation.write_eml(tmp_path / "Confirmation.eml", built)
    message = message_from_bytes(path.read_bytes(), policy=default)
    assert message["Subject"] == (
        "Point d'écoute : votre rendez-vous téléphonique du mardi 14 avril 2026 à 14 h 30"
    )
    assert message["To"].addresses[0].display_name == "Élodie CHANTEBOIS"
    assert message["To"].addresses[0].addr_spec == "elodie.fictif@example.org"
    assert message["X-Unsent"] == "1"
    assert message["From"] is None
    assert path.read_bytes().isascii()  # every header and part properly encoded
    body = message.get_body(("plain",)).get_content()
    assert "Bonjour Élodie CHANTEBOIS," in body
    assert "le mardi 14\u00a0avril 2026 à 14\u00a0h\u00a030" in body
    assert "peut joindre l'écoutant(e) au 06 39 98 00 01" in body  # the default way
    attachments = {part.get_filename(): part for part in message.iter_attachments()}
    assert set(attachments) == {"Charte de confidentialité.pdf", "Rendez-vous point d'écoute.ics"}
    pdf = attachments["Charte de confidentialité.pdf"].get_content()
    assert pdf.startswith(b"%PDF") and "Élodie CHANTEBOIS" in pdf_text(pdf)
    ics_part = attachments["Rendez-vous point d'écoute.ics"]
    assert ics_part.get_content_type() == "text/calendar"
    assert ics_part.get_param("method") == "PUBLISH"
    ics = ics_part.get_content()
    ics = ics if isinstance(ics, str) else ics.decode("utf-8")
    assert "DTSTART;TZID=Europe/Paris:20260414T143000" in ics


def test_clipboard_text_and_attachment_folder(store, booked_case, tmp_path) -> None:
    built = confirmation.build(store, booked_case, NOW)
    assert built.clipboard_text.startswith("Objet : Point d'écoute : votre rendez-vous")
    assert "Agathe Testeur" in built.clipboard_text
    saved = confirmation.save_attachments(tmp_path / "pièces jointes", built)
    assert sorted(p.name for p in saved) == [
        "Charte de confidentialité.pdf",
        "Rendez-vous point d'écoute.ics",
    ]
    assert all(p.stat().st_size > 100 for p in saved)


def test_sending_stamps_the_acknowledgment_once(store) -> None:
    add_pair(store)
    case_id = add_case(store)
    assert Services(store).cases.stamp_acknowledgment(case_id, "Agathe", at=NOW) is True
    assert Services(store).cases.stamp_acknowledgment(case_id, "Agathe") is False
    assert store.cases.get(case_id).acknowledged_at == NOW


def test_no_confirmation_without_an_appointment(store) -> None:
    add_pair(store)
    with pytest.raises(LookupError, match="Fixez d'abord un rendez-vous"):
        confirmation.build(store, add_case(store), NOW)


def test_edited_templates_are_used_and_unknown_fields_refused(store, booked_case) -> None:
    confirmation.set_templates(store, "RDV le {date_rdv}", "Cher {membre}, appelez {telephone}.")
    built = confirmation.build(store, booked_case, NOW)
    assert built.subject == "RDV le mardi 14 avril 2026 à 14 h 30"  # one line, plain spaces
    assert built.body == "Cher Élodie CHANTEBOIS, appelez 06 39 98 00 01."
    with pytest.raises(TemplateError, match=r"Champ inconnu.*\{adresse\}"):
        confirmation.set_templates(store, "x", "Bonjour {adresse}")
    with pytest.raises(TemplateError, match="Accolade"):
        charter.set_template(store, "Titre\n{membre")
    assert confirmation.templates(store)[1] == "Cher {membre}, appelez {telephone}."


def test_charter_pdf_has_filled_placeholders_and_only_embedded_fonts(
    store, booked_case, tmp_path
) -> None:
    charter.set_template(
        store,
        charter.DEFAULT_TEMPLATE + "\nSigné : {ecoutant}, binôme de {binome}. Fait le {date}.",
    )
    path = charter.write_charter(
        tmp_path / "charte.pdf", charter.charter_pdf(store, booked_case, NOW)
    )
    text = " ".join(pdf_text(path.read_bytes()).split())
    assert "Établie pour Élodie CHANTEBOIS, le vendredi 10 avril 2026." in text
    assert "Signé : Agathe Testeur, binôme de Bruno Essai. Fait le vendredi 10 avril 2026." in text
    assert "Le mardi 14 avril 2026 à 14 h 30." in text  # spaces normalised above
    assert "{" not in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows, "the PDF names no font"
    assert all(row.split()[-5] == "yes" for row in rows), fonts.stdout  # the "emb" column


def test_cli_charter_blank_and_for_a_case(store, booked_case, db_path, tmp_path, monkeypatch):
    reference = store.cases.get(booked_case).reference
    store.close()
    monkeypatch.setenv("ECOUTE_PASSPHRASE", PASSPHRASE)
    blank, filled = tmp_path / "vierge.pdf", tmp_path / "cas.pdf"
    assert cli_main(["--db", str(db_path), "charter", "-o", str(blank)]) == 0
    assert cli_main(["--db", str(db_path), "charter", "-o", str(filled), "--case", reference]) == 0
    assert "Charte de confidentialité" in pdf_text(blank.read_bytes())
    assert "CHANTEBOIS" not in pdf_text(blank.read_bytes())
    assert "Élodie CHANTEBOIS" in pdf_text(filled.read_bytes())
    assert cli_main(["--db", str(db_path), "charter", "-o", str(tmp_path / "nope" / "x.pdf")]) == 1
