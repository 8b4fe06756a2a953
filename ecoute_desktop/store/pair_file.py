"""The `.ecoute-binome` file: a SQLCipher database keyed with the pair's file key.

SQLCipher 4 encrypts every page (AES-256) and authenticates it (HMAC-SHA512); on top, a
`seal` row holds an HMAC-SHA256 (the pair's seal key) over the canonical text of every
other row, so a truncated file, or pages of two files spliced together, is refused too.
`write_file` writes to a temporary file next to the target, fsyncs and renames it;
`read_file` reads a private copy, checks pages, seal and values, then hands back the state.
The records travel compressed (zlib) by chunks, inflated with a ceiling when read.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import shutil
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3

from ecoute_desktop.domain.hlc import Stamp
from ecoute_desktop.domain.pair_merge import Entry
from ecoute_desktop.store.pair_checks import BadValue, check_complete, check_value
from ecoute_desktop.store.pair_records import Record, canonical
from ecoute_desktop.store.pair_shadow import Conflict, Outgoing, value_hash
from ecoute_desktop.store.timestamps import from_db

FORMAT = "ecoute-binome"
VERSION = 1  # the format of the tables below
MAX_BYTES = 512 * 1024 * 1024
CHUNK = 500  # records per compressed chunk
MAX_CHUNK_TEXT = 64 * 1024 * 1024  # a chunk that inflates beyond this is refused

_SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # A stamp (HLC, author, what it had seen) is written once, and each record's fields
    # point at theirs: the fields stamped in one pass share one row.
    "CREATE TABLE stamps (id INTEGER PRIMARY KEY, hlc TEXT NOT NULL, author TEXT NOT NULL,"
    " seen TEXT NOT NULL)",
    # The records, by chunks of CHUNK: zlib-compressed canonical JSON of a list of
    # [gid, kind, parent, {"name": [value, stamp id], …}] (field names and dates repeat:
    # compressed, a case and its history take a few hundred bytes).
    "CREATE TABLE chunks (id INTEGER PRIMARY KEY, data BLOB NOT NULL)",
    "CREATE TABLE tombstones (gid TEXT NOT NULL, kind TEXT NOT NULL, at TEXT NOT NULL,"
    " PRIMARY KEY (gid, kind))",
    "CREATE TABLE conflicts (case_gid TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,"
    " author TEXT NOT NULL, author_name TEXT NOT NULL, hlc TEXT NOT NULL)",
    "CREATE TABLE seal (mac BLOB NOT NULL)",
)
_QUERIES = {
    "meta": "SELECT key, value FROM meta ORDER BY key",
    "stamps": "SELECT id, hlc, author, seen FROM stamps ORDER BY id",
    "chunks": "SELECT id, data FROM chunks ORDER BY id",
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
            for item in row:
                data = bytes(item) if isinstance(item, bytes | memoryview) else None
                text = data if data is not None else canonical(item).encode()
                mac.update(len(text).to_bytes(8, "big") + text)
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
        _write_records(conn, state)
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


def _write_records(conn: sqlcipher3.Connection, state: Outgoing) -> None:
    stamps: dict[tuple[str, str, str], int] = {}
    rows = []
    for gid, record in sorted(state.records.items()):
        fields: dict[str, list[object]] = {}
        for name, value in sorted(record.fields.items()):
            entry = state.entries.get((gid, name))
            if entry is None:
                continue
            key = (entry.hlc, entry.author, canonical(entry.seen))
            number = stamps.setdefault(key, len(stamps) + 1)
            fields[name] = [value, number]
        rows.append([gid, record.kind, record.parent, fields])
    conn.executemany(
        "INSERT INTO stamps VALUES (?, ?, ?, ?)", [(n, *key) for key, n in stamps.items()]
    )
    conn.executemany(
        "INSERT INTO chunks VALUES (?, ?)",
        [
            (number, zlib.compress(canonical(rows[start : start + CHUNK]).encode(), 6))
            for number, start in enumerate(range(0, len(rows), CHUNK), 1)
        ],
    )


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
    if not {"meta", "stamps", "chunks", "tombstones", "conflicts", "seal"} <= tables:
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


def _stamps(conn: sqlcipher3.Connection) -> dict[int, tuple[str, str, dict[str, str]]]:
    stamps = {}
    for number, hlc, author, seen_text in conn.execute(_QUERIES["stamps"]):
        Stamp.parse(hlc)
        seen = json.loads(seen_text)
        if not (isinstance(seen, dict) and all(isinstance(v, str) for v in seen.values())):
            raise BadValue("marques de fusion illisibles")
        for other in seen.values():
            Stamp.parse(other)
        stamps[number] = (hlc, str(author), seen)
    return stamps


def _rows(conn: sqlcipher3.Connection) -> Iterator[list[Any]]:
    """The records of every chunk, inflated with a ceiling (no decompression bomb)."""
    for _, data in conn.execute(_QUERIES["chunks"]):
        inflater = zlib.decompressobj()
        text = inflater.decompress(bytes(data), MAX_CHUNK_TEXT)
        if inflater.unconsumed_tail or not inflater.eof:
            raise BadValue("bloc d'enregistrements trop grand ou tronqué")
        rows = json.loads(text)
        if not isinstance(rows, list):
            raise BadValue("bloc d'enregistrements illisible")
        for row in rows:
            if not (isinstance(row, list) and len(row) == 4):
                raise BadValue("enregistrement illisible")
            yield row


def _state(conn: sqlcipher3.Connection) -> tuple[Outgoing, Stamp]:
    stamps = _stamps(conn)
    latest = max((Stamp.parse(hlc) for hlc, _, _ in stamps.values()), default=Stamp(0, 0))
    records: dict[str, Record] = {}
    entries: dict[tuple[str, str], Entry] = {}
    for gid, kind, parent, fields in _rows(conn):
        if not (isinstance(gid, str) and isinstance(fields, dict)):
            raise BadValue("enregistrement illisible")
        if gid in records:
            raise BadValue("enregistrement en double")
        record = records[gid] = Record(kind, parent)
        for name, pair in fields.items():
            if not (isinstance(pair, list) and len(pair) == 2 and pair[1] in stamps):
                raise BadValue(f"champ « {str(name)[:40]} » sans horodatage")
            value, number = pair
            check_value(kind, name, value)
            hlc, author, seen = stamps[number]
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
