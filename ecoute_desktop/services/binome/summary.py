"""The French sentence after an import: « 2 nouvelles sollicitations, 3 notes, 1 rendez-vous de
Martine »."""

from __future__ import annotations

from ecoute_desktop.store.pair_merging import Merged


def _count(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count <= 1 else plural}"


def summary_text(merged: Merged, sender_name: str) -> str:
    """What the partner's file brought, in one French line."""
    parts = []
    if merged.cases:
        parts.append(_count(merged.cases, "nouvelle sollicitation", "nouvelles sollicitations"))
    if merged.notes:
        parts.append(_count(merged.notes, "note", "notes"))
    if merged.appointments:
        parts.append(_count(merged.appointments, "rendez-vous", "rendez-vous"))
    if merged.erased:
        parts.append(_count(merged.erased, "effacement", "effacements"))
    who = f" de {sender_name}" if sender_name else " de votre binôme"
    if not parts:
        updated = len(merged.changed_cases)
        if updated:
            text = _count(updated, "sollicitation mise à jour", "sollicitations mises à jour")
            return text + who
        return "Rien de nouveau" + who
    text = ", ".join(parts) + who
    if merged.conflicts:
        both = _count(
            merged.conflicts,
            "modification faite des deux côtés",
            "modifications faites des deux côtés",
        )
        text += f" ({both}, gardée dans l'historique)"
    return text
