"""Paramètres › Messagerie's values: a refused field is named in French, and whatever is
stored (an old version, a tampered base) reads back as usable settings, never an error."""

from __future__ import annotations

import pytest

from ecoute_desktop.domain.mailbox_settings import (
    STARTTLS,
    MailboxSettings,
    check,
    normalise_fingerprint,
    shown_fingerprint,
)
from ecoute_desktop.services.app import Services

GOOD = MailboxSettings(host="imap.example.org", user="ligne@example.org", password="x")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"host": ""}, "Serveur :"),
        ({"host": "imap example.org"}, "Serveur :"),
        ({"port": 0}, "Port :"),
        ({"security": "ssl3"}, "Sécurité :"),
        ({"user": " "}, "Identifiant :"),
        ({"folder": ""}, "Dossier :"),
        ({"interval_minutes": 3}, "Relève automatique :"),
    ],
)
def test_a_refused_field_is_named(changes: dict, field: str) -> None:
    from dataclasses import replace

    with pytest.raises(ValueError) as refused:
        check(replace(GOOD, **changes))
    assert str(refused.value).startswith(field)


def test_tampered_values_read_as_defaults() -> None:
    read = MailboxSettings.from_dict(
        {"host": 3, "port": "993", "security": "x", "password": None, "interval_minutes": 2,
         "mark_seen": 1, "pinned_sha256": "not hex", "folder": ""}
    )  # fmt: skip
    assert read == MailboxSettings(mark_seen=True)


def test_fingerprints_as_people_compare_them() -> None:
    digits = "ab" * 32
    assert normalise_fingerprint(shown_fingerprint(digits)) == digits
    assert shown_fingerprint(digits).startswith("AB:AB:")
    assert normalise_fingerprint("AB:CD") == ""


def test_a_new_server_forgets_the_trusted_certificate(store) -> None:
    services = Services(store)
    services.mailbox.save_settings(GOOD)
    services.mailbox.trust_certificate("cd" * 32)
    services.mailbox.save_settings(GOOD)  # same server: kept
    assert services.mailbox.settings().pinned_sha256 == "cd" * 32
    from dataclasses import replace

    services.mailbox.save_settings(replace(GOOD, security=STARTTLS, port=1143))
    assert services.mailbox.settings().pinned_sha256 == ""
