"""Schema versions: small ordered migration functions, each run in one transaction.

`user_version` holds the number of migrations applied. A released migration is
never edited: a change of schema is a new function appended to MIGRATIONS, and
`tests/data/` keeps one real database file per released version.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlcipher3

from ecoute_desktop.store.errors import NewerSchemaError
from ecoute_desktop.store.migration_script import run_script
from ecoute_desktop.store.sharing_migrations import (
    _v7_mailbox_dismissals,
    _v8_shared_referentiel,
    _v9_binome_exchange,
)

Migration = Callable[[sqlcipher3.Connection], None]


def _v1_core(conn: sqlcipher3.Connection) -> None:
    """Cases, members, people, taxonomy, directory, notes, slots and appointments."""
    run_script(
        conn,
        """
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE hotliners (
            id INTEGER PRIMARY KEY,
            nom TEXT NOT NULL,
            prenom TEXT NOT NULL DEFAULT '',
            telephone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            is_self INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE binomes (
            id INTEGER PRIMARY KEY,
            first_id INTEGER NOT NULL REFERENCES hotliners(id),
            second_id INTEGER NOT NULL REFERENCES hotliners(id)
        );
        CREATE TABLE members (
            id INTEGER PRIMARY KEY,
            nom TEXT NOT NULL DEFAULT '',
            prenom TEXT NOT NULL DEFAULT '',
            fonction TEXT NOT NULL DEFAULT '',
            collectivite TEXT NOT NULL DEFAULT '',
            telephone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE themes (
            id INTEGER PRIMARY KEY,
            parent_id INTEGER REFERENCES themes(id),
            label TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            retired INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE orientation_targets (
            id INTEGER PRIMARY KEY,
            label TEXT NOT NULL,
            national INTEGER NOT NULL DEFAULT 0,
            telephone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            website TEXT NOT NULL DEFAULT '',
            details TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            retired INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE cases (
            id INTEGER PRIMARY KEY,
            reference TEXT NOT NULL UNIQUE,
            member_id INTEGER NOT NULL REFERENCES members(id),
            hotliner_id INTEGER REFERENCES hotliners(id),
            received_at TEXT NOT NULL,
            urgent INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL,
            drop_reason TEXT,
            acknowledged_at TEXT,
            call_held_at TEXT,
            questionnaire_sent_at TEXT,
            closed_at TEXT,
            satisfaction INTEGER,
            export_id TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX cases_by_received ON cases(received_at);
        CREATE TABLE case_themes (
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            theme_id INTEGER NOT NULL REFERENCES themes(id),
            PRIMARY KEY (case_id, theme_id)
        ) WITHOUT ROWID;
        CREATE TABLE case_orientations (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            target_id INTEGER NOT NULL REFERENCES orientation_targets(id),
            at TEXT NOT NULL
        );
        CREATE INDEX case_orientations_by_case ON case_orientations(case_id);
        CREATE TABLE status_events (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            by_name TEXT NOT NULL DEFAULT '',
            from_status TEXT NOT NULL,
            to_status TEXT NOT NULL,
            reason TEXT,
            comment TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX status_events_by_case ON status_events(case_id);
        CREATE TRIGGER status_events_are_history BEFORE UPDATE ON status_events
        BEGIN
            SELECT RAISE(ABORT, 'L''historique d''une sollicitation ne se modifie pas.');
        END;
        CREATE TABLE call_notes (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            body TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX call_notes_by_case ON call_notes(case_id);
        CREATE TABLE weekly_slots (
            id INTEGER PRIMARY KEY,
            hotliner_id INTEGER NOT NULL REFERENCES hotliners(id),
            weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
            start_time TEXT NOT NULL,
            end_time TEXT NOT NULL,
            valid_from TEXT NOT NULL,
            valid_to TEXT
        );
        CREATE TABLE slot_exceptions (
            id INTEGER PRIMARY KEY,
            hotliner_id INTEGER REFERENCES hotliners(id),
            first_day TEXT NOT NULL,
            last_day TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE appointments (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            hotliner_id INTEGER REFERENCES hotliners(id),
            starts_at TEXT NOT NULL,
            ends_at TEXT NOT NULL,
            status TEXT NOT NULL,
            out_of_slot INTEGER NOT NULL DEFAULT 0,
            sequence INTEGER NOT NULL DEFAULT 0,
            uid TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX appointments_by_start ON appointments(starts_at);
        """,
    )


def _v2_search_and_drafts(conn: sqlcipher3.Connection) -> None:
    """Full-text search over cases and notes; drafts of notes being typed."""
    run_script(
        conn,
        """
        CREATE VIRTUAL TABLE case_search USING fts5(
            reference, member, collectivite, notes,
            tokenize = "unicode61 remove_diacritics 2"
        );
        CREATE TABLE note_drafts (
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            note_id INTEGER REFERENCES call_notes(id) ON DELETE CASCADE,
            body TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (case_id, note_id)
        );
        ALTER TABLE cases ADD COLUMN purged_at TEXT;
        CREATE TABLE appointment_history (
            id INTEGER PRIMARY KEY,
            appointment_id INTEGER NOT NULL REFERENCES appointments(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            starts_at TEXT NOT NULL,
            ends_at TEXT NOT NULL
        );
        """,
    )
    from ecoute_desktop.store.search import reindex_all

    reindex_all(conn)


def _v3_questionnaire_codes(conn: sqlcipher3.Connection) -> None:
    """An anonymous questionnaire code per case; imported forms, responses and suggestions."""
    from ecoute_desktop.store.questionnaire_codes import backfill_codes

    run_script(
        conn,
        """
        ALTER TABLE cases ADD COLUMN questionnaire_code TEXT;
        CREATE TABLE satisfaction_forms (
            id INTEGER PRIMARY KEY,
            layout_key TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            mapping TEXT NOT NULL,
            confirmed_at TEXT
        );
        CREATE TABLE satisfaction_responses (
            id INTEGER PRIMARY KEY,
            form_id INTEGER NOT NULL REFERENCES satisfaction_forms(id),
            sid TEXT NOT NULL,
            submitted_at TEXT NOT NULL,
            code TEXT NOT NULL DEFAULT '',
            case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL,
            imported_at TEXT NOT NULL,
            UNIQUE (form_id, sid)
        );
        CREATE INDEX satisfaction_responses_by_submitted ON satisfaction_responses(submitted_at);
        CREATE TABLE satisfaction_answers (
            response_id INTEGER NOT NULL REFERENCES satisfaction_responses(id) ON DELETE CASCADE,
            question TEXT NOT NULL,
            scale TEXT,
            label TEXT NOT NULL
        );
        CREATE INDEX satisfaction_answers_by_response ON satisfaction_answers(response_id);
        CREATE TABLE satisfaction_suggestions (
            id INTEGER PRIMARY KEY,
            response_id INTEGER NOT NULL REFERENCES satisfaction_responses(id) ON DELETE CASCADE,
            question TEXT NOT NULL,
            body TEXT NOT NULL
        );
        """,
    )
    backfill_codes(conn)
    conn.execute("CREATE UNIQUE INDEX cases_by_questionnaire_code ON cases(questionnaire_code)")


def _v4_intake_message_id(conn: sqlcipher3.Connection) -> None:
    """The e-mail a case was taken from (Message-ID, else a hash of its headers), once."""
    run_script(
        conn,
        """
        ALTER TABLE cases ADD COLUMN message_id TEXT;
        CREATE UNIQUE INDEX cases_by_message_id ON cases(message_id)
            WHERE message_id IS NOT NULL;
        """,
    )


def _v5_signed_exports_and_pair_references(conn: sqlcipher3.Connection) -> None:
    """This database's export identity (random hotliner id, Ed25519 key); pair letters.

    The signing key is an Ed25519 private key in its standard form (RFC 8032 § 5.1.5):
    32 bytes from the operating system's secure random source, used by `cryptography`
    (services/export_signing.py). References « 2026-0042 » become « 2026-A-042 » with
    this laptop's letter; the old one stays searchable as `former_reference`. The free-text
    region becomes a code of the fixed list.
    """
    import json
    import secrets

    from ecoute_desktop.domain.header_fields import region_code
    from ecoute_desktop.domain.references import default_letter, renumbered
    from ecoute_desktop.domain.timeutil import utc_now
    from ecoute_desktop.store.search import reindex_all
    from ecoute_desktop.store.timestamps import to_db

    run_script(
        conn,
        """
        CREATE TABLE export_identity (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            hotliner_id TEXT NOT NULL,
            signing_seed BLOB NOT NULL CHECK (length(signing_seed) = 32),
            created_at TEXT NOT NULL
        );
        ALTER TABLE cases ADD COLUMN former_reference TEXT;
        CREATE UNIQUE INDEX cases_by_former_reference ON cases(former_reference)
            WHERE former_reference IS NOT NULL;
        """,
    )
    conn.execute(
        "INSERT INTO export_identity (id, hotliner_id, signing_seed, created_at)"
        " VALUES (1, ?, ?, ?)",
        (secrets.token_hex(16), secrets.token_bytes(32), to_db(utc_now())),
    )
    people = conn.execute(
        "SELECT h.nom, h.prenom, h.is_self FROM binomes b"
        " JOIN hotliners h ON h.id IN (b.first_id, b.second_id)"
    ).fetchall()
    me = next(((n, p) for n, p, is_self in people if is_self), None)
    partner = next(((n, p) for n, p, is_self in people if not is_self), None)
    letter = default_letter(me, partner)
    old = conn.execute(
        "SELECT id, reference FROM cases WHERE reference GLOB '[0-9][0-9][0-9][0-9]-[0-9]*'"
    ).fetchall()
    if old:  # the letter now names existing cases: it stays, whoever is entered later
        conn.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES ('reference_letter', ?)",
            (f'"{letter}"',),
        )
    for case_id, reference in old:
        conn.execute(
            "UPDATE cases SET reference = ?, former_reference = ? WHERE id = ?",
            (renumbered(reference, letter), reference, case_id),
        )
    # The region was free text: a known name becomes its code, anything else is dropped
    # (Paramètres then asks for it again) rather than printed on the committee's reports.
    row = conn.execute("SELECT value FROM settings WHERE key = 'region'").fetchone()
    if row is not None:
        text = json.loads(row[0])
        code = region_code(text) if isinstance(text, str) else None
        if code is None:
            conn.execute("DELETE FROM settings WHERE key = 'region'")
        else:
            conn.execute("UPDATE settings SET value = ? WHERE key = 'region'", (f'"{code}"',))
    reindex_all(conn)


def _v6_member_journey(conn: sqlcipher3.Connection) -> None:
    """The member's journey (issue 19): any number of calls per case (the count and the
    last one), who calls whom at each appointment, the new « sans suite » reasons (the
    status history keeps its words; they are read through LEGACY_DROP_REASONS)."""
    run_script(
        conn,
        """
        ALTER TABLE appointments ADD COLUMN who_calls TEXT NOT NULL DEFAULT 'écoutant';
        ALTER TABLE cases ADD COLUMN calls_held INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE cases ADD COLUMN last_call_at TEXT;
        UPDATE cases SET calls_held = 1, last_call_at = call_held_at
            WHERE call_held_at IS NOT NULL;
        UPDATE cases SET drop_reason = 'ne répond pas' WHERE drop_reason = 'injoignable';
        UPDATE cases SET drop_reason = 'a renoncé' WHERE drop_reason = 'désistement';
        UPDATE cases SET drop_reason = 'hors du champ du point d''écoute'
            WHERE drop_reason = 'hors champ';
        UPDATE cases SET drop_reason = 'non précisé'
            WHERE status = 'sans suite' AND drop_reason IS NULL;
        """,
    )


MIGRATIONS: tuple[Migration, ...] = (
    _v1_core,
    _v2_search_and_drafts,
    _v3_questionnaire_codes,
    _v4_intake_message_id,
    _v5_signed_exports_and_pair_references,
    _v6_member_journey,
    _v7_mailbox_dismissals,
    _v8_shared_referentiel,
    _v9_binome_exchange,
)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlcipher3.Connection) -> int:
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    return int(version)


def migrate(conn: sqlcipher3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Apply pending migrations up to `target`, each atomically; return the new version."""
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise NewerSchemaError(
            "Cette base a été créée par une version plus récente d'Écoute : "
            "mettez l'application à jour pour l'ouvrir."
        )
    for number in range(current + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[number - 1](conn)
            conn.execute(f"PRAGMA user_version = {number:d}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return max(current, target)
