"""Child process of the crash tests: does one kind of work in a loop, reporting each commit.

Run as `python -m tests.crash_child MODE DB PASSPHRASE [ARG]`. Once its store is open,
the work reports each step and waits (`tests/kill_points.py`), and the parent kills it
with SIGKILL at the point it chose. Each other line printed (and flushed) is a promise
the parent checks after the kill: what it reports saved must be there, identical.
"""

from __future__ import annotations

import resource
import signal
import sys
from pathlib import Path

from ecoute_desktop.services.backup import automatic_backup
from ecoute_desktop.services.retention import purge, purge_preview
from ecoute_desktop.store import Store, StoreError
from ecoute_desktop.store.rekey import change_passphrase
from tests import kill_points


def note_body(run: int, index: int) -> str:
    """Deterministic, long enough to span pages, with accents."""
    return f"Note {run}-{index} : l'adhérent évoque « la réorganisation ». " * (1 + index % 40)


def _save_notes(db: Path, passphrase: str, run: int) -> None:
    with Store.open(db, passphrase) as store:
        case_ids = [c.id for c in store.cases.all()]
        kill_points.install(db.parent, store.db.conn)
        index = 0
        while True:
            case_id = case_ids[index % len(case_ids)]
            store.notes.save_draft(case_id, note_body(run, index)[:200])
            note = store.notes.add(case_id, note_body(run, index))
            print(f"saved {note.id} {run} {index}", flush=True)
            index += 1


def _disk_full(db: Path, passphrase: str, margin: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    store = Store.open(db, passphrase)
    case_id = store.cases.all()[0].id
    limit = db.stat().st_size + margin
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    index = 0
    try:
        while True:
            note = store.notes.add(case_id, note_body(0, index))
            print(f"saved {note.id} 0 {index}", flush=True)
            index += 1
    except Exception as error:  # what the app would show the user
        print(f"error {type(error).__name__} {error}", flush=True)
        raise SystemExit(1) from None


def main() -> None:
    mode, db, passphrase = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    extra = sys.argv[4] if len(sys.argv) > 4 else ""
    if mode == "notes":
        _save_notes(db, passphrase, int(extra))
    elif mode == "rekey":
        print("start", flush=True)
        kill_points.install(db.parent)
        change_passphrase(db, passphrase, extra)
        print("done", flush=True)
    elif mode == "backup":
        with Store.open(db, passphrase) as store:
            print("start", flush=True)
            kill_points.install(db.parent, store.db.conn)
            for _ in range(int(extra or 0) or sys.maxsize):
                info = automatic_backup(store)
                print(f"backup {info.path.name}", flush=True)
            print("done", flush=True)
    elif mode == "purge":
        with Store.open(db, passphrase) as store:
            print("start", flush=True)
            kill_points.install(db.parent, store.db.conn)
            purge(store, purge_preview(store))
            print("done", flush=True)
    elif mode == "referentiel":
        from ecoute_desktop.services.app import Services

        with Store.open(db, passphrase) as store:
            print("start", flush=True)
            kill_points.install(db.parent, store.db.conn)
            Services(store).referentiel.import_file(extra)
            print("done", flush=True)
    elif mode == "pair-import":  # the partner's file named by ARG (tests/test_binome_files.py)
        from ecoute_desktop.services.app import Services

        with Store.open(db, passphrase) as store:
            print("start", flush=True)
            kill_points.install(db.parent, store.db.conn)
            print(Services(store).pair.import_file(Path(extra)).summary, flush=True)
            print("done", flush=True)
    elif mode == "diskfull":
        _disk_full(db, passphrase, int(extra))
    else:
        raise StoreError(f"mode inconnu : {mode}")


if __name__ == "__main__":
    main()
