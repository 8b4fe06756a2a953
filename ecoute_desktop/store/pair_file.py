"""The `.ecoute-binome` file: a SQLCipher database keyed with the pair's file key.

SQLCipher 4 encrypts every page (AES-256) and authenticates it (HMAC-SHA512); on top, a
`seal` row holds an HMAC-SHA256 (the pair's seal key) over the canonical text of every
other row, so a truncated file, or pages of two files spliced together, is refused too.
`write_file` writes to a temporary file next to the target, fsyncs and renames it;
`read_file` reads a private copy, checks pages, seal and values, then hands back the state.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from ecoute_desktop.domain.hlc import Stamp
from ecoute_desktop.domain.pair_merge import Entry
from ecoute_desktop.store.pair_checks import BadValue, check_complete, check_value
from ecoute_desktop.store.pair_records import Record, canonical
from ecoute_desktop.store.pair_shadow import Conflict, Outgoing, value_hash
from ecoute_desktop.store.timestamps import from_db

FORMAT = "ecoute-binome"
VERSION = 1
MAX_BYTES = 512 * 1024 * 1024

_SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE fields (gid TEXT NOT NULL, kind TEXT NOT NULL, parent TEXT, field TEXT NOT"
    " NULL, value TEXT NOT NULL, hlc TEXT NOT NULL, author TEXT NOT NULL, seen TEXT NOT NULL,"
    " PRIMARY KEY (gid, field))",
    "CREATE TABLE tombstones (gid TEXT NOT NULL, kind TEXT NOT NULL, at TEXT NOT NULL,"
    " PRIMARY KEY (gid, kind))",
    "CREATE TABLE conflicts (case_gid TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,"
    " author TEXT NOT NULL, author_name TEXT NOT NULL, hlc TEXT NOT NULL)",
    "CREATE TABLE seal (mac BLOB NOT NULL)",
)
_QUERIES = {
    "meta": "SELECT key, value FROM meta ORDER BY key",
    "fields": "SELECT gid, kind, parent, field, value, hlc, author, seen FROM fields"
    " ORDER BY gid, field",
    "tombstones": "SELECT gid, kind, at FROM tombstones ORDER BY gid, kind",
    "conflicts": "SELECT case_gid, field, value, author, author_name, hlc FROM conflicts"
    " ORDER BY case_gid, field, hlc, author, value",
}


class PairFileError(Exception):
    """The file cannot be taken: foreign, damaged, tampered with or unreadable (French)."""


@dataclass(frozen=True, slots=True)
class Keys:
    """The keys a pair derives from its pair key (services/binome/keys.py)."""

    file_key: bytes
    seal_key: bytes
    pair_id: str


@dataclass(frozen=True, slots=True)
class Received:
    """A checked file: who sent it, when, and the state it carries."""

    sender: str
    sender_name: str
    written_at: str
    state: Outgoing
    latest: Stamp


def _key_pragma(conn: sqlcipher3.Connection, key: bytes) -> None:
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")


def _seal(conn: sqlcipher3.Connection, seal_key: bytes) -> bytes:
    mac = hmac.new(seal_key, digestmod=hashlib.sha256)
    for table, query in _QUERIES.items():
        mac.update(f"\x1e{table}\n".encode())
        for row in conn.execute(query):
            mac.update(canonical(list(row)).encode() + b"\n")
    return mac.digest()


def write_file(path: Path, keys: Keys, meta: dict[str, str], state: Outgoing) -> None:
    """Write the state into `path` (an empty private file the caller renames into place)."""
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        _key_pragma(conn, keys.file_key)
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA temp_store = MEMORY")  # no temporary file, even encrypted
        conn.execute("BEGIN")
        for statement in _SCHEMA:
            conn.execute(statement)
        full_meta = {"format": FORMAT, "version": str(VERSION), "pair_id": keys.pair_id, **meta}
        conn.executemany("INSERT INTO meta VALUES (?, ?)", sorted(full_meta.items()))
        conn.executemany(
            "INSERT INTO fields VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    gid,
                    record.kind,
                    record.parent,
                    name,
                    canonical(value),
                    entry.hlc,
                    entry.author,
                    canonical(entry.seen),
                )
                for gid, record in sorted(state.records.items())
                for name, value in sorted(record.fields.items())
                if (entry := state.entries.get((gid, name))) is not None
            ],
        )
        conn.executemany(
            "INSERT INTO tombstones VALUES (?, ?, ?)",
            [(g, k, at) for (g, k), at in sorted(state.tombstones.items())],
        )
        conn.executemany(
            "INSERT INTO conflicts VALUES (?, ?, ?, ?, ?, ?)",
            [
                (c.case_gid, c.field, c.value, c.author, c.author_name, c.hlc)
                for c in state.conflicts
            ],
        )
        conn.execute("INSERT INTO seal VALUES (?)", (_seal(conn, keys.seal_key),))
        conn.execute("COMMIT")
    finally:
        conn.close()


def read_file(path: Path, keys: Keys) -> Received:
    """The checked content of a partner's file; PairFileError (French) for anything wrong."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise PairFileError(f"« {path.name} » ne peut pas être lu.") from error
    if size > MAX_BYTES or size == 0:
        raise PairFileError(f"« {path.name} » n'est pas un fichier d'échange de binôme.")
    with _private_copy(path) as copy:
        conn = sqlcipher3.connect(f"file:{copy}?mode=ro", uri=True, isolation_level=None)
        try:
            return _read(conn, keys, path.name)
        except (sqlcipher3.DatabaseError, ValueError) as error:
            if isinstance(error, PairFileError):
                raise
            raise PairFileError(_foreign(path.name)) from None
        finally:
            conn.close()


def _foreign(name: str) -> str:
    return (
        f"« {name} » n'a pas pu être ouvert avec la clé de votre binôme : il vient d'un "
        "autre binôme, ou il a été abîmé ou modifié en chemin. Rien n'a été changé."
    )


@contextlib.contextmanager
def _private_copy(path: Path) -> Iterator[Path]:
    """A copy in an owner-only folder: a synced folder may change the file while we read.
    It stays encrypted; the folder is removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="ecoute-binome-"))
    try:
        copy = folder / "echange.db"
        try:
            shutil.copyfile(path, copy)
        except OSError as error:
            raise PairFileError(f"« {path.name} » ne peut pas être lu.") from error
        yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _read(conn: sqlcipher3.Connection, keys: Keys, name: str) -> Received:
    _key_pragma(conn, keys.file_key)
    conn.execute("PRAGMA query_only = 1")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # wrong key: DatabaseError
    if conn.execute("PRAGMA cipher_integrity_check").fetchall():
        raise PairFileError(_foreign(name))
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"meta", "fields", "tombstones", "conflicts", "seal"} <= tables:
        raise PairFileError(f"« {name} » n'est pas un fichier d'échange de binôme.")
    seals = conn.execute("SELECT mac FROM seal").fetchall()
    if len(seals) != 1 or not hmac.compare_digest(bytes(seals[0][0]), _seal(conn, keys.seal_key)):
        raise PairFileError(
            f"« {name} » est incomplet ou a été modifié (son sceau ne correspond pas) : "
            "rien n'a été changé. Demandez à votre binôme de l'envoyer à nouveau."
        )
    meta = dict(conn.execute(_QUERIES["meta"]).fetchall())
    if meta.get("format") != FORMAT:
        raise PairFileError(f"« {name} » n'est pas un fichier d'échange de binôme.")
    if meta.get("pair_id") != keys.pair_id:
        raise PairFileError(_foreign(name))
    if meta.get("version") != str(VERSION):
        raise PairFileError(
            f"« {name} » vient d'une version plus récente d'Écoute : mettez l'application à "
            "jour pour le lire. Rien n'a été changé."
        )
    sender = meta.get("sender", "")
    if len(sender) != 32 or any(ch not in "0123456789abcdef" for ch in sender):
        raise PairFileError(f"« {name} » n'est pas un fichier d'échange de binôme.")
    try:
        state, latest = _state(conn)
    except (BadValue, ValueError, TypeError) as error:
        raise PairFileError(f"« {name} » est refusé : {error}. Rien n'a été changé.") from None
    return Received(
        sender,
        meta.get("sender_name", ""),
        meta.get("written_at", ""),
        state,
        latest,
    )


def _state(conn: sqlcipher3.Connection) -> tuple[Outgoing, Stamp]:
    records: dict[str, Record] = {}
    entries: dict[tuple[str, str], Entry] = {}
    latest = Stamp(0, 0)
    for gid, kind, parent, name, text, hlc, author, seen_text in conn.execute(_QUERIES["fields"]):
        value = json.loads(text)
        check_value(kind, name, value)
        stamp = Stamp.parse(hlc)
        latest = max(latest, stamp)
        seen = json.loads(seen_text)
        if not (isinstance(seen, dict) and all(isinstance(v, str) for v in seen.values())):
            raise BadValue("marques de fusion illisibles")
        for other in seen.values():
            Stamp.parse(other)
        record = records.setdefault(gid, Record(kind, parent))
        if (record.kind, record.parent) != (kind, parent):
            raise BadValue("enregistrement incohérent")
        record.fields[name] = value
        entries[(gid, name)] = Entry(value_hash(value), hlc, author, seen)
    for record in records.values():
        check_complete(record.kind, set(record.fields))
        if record.kind in ("event", "note", "appointment") and not record.parent:
            raise BadValue("enregistrement sans sollicitation")
    tombstones = {(g, k): at for g, k, at in conn.execute(_QUERIES["tombstones"])}
    if any(k not in ("deleted", "erased") for _, k in tombstones):
        raise BadValue("effacement de nature inconnue")
    for at in tombstones.values():
        from_db(at)  # ValueError: refused
    conflicts = [Conflict(*row) for row in conn.execute(_QUERIES["conflicts"])]
    for conflict in conflicts:
        Stamp.parse(conflict.hlc)
        json.loads(conflict.value)
    return Outgoing(records, entries, tombstones, conflicts), latest
