"""First-run assistant: database folder, passphrase (twice, with strength), own profile."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ecoute_desktop.domain.models import Hotliner
from ecoute_desktop.services.app import Services
from ecoute_desktop.services.cloud_folders import cloud_sync_service
from ecoute_desktop.services.os_errors import error_text
from ecoute_desktop.services.passphrase import assess
from ecoute_desktop.store import Store, StoreError
from ecoute_desktop.store.location import DB_FILENAME
from ecoute_desktop.ui.common import prompts


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _scrolling_layout(page: QWizardPage) -> QVBoxLayout:
    """The page's layout, inside a scroll area: at 200 % text on a small screen the page
    scrolls instead of squeezing its wrapped labels (which cut their first and last lines)."""
    content = QWidget()
    scroll = QScrollArea()
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(content)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return QVBoxLayout(content)


def _content_height(page: QWizardPage, width: int) -> int:
    """Height the page's content needs at `width` pixels, every label wrapped."""
    content = page.findChild(QScrollArea).widget()
    return int(content.layout().totalHeightForWidth(width))


class FolderPage(QWizardPage):
    def __init__(self, default_path: Path) -> None:
        super().__init__()
        self.setTitle(self.tr("Bienvenue dans Écoute"))
        self.path_edit = QLineEdit(str(default_path))
        self.path_edit.setAccessibleName(self.tr("Emplacement de la base"))
        choose = QPushButton(self.tr("Choisir un autre dossier…"))
        choose.setAccessibleName(self.tr("Choisir un autre dossier"))
        choose.clicked.connect(self._choose)
        self.error_label = _wrapped("")
        self.error_label.setStyleSheet("color: #b00020;")
        self.cloud_label = _wrapped("")
        self.cloud_label.setAccessibleName(self.tr("Avertissement sur le dossier"))
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(choose)
        layout = _scrolling_layout(self)
        layout.addWidget(
            _wrapped(
                self.tr(
                    "Écoute garde vos sollicitations et vos notes dans une base chiffrée, sur cet"
                    " ordinateur seulement. Choisissez où la ranger (l'emplacement proposé"
                    " convient dans la plupart des cas)."
                )
            )
        )
        layout.addLayout(row)
        layout.addWidget(self.cloud_label)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        self.path_edit.textChanged.connect(self.completeChanged)
        self.path_edit.textChanged.connect(self._warn_if_synced)
        self._warn_if_synced()

    def _warn_if_synced(self) -> None:
        """A gentle warning (never a refusal) when the folder looks cloud-synced."""
        service = cloud_sync_service(self.path) if self.path_edit.text().strip() else None
        self.cloud_label.setVisible(service is not None)
        self.cloud_label.setText(
            self.tr(
                "Attention\u00a0: ce dossier semble synchronisé par {0}. Un logiciel de"
                " synchronisation peut copier la base pendant qu'Écoute l'écrit, l'abîmer ou"
                " en créer des copies «\u00a0en conflit\u00a0». Mieux vaut un dossier qui n'est pas"
                " synchronisé, comme celui proposé au départ ; pour garder une copie en"
                " lieu sûr, utilisez plutôt les sauvegardes d'Écoute (Paramètres)."
            ).format(service)
            if service
            else ""
        )

    def _choose(self) -> None:
        folder = prompts.ask_directory(self, self.tr("Dossier de la base"), self.path.parent)
        if folder is not None:
            self.path_edit.setText(str(folder / DB_FILENAME))

    @property
    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:
        if self.path.exists():
            self.error_label.setText(
                self.tr(
                    "Une base existe déjà à cet endroit : elle ne sera jamais écrasée."
                    " Choisissez un autre emplacement ou fermez l'assistant pour l'ouvrir."
                )
            )
            return False
        self.error_label.clear()
        return True


class PassphrasePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Votre phrase de passe"))
        self.first_edit = QLineEdit()
        self.second_edit = QLineEdit()
        for edit, name in (
            (self.first_edit, self.tr("Phrase de passe")),
            (self.second_edit, self.tr("Phrase de passe, à nouveau")),
        ):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAccessibleName(name)
            edit.textChanged.connect(self._update)
        self.show_button = QPushButton(self.tr("Afficher"))
        self.show_button.setCheckable(True)
        self.show_button.setAccessibleName(self.tr("Afficher la phrase de passe"))
        self.show_button.toggled.connect(self._toggle_echo)
        self.meter = QProgressBar()
        self.meter.setRange(0, 120)
        self.meter.setTextVisible(False)
        self.meter.setAccessibleName(self.tr("Solidité de la phrase de passe"))
        self.level_label = QLabel()
        self.advice_label = _wrapped("")
        self.match_label = _wrapped("")
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.first_edit, 1)
        row.addWidget(self.show_button)
        form.addRow(self.tr("Phrase de passe :"), row)
        form.addRow(self.tr("Confirmation :"), self.second_edit)
        form.addRow(self.tr("Solidité :"), self.meter)
        form.addRow("", self.level_label)
        layout = _scrolling_layout(self)
        layout.addWidget(
            _wrapped(
                self.tr(
                    "Elle chiffre toute la base. Sans elle, personne, pas même l'association,"
                    " ne peut relire vos notes : si vous l'oubliez, elles sont perdues."
                    " Le plus simple : 7 mots sans lien entre eux, par exemple"
                    " « marmite colline ruban girafe tonnerre pinceau verger »."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.advice_label)
        layout.addWidget(self.match_label)
        layout.addStretch(1)
        self._update()

    def _toggle_echo(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.first_edit.setEchoMode(mode)
        self.second_edit.setEchoMode(mode)
        self.show_button.setText(self.tr("Masquer") if shown else self.tr("Afficher"))

    def _update(self) -> None:
        strength = assess(self.first_edit.text())
        self.meter.setValue(min(120, round(strength.bits)))
        colour = "#2e7d32" if strength.acceptable else "#b00020"
        self.meter.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        self.level_label.setText(self.tr("<b>{0}</b>").format(strength.level))
        self.advice_label.setText(strength.advice if self.first_edit.text() else "")
        second = self.second_edit.text()
        if second and second != self.first_edit.text():
            self.match_label.setText(self.tr("Les deux saisies ne sont pas identiques."))
        else:
            self.match_label.clear()
        self.completeChanged.emit()

    @property
    def passphrase(self) -> str:
        return self.first_edit.text()

    def isComplete(self) -> bool:
        text = self.first_edit.text()
        return assess(text).acceptable and text == self.second_edit.text()


class ProfilePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Qui êtes-vous ?"))
        self.nom_edit, self.prenom_edit = QLineEdit(), QLineEdit()
        self.telephone_edit, self.email_edit = QLineEdit(), QLineEdit()
        form = QFormLayout()
        for label, edit in (
            (self.tr("Nom"), self.nom_edit),
            (self.tr("Prénom"), self.prenom_edit),
            (self.tr("Téléphone que les adhérents appelleront"), self.telephone_edit),
            (self.tr("Adresse électronique"), self.email_edit),
        ):
            edit.setAccessibleName(label)
            edit.textChanged.connect(self.completeChanged)
            form.addRow(label + " :", edit)
        self.error_label = _wrapped("")
        self.error_label.setStyleSheet("color: #b00020;")
        layout = _scrolling_layout(self)
        layout.addWidget(
            _wrapped(
                self.tr(
                    "Ces coordonnées figurent dans les confirmations de rendez-vous envoyées"
                    " aux adhérents. Vous pourrez les modifier dans Paramètres."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

    def isComplete(self) -> bool:
        return bool(self.nom_edit.text().strip() and self.telephone_edit.text().strip())

    def profile(self) -> Hotliner:
        return Hotliner(
            self.nom_edit.text().strip(),
            self.prenom_edit.text().strip(),
            self.telephone_edit.text().strip(),
            self.email_edit.text().strip(),
            is_self=True,
        )

    def validatePage(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        return wizard.create_database()


class FirstRunWizard(QWizard):
    """After `exec()` returns Accepted, `store` holds the new database."""

    def __init__(self, default_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self.setWindowTitle(self.tr("Écoute — première utilisation"))
        self.setAccessibleName(self.tr("Assistant de première utilisation"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        for button, text in (
            (QWizard.WizardButton.BackButton, self.tr("< Précédent")),
            (QWizard.WizardButton.NextButton, self.tr("Suivant >")),
            (QWizard.WizardButton.FinishButton, self.tr("Créer ma base")),
            (QWizard.WizardButton.CancelButton, self.tr("Annuler")),
        ):
            self.setButtonText(button, text)
        self.folder_page = FolderPage(default_path)
        self.passphrase_page = PassphrasePage()
        self.profile_page = ProfilePage()
        for page in (self.folder_page, self.passphrase_page, self.profile_page):
            self.addPage(page)
        self._fit_to_content()

    def _fit_to_content(self) -> None:
        """A minimum size that shows every page whole (the passphrase page with its longest
        advice), capped to the screen (200 % text on a 720-pixel laptop: the page scrolls)."""
        metrics = self.fontMetrics()
        screen = self.screen().availableGeometry()
        width = min(metrics.averageCharWidth() * 80, screen.width() * 9 // 10)
        advice = self.passphrase_page.advice_label
        advice.setText(assess("cheval correct").advice)  # the longest text the page shows
        self.passphrase_page.match_label.setText(
            self.tr("Les deux saisies ne sont pas identiques.")
        )
        page_width = width - 2 * metrics.averageCharWidth() * 2  # the wizard's side margins
        needed = max(_content_height(page, page_width) for page in self.pages())
        advice.clear()
        self.passphrase_page.match_label.clear()
        # title (large bold), separator and button row around the page
        chrome = (
            metrics.height() * 5 + self.button(QWizard.WizardButton.NextButton).sizeHint().height()
        )
        height = min(needed + chrome, screen.height() * 9 // 10)
        self.setMinimumSize(width, height)

    def pages(self) -> list[QWizardPage]:
        return [self.folder_page, self.passphrase_page, self.profile_page]

    def create_database(self) -> bool:
        """Create the encrypted file and record the user's own profile."""
        try:
            store = Store.create(self.folder_page.path, self.passphrase_page.passphrase)
        except (StoreError, OSError) as error:
            self.profile_page.error_label.setText(
                self.tr("Impossible de créer la base : {0}").format(error_text(error))
            )
            return False
        Services(store).people.save(self.profile_page.profile())
        self.store = store
        return True
