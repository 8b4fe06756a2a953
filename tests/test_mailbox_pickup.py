"""« Relever la boîte » against a real IMAP server (Dovecot, tests/imap_server.py).

What the hotliner notices: the three requests waiting are offered with their sender,
subject, arrival and suggested member; one taken and one marked « pas une demande » are
never offered again; the server is left exactly as it was (same messages, same flags);
a replaced certificate, a wrong password and a stopped server each stop the pickup with
a French reason and write nothing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ecoute_desktop.domain.mailbox_settings import STARTTLS, TLS, MailboxSettings
from ecoute_desktop.services.app import Services
from ecoute_desktop.services.mailbox import (
    CertificateChanged,
    CertificateUntrusted,
    MailboxFolderMissing,
    MailboxLoginRefused,
    MailboxUnreachable,
)
from ecoute_desktop.store import Store
from tests import imap_server
from tests.imap_server import MAILBOX_PASSWORD, MAILBOX_USER, Dovecot

dovecot = imap_server.dovecot  # the fixtures, shared with the other mailbox tests
imap_certificates = imap_server.imap_certificates

CORPUS = Path(__file__).resolve().parent / "data" / "intake"
REQUESTS = (
    "01-texte-lignes-etiquetees.eml",
    "03-signature-au-plus-vite.eml",
    "05-alternative-html-seul-objet-encode.eml",
)
# Arrivals in the mailbox (INTERNALDATE), hours after the members' Date headers would say.
NOW = datetime.now(UTC).replace(microsecond=0)
ARRIVALS = (NOW - timedelta(hours=30), NOW - timedelta(hours=5), NOW - timedelta(minutes=40))


def fill(server: Dovecot) -> None:
    for name, arrived in zip(REQUESTS, ARRIVALS, strict=True):
        server.add_message((CORPUS / name).read_bytes(), arrived)


def settings_for(server: Dovecot, **changes: object) -> MailboxSettings:
    settings = MailboxSettings(
        host="127.0.0.1",
        port=server.imaps_port,
        security=TLS,
        user=MAILBOX_USER,
        password=MAILBOX_PASSWORD,
        folder="INBOX",
    )
    return replace(settings, **changes)  # type: ignore[arg-type]


def connected(services: Services, server: Dovecot, **changes: object) -> None:
    """Configured and the server's certificate trusted, as the user does it once."""
    services.mailbox.save_settings(settings_for(server, **changes))
    services.mailbox.trust_certificate(server.certificate.sha256)


@pytest.fixture
def services(store: Store) -> Services:
    return Services(store)


def test_pickup_offers_each_request_once_and_leaves_the_server_untouched(
    dovecot: Dovecot, services: Services, store: Store
) -> None:
    fill(dovecot)
    dovecot.start()
    before, files = dovecot.snapshot(), dovecot.maildir_files()
    connected(services, dovecot)

    first = services.mailbox.fetch()
    assert [m.key for m in first] == [
        "<corpus-01@mail.example.org>",
        "<corpus-03@mail.example.org>",
        "<corpus-05@mail.example.org>",
    ]
    assert [m.arrived_at for m in first] == list(ARRIVALS)
    assert first[0].sender == "Élodie Fontclair <elodie.fontclair@example.org>"
    assert first[1].request.collectivite == "Mairie de Quimperlé"
    assert first[1].request.phone == "06 39 98 33 44"

    taken = services.mailbox.take(first[1].key)
    services.mailbox.dismiss(first[0])

    case = services.cases.get(taken.case_id)
    assert case.received_at == ARRIVALS[1]  # the 48-hour clock starts at the arrival
    assert case.member.nom == "Le Goff"
    assert "au plus vite" in case.notes[0].body  # the body is kept, as the case's note

    second = services.mailbox.fetch()
    assert [m.key for m in second] == ["<corpus-05@mail.example.org>"]
    assert services.intake.already_taken(first[1].key) == replace(taken, created=False)
    summary = services.mailbox.waiting_summary()
    assert summary is not None and (summary.count, summary.oldest) == (1, ARRIVALS[2])

    # Another session on the same base (the app after a restart) sees the same.
    assert [m.key for m in Services(store).mailbox.fetch()] == ["<corpus-05@mail.example.org>"]
    assert dovecot.snapshot() == before  # no \\Seen set, nothing deleted, nothing added
    assert len(dovecot.maildir_files()) == len(files) == 3


def test_an_encoded_subject_and_an_html_only_body_still_give_the_member(
    dovecot: Dovecot, services: Services
) -> None:
    dovecot.add_message((CORPUS / REQUESTS[2]).read_bytes(), ARRIVALS[2])
    dovecot.start()
    connected(services, dovecot)
    (message,) = services.mailbox.fetch()
    request = message.request
    assert message.subject == "Demande d'écoute – situation délicate"  # RFC 2047, decoded
    assert (request.prenom, request.nom) == ("Gwenaëlle", "Tanguy")
    assert request.phone == "06 39 98 55 66"
    assert request.fonction == "Cheffe du service routes"
    assert request.collectivite == "Conseil départemental du Morbihan"
    assert request.urgent


def test_a_message_without_message_id_is_keyed_by_its_headers(
    dovecot: Dovecot, services: Services
) -> None:
    data = (CORPUS / REQUESTS[0]).read_bytes()
    lines = [line for line in data.split(b"\n") if not line.lower().startswith(b"message-id:")]
    dovecot.add_message(b"\n".join(lines), ARRIVALS[0])
    dovecot.start()
    connected(services, dovecot)
    (message,) = services.mailbox.fetch()
    assert message.key.startswith("sha256:")
    services.mailbox.dismiss(message)
    assert services.mailbox.fetch() == []


def test_an_untrusted_certificate_is_shown_then_trusted_once(
    dovecot: Dovecot, services: Services
) -> None:
    fill(dovecot)
    dovecot.start()
    services.mailbox.save_settings(settings_for(dovecot))
    with pytest.raises(CertificateUntrusted) as refused:
        services.mailbox.fetch()
    assert refused.value.fingerprint == dovecot.certificate.sha256
    assert dovecot.certificate.sha256[:2].upper() + ":" in str(refused.value)
    services.mailbox.trust_certificate(refused.value.fingerprint)
    assert len(services.mailbox.fetch()) == 3


def test_a_changed_certificate_stops_the_pickup(
    dovecot: Dovecot, services: Services, imap_certificates
) -> None:
    fill(dovecot)
    dovecot.start()
    connected(services, dovecot)
    assert len(services.mailbox.fetch()) == 3
    dovecot.replace_certificate(imap_certificates[1])
    logged = len(dovecot.log_text())
    with pytest.raises(CertificateChanged) as stopped:
        services.mailbox.fetch()
    assert "Relève arrêtée : le certificat du serveur a changé" in str(stopped.value)
    assert stopped.value.fingerprint == imap_certificates[1].sha256
    since = dovecot.log_text()[logged:]
    assert "Disconnected" in since and "Login: user=<ligne>" not in since  # no password sent
    with pytest.raises(CertificateChanged):
        services.mailbox.take("<corpus-01@mail.example.org>")
    assert services.intake.already_taken("<corpus-01@mail.example.org>") is None


def test_a_wrong_password_gets_a_french_reason(dovecot: Dovecot, services: Services) -> None:
    dovecot.start()
    connected(services, dovecot, password="pas le bon")
    with pytest.raises(MailboxLoginRefused) as refused:
        services.mailbox.fetch()
    assert "Le serveur a refusé l'identifiant « ligne » ou le mot de passe" in str(refused.value)
    assert "pas le bon" not in str(refused.value)


def test_a_stopped_server_gets_a_french_reason(dovecot: Dovecot, services: Services) -> None:
    fill(dovecot)
    dovecot.start()
    connected(services, dovecot)
    dovecot.stop()
    with pytest.raises(MailboxUnreachable) as unreachable:
        services.mailbox.fetch()
    assert str(unreachable.value).startswith(
        f"Impossible de joindre le serveur de messagerie 127.0.0.1:{dovecot.imaps_port}"
    )
    assert "connexion est refusée" in str(unreachable.value)


def test_starttls_and_marking_read_when_the_user_turned_it_on(
    dovecot: Dovecot, services: Services
) -> None:
    fill(dovecot)
    dovecot.start()
    connected(services, dovecot, security=STARTTLS, port=dovecot.starttls_port, mark_seen=True)
    waiting = services.mailbox.fetch()
    assert len(waiting) == 3
    services.mailbox.take(waiting[0].key)
    flags = dict(dovecot.snapshot())
    assert flags[b"Message-ID: <corpus-01@mail.example.org>"] == {b"\\Seen"}
    assert flags[b"Message-ID: <corpus-03@mail.example.org>"] == frozenset()


def test_dismissed_headers_are_forgotten_after_30_days_but_never_offered_again(
    dovecot: Dovecot, services: Services, store: Store
) -> None:
    fill(dovecot)
    dovecot.start()
    connected(services, dovecot)
    services.mailbox.dismiss(services.mailbox.fetch()[0])
    (kept,) = store.mailbox.dismissals()
    assert kept.sender.startswith("Élodie Fontclair")
    assert services.mailbox.forget_old_dismissals(datetime.now(UTC) + timedelta(days=29)) == 0
    assert services.mailbox.forget_old_dismissals(datetime.now(UTC) + timedelta(days=31)) == 1
    (forgotten,) = store.mailbox.dismissals()
    assert (forgotten.sender, forgotten.subject, forgotten.arrived_at) == ("", "", None)
    assert len(services.mailbox.fetch()) == 2


def test_a_missing_folder_is_named(dovecot: Dovecot, services: Services) -> None:
    dovecot.start()
    connected(services, dovecot, folder="Demandes")
    with pytest.raises(MailboxFolderMissing) as missing:
        services.mailbox.fetch()
    assert str(missing.value) == (
        "Le dossier « Demandes » n'existe pas dans cette boîte aux lettres."
    )


def test_a_message_taken_by_the_partner_is_not_offered_again(
    dovecot: Dovecot, tmp_path: Path
) -> None:
    """Both partners read the same mailbox: once Martine's case reaches Jean's base through
    the binôme exchange, Jean's pickup no longer offers that message, and dropping the same
    e-mail onto Jean's window names Martine's case instead of making a second one."""
    from tests.binome_support import exchange, pair_of, store_of

    fill(dovecot)
    dovecot.start()
    martine, jean = pair_of(tmp_path)
    try:
        for services in (martine, jean):
            connected(services, dovecot)
        taken = martine.mailbox.take(martine.mailbox.fetch()[1].key)
        assert len(jean.mailbox.fetch()) == 3  # before the exchange Jean cannot know
        exchange(martine, jean, tmp_path, "martine")
        assert [m.key for m in jean.mailbox.fetch()] == [
            "<corpus-01@mail.example.org>",
            "<corpus-05@mail.example.org>",
        ]
        earlier = jean.intake.already_taken("<corpus-03@mail.example.org>")
        assert earlier is not None and earlier.reference == taken.reference
    finally:
        for services in (martine, jean):
            store_of(services).close()
