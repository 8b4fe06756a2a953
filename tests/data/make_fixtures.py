"""Write the real database files kept for each released schema version (run by hand, once).

    .venv/bin/python tests/data/make_fixtures.py 1 2    # writes ecoute-schema-v1.db, -v2.db

Each file is built the way that version of Écoute left it: the migrations up to that
version only, then synthetic rows inserted by plain SQL in that version's schema (not
through today's repositories, whose SQL follows the newest schema). All data is fictitious.
A released fixture is never regenerated: add the next version instead (see README.md).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import sqlcipher3

from ecoute_desktop.store.connection import create_connection
from ecoute_desktop.store.migrations import migrate

HERE = Path(__file__).resolve().parent
FIXTURE_PASSPHRASE = "ecoute fixture"
# The word the upgraded search index must find in the fixture's call note.
NOTE_WORD = "tournesol"
# The Message-ID of the mailbox message dismissed in version 7, and the stable id version 8
# gave « Relationnel ».
DISMISSED_KEY = "<fixture-lettre@example.org>"
RELATIONNEL_ID = "th-0000a001"


def fixture_path(version: int) -> Path:
    return HERE / f"ecoute-schema-v{version}.db"


def _insert_v1_rows(conn: sqlcipher3.Connection) -> None:
    """One hotliner pair, a small taxonomy and directory, two cases with their history."""
    rows: list[tuple[str, tuple]] = [
        ("INSERT INTO settings (key, value) VALUES (?, ?)", ("region", '"Région fictive"')),
        (
            "INSERT INTO hotliners (id, nom, prenom, telephone, email, is_self)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (1, "Morel", "Jacqueline", "06 39 98 00 01", "jacqueline.morel@example.org", 1),
        ),
        (
            "INSERT INTO hotliners (id, nom, prenom, telephone, email, is_self)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (2, "Lenoir", "Alain", "06 39 98 00 02", "alain.lenoir@example.org", 0),
        ),
        ("INSERT INTO binomes (id, first_id, second_id) VALUES (?, ?, ?)", (1, 1, 2)),
    ]
    themes = [
        (1, None, "Relationnel", 0),
        (2, 1, "Élus", 0),
        (3, 1, "Hiérarchie", 1),
        (4, None, "Juridique", 1),
        (5, 4, "Conflit", 0),
    ]
    rows += [
        ("INSERT INTO themes (id, parent_id, label, position) VALUES (?, ?, ?, ?)", theme)
        for theme in themes
    ]
    rows += [
        (
            "INSERT INTO orientation_targets (id, label, national, website, position)"
            " VALUES (?, ?, ?, ?, ?)",
            (1, "Niveau national AITF", 1, "https://www.aitf.fr", 0),
        ),
        (
            "INSERT INTO orientation_targets (id, label, national, website, position)"
            " VALUES (?, ?, ?, ?, ?)",
            (2, "CNFPT", 0, "https://www.cnfpt.fr", 1),
        ),
        (
            "INSERT INTO members (id, nom, prenom, fonction, collectivite, telephone, email)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                1,
                "Rochebrune",
                "Camille",
                "Ingénieure voirie",
                "Ville de Valbourg",
                "06 39 98 12 34",
                "camille.rochebrune@example.org",
            ),
        ),
        (
            "INSERT INTO members (id, nom, prenom, fonction, collectivite, telephone, email)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (2, "Tillemont", "Hervé", "", "Métropole de Clairval", "", ""),
        ),
    ]
    case_sql = (
        "INSERT INTO cases (id, reference, member_id, hotliner_id, received_at, urgent, status,"
        " drop_reason, acknowledged_at, call_held_at, questionnaire_sent_at, closed_at,"
        " satisfaction, export_id, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    rows += [
        (
            case_sql,
            (
                1,
                "2025-0007",
                1,
                1,
                "2025-11-03T08:15:00Z",
                1,
                "appel effectué",
                None,
                "2025-11-04T10:00:00Z",
                "2025-11-07T13:00:00Z",
                None,
                None,
                None,
                "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
                "2025-11-03T08:20:00Z",
                "2025-11-07T13:30:00Z",
            ),
        ),
        (
            case_sql,
            (
                2,
                "2025-0008",
                2,
                1,
                "2025-11-20T16:40:00Z",
                0,
                "sans suite",
                "injoignable",
                None,
                None,
                None,
                "2025-11-25T09:00:00Z",
                None,
                "a1b2c3d4e5f60718293a4b5c6d7e8f90",
                "2025-11-20T16:45:00Z",
                "2025-11-25T09:00:00Z",
            ),
        ),
        ("INSERT INTO case_themes (case_id, theme_id) VALUES (?, ?)", (1, 2)),
        ("INSERT INTO case_themes (case_id, theme_id) VALUES (?, ?)", (1, 3)),
        ("INSERT INTO case_themes (case_id, theme_id) VALUES (?, ?)", (2, 5)),
        (
            "INSERT INTO case_orientations (case_id, target_id, at) VALUES (?, ?, ?)",
            (1, 1, "2025-11-07T13:10:00Z"),
        ),
    ]
    event_sql = (
        "INSERT INTO status_events (case_id, at, by_name, from_status, to_status, reason)"
        " VALUES (?, ?, ?, ?, ?, ?)"
    )
    rows += [
        (event_sql, (1, "2025-11-04T10:00:00Z", "Jacqueline Morel", "reçue", "accusée", None)),
        (event_sql, (1, "2025-11-04T10:05:00Z", "Jacqueline Morel", "accusée", "rdv fixé", None)),
        (
            event_sql,
            (1, "2025-11-07T13:00:00Z", "Jacqueline Morel", "rdv fixé", "appel effectué", None),
        ),
        (
            event_sql,
            (2, "2025-11-25T09:00:00Z", "Alain Lenoir", "reçue", "sans suite", "injoignable"),
        ),
        (
            "INSERT INTO call_notes (case_id, body, created_at, updated_at) VALUES (?, ?, ?, ?)",
            (
                1,
                f"Échange sur la réorganisation du service ; image du {NOTE_WORD} évoquée.",
                "2025-11-07T13:20:00Z",
                "2025-11-07T13:20:00Z",
            ),
        ),
        (
            "INSERT INTO weekly_slots (hotliner_id, weekday, start_time, end_time, valid_from)"
            " VALUES (?, ?, ?, ?, ?)",
            (1, 1, "14:00", "16:00", "2025-09-01"),
        ),
        (
            "INSERT INTO appointments (case_id, hotliner_id, starts_at, ends_at, status,"
            " out_of_slot, sequence, uid, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                1,
                1,
                "2025-11-07T13:00:00Z",
                "2025-11-07T13:45:00Z",
                "fixé",
                0,
                0,
                "fixture-0001@ecoute.invalid",
                "2025-11-04T10:05:00Z",
                "2025-11-04T10:05:00Z",
            ),
        ),
    ]
    for sql, params in rows:
        conn.execute(sql, params)


def _insert_v2_rows(conn: sqlcipher3.Connection) -> None:
    """What version 2 added: a draft being typed and an appointment's history."""
    conn.execute(
        "INSERT INTO note_drafts (case_id, note_id, body, updated_at) VALUES (?, ?, ?, ?)",
        (1, None, "Brouillon : rappeler en décembre.", "2025-11-08T09:00:00Z"),
    )
    conn.execute(
        "INSERT INTO appointment_history (appointment_id, at, action, starts_at, ends_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (1, "2025-11-04T10:05:00Z", "fixé", "2025-11-07T13:00:00Z", "2025-11-07T13:45:00Z"),
    )


def _insert_v3_rows(conn: sqlcipher3.Connection) -> None:
    """What version 3 added: a confirmed Framaforms layout and one answer tied to case 1."""
    conn.execute(
        "INSERT INTO satisfaction_forms (id, layout_key, title, mapping, confirmed_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (1, "fixture-layout", "Questionnaire fictif", "{}", "2025-11-20T09:00:00Z"),
    )
    conn.execute(
        "INSERT INTO satisfaction_responses (id, form_id, sid, submitted_at, code, case_id,"
        " imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (1, 1, "41", "2025-11-18T17:00:00Z", "", 1, "2025-11-20T09:00:00Z"),
    )
    conn.execute(
        "INSERT INTO satisfaction_answers (response_id, question, scale, label)"
        " VALUES (?, ?, ?, ?)",
        (1, "Satisfaction globale", "satisfaction", "Très satisfait"),
    )


def _insert_v4_rows(conn: sqlcipher3.Connection) -> None:
    """What version 4 added: the e-mail case 2 was taken from."""
    conn.execute("UPDATE cases SET message_id = ? WHERE id = 2", ("<fixture-0008@example.org>",))


def _insert_v5_rows(conn: sqlcipher3.Connection) -> None:
    """Version 5 added no rows of its own: its migration renumbered the references."""


def _insert_v6_rows(conn: sqlcipher3.Connection) -> None:
    """What version 6 added: the member calls the hotliner at case 1's appointment."""
    conn.execute("UPDATE appointments SET who_calls = 'adhérent' WHERE id = 1")


def _insert_v7_rows(conn: sqlcipher3.Connection) -> None:
    """What version 7 added: a mailbox message marked « pas une demande » (key hashed)."""
    conn.execute(
        "INSERT INTO mailbox_dismissals (key_hash, sender, subject, arrived_at, dismissed_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (
            hashlib.sha256(DISMISSED_KEY.encode()).hexdigest(),
            "lettre@example.org",
            "Lettre d'information fictive",
            "2025-11-21T08:00:00Z",
            "2025-11-21T09:00:00Z",
        ),
    )


def _insert_v8_rows(conn: sqlcipher3.Connection) -> None:
    """What version 8 added: « Relationnel » carries the shared référentiel's stable id."""
    conn.execute("UPDATE themes SET ref_id = ? WHERE label = 'Relationnel'", (RELATIONNEL_ID,))


def _insert_v9_rows(conn: sqlcipher3.Connection) -> None:
    """What version 9 added: the call note's author, and an exchange folder (pair unlinked)."""
    conn.execute("UPDATE call_notes SET author = 'Jacqueline Morel'")
    conn.execute("UPDATE pair_link SET folder = ? WHERE id = 1", ("/tmp/echange-fictif",))


# The rows each version adds on top of the previous one; extend when a version is released.
ROWS_BY_VERSION = {
    1: _insert_v1_rows,
    2: _insert_v2_rows,
    3: _insert_v3_rows,
    4: _insert_v4_rows,
    5: _insert_v5_rows,
    6: _insert_v6_rows,
    7: _insert_v7_rows,
    8: _insert_v8_rows,
    9: _insert_v9_rows,
}


def write_fixture(version: int, path: Path | None = None) -> Path:
    """Build the database file of schema `version` at `path` (default: tests/data/)."""
    path = path or fixture_path(version)
    conn = create_connection(path, FIXTURE_PASSPHRASE)
    try:
        for step in range(1, version + 1):
            migrate(conn, target=step)
            conn.execute("BEGIN IMMEDIATE")
            ROWS_BY_VERSION[step](conn)
            conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return path


def main(argv: list[str]) -> int:
    for version in [int(arg) for arg in argv] or sorted(ROWS_BY_VERSION):
        target = fixture_path(version)
        if target.exists():
            print(f"{target.name} exists: a released fixture is never rewritten.")
            continue
        print(f"wrote {write_fixture(version)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
