"""A request email (.eml or pasted text) prefills a new case: date, sender, phones, body."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage

from ecoute_desktop.services.email_intake import (
    find_phones,
    parse_eml,
    parse_text,
    split_name,
)


def _eml(body: str, date: str = "Tue, 03 Mar 2026 09:14:00 +0100") -> bytes:
    message = EmailMessage()
    message["From"] = "Élodie Fontclair <elodie.fontclair@example.org>"
    message["To"] = "ecoute@example.org"
    message["Subject"] = "Demande d'échange téléphonique"
    message["Date"] = date
    message.set_content(body)
    return message.as_bytes()


def test_date_header_becomes_received_at_in_utc() -> None:
    request = parse_eml(_eml("Bonjour, pouvez-vous me rappeler ?"))
    assert request.received_at == datetime(2026, 3, 3, 8, 14, tzinfo=UTC)


def test_sender_name_and_address_are_read_with_accents() -> None:
    request = parse_eml(_eml("Bonjour"))
    assert (request.prenom, request.nom) == ("Élodie", "Fontclair")
    assert request.email == "elodie.fontclair@example.org"
    assert request.subject == "Demande d'échange téléphonique"


def test_phone_numbers_in_french_formats_are_found_and_normalised() -> None:
    body = (
        "Vous pouvez me joindre au 06.39.98.12.34 ou au bureau +33 (0)1 39 98 00 11,\n"
        "sinon 0639981234 (même numéro). Réf. dossier 2026123456789 n'est pas un numéro."
    )
    assert find_phones(body) == ["06 39 98 12 34", "01 39 98 00 11"]
    request = parse_eml(_eml(body))
    assert request.phones == ["06 39 98 12 34", "01 39 98 00 11"]


def test_body_becomes_first_note_with_subject() -> None:
    request = parse_eml(_eml("Je traverse une période difficile avec ma hiérarchie."))
    assert request.first_note.startswith("Objet : Demande d'échange téléphonique")
    assert "période difficile avec ma hiérarchie" in request.first_note


def test_html_only_mail_is_read_as_text() -> None:
    message = EmailMessage()
    message["From"] = "BELLERIVE Anne <anne@example.org>"
    message["Date"] = "Mon, 02 Mar 2026 10:00:00 +0000"
    message.set_content("<p>Bonjour,<br>rappel au 06 39 98 44 55 svp</p>", subtype="html")
    request = parse_eml(message.as_bytes())
    assert "Bonjour," in request.body and "<p>" not in request.body
    assert request.phones == ["06 39 98 44 55"]
    assert (request.nom, request.prenom) == ("BELLERIVE", "Anne")


def test_pasted_text_with_french_outlook_headers() -> None:
    text = (
        "De : Hervé Kervelec <herve.kervelec@example.org>\n"
        "Objet : Besoin de conseils\n\n"
        "Bonjour, je suis joignable au 07 39 98 01 02.\n"
    )
    request = parse_text(text)
    assert request.email == "herve.kervelec@example.org"
    assert (request.prenom, request.nom) == ("Hervé", "Kervelec")
    assert request.subject == "Besoin de conseils"
    assert request.phones == ["07 39 98 01 02"]
    assert request.received_at is None  # no Date: the form proposes now


def test_pasted_body_without_headers_is_kept_whole() -> None:
    request = parse_text("Merci de me rappeler au 06 39 98 77 66.")
    assert request.body == "Merci de me rappeler au 06 39 98 77 66."
    assert request.phones == ["06 39 98 77 66"]


def test_names_split_in_common_orders() -> None:
    assert split_name("Anne Bellerive") == ("Bellerive", "Anne")
    assert split_name("Bellerive, Anne") == ("Bellerive", "Anne")
    assert split_name("DE LA ROCHE Marie") == ("DE LA ROCHE", "Marie")
    assert split_name("") == ("", "")
