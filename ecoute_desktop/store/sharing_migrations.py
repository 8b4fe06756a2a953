"""Schema migrations 7 to 9, the sharing features: the mailbox's dismissed messages
(docs/mailbox.md), the shared référentiel (docs/referentiel.md) and the binôme exchange
(docs/binome.md). Listed in order in `store.migrations.MIGRATIONS`."""

from __future__ import annotations

import sqlcipher3

from ecoute_desktop.store.message_keys import message_key
from ecoute_desktop.store.migration_script import run_script


def _v7_mailbox_dismissals(conn: sqlcipher3.Connection) -> None:
    """Messages of the shared mailbox marked « Ce n'est pas une demande » (issue 15).

    `key_hash` (sha256 of the message's key) stays, so the message is never offered
    again; its sender, subject and arrival are blanked 30 days after the dismissal.
    No body is ever kept here.
    """
    run_script(
        conn,
        """
        CREATE TABLE mailbox_dismissals (
            key_hash TEXT PRIMARY KEY,
            sender TEXT,
            subject TEXT,
            arrived_at TEXT,
            dismissed_at TEXT NOT NULL
        );
        """,
    )


def _v8_shared_referentiel(conn: sqlcipher3.Connection) -> None:
    """The shared référentiel (docs/referentiel.md): stable ids on themes and directory
    entries (NULL: added on this laptop), its practical sheets, and one row of state: the
    version installed, the coordinator's key trusted on first import, and, on the
    coordinator's own base, the Ed25519 seed that signs what it publishes."""
    run_script(
        conn,
        """
        ALTER TABLE themes ADD COLUMN ref_id TEXT;
        CREATE UNIQUE INDEX themes_by_ref_id ON themes(ref_id) WHERE ref_id IS NOT NULL;
        ALTER TABLE orientation_targets ADD COLUMN ref_id TEXT;
        CREATE UNIQUE INDEX targets_by_ref_id ON orientation_targets(ref_id)
            WHERE ref_id IS NOT NULL;
        CREATE TABLE referentiel_sheets (
            ref_id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            file_name TEXT NOT NULL,
            pdf BLOB NOT NULL,
            position INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE referentiel_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            version INTEGER NOT NULL DEFAULT 0,
            published_on TEXT NOT NULL DEFAULT '',
            trusted_key TEXT NOT NULL DEFAULT '',
            applied TEXT NOT NULL DEFAULT '{}',
            publisher_seed BLOB CHECK (publisher_seed IS NULL OR length(publisher_seed) = 32)
        );
        INSERT INTO referentiel_state (id) VALUES (1);
        """,
    )


def _v9_binome_exchange(conn: sqlcipher3.Connection) -> None:
    """The pair's file exchange (issue 11, docs/binome.md): global ids of status events,
    notes (with their author) and hotliners; the shadow of the shared state with its HLC
    stamps, tombstones, concurrent edits kept, and the pair link (key, clock, folder)."""
    run_script(
        conn,
        """
        ALTER TABLE status_events ADD COLUMN gid TEXT;
        ALTER TABLE call_notes ADD COLUMN gid TEXT;
        ALTER TABLE call_notes ADD COLUMN author TEXT NOT NULL DEFAULT '';
        ALTER TABLE hotliners ADD COLUMN gid TEXT;
        DROP TRIGGER status_events_are_history;
        CREATE TRIGGER status_events_are_history
        BEFORE UPDATE OF case_id, at, by_name, from_status, to_status, reason, comment
        ON status_events
        BEGIN
            SELECT RAISE(ABORT, 'L''historique d''une sollicitation ne se modifie pas.');
        END;
        UPDATE status_events SET gid = lower(hex(randomblob(16)));
        UPDATE call_notes SET gid = lower(hex(randomblob(16)));
        CREATE UNIQUE INDEX status_events_by_gid ON status_events(gid);
        CREATE UNIQUE INDEX call_notes_by_gid ON call_notes(gid);
        CREATE UNIQUE INDEX hotliners_by_gid ON hotliners(gid) WHERE gid IS NOT NULL;
        CREATE TRIGGER status_events_get_a_gid AFTER INSERT ON status_events
        WHEN new.gid IS NULL
        BEGIN
            UPDATE status_events SET gid = lower(hex(randomblob(16))) WHERE id = new.id;
        END;
        CREATE TRIGGER call_notes_get_a_gid AFTER INSERT ON call_notes
        WHEN new.gid IS NULL
        BEGIN
            UPDATE call_notes SET gid = lower(hex(randomblob(16))) WHERE id = new.id;
        END;
        UPDATE hotliners SET gid = (SELECT hotliner_id FROM export_identity WHERE id = 1)
            WHERE is_self = 1;
        CREATE TRIGGER hotliners_self_gid AFTER UPDATE OF is_self ON hotliners
        WHEN new.is_self = 1 AND new.gid IS NULL
        BEGIN
            UPDATE hotliners SET gid = (SELECT hotliner_id FROM export_identity WHERE id = 1)
                WHERE id = new.id;
        END;
        CREATE TRIGGER hotliners_self_gid_released AFTER UPDATE OF is_self ON hotliners
        WHEN new.is_self = 0 AND new.gid = (SELECT hotliner_id FROM export_identity WHERE id = 1)
        BEGIN
            UPDATE hotliners SET gid = NULL WHERE id = new.id;
        END;
        CREATE TRIGGER hotliners_self_gid_on_insert AFTER INSERT ON hotliners
        WHEN new.is_self = 1 AND new.gid IS NULL
        BEGIN
            UPDATE hotliners SET gid = (SELECT hotliner_id FROM export_identity WHERE id = 1)
                WHERE id = new.id;
        END;
        CREATE TABLE sync_records (
            gid TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            parent TEXT
        ) WITHOUT ROWID;
        CREATE TABLE sync_fields (
            gid TEXT NOT NULL,
            field TEXT NOT NULL,
            hash TEXT NOT NULL,
            hlc TEXT NOT NULL,
            author TEXT NOT NULL,
            seen TEXT NOT NULL,
            PRIMARY KEY (gid, field)
        ) WITHOUT ROWID;
        CREATE TABLE sync_tombstones (
            gid TEXT NOT NULL,
            kind TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (gid, kind)
        ) WITHOUT ROWID;
        CREATE TABLE sync_conflicts (
            case_gid TEXT NOT NULL,
            field TEXT NOT NULL,
            value TEXT NOT NULL,
            author TEXT NOT NULL,
            author_name TEXT NOT NULL DEFAULT '',
            hlc TEXT NOT NULL,
            PRIMARY KEY (case_gid, field, hlc, author)
        ) WITHOUT ROWID;
        CREATE TABLE pair_link (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            pair_key BLOB CHECK (pair_key IS NULL OR length(pair_key) = 32),
            partner_gid TEXT,
            linked_at TEXT,
            hlc TEXT NOT NULL DEFAULT '',
            folder TEXT NOT NULL DEFAULT '',
            last_exchange_at TEXT
        );
        INSERT INTO pair_link (id) VALUES (1);
        ALTER TABLE cases ADD COLUMN message_key TEXT;
        CREATE INDEX cases_by_message_key ON cases(message_key) WHERE message_key IS NOT NULL;
        """,
    )
    # The SHA-256 of the e-mail a case was taken from travels to the partner (never the
    # Message-ID itself): neither partner's mailbox offers that message again.
    rows = conn.execute("SELECT id, message_id FROM cases WHERE message_id IS NOT NULL")
    for case_id, message_id in rows.fetchall():
        conn.execute(
            "UPDATE cases SET message_key = ? WHERE id = ?", (message_key(message_id), case_id)
        )
