"""French sentences about an import: the mapping used and what the plan sets aside."""

from __future__ import annotations

from ecoute_desktop.domain.satisfaction import SCALES, FormMapping, Role
from ecoute_desktop.services.satisfaction.planning import ImportPlan

_SHOWN_LINES = 12


def lines_text(lines: list[int]) -> str:
    shown = ", ".join(str(n) for n in lines[:_SHOWN_LINES])
    return shown + (f"… ({len(lines)} en tout)" if len(lines) > _SHOWN_LINES else "")


def mapping_lines(mapping: FormMapping) -> list[str]:
    """One line per role: the code column, each rating with its scale, options, texts, ignored."""
    result = []
    code = mapping.code_index
    result.append(
        f"Code du questionnaire : « {mapping.columns[code].label} »"
        if code is not None
        else "Code du questionnaire : aucune colonne (les réponses compteront sans sollicitation)"
    )
    for column in mapping.columns:
        if column.role is Role.RATING and column.scale:
            result.append(f"Question notée « {column.label} » : {SCALES[column.scale].title}")
    questions: dict[str, list[str]] = {}
    for column in mapping.columns:
        if column.role is Role.CHOICE:
            questions.setdefault(column.question or column.label, []).append(column.label)
    for question, options in questions.items():
        result.append(f"Choix multiples « {question} » : {len(options)} option(s)")
    for role, title in ((Role.TEXT, "Texte libre (suggestions)"), (Role.IGNORED, "Ignorées")):
        labels = [f"« {c.label} »" for c in mapping.columns if c.role is role]
        if labels:
            result.append(f"{title} : {', '.join(labels)}")
    return result


def plan_notes(plan: ImportPlan) -> list[str]:
    """What is set aside or counted without a case (never an error)."""
    notes = []
    if plan.drafts:
        notes.append(f"brouillons ignorés (lignes {lines_text(plan.drafts)})")
    if plan.already:
        notes.append(f"déjà importées, ignorées (lignes {lines_text(plan.already)})")
    if plan.unknown_code:
        notes.append(
            "code inconnu dans cette base, réponses comptées sans sollicitation"
            f" (lignes {lines_text(plan.unknown_code)})"
        )
    if plan.without_code:
        notes.append(
            "sans code, réponses comptées sans sollicitation"
            f" (lignes {lines_text(plan.without_code)})"
        )
    return notes
