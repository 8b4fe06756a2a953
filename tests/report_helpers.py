"""Reading report PDFs back for the tests: text with pdftotext, figures by row label."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

NUMBER = r"\d{1,3}(?: \d{3})*"


def pdf_text(path: Path) -> str:
    """The text of a PDF laid out as on paper, spaces normalised (no-break → plain)."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return out.replace("\u202f", " ").replace("\xa0", " ")


def number(text: str) -> int:
    return int(text.replace(" ", ""))


def between(text: str, start: str, end: str) -> str:
    """The part of `text` after the first `start` and before the next `end`."""
    head = text.index(start) + len(start)
    return text[head : text.index(end, head)]


def row_numbers(section: str, label: str) -> list[str]:
    """The cells after `label` on the first line of `section` starting with it."""
    pattern = re.compile(rf"^\s*{re.escape(label)}(?:\s{{2,}}|\s*$)(.*)$", re.MULTILINE)
    found = pattern.search(section)
    if found is None:
        raise AssertionError(f"no row {label!r} in:\n{section}")
    return [cell for cell in re.split(r"\s{2,}", found.group(1).strip()) if cell]


def first_count(section: str, label: str) -> int:
    return number(row_numbers(section, label)[0])


def hours(cell: str) -> float | None:
    return None if cell == "—" else float(cell.removesuffix(" h").replace(",", "."))


KEY_FIGURE_LABELS = {
    "requests": "Sollicitations reçues",
    "urgent": "dont urgentes",
    "acknowledged": "Accusés de réception envoyés",
    "acknowledged_within_48h": "dont dans les 48 h",
    "cases_with_call": "Sollicitations avec au moins un appel",
    "calls_held": "Appels effectués (rappels compris)",
    "questionnaires_sent": "Questionnaires de satisfaction envoyés",
    "closed": "Sollicitations clôturées",
    "national_referrals": "Orientations vers le niveau national",
}


def key_figures(text: str) -> dict[str, object]:
    """The "Chiffres clés" table as a dict with the JSON indicator keys."""
    section = between(text, "Chiffres clés", "Toutes les sollicitations")
    figures: dict[str, object] = {
        key: first_count(section, label) for key, label in KEY_FIGURE_LABELS.items()
    }
    delay = row_numbers(section, "Délai médian d'accusé de réception")[0]
    figures["median_ack_hours"] = hours(delay)
    return figures


def theme_table(text: str) -> dict[str, int]:
    """Top-level theme → count from the theme table (rows in bold, sub-themes skipped)."""
    section = between(text, "Thème / sous-thème", "Une sollicitation compte")
    return {
        m.group(1): number(m.group(2))
        for m in re.finditer(rf"^ {{1,3}}(\S.*?)\s{{2,}}({NUMBER})\s", section, re.MULTILINE)
    }


def orientation_table(text: str) -> dict[str, int]:
    section = between(text, "Organisme", "sollicitation(s) orientée(s)")
    rows = {}
    for m in re.finditer(rf"^\s*(\S.*?)\s{{2,}}({NUMBER})\s", section, re.MULTILINE):
        rows[m.group(1).removesuffix(" (national)")] = number(m.group(2))
    return rows
