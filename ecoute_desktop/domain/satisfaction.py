"""Satisfaction questionnaire: rating scales, the mapping of a form's columns, figures per question.

A rating answer is stored as its level on the question's own scale, worst = 1 to
best = k; a multiple-choice answer as the option's label. Figures count responses
submitted in a period; `satisfied` is the two best levels, `mean` is on 1..k.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from ecoute_desktop.domain.taxonomy import fold


@dataclass(frozen=True, slots=True)
class Scale:
    """A known rating scale: its levels worst → best, and the spellings each level accepts."""

    key: str
    title: str  # shown to the user (French)
    levels: tuple[str, ...]
    spellings: tuple[tuple[str, ...], ...]  # folded, per level
    numeric: bool = False

    @property
    def size(self) -> int:
        return len(self.levels)

    def level(self, answer: str) -> int | None:
        """1..size for an answer of this scale; None when it is not one of its levels."""
        wanted = _fold_answer(answer)
        for number, spellings in enumerate(self.spellings, start=1):
            if wanted in spellings:
                return number
        return None


def _fold_answer(answer: str) -> str:
    text = fold(answer).replace("(e)", "").replace("(es)", "").replace("satisfaite", "satisfait")
    text = text.replace("insatisfaite", "insatisfait")
    return " ".join(text.strip(" .!").split())


_VERY_BAD = ("pas du tout satisfait", "tres insatisfait")
_BAD = ("peu satisfait", "insatisfait", "plutot insatisfait", "plutot pas satisfait")
_GOOD = ("satisfait", "plutot satisfait", "assez satisfait")
_VERY_GOOD = ("tres satisfait",)


def _numbers(first: int, last: int) -> tuple[tuple[str, ...], ...]:
    return tuple((str(n), f"{n}/{last}", f"{n} / {last}") for n in range(first, last + 1))


SCALES: dict[str, Scale] = {
    scale.key: scale
    for scale in (
        Scale(
            "4-niveaux",
            "4 niveaux (Pas du tout … Très satisfait)",
            ("Pas du tout satisfait", "Peu satisfait", "Satisfait", "Très satisfait"),
            (_VERY_BAD, _BAD, _GOOD, _VERY_GOOD),
        ),
        Scale(
            "5-niveaux-moyennement",
            "5 niveaux avec « Moyennement »",
            (
                "Pas du tout satisfait",
                "Peu satisfait",
                "Moyennement satisfait",
                "Satisfait",
                "Très satisfait",
            ),
            (_VERY_BAD, _BAD, ("moyennement", "moyennement satisfait"), _GOOD, _VERY_GOOD),
        ),
        Scale(
            "5-niveaux-neutre",
            "5 niveaux avec « Ni satisfait ni insatisfait »",
            (
                "Pas du tout satisfait",
                "Peu satisfait",
                "Ni satisfait ni insatisfait",
                "Satisfait",
                "Très satisfait",
            ),
            (_VERY_BAD, _BAD, ("ni satisfait ni insatisfait",), _GOOD, _VERY_GOOD),
        ),
        Scale("1-5", "Note de 1 à 5", tuple(str(n) for n in range(1, 6)), _numbers(1, 5), True),
        Scale("0-10", "Note de 0 à 10", tuple(str(n) for n in range(11)), _numbers(0, 10), True),
    )
}
# Tried in this order: the first scale holding every answer of a column wins.
DETECTION_ORDER: tuple[str, ...] = (
    "4-niveaux",
    "5-niveaux-moyennement",
    "5-niveaux-neutre",
    "1-5",
    "0-10",
)


def detect_scale(answers: Iterable[str]) -> Scale | None:
    """The known scale every non-empty answer belongs to (None if none, or no answer)."""
    values = {a.strip() for a in answers if a.strip()}
    if not values:
        return None
    for key in DETECTION_ORDER:
        scale = SCALES[key]
        if all(scale.level(v) is not None for v in values):
            return scale
    return None


class Role(StrEnum):
    """What one question column of a form is."""

    CODE = "code"  # the hidden field prefilled from the link
    RATING = "rating"
    CHOICE = "choice"  # one option of a multiple-choice question, marked X
    TEXT = "text"  # free text: a suggestion
    IGNORED = "ignored"


ROLE_TITLES: dict[Role, str] = {
    Role.CODE: "Code du questionnaire",
    Role.RATING: "Question notée",
    Role.CHOICE: "Option (X)",
    Role.TEXT: "Texte libre (suggestion)",
    Role.IGNORED: "Ignorée",
}


@dataclass(slots=True)
class ColumnMapping:
    """One question column: its label, role, scale (ratings) and question (options)."""

    label: str
    role: Role
    scale: str | None = None  # key of SCALES when role is RATING
    question: str = ""  # the question an option column belongs to

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "role": str(self.role),
            "scale": self.scale,
            "question": self.question,
        }


@dataclass(slots=True)
class FormMapping:
    """How a form's question columns are read; remembered per form layout once confirmed."""

    columns: list[ColumnMapping]

    @property
    def code_index(self) -> int | None:
        return next((i for i, c in enumerate(self.columns) if c.role is Role.CODE), None)

    def set_code(self, index: int | None) -> None:
        """Make column `index` the code column (the former one becomes ignored)."""
        for number, column in enumerate(self.columns):
            if column.role is Role.CODE and number != index:
                column.role = Role.IGNORED
        if index is not None:
            self.columns[index].role = Role.CODE
            self.columns[index].scale = None

    def dumps(self) -> str:
        return json.dumps([c.to_json() for c in self.columns], ensure_ascii=False)

    @classmethod
    def loads(cls, text: str) -> FormMapping:
        columns = []
        for item in json.loads(text):
            scale = item.get("scale")
            columns.append(
                ColumnMapping(
                    str(item["label"]),
                    Role(item["role"]),
                    scale if scale in SCALES else None,
                    str(item.get("question", "")),
                )
            )
        return cls(columns)


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer of a response: the question, the scale (None for options), the answer label."""

    question: str
    scale: str | None
    label: str


@dataclass(slots=True)
class QuestionFigures:
    """Counts of one question over the responses of a period."""

    scale: str | None  # None: a multiple-choice question
    counts: dict[str, int] = field(default_factory=dict)
    answered: int = 0

    @property
    def scale_max(self) -> int | None:
        return SCALES[self.scale].size if self.scale else None

    @property
    def satisfied(self) -> int | None:
        """Answers on the two best levels of the scale."""
        if self.scale is None:
            return None
        return sum(list(self.counts.values())[-2:])

    @property
    def mean(self) -> float | None:
        """Mean level, worst = 1 … best = scale_max, to 2 decimals."""
        if self.scale is None or not self.answered:
            return None
        total = sum(level * n for level, n in enumerate(self.counts.values(), start=1))
        return round(total / self.answered, 2)

    def to_json(self) -> dict[str, Any]:
        return {
            "answered": self.answered,
            "counts": dict(self.counts),
            "satisfied": self.satisfied,
            "mean": self.mean,
            "scale_max": self.scale_max,
        }


@dataclass(slots=True)
class SatisfactionFigures:
    """The `satisfaction` key of `ecoute indicators --json`."""

    responses: int = 0
    questions: dict[str, QuestionFigures] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "responses": self.responses,
            "questions": {label: q.to_json() for label, q in self.questions.items()},
        }

    def add(self, answers: Iterable[Answer]) -> None:
        """Count one response and its answers (a question answered once per response)."""
        self.responses += 1
        seen: set[str] = set()
        for answer in answers:
            figures = self.question(answer.question, answer.scale)
            if answer.label not in figures.counts:
                figures.counts[answer.label] = 0
            figures.counts[answer.label] += 1
            if answer.question not in seen:
                figures.answered += 1
                seen.add(answer.question)

    def question(self, label: str, scale: str | None) -> QuestionFigures:
        """The figures of a question, created with every level of its scale at zero."""
        figures = self.questions.get(label)
        if figures is None:
            figures = QuestionFigures(scale)
            if scale is not None:
                figures.counts = dict.fromkeys(SCALES[scale].levels, 0)
            self.questions[label] = figures
        return figures

    def merge(self, other: SatisfactionFigures) -> None:
        """Add another set of figures (other files, other months)."""
        self.responses += other.responses
        for label, theirs in other.questions.items():
            mine = self.question(label, theirs.scale)
            mine.answered += theirs.answered
            for answer, count in theirs.counts.items():
                mine.counts[answer] = mine.counts.get(answer, 0) + count


# Read aloud without confusion: no 0/O, no 1/I/l (codes are upper case).
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 4


def new_code() -> str:
    """A random questionnaire code such as « K7Q2 », drawn from `secrets`."""
    import secrets

    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def clean_code(text: str) -> str:
    """A code as typed or prefilled (spaces and case ignored), upper case."""
    return "".join(text.split()).upper()


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A free-text answer, with when it was submitted and the question it answers."""

    id: int
    submitted_at: datetime
    question: str
    body: str
