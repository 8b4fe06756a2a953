"""Right of access (RGPD art. 15): everything stored about one member, as a PDF.

The member is found from one of their cases; their other cases are those with the
same phone number or e-mail (see `retention.member_cases`). The PDF is what the user
explicitly asked for, written atomically; reportlab is imported only here.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from ecoute_desktop.domain.models import MEMBER_LABELS, Case
from ecoute_desktop.domain.timeutil import as_paris, utc_now
from ecoute_desktop.services.atomic import write_bytes_atomic
from ecoute_desktop.services.retention import member_cases
from ecoute_desktop.store import Store


def _when(moment: datetime | None) -> str:
    return "—" if moment is None else as_paris(moment).strftime("%d/%m/%Y %H:%M")


def _case_rows(case: Case) -> list[tuple[str, str]]:
    rows = [(label, getattr(case.member, key) or "—") for key, label in MEMBER_LABELS]
    rows += [
        ("Référence", case.reference),
        ("Reçue le", _when(case.received_at)),
        ("Urgente", "oui" if case.urgent else "non"),
        ("Statut", str(case.status) + (f" ({case.drop_reason})" if case.drop_reason else "")),
        ("Accusé de réception", _when(case.acknowledged_at)),
        ("Appel effectué", _when(case.call_held_at)),
        ("Questionnaire envoyé", _when(case.questionnaire_sent_at)),
        ("Clôture", _when(case.closed_at)),
        ("Thématiques", ", ".join(t.path for t in case.themes) or "—"),
        (
            "Orientations",
            ", ".join(f"{o.target.label} ({_when(o.at)})" for o in case.orientations) or "—",
        ),
        ("Rendez-vous", ", ".join(_when(a.starts_at) for a in case.appointments) or "—"),
    ]
    return rows


def member_pdf(store: Store, case_id: int, now: datetime | None = None) -> bytes:
    """The PDF of everything stored about the member of `case_id` (bytes, nothing written)."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from ecoute_desktop.services.pdf_document import a4_pdf
    from ecoute_desktop.services.pdf_fonts import BOLD, register_fonts

    body_font = register_fonts()
    body = ParagraphStyle("corps", fontName=body_font, fontSize=10, leading=13)
    small = ParagraphStyle("petit", parent=body, fontSize=9, leading=11.5)
    title = ParagraphStyle("titre", parent=body, fontName=BOLD, fontSize=16, leading=20)
    heading = ParagraphStyle("section", parent=body, fontName=BOLD, fontSize=12, leading=16)
    subhead = ParagraphStyle("sous-titre", parent=small, fontName=BOLD, spaceBefore=4)

    def para(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), style)

    cases = member_cases(store, case_id)
    story: list = [
        para("Données personnelles conservées — droit d'accès", title),
        Spacer(1, 3 * mm),
        para(
            f"Édité le {_when(now or utc_now())} (heure de Paris) à partir de la base chiffrée "
            f"de l'écoutant. {len(cases)} sollicitation(s) retrouvée(s) pour cet adhérent "
            "(même téléphone ou même courriel).",
            small,
        ),
    ]
    for case in cases:
        story += [Spacer(1, 6 * mm), para(f"Sollicitation {case.reference}", heading)]
        table = Table(
            [[para(k, small), para(v, small)] for k, v in _case_rows(case)],
            colWidths=[45 * mm, 125 * mm],
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), body_font),  # not the default Helvetica
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
                ]
            )
        )
        story.append(table)
        if case.events:
            story += [Spacer(1, 2 * mm), para("Historique", subhead)]
            story += [
                para(f"{_when(e.at)} : {e.from_status} → {e.to_status} {e.comment}".strip(), small)
                for e in case.events
            ]
        story += [Spacer(1, 2 * mm), para("Notes d'appel", subhead)]
        story += [para(f"{_when(n.created_at)} — {n.body}") for n in case.notes] or [
            para("Aucune note.", small)
        ]
        draft = store.notes.draft(case.id) if case.id is not None else None
        if draft:
            story.append(para(f"Brouillon en cours : {draft}"))
    return a4_pdf(story, title="Droit d'accès", side_mm=20, top_bottom_mm=18)


def write_member_pdf(store: Store, case_id: int, target: Path | str) -> Path:
    """Write the right-of-access PDF atomically to `target`."""
    return write_bytes_atomic(target, member_pdf(store, case_id))
