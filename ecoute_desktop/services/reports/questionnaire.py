"""The questionnaire section of the reports: each question as a small stacked bar, with figures.

Responses are those submitted in the period; the response rate divides them by the
questionnaires sent. This is the hotliner's own report: the committee's summary prints
its questionnaire figures under the disclosure rule (services/committee.py).
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from ecoute_desktop.domain.satisfaction import SCALES, QuestionFigures, SatisfactionFigures
from ecoute_desktop.services.formatting import fr_decimal, fr_int, fr_percent
from ecoute_desktop.services.pdf_fonts import BODY, register_fonts
from ecoute_desktop.services.reports.layout import FRAME_WIDTH, Styles, section, spacer, text

TITLE = "Questionnaire de satisfaction"
BAR_HEIGHT = 13.0
HIDDEN_FILL = colors.Color(0.93, 0.93, 0.93)


def _shade(level: int, levels: int) -> colors.Color:
    """Light (worst) to dark (best) grey: readable in black and white."""
    share = (level - 1) / max(1, levels - 1)
    grey = 0.92 - 0.62 * share
    return colors.Color(grey, grey, grey)


def stacked_bar(counts: list[int], hidden: list[bool], width: float = FRAME_WIDTH) -> Drawing:
    """One bar split by level, worst on the left; hidden counts merged into one pale block."""
    register_fonts()
    drawing = Drawing(width, BAR_HEIGHT + 2)
    drawing.initialFontName = BODY
    shown_total = sum(c for c, h in zip(counts, hidden, strict=True) if not h)
    hidden_total = sum(c for c, h in zip(counts, hidden, strict=True) if h)
    total = shown_total + hidden_total
    if not total:
        drawing.add(Rect(0, 1, width, BAR_HEIGHT, fillColor=colors.white, strokeWidth=0.5))
        return drawing
    x = 0.0
    for level, (count, is_hidden) in enumerate(zip(counts, hidden, strict=True), start=1):
        if is_hidden or not count:
            continue
        w = width * count / total
        fill = _shade(level, len(counts))
        drawing.add(Rect(x, 1, w, BAR_HEIGHT, fillColor=fill, strokeWidth=0.5))
        label = fr_int(count)
        if stringWidth(label, BODY, 8) + 4 <= w:
            ink = colors.black if fill.red > 0.55 else colors.white
            drawing.add(
                String(
                    x + w / 2,
                    4.5,
                    label,
                    fontName=BODY,
                    fontSize=8,
                    fillColor=ink,
                    textAnchor="middle",
                )
            )
        x += w
    if hidden_total:
        drawing.add(Rect(x, 1, width - x, BAR_HEIGHT, fillColor=HIDDEN_FILL, strokeWidth=0.5))
    return drawing


def _question_block(label: str, figures: QuestionFigures, st: Styles) -> list[Flowable]:
    counts = list(figures.counts.values())
    names = list(figures.counts)
    hidden = [False] * len(counts)
    parts = [f"{name} : {fr_int(count)}" for name, count in zip(names, counts, strict=True)]
    content: list[Flowable] = [Paragraph(f"<b>{text(label)}</b>", st.body)]
    if figures.scale is not None:
        content.append(stacked_bar(counts, hidden))
    content.append(Paragraph(text(" · ".join(parts)), st.note))
    summary = f"{fr_int(figures.answered)} réponse(s)"
    if figures.scale is not None and figures.mean is not None:
        scale = SCALES[figures.scale]
        summary += (
            f" ; moyenne {fr_decimal(figures.mean, 2)} sur {scale.size}"
            f" (1 = « {scale.levels[0]} », {scale.size} = « {scale.levels[-1]} »)"
            f" ; satisfaits (deux meilleurs niveaux) : {fr_int(figures.satisfied or 0)}"
            f" ({fr_percent(figures.satisfied or 0, figures.answered)})"
        )
    content += [Paragraph(text(summary), st.note), spacer(2.5)]
    return [KeepTogether(content)]


def questionnaire_section(
    figures: SatisfactionFigures | None, sent: int, st: Styles
) -> list[Flowable]:
    """The questionnaire section of the hotliner's reports (every count shown)."""
    if figures is None:
        return []
    if not figures.responses:
        sentence = "Aucune réponse au questionnaire de satisfaction reçue dans la période."
        return section(TITLE, st, Paragraph(text(sentence), st.body))
    rate = fr_percent(figures.responses, sent) if sent else "non calculable"
    intro = Paragraph(
        text(
            f"{fr_int(figures.responses)} réponse(s) reçue(s) dans la période ; taux de réponse"
            f" : {rate} ({fr_int(figures.responses)} réponse(s) pour {fr_int(sent)}"
            " questionnaire(s) envoyé(s)). Chaque barre va du niveau le moins satisfait (à"
            " gauche, clair) au plus satisfait (à droite, foncé)."
        ),
        st.body,
    )
    blocks: list[Flowable] = []
    for label, question in figures.questions.items():
        blocks += _question_block(label, question, st)
    head = section(TITLE, st, intro, spacer(2), *blocks[:1])
    return head + blocks[1:]
