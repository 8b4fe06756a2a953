"""A database folder that looks synced by OneDrive, Dropbox, iCloud Drive or Google Drive gets a
gentle French warning in the first-run assistant (never a refusal); the proposed default
folder and ordinary folders get none."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from ecoute_desktop.services.cloud_folders import cloud_sync_service
from ecoute_desktop.store.location import default_db_path
from ecoute_desktop.ui.safety.first_run import FirstRunWizard
from tests.desk_support import isolated_settings

__all__ = ["isolated_settings"]

NO_ENV: dict[str, str] = {}


@pytest.mark.parametrize(
    ("folder", "service"),
    [
        ("OneDrive/Documents", "OneDrive"),
        ("OneDrive - Association des ingénieurs/Écoute", "OneDrive"),
        ("Library/CloudStorage/OneDrive-Personnel", "OneDrive"),
        ("Dropbox (Personnel)/écoute", "Dropbox"),
        ("Library/Mobile Documents/com~apple~CloudDocs/Écoute", "iCloud Drive"),
        ("iCloudDrive/Documents", "iCloud Drive"),
        ("Library/CloudStorage/GoogleDrive-anne@exemple.fr/Mon Drive", "Google Drive"),
        ("Google Drive/Écoute", "Google Drive"),
        ("My Drive", "Google Drive"),
        ("Nextcloud/Association", "Nextcloud"),
    ],
)
def test_synced_folders_are_recognised(tmp_path: Path, folder: str, service: str) -> None:
    assert cloud_sync_service(tmp_path / folder / "ecoute.db", NO_ENV) == service


@pytest.mark.parametrize(
    "folder", ["Documents", "Mes données/Écoute", "My Drivers", "Bureau/Drive"]
)
def test_ordinary_folders_are_not(tmp_path: Path, folder: str) -> None:
    assert cloud_sync_service(tmp_path / folder / "ecoute.db", NO_ENV) is None


def test_a_renamed_onedrive_root_is_found_from_windows_environment(tmp_path: Path) -> None:
    root = tmp_path / "Fichiers de l'association"
    environ = {"OneDriveCommercial": str(root)}
    assert cloud_sync_service(root / "Écoute" / "ecoute.db", environ) == "OneDrive"
    assert cloud_sync_service(tmp_path / "Local" / "ecoute.db", environ) is None


def test_a_link_into_a_synced_folder_is_followed(tmp_path: Path) -> None:
    synced = tmp_path / "Library" / "CloudStorage" / "Dropbox"
    synced.mkdir(parents=True)
    (tmp_path / "raccourci").symlink_to(synced)
    assert cloud_sync_service(tmp_path / "raccourci" / "ecoute.db", NO_ENV) == "Dropbox"


def test_the_default_location_is_not_synced() -> None:
    assert cloud_sync_service(default_db_path(), NO_ENV) is None


def test_assistant_warns_gently_about_a_synced_folder(qtbot, tmp_path: Path) -> None:
    wizard = FirstRunWizard(tmp_path / "Ecoute" / "ecoute.db")
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.folder_page
    assert not page.cloud_label.isVisible()
    page.path_edit.setText(str(tmp_path / "OneDrive" / "Documents" / "ecoute.db"))
    assert page.cloud_label.isVisible()
    text = page.cloud_label.text()
    assert "synchronisé par OneDrive" in text and "sauvegardes" in text
    wizard.next()  # a warning, not a refusal
    assert wizard.currentPage() is wizard.passphrase_page
    wizard.back()
    page.path_edit.setText(str(tmp_path / "Ecoute" / "ecoute.db"))
    assert not page.cloud_label.isVisible() and page.cloud_label.text() == ""
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
