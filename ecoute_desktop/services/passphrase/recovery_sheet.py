"""The « fiche de secours »: one A4 page with the passphrase and where the base lives.

Offered after a passphrase is chosen, to print and keep at home. It is the key to every
note: it says so in its first lines. It is built in memory and written only where the user
chooses (atomically, readable by the owner only); the advice is to print it and delete it.
"""

from __future__ import annotations

from html import escape as _html_escape
from pathlib import Path
from typing import TYPE_CHECKING

from ecoute_desktop.services.atomic import write_bytes_atomic

if TYPE_CHECKING:
    from datetime import datetime


def escape(text: str) -> str:
    """`&`, `<` and `>` as reportlab's markup wants them (xml.sax.saxutils' escape, whose
    package imports urllib.request: ~25 ms before the first-run assistant, issue 16)."""
    return _html_escape(text, quote=False)


TITLE = "Fiche de secours Écoute"
WARNING = (
    "Qui détient cette fiche peut lire toutes vos notes. Gardez-la chez vous, à l'abri "
    "(avec vos papiers importants), jamais avec l'ordinateur ni dans sa sacoche. "
    "Ne la photographiez pas, ne l'envoyez à personne."
)
AFTER = (
    "Si vous changez de phrase de passe, détruisez cette fiche et imprimez-en une nouvelle. "
    "Les sauvegardes faites avant le changement s'ouvrent avec l'ancienne phrase."
)
FILE_ADVICE = (
    "Une fois la fiche imprimée, supprimez ce fichier : laissé sur l'ordinateur, il donnerait "
    "la clé de vos notes à qui le volerait."
)


def recovery_sheet_pdf(passphrase: str, db_path: Path, when: datetime) -> bytes:
    """The sheet as PDF bytes (fonts embedded); nothing is written anywhere."""
    import platform  # here: the first-run assistant imports this module for its texts

    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from ecoute_desktop.services.pdf_document import a4_pdf
    from ecoute_desktop.services.pdf_fonts import BOLD, register_fonts

    body_font = register_fonts()
    body = ParagraphStyle("body", fontName=body_font, fontSize=11.5, leading=16, spaceAfter=6)
    title = ParagraphStyle(
        "title",
        fontName=BOLD,
        fontSize=20,
        leading=26,
        spaceAfter=12,
        textColor=HexColor("#1d3557"),
    )
    label = ParagraphStyle("label", parent=body, fontName=BOLD, spaceBefore=8)
    phrase = ParagraphStyle("phrase", fontName=BOLD, fontSize=18, leading=30)
    warning = ParagraphStyle("warning", parent=body, fontName=BOLD, textColor=HexColor("#8a0015"))
    words = passphrase.split(" ")
    shown = (
        "&nbsp;&nbsp; ".join(escape(word) for word in words) if all(words) else escape(passphrase)
    )
    box = Table([[Paragraph(shown, phrase)]], colWidths=[166 * mm])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, HexColor("#1d3557")),
                ("TOPPADDING", (0, 0), (-1, -1), 10),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ]
        )
    )
    story = [
        Paragraph(TITLE, title),
        Paragraph(escape(WARNING), warning),
        Spacer(1, 4 * mm),
        Paragraph("Phrase de passe (espaces compris, une espace entre deux mots) :", label),
        box,
        Spacer(1, 2 * mm),
        Paragraph("Elle s'écrit exactement ainsi : mêmes accents, minuscules et majuscules.", body),
        Paragraph("Où est la base :", label),
        Paragraph(escape(str(db_path)), body),
        Paragraph(f"Sur l'ordinateur : {escape(platform.node() or 'cet ordinateur')}", body),
        Paragraph(f"Fiche faite le {when:%d/%m/%Y à %H:%M}.", body),
        Spacer(1, 4 * mm),
        Paragraph(escape(AFTER), body),
    ]
    return a4_pdf(story, title=TITLE)


def write_recovery_sheet(target: Path, data: bytes) -> Path:
    """Write the sheet where the user chose, owner-only, never half a file."""
    return write_bytes_atomic(target, data, mode=0o600)
