"""The `ecoute` command line fails politely, in French, as a reviewer found it did not.

Pins: without a terminal or on Ctrl-D the passphrase prompts end with one French message
(exit 2), Ctrl-C with « interrompu » (exit 130), never an English warning or a traceback;
a reader that goes away (`| true`) ends the command silently; write errors name the file
the user asked for, never the hidden temporary file, in French words; `-o ""` is a usage
error; exit 3 is kept for « wrong passphrase or not an Écoute database », while a folder,
an empty file, a plain SQLite file, a missing folder or `--db ""` exit 1, bytes untouched.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import re
import select
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ecoute_desktop.cli import main
from ecoute_desktop.services.atomic import write_bytes_atomic
from ecoute_desktop.services.os_errors import os_error_message
from ecoute_desktop.store import Store
from tests.cli_support import digest
from tests.conftest import PASSPHRASE

ECOUTE = [
    sys.executable,
    "-c",
    "import sys; from ecoute_desktop.cli import main; sys.exit(main(sys.argv[1:]))",
]
NO_PASSPHRASE = "Aucune phrase de passe"
ENGLISH = ("Warning", "Traceback", "Broken pipe", "Exception ignored", "denied", "permitted")


def _env(**values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ECOUTE_")}
    env.update(values)
    return env


def run(monkeypatch, capsys, *argv: str, passphrase: str = PASSPHRASE) -> tuple[int, str, str]:
    monkeypatch.setenv("ECOUTE_PASSPHRASE", passphrase)
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return int(code or 0), out, err


@pytest.fixture
def closed_db(tmp_path: Path) -> Path:
    path = tmp_path / "ecoute.db"
    Store.create(path, PASSPHRASE).close()
    return path


# 1. Passphrase prompts without a terminal, Ctrl-D, Ctrl-C


@pytest.mark.parametrize(
    ("argv", "env", "variable"),
    [
        (["check"], {}, "ECOUTE_PASSPHRASE"),
        (["passphrase"], {"ECOUTE_PASSPHRASE": PASSPHRASE}, "ECOUTE_NEW_PASSPHRASE"),
    ],
    ids=["passphrase", "new-passphrase"],
)
def test_no_terminal_and_no_variable_is_one_french_usage_message(
    closed_db: Path, argv: list[str], env: dict[str, str], variable: str
) -> None:
    before = digest(closed_db)
    result = subprocess.run(
        [*ECOUTE, "--db", str(closed_db), *argv],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=_env(**env),
        start_new_session=True,  # no controlling terminal, as under cron or a script
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert NO_PASSPHRASE in result.stderr and variable in result.stderr
    assert not any(word in result.stderr for word in ENGLISH), result.stderr
    assert digest(closed_db) == before


def _at_terminal(db: Path, keys: bytes) -> tuple[int, str]:
    """Run `ecoute check` on a pseudo-terminal, type `keys` at the prompt."""
    import fcntl
    import termios

    master, slave = os.openpty()

    def take_terminal() -> None:
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    process = subprocess.Popen(
        [*ECOUTE, "--db", str(db), "check"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=_env(),
        start_new_session=True,
        preexec_fn=take_terminal,
    )
    os.close(slave)
    output = b""
    try:
        while b"Phrase de passe : " not in output:
            ready, _, _ = select.select([master], [], [], 60)
            assert ready, output
            output += os.read(master, 1024)
        os.write(master, keys)
        code = process.wait(timeout=60)
        while select.select([master], [], [], 0.2)[0]:
            chunk = os.read(master, 1024)
            if not chunk:
                break
            output += chunk
    except OSError:  # the terminal closed with the process
        code = process.wait(timeout=60)
    finally:
        os.close(master)
    return code, output.decode("utf-8", "replace")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pseudo-terminal (Linux)")
@pytest.mark.parametrize(
    ("keys", "code", "message"),
    [(b"\x04", 2, NO_PASSPHRASE), (b"\x03", 130, "ecoute : interrompu.")],
    ids=["ctrl-d", "ctrl-c"],
)
def test_ctrl_d_or_ctrl_c_at_the_prompt_ends_quietly_in_french(
    closed_db: Path, keys: bytes, code: int, message: str
) -> None:
    got, output = _at_terminal(closed_db, keys)
    assert got == code, output
    assert message in output
    assert not any(word in output for word in ENGLISH), output


# 2. Broken pipe


@pytest.mark.parametrize(
    "argv", [["indicators", "--month", "2026-10", "--json"], ["--help"]], ids=["json", "help"]
)
def test_a_reader_that_went_away_ends_the_command_silently(
    closed_db: Path, argv: list[str]
) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `| true`: nobody reads what the command prints
    try:
        result = subprocess.run(
            [*ECOUTE, "--db", str(closed_db), *argv],
            stdout=write_end,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            env=_env(ECOUTE_PASSPHRASE=PASSPHRASE),
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == (0 if argv == ["--help"] else 1)


# 3. and 4. Write errors name the user's file, in French


def test_a_refused_temporary_file_is_reported_under_the_users_file_name(
    closed_db: Path, monkeypatch, capsys
) -> None:
    target = closed_db.parent / "rdv.ics"
    real_write = Path.write_bytes

    def refused(self: Path, data: bytes) -> int:
        if self.name.endswith(".part"):
            raise PermissionError(errno.EPERM, "Operation not permitted", str(self))
        return real_write(self, data)

    monkeypatch.setattr(Path, "write_bytes", refused)
    code, _, err = run(
        monkeypatch, capsys, "--db", str(closed_db), "ics", "--upcoming", "-o", str(target)
    )
    assert code == 1, err
    assert f"« {target} » : accès refusé." in err
    assert ".part" not in err and "permitted" not in err
    assert not target.exists() and not list(closed_db.parent.glob(".*part"))


def test_atomic_errors_name_the_target_not_the_temporary_file(tmp_path: Path, monkeypatch) -> None:
    import ecoute_desktop.services.atomic as atomic

    target = tmp_path / "x.json"

    def busy(source: Path, destination: Path) -> None:
        raise OSError(errno.EBUSY, "Device or resource busy", str(source))

    monkeypatch.setattr(atomic, "replace_file", busy)
    with pytest.raises(OSError) as raised:
        write_bytes_atomic(target, b"{}")
    assert raised.value.errno == errno.EBUSY
    assert raised.value.filename == str(target) and raised.value.filename2 is None
    assert os_error_message(raised.value) == f"« {target} » : fichier ou dossier occupé."


@pytest.mark.parametrize(
    ("number", "english", "french"),
    [
        (errno.EACCES, "Permission denied", "accès refusé"),
        (errno.EPERM, "Operation not permitted", "accès refusé"),
        (errno.ENOENT, "No such file or directory", "introuvable"),
        (errno.EISDIR, "Is a directory", "c'est un dossier"),
        (errno.ENOTDIR, "Not a directory", "n'est pas un dossier"),
        (errno.ENOSPC, "No space left on device", "disque plein"),
        (errno.EROFS, "Read-only file system", "support en lecture seule"),
        (errno.EBUSY, "Device or resource busy", "fichier ou dossier occupé"),
        (errno.EIO, "Input/output error", "erreur de lecture ou d'écriture du support"),
        (errno.EEXIST, "File exists", "existe déjà"),
        (errno.ENAMETOOLONG, "File name too long", "nom de fichier trop long"),
        (errno.EXDEV, "Invalid cross-device link", f"erreur système (code {errno.EXDEV})"),
    ],
)
def test_system_error_texts_are_worded_in_french(number: int, english: str, french: str) -> None:
    message = os_error_message(OSError(number, english, "/tmp/rapport.pdf"))
    assert message.startswith("« /tmp/rapport.pdf » : ") and french in message
    assert english not in message


@pytest.mark.parametrize("command", [["ics", "--upcoming"], ["backup"], ["charter"]])
def test_an_empty_output_name_is_a_usage_error(
    closed_db: Path, command: list[str], monkeypatch, capsys
) -> None:
    code, _, err = run(monkeypatch, capsys, "--db", str(closed_db), *command, "-o", "")
    assert code == 2, err
    assert "indiquez un nom de fichier" in err and "« . »" not in err


# 5. Exit 3 only for a wrong passphrase or a file that is not an Écoute database


def _plain_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("kind", "code", "words"),
    [
        ("folder", 1, "n'est pas un fichier"),
        ("empty", 1, "est vide"),
        ("plain", 1, "base SQLite non chiffrée : ce n'est pas une base Écoute"),
        ("missing-folder", 1, "Aucune base Écoute"),
        ("random", 3, "Phrase de passe incorrecte ou fichier qui n'est pas une base Écoute"),
    ],
)
def test_what_is_plainly_not_a_database_exits_1_and_stays_untouched(
    tmp_path: Path, kind: str, code: int, words: str, monkeypatch, capsys
) -> None:
    path = tmp_path / "autre.db"
    if kind == "folder":
        path.mkdir()
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "plain":
        _plain_sqlite(path)
    elif kind == "random":
        path.write_bytes(os.urandom(3 * 4096 + 17))
    else:
        path = tmp_path / "absent" / "autre.db"
    before = {p.name: digest(p) for p in tmp_path.rglob("*") if p.is_file()}
    got, _, err = run(monkeypatch, capsys, "--db", str(path), "check")
    assert got == code, err
    assert words in err and "Traceback" not in err
    assert {p.name: digest(p) for p in tmp_path.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(before) + (
        ["autre.db"] if kind == "folder" else []
    )


def test_an_empty_db_option_exits_1(monkeypatch, capsys) -> None:
    code, _, err = run(monkeypatch, capsys, "--db", "", "check")
    assert code == 1, err
    assert "--db" in err and "« . »" not in err


def test_restore_never_puts_a_backup_in_place_of_a_folder(
    closed_db: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    folder = tmp_path / "dossier"
    folder.mkdir()
    (folder / "garder.txt").write_text("à garder", encoding="utf-8")
    code, _, err = run(monkeypatch, capsys, "--db", str(folder), "restore", str(closed_db))
    assert code == 1, err
    assert "n'est pas un fichier" in err
    assert folder.is_dir() and (folder / "garder.txt").read_text(encoding="utf-8") == "à garder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dossier", "ecoute.db"]


def test_passphrase_change_says_the_old_one_is_wrong_before_asking_the_new(
    closed_db: Path,
) -> None:
    before = digest(closed_db)
    result = subprocess.run(
        [*ECOUTE, "--db", str(closed_db), "passphrase"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=_env(ECOUTE_PASSPHRASE="pas la bonne phrase"),
        start_new_session=True,
        timeout=120,
    )
    assert result.returncode == 3, result.stderr
    assert "Phrase de passe incorrecte" in result.stderr and NO_PASSPHRASE not in result.stderr
    assert digest(closed_db) == before


# 6. export-anonymised without --pseudonym, none saved


def test_export_without_a_pseudonym_draws_a_neutral_one_once_and_says_so(
    closed_db: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    import jsonschema

    from ecoute_desktop.domain.header_fields import pseudonym_problem
    from ecoute_desktop.resource_files import read_resource

    schema = json.loads(read_resource("schemas", "export-v2.schema.json"))
    base = ["--db", str(closed_db), "export-anonymised", "--from", "2026-01", "--to", "2026-03"]
    first, second = tmp_path / "un.json", tmp_path / "deux.json"

    code, _, err = run(monkeypatch, capsys, *base, "-o", str(first))
    assert code == 0, err
    document = json.loads(first.read_text("utf-8"))
    jsonschema.validate(document, schema)
    pseudonym = document["pseudonym"]
    assert re.fullmatch(r"Écoutant-[0-9A-Z]{4}", pseudonym) and not pseudonym_problem(pseudonym)
    assert f"« {pseudonym} »" in err and "tiré au hasard" in err and "--pseudonym" in err

    code, _, err = run(monkeypatch, capsys, *base, "-o", str(second))
    assert code == 0, err
    assert json.loads(second.read_text("utf-8"))["pseudonym"] == pseudonym  # saved, not redrawn
    assert "tiré au hasard" not in err
    with Store.open(closed_db, PASSPHRASE) as store:
        from ecoute_desktop.services.export_anonymised import saved_pseudonym

        assert saved_pseudonym(store) == pseudonym


# 7. A UTF-16 CSV (Excel « Texte Unicode »)


@pytest.mark.parametrize("command", ["import-cases", "import-satisfaction"])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_utf16_csv_is_refused_with_how_to_save_it(
    closed_db: Path, tmp_path: Path, command: str, encoding: str, monkeypatch, capsys
) -> None:
    text = (
        "date_reception\tnom\r\n02/03/2026\tFictif\r\n"
        if command == "import-cases"
        else "reference\tsatisfaction\r\n2026-0001\t5\r\n"
    )
    source = tmp_path / "export excel.csv"
    source.write_bytes("\ufeff".encode(encoding) + text.encode(encoding))
    before = digest(closed_db)
    code, _, err = run(monkeypatch, capsys, "--db", str(closed_db), command, str(source))
    assert code == 1, err
    assert str(source) in err and "UTF-16" in err
    assert "« CSV UTF-8 (délimité par des virgules) »" in err
    assert "colonne" not in err and err.count("\n") == 1
    assert digest(closed_db) == before


# 8. French help and French type errors


def _help(monkeypatch, capsys, *argv: str) -> str:
    code, out, err = run(monkeypatch, capsys, *argv, "--help")
    assert code == 0, err
    return out


def _all_helps(monkeypatch, capsys) -> dict[str, str]:
    from ecoute_desktop.cli import build_parser

    parser = build_parser()
    commands = [[]]
    for action in parser._subparsers._group_actions:  # every sub-command, and theirs
        for name, sub in action.choices.items():
            commands.append([name])
            if sub._subparsers is not None:
                for inner in sub._subparsers._group_actions:
                    commands += [[name, other] for other in inner.choices]
    return {" ".join(argv): _help(monkeypatch, capsys, *argv) for argv in commands}


def test_every_help_is_french_and_every_option_says_what_it_does(monkeypatch, capsys) -> None:
    from ecoute_desktop.cli import build_parser

    helps = _all_helps(monkeypatch, capsys)
    assert len(helps) > 15
    for name, text in helps.items():
        if name.startswith("referentiel"):  # `referentiel show --json`: the contract
            text = text.replace("\n    show ", "\n").replace("referentiel show ", "referentiel ")
        for english in ("show ", " exit", "usage", "positional", "optional", "argument "):
            assert english not in text, (name, english, text)
        assert "options\u00a0:" in text, name
        heading = (
            "commandes et arguments"
            if name in ("", "report", "referentiel", "pair", "mailbox")
            else "arguments"
        )
        if "arguments\u00a0:" in text:
            assert f"\n{heading}\u00a0:" in text, (name, text)
    assert "afficher la version et quitter" in helps[""]
    parser = build_parser()
    parsers = [parser]
    while parsers:
        current = parsers.pop()
        for action in current._actions:
            if isinstance(action, argparse._SubParsersAction):
                parsers += list(action.choices.values())
            else:
                assert action.help, (current.prog, action.dest)
                if action.option_strings and action.nargs != 0:  # takes a value
                    assert action.metavar, (current.prog, action.dest)  # French, not « CASES »


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["demo", "x.db", "--cases", "abc"], "nombre entier attendu : 'abc'"),
        (["demo", "x.db", "--cases", "-5"], "nombre entier positif attendu : '-5'"),
        (["demo", "x.db", "--cases", "0"], "nombre entier positif attendu : '0'"),
        (["merge", "a.json", "--json", "--threshold", "trois"], "nombre entier attendu"),
        (["merge", "a.json", "--json", "--threshold", "-1"], "positif ou nul"),
    ],
)
def test_numbers_are_checked_in_french_before_any_work(
    tmp_path: Path, argv: list[str], message: str, monkeypatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(monkeypatch, capsys, *argv)
    assert code == 2, err
    assert message in err and "invalid" not in err and "(int)" not in err
    assert list(tmp_path.iterdir()) == []


# 9. Wording


def test_zero_and_one_take_the_singular(
    closed_db: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    code, out, _ = run(monkeypatch, capsys, "--db", str(closed_db), "check")
    assert code == 0 and "(0 sollicitation)" in out
    code, out, _ = run(
        monkeypatch, capsys, "--db", str(closed_db), "backup", "-o", str(tmp_path / "s.db")
    )
    assert code == 0 and "(0 sollicitation)" in out


def test_a_bad_report_month_is_said_once(
    closed_db: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    argv = ["--db", str(closed_db), "report", "monthly", "2026-13", "-o", str(tmp_path / "m.pdf")]
    code, _, err = run(monkeypatch, capsys, *argv)
    assert code == 2, err
    assert err == "ecoute : Mois invalide « 2026-13 » (attendu AAAA-MM).\n"
