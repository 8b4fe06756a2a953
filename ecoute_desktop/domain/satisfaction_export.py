"""Questionnaire counts in the anonymised export: per month, per question, per answer label.

Only counts leave the laptop: no suggestion, no code, no date finer than the month.
The coordinator adds the months of all files and hides small counts when printing.
"""

from __future__ import annotations

from typing import Any

from ecoute_desktop.domain.satisfaction import SCALES, SatisfactionFigures

EXPORT_KEY = "satisfaction"


def figures_to_export(by_month: dict[str, SatisfactionFigures]) -> list[dict[str, Any]]:
    """The `satisfaction` array of an export, months in order."""
    return [
        {
            "month": month,
            "responses": figures.responses,
            "questions": [
                {
                    "question": label,
                    "scale": question.scale,
                    "answered": question.answered,
                    "counts": dict(question.counts),
                }
                for label, question in figures.questions.items()
            ],
        }
        for month, figures in sorted(by_month.items())
        if figures.responses
    ]


def export_to_figures(entries: list[dict[str, Any]]) -> dict[str, SatisfactionFigures]:
    """Figures by month read back from a validated `satisfaction` array."""
    result: dict[str, SatisfactionFigures] = {}
    for entry in entries:
        figures = result.setdefault(entry["month"], SatisfactionFigures())
        figures.responses += entry["responses"]
        for item in entry["questions"]:
            question = figures.question(item["question"], item["scale"])
            question.answered += item["answered"]
            for label, count in item["counts"].items():
                question.counts[label] = question.counts.get(label, 0) + count
    return result


def export_problem(entries: list[dict[str, Any]]) -> str | None:
    """What a schema cannot say about the array (None when sound); French, no content quoted."""
    months: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        if entry["month"] in months:
            return f"mois répété dans les réponses au questionnaire (entrée n° {number})"
        months.add(entry["month"])
        for item in entry["questions"]:
            scale = item["scale"]
            if scale is not None and not set(item["counts"]) <= set(SCALES[scale].levels):
                return f"réponse hors de l'échelle de sa question (entrée n° {number})"
            if item["answered"] > entry["responses"] or (
                scale is not None and sum(item["counts"].values()) != item["answered"]
            ):
                return (
                    f"effectifs incohérents dans les réponses au questionnaire (entrée n° {number})"
                )
    return None
