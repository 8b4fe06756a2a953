"""A member's name that gives up the first name for its initial when the column is narrow."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem


def initial_name(prenom: str, nom: str) -> str:
    """« Jean-Pierre », « Le Govelec » → « J.-P. LE GOVELEC » (the surname stays whole)."""
    parts = re.split(r"([\s-]+)", prenom.strip())
    initials = "".join(
        part if index % 2 else f"{part[0]}." for index, part in enumerate(parts) if part
    )
    initials = re.sub(r"\s+", " ", initials)
    return " ".join(part for part in (initials, nom.upper()) if part)


class InitialNameDelegate(QStyledItemDelegate):
    """For a column showing `prenom nom` of rows with `prenom` and `nom` attributes: when
    the full name does not fit, « S. KERVELEC » rather than « Sébas…VELEC ». The model's
    text (read by screen readers, sorted, in the tooltip) stays the full name."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        style = option.widget.style() if option.widget is not None else None
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1 if style else 3
        room = option.rect.width() - 2 * margin
        if room <= 0 or option.fontMetrics.horizontalAdvance(option.text) <= room:
            return
        row_at = getattr(index.model(), "row_at", None)  # a RowTableModel, no proxy
        row = row_at(index.row()) if callable(row_at) else None
        if row is not None and hasattr(row, "prenom") and hasattr(row, "nom"):
            option.text = initial_name(row.prenom, row.nom)
