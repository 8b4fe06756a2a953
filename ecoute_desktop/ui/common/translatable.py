"""`QT_TRANSLATE_NOOP` typed as it behaves: it returns its text (PySide6's stub says `object`)."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, message: str) -> str:
    """Mark `message` for Qt's translation tools in `context` (lupdate reads this name)."""
    return message
