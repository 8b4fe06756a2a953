"""Helpers of the référentiel tests: a coordinator's base, a hotliner's, a published file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ecoute_desktop.services.app import Services
from ecoute_desktop.store import Store
from tests.conftest import PASSPHRASE


def new_base(folder: Path, name: str) -> Services:
    """A fresh encrypted base (default taxonomy and directory) and its services."""
    return Services(Store.create(folder / name / "ecoute.db", PASSPHRASE))


def theme_id(services: Services, path: str) -> int:
    """The row id of « Parent/Enfant » or « Thème » (retired ones included)."""
    for theme in services.reference.themes(include_retired=True):
        if theme.path == path:
            return theme.id
    raise KeyError(path)


def target_id(services: Services, label: str) -> int:
    for target in services.reference.directory(include_retired=True):
        if target.label == label:
            return target.id
    raise KeyError(label)


def publish(services: Services, path: Path, day: date = date(2026, 12, 4)) -> Path:
    services.referentiel.publish(path, today=day)
    return path


def snapshot(services: Services) -> tuple:
    """Everything an import may change, to compare before and after a refusal."""
    ref = services.referentiel.current()
    return (
        services.referentiel.installed(),
        ref.themes,
        ref.directory,
        ref.sheets,
        ref.templates,
        ref.questionnaire_url,
        services.reference.themes(include_retired=True),
    )
