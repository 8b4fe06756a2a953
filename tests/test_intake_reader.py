"""A request e-mail (.eml bytes or pasted text) read by the one reader: sender, date,
phones (mobile first), fonction, collectivité, urgency with its words, forwards, replies."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage

from ecoute_desktop.services.intake import read_pasted, read_request
from ecoute_desktop.services.intake.names import split_name
from ecoute_desktop.services.intake.phones import find_phones


def _eml(
    body: str,
    date: str = "Tue, 03 Mar 2026 09:14:00 +0100",
    subject: str = "Demande d'échange téléphonique",
    sender: str = "Élodie Fontclair <elodie.fontclair@example.org>",
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "ecoute@example.org"
    message["Subject"] = subject
    message["Date"] = date
    message.set_content(body)
    return message.as_bytes()


def test_date_header_becomes_received_at_in_utc() -> None:
    request = read_request(_eml("Bonjour, pouvez-vous me rappeler ?"))
    assert request.received_at == datetime(2026, 3, 3, 8, 14, tzinfo=UTC)
    assert request.to_json()["received_at_paris"] == "2026-03-03T09:14:00+01:00"


def test_sender_name_and_address_are_read_with_accents() -> None:
    request = read_request(_eml("Bonjour"))
    assert (request.prenom, request.nom) == ("Élodie", "Fontclair")
    assert request.email == "elodie.fontclair@example.org"
    assert request.subject == "Demande d'échange téléphonique"
    assert not {"nom", "prenom"} & request.guessed  # read from the header, not guessed


def test_phone_numbers_in_french_formats_are_found_and_normalised() -> None:
    body = (
        "Vous pouvez me joindre au 06.39.98.12.34 ou au bureau +33 (0)1 39 98 00 11,\n"
        "sinon 0639981234 (même numéro). Réf. dossier 2026123456789 n'est pas un numéro,"
        " ni le SIRET 12345678901234, ni le 12/03/2026, ni 56000 Vannes."
    )
    assert find_phones(body) == ["06 39 98 12 34", "01 39 98 00 11"]
    assert read_request(_eml(body)).phones == ["06 39 98 12 34", "01 39 98 00 11"]


def test_the_mobile_comes_first_whatever_the_order_of_the_text() -> None:
    body = "Bureau : 02 61 91 40 50, portable : 07 39 98 68 02, ou +33 6 39 98 68 03."
    request = read_request(_eml(body))
    assert request.phones == ["07 39 98 68 02", "06 39 98 68 03", "02 61 91 40 50"]
    assert request.phone == "07 39 98 68 02"


def test_body_becomes_first_note_with_subject() -> None:
    request = read_request(_eml("Je traverse une période difficile avec ma hiérarchie."))
    assert request.first_note.startswith("Objet : Demande d'échange téléphonique")
    assert "période difficile avec ma hiérarchie" in request.first_note


def test_html_only_mail_is_read_as_text_without_its_style() -> None:
    message = EmailMessage()
    message["From"] = "BELLERIVE Anne <anne@example.org>"
    message["Date"] = "Mon, 02 Mar 2026 10:00:00 +0000"
    message.set_content(
        "<style>p{color:red}</style><p>Bonjour,<br>rappel au 06 39 98 44 55 svp</p>",
        subtype="html",
    )
    request = read_request(message.as_bytes())
    assert request.body == "Bonjour,\nrappel au 06 39 98 44 55 svp"
    assert request.phones == ["06 39 98 44 55"]
    assert (request.nom, request.prenom) == ("BELLERIVE", "Anne")


def test_urgency_keeps_the_words_that_say_it_and_ignores_denials() -> None:
    urgent = read_request(_eml("Merci de me rappeler au plus vite.", subject="URGENT rappel"))
    assert (urgent.urgent, urgent.urgent_reason) == (True, "URGENT, au plus vite")
    assert "urgent" in urgent.guessed
    calm = read_request(_eml("Ce n'est pas urgent, et sans urgence : rien d'urgent."))
    assert (calm.urgent, calm.urgent_reason) == (False, "")


def test_fonction_and_collectivite_from_a_sentence_are_guesses() -> None:
    request = read_request(_eml("Bonjour, je suis DST à la mairie de Vannes depuis 2015."))
    assert (request.fonction, request.collectivite) == ("DST", "Mairie de Vannes")
    assert {"fonction", "collectivite"} <= request.guessed


def test_a_display_name_with_a_line_break_stays_on_one_line() -> None:
    data = (
        b"From: =?utf-8?q?Anne=0D=0ABcc=3A_x=40evil=2Eexample?= <anne@example.org>\r\n"
        b"Subject: =?utf-8?q?Objet=0Aavec_saut?=\r\nDate: Tue, 03 Mar 2026 09:14:00 +0100\r\n\r\n"
        b"Bonjour"
    )
    request = read_request(data)
    assert request.name == "Anne Bcc: x@evil.example"
    assert "\n" not in request.nom + request.prenom + request.subject
    assert request.email == "anne@example.org"


def test_a_forward_gives_the_original_sender_and_the_time_they_wrote() -> None:
    body = (
        "Je te transfère.\n\n-----Message d'origine-----\n"
        "De : LE DREN Sophie [mailto:sophie.ledren@example.org]\n"
        "Envoyé : mardi 10 mars 2026 08:12\nÀ : ecoute@example.org\nObjet : Demande\n\n"
        "Bonjour, je suis DRH au CCAS de Lanester. Mon numéro : 06 39 98 77 88\n"
    )
    request = read_request(_eml(body, subject="TR: Demande", sender="Secrétariat <s@example.org>"))
    assert (request.nom, request.prenom, request.email) == (
        "LE DREN",
        "Sophie",
        "sophie.ledren@example.org",
    )
    assert request.received_at == datetime(2026, 3, 10, 7, 12, tzinfo=UTC)  # 08:12 in Paris
    assert request.subject == "Demande"
    assert request.collectivite == "CCAS de Lanester"


def test_a_reply_does_not_take_the_numbers_quoted_from_the_hotliner() -> None:
    body = (
        "Merci, appelez-moi au 06 39 98 21 43.\n\n"
        "Le 19 mars 2026 à 17:02, Jean Morvan <jean@example.org> a écrit :\n"
        "> Vous pouvez aussi me joindre au 06 39 98 99 99.\n"
    )
    assert read_request(_eml(body)).phones == ["06 39 98 21 43"]


def test_without_a_message_id_the_headers_key_the_message() -> None:
    first = read_request(_eml("Bonjour"))
    assert first.message_id == "" and first.dedupe_key.startswith("sha256:")
    assert read_request(_eml("Bonjour")).dedupe_key == first.dedupe_key
    other = read_request(_eml("Bonjour", sender="Autre <autre@example.org>"))
    assert other.dedupe_key != first.dedupe_key


def test_latin1_label_with_windows_1252_bytes_reads_curly_quotes() -> None:
    data = (
        b"From: a@example.org\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n"
        b"J\x92aimerais \xeatre rappel\xe9e \x96 merci\r\n"
    )
    assert read_request(data).body == "J’aimerais être rappelée – merci"


def test_pasted_text_with_french_outlook_headers() -> None:
    text = (
        "De : Hervé Kervelec <herve.kervelec@example.org>\n"
        "Objet : Besoin de conseils\n\n"
        "Bonjour, je suis joignable au 07 39 98 01 02.\n"
    )
    request = read_pasted(text)
    assert request.email == "herve.kervelec@example.org"
    assert (request.prenom, request.nom) == ("Hervé", "Kervelec")
    assert request.subject == "Besoin de conseils"
    assert request.phones == ["07 39 98 01 02"]
    assert request.received_at is None  # no Date: the form proposes now
    assert request.dedupe_key == ""  # a paste is not a message: never « déjà pris »


def test_pasted_body_without_headers_is_kept_whole() -> None:
    request = read_pasted("Merci de me rappeler au 06 39 98 77 66.")
    assert request.body == "Merci de me rappeler au 06 39 98 77 66."
    assert request.phones == ["06 39 98 77 66"]


def test_names_split_in_common_orders() -> None:
    assert split_name("Anne Bellerive") == ("Bellerive", "Anne")
    assert split_name("Bellerive, Anne") == ("Bellerive", "Anne")
    assert split_name("DE LA ROCHE Marie") == ("DE LA ROCHE", "Marie")
    assert split_name("") == ("", "")


def test_an_address_without_a_name_gives_a_name_to_check() -> None:
    request = read_request(_eml("Bonjour", sender="yann.kerleau@example.org"))
    assert (request.prenom, request.nom) == ("Yann", "Kerleau")
    assert {"nom", "prenom"} <= request.guessed
