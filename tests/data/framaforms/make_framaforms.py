"""Writes the synthetic Framaforms (Drupal Webform) downloads of this folder.

Run `.venv/bin/python tests/data/framaforms/make_framaforms.py`. The shapes follow
Webform's delimited exporter: every cell quoted, three header rows (the form's title;
« Submission Details » then the question groups; the labels) or the labels only, the
fixed submission columns first, one column per question or per option (`X`).
Everything is invented: codes, IP addresses (192.0.2.0/24, reserved for documentation),
answers; suggestions carry the marker SUGGESTION-MARQUEUR so that tests can look for it.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

HERE = Path(__file__).parent
TITLE = "Questionnaire de satisfaction — point d'écoute"
FIXED_EN = [
    "Serial",
    "SID",
    "Submitted Time",
    "Completed Time",
    "Modified Time",
    "Draft",
    "IP Address",
    "UID",
    "Username",
]
FIXED_FR = [
    "N°",
    "SID",
    "Date de soumission",
    "Date de complétion",
    "Date de modification",
    "Brouillon",
    "Adresse IP",
    "UID",
    "Nom d'utilisateur",
]
OPTIONS = ["Bouche à oreille", "Site de l'association", "Revue de l'association"]
GROUP = "Comment avez-vous connu le point d'écoute ?"


def _fixed(serial: int, sid: int, when: str, draft: int) -> list[str]:
    return [
        str(serial),
        str(sid),
        when,
        "" if draft else when,
        when,
        str(draft),
        f"192.0.2.{sid % 250}",
        "0",
        "",
    ]


def _write(name: str, rows: list[list[str]], delimiter: str, encoding: str = "utf-8") -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(
        rows
    )
    (HERE / name).write_bytes(buffer.getvalue().encode(encoding))


def default_download() -> list[list[str]]:
    """Webform's default: tab, three header rows, English fixed columns, every kind of question."""
    questions = [
        "Code",
        "Accueil par l'écoutant",
        "Délai avant l'appel",
        "Note globale",
        "Recommanderiez-vous le point d'écoute ?",
        *OPTIONS,
        "Vos suggestions",
    ]
    fixed = FIXED_EN
    title = [TITLE] + [""] * (len(fixed) + len(questions) - 1)
    groups = ["Submission Details"] + [""] * (len(fixed) - 1)
    groups += ["", "", "", "", "", GROUP, "", "", ""]
    answers = [
        (
            1,
            101,
            "03/14/2026 - 10:05",
            0,
            [
                "K7Q2",
                "Très satisfait",
                "Moyennement",
                "5",
                "9",
                "X",
                "",
                "X",
                "Merci SUGGESTION-MARQUEUR pour l'écoute",
            ],
        ),
        (
            2,
            102,
            "03/15/2026 - 18:40",
            0,
            ["M3XP", "Satisfait", "Satisfait", "4", "10", "", "X", "", ""],
        ),
        (3, 103, "03/20/2026 - 09:12", 1, ["P4RT", "Peu satisfait", "", "", "", "", "", "", ""]),
        (
            4,
            104,
            "03/28/2026 - 23:30",
            0,
            [
                "ZZ9Z",
                "Pas du tout satisfait",
                "Peu satisfait",
                "2",
                "3",
                "",
                "",
                "X",
                "Rappeler plus vite",
            ],
        ),
        (
            5,
            105,
            "04/02/2026 - 08:00",
            0,
            ["", "Très satisfait", "Très satisfait", "5", "8", "X", "", "", ""],
        ),
    ]
    rows = [title, groups, fixed + questions]
    rows += [_fixed(s, sid, when, d) + a for s, sid, when, d, a in answers]
    return rows


def french_semicolon() -> list[list[str]]:
    """A French download: `;`, French fixed columns, hidden Code, two ratings and a comment."""
    questions = [
        "Code",
        "Êtes-vous satisfait de l'écoute ?",
        "Êtes-vous satisfait de l'orientation proposée ?",
        "Commentaire",
    ]
    title = [TITLE] + [""] * (len(FIXED_FR) + len(questions) - 1)
    groups = ["Détails de la soumission"] + [""] * (len(FIXED_FR) + len(questions) - 1)
    answers = [
        (
            1,
            201,
            "03/03/2026 - 14:00",
            0,
            [
                "K7Q2",
                "Très satisfait",
                "Ni satisfait ni insatisfait",
                "Écoute précieuse SUGGESTION-MARQUEUR",
            ],
        ),
        (2, 202, "03/09/2026 - 11:30", 0, ["m3xp", "Satisfait", "Très satisfait", ""]),
        (3, 203, "03/10/2026 - 16:45", 1, ["", "", "", ""]),
        (
            4,
            204,
            "03/31/2026 - 22:59",
            0,
            ["", "Peu satisfait", "Pas du tout satisfait", "Délai trop long"],
        ),
    ]
    rows = [title, groups, FIXED_FR + questions]
    rows += [_fixed(s, sid, when, d) + a for s, sid, when, d, a in answers]
    return rows


def labels_only(rows: list[list[str]]) -> list[list[str]]:
    return rows[2:]


def main() -> None:
    default = default_download()
    french = french_semicolon()
    _write("defaut-tabulation-en.tsv", default, "\t")
    _write("defaut-virgule-titres-seuls-en.csv", labels_only(default), ",")
    _write("fr-point-virgule.csv", french, ";")
    _write("fr-point-virgule-cp1252-titres-seuls.csv", labels_only(french), ";", "cp1252")
    _write("fr-barre-verticale-bom.csv", french, "|", "utf-8-sig")
    bad = [list(r) for r in french]
    bad[4][9 + 1] = "Excellent"  # line 5, outside the question's scale
    _write("fr-reponse-hors-echelle.csv", bad, ";")


if __name__ == "__main__":
    main()
