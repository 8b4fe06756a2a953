"""The confidentiality charter: an editable template with placeholders, rendered to an A4 PDF.

The default text ships in `resources/templates/charte.txt`; the user's edited version is
kept in the encrypted settings. Template syntax (plain text): the first line is the
title; a line starting with `## ` is a heading; `- ` starts a bullet; a blank line
separates paragraphs. Placeholders: {membre}, {ecoutant}, {binome}, {date}, {rdv}.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from ecoute_desktop.domain import settings_spec
from ecoute_desktop.domain.french_dates import long_datetime, long_day
from ecoute_desktop.domain.timeutil import as_paris, utc_now
from ecoute_desktop.services.atomic import write_bytes_atomic
from ecoute_desktop.store import Store

PLACEHOLDERS: dict[str, str] = {
    "membre": "nom de l'adhérent(e)",
    "ecoutant": "nom de l'écoutant(e)",
    "binome": "nom de l'autre écoutant(e) du binôme",
    "date": "date du jour",
    "rdv": "date et heure du rendez-vous",
}

DEFAULT_TEMPLATE = settings_spec.CHARTER_TEMPLATE.default


class TemplateError(ValueError):
    """A template with an unknown or malformed placeholder (French message)."""


def check_template(template: str, known: dict[str, str]) -> None:
    """Refuse a template whose placeholders are not all among `known`."""
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError:
        raise TemplateError(
            "Accolade non fermée dans le modèle : écrivez {{ et }} pour une accolade seule."
        ) from None
    unknown = sorted({name for name in fields if name not in known})
    if unknown:
        names = ", ".join(f"{{{name}}}" for name in unknown)
        allowed = ", ".join(f"{{{name}}}" for name in known)
        raise TemplateError(
            f"Champ inconnu dans le modèle : {names}. Champs possibles : {allowed}."
        )


def checked_message_templates(
    subject: str, body: str, defaults: tuple[str, str], known: dict[str, str]
) -> tuple[str, str]:
    """An edited (subject, body) pair made ready to save: empty ones restored to their
    default, a subject on one line, every placeholder known (TemplateError otherwise)."""
    subject = subject.strip() or defaults[0]
    body = body if body.strip() else defaults[1]
    if "\n" in subject:
        raise TemplateError("L'objet du message tient sur une seule ligne.")
    check_template(subject, known)
    check_template(body, known)
    return subject, body


def fill(template: str, values: dict[str, str], known: dict[str, str]) -> str:
    """The template with its placeholders replaced (checked first)."""
    check_template(template, known)
    return template.format(**{name: values.get(name, "") for name in known})


@dataclass(frozen=True, slots=True)
class CharterValues:
    """What fills the placeholders."""

    membre: str = ""
    ecoutant: str = ""
    binome: str = ""
    date: str = ""
    rdv: str = ""

    def as_dict(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in PLACEHOLDERS}


def template(store: Store) -> str:
    return store.settings.get(settings_spec.CHARTER_TEMPLATE)


def set_template(store: Store, text: str) -> None:
    """Save an edited template (checked); an empty text restores the default."""
    if not text.strip():
        text = DEFAULT_TEMPLATE
    check_template(text, PLACEHOLDERS)
    store.settings.set(settings_spec.CHARTER_TEMPLATE, text)


def values_for(store: Store, case_id: int | None, now: datetime | None = None) -> CharterValues:
    """The placeholders for a case (or blank lines to fill by hand when there is none)."""
    today = long_day(as_paris(now or utc_now()).date())
    me = store.people.me()
    pair = store.people.binome()
    partner = None
    if pair is not None and me is not None:
        partner = pair.second if pair.first.id == me.id else pair.first
    if case_id is None:
        member, rdv, hotliner = "", "", me
    else:
        case = store.cases.get(case_id)
        member = case.member.display_name
        active = store.agenda.active_for_case(case_id)
        rdv = f"Le {long_datetime(active.starts_at)}." if active else ""
        if active and active.hotliner_id is not None:
            hotliner = store.people.get(active.hotliner_id)
            if me is not None and hotliner.id != me.id:
                partner = me
        else:
            hotliner = me
    blank = "_" * 24
    return CharterValues(
        membre=member or blank,
        ecoutant=hotliner.display_name if hotliner else blank,
        binome=partner.display_name if partner else "un(e) autre écoutant(e)",
        date=today,
        rdv=rdv or "Date et heure convenues avec votre écoutant(e).",
    )


def render_pdf(text: str, title_fallback: str = "Charte de confidentialité") -> bytes:
    """A4 PDF of a filled charter, fonts embedded (DejaVu Sans)."""

    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, Spacer

    from ecoute_desktop.services.pdf_document import a4_pdf
    from ecoute_desktop.services.pdf_fonts import BOLD, register_fonts

    body_font = register_fonts()
    body = ParagraphStyle("body", fontName=body_font, fontSize=11, leading=15.5, spaceAfter=6)
    title_style = ParagraphStyle(
        "title",
        fontName=BOLD,
        fontSize=18,
        leading=23,
        spaceAfter=10,
        textColor=HexColor("#1d3557"),
    )
    heading = ParagraphStyle(
        "heading",
        fontName=BOLD,
        fontSize=12.5,
        leading=16,
        spaceBefore=10,
        spaceAfter=4,
        textColor=HexColor("#1d3557"),
    )
    lines = text.strip("\n").splitlines()
    title = lines[0].strip() if lines and lines[0].strip() else title_fallback
    story: list = [Paragraph(escape(title), title_style)]
    paragraph: list[str] = []
    bullets: list[str] = []

    def flush() -> None:
        if paragraph:
            story.append(Paragraph(escape(" ".join(paragraph)), body))
            paragraph.clear()
        if bullets:
            items = [ListItem(Paragraph(escape(b), body), leftIndent=14) for b in bullets]
            story.append(ListFlowable(items, bulletType="bullet", bulletFontName=body_font))
            bullets.clear()

    for raw in lines[1:]:
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("## "):
            flush()
            story.append(Paragraph(escape(line[3:].strip()), heading))
        elif line.startswith(("- ", "• ")):
            if paragraph:
                flush()
            bullets.append(line[2:].strip())
        elif bullets:
            bullets[-1] += " " + line
        else:
            paragraph.append(line)
    flush()
    story.append(Spacer(1, 8 * mm))
    return a4_pdf(story, title=title, author="Point d'écoute", subject="Charte de confidentialité")


def charter_pdf(store: Store, case_id: int | None = None, now: datetime | None = None) -> bytes:
    """The charter of a case (or a blank one), filled from the saved template."""
    filled = fill(template(store), values_for(store, case_id, now).as_dict(), PLACEHOLDERS)
    return render_pdf(filled)


def write_charter(path: Path | str, data: bytes) -> Path:
    return write_bytes_atomic(path, data, mode=0o644)
