"""The labels of a person's fields (member or hotliner), marked for Qt's translation tools."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ecoute_desktop.ui.common.translatable import QT_TRANSLATE_NOOP

# Same keys and French texts as domain.models.MEMBER_LABELS (tests/test_translations.py).
PERSON_LABELS: dict[str, str] = {
    "nom": QT_TRANSLATE_NOOP("FieldLabels", "Nom"),
    "prenom": QT_TRANSLATE_NOOP("FieldLabels", "Prénom"),
    "fonction": QT_TRANSLATE_NOOP("FieldLabels", "Fonction"),
    "collectivite": QT_TRANSLATE_NOOP("FieldLabels", "Collectivité"),
    "telephone": QT_TRANSLATE_NOOP("FieldLabels", "Téléphone"),
    "email": QT_TRANSLATE_NOOP("FieldLabels", "Courriel"),
}


def field_label(key: str) -> str:
    """The label of one field (`nom`, `telephone`…) in the user's language."""
    return QCoreApplication.translate("FieldLabels", PERSON_LABELS[key])
