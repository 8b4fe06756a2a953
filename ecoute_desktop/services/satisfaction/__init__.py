"""The satisfaction questionnaire: codes and links, import of Framaforms downloads, figures."""

from ecoute_desktop.services.satisfaction.links import (
    case_questionnaire_link,
    questionnaire_link,
    questionnaire_url,
    set_questionnaire_url,
)
from ecoute_desktop.services.satisfaction.service import (
    ImportPreview,
    PlanHasErrors,
    SatisfactionService,
)

__all__ = [
    "ImportPreview",
    "PlanHasErrors",
    "SatisfactionService",
    "case_questionnaire_link",
    "questionnaire_link",
    "questionnaire_url",
    "set_questionnaire_url",
]
