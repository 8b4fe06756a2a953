"""First-run assistant: database folder, passphrase (proposed or typed, judged), own profile."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ecoute_desktop.services.cloud_folders import cloud_sync_service
from ecoute_desktop.services.os_errors import error_text
from ecoute_desktop.services.passphrase.strength import sizing_advice, warm_up
from ecoute_desktop.store.errors import StoreError
from ecoute_desktop.store.location import DB_FILENAME
from ecoute_desktop.ui.common.palette import colours
from ecoute_desktop.ui.common.widget_kit import follow_focus
from ecoute_desktop.ui.safety.new_passphrase import NewPassphraseFields

if TYPE_CHECKING:
    from ecoute_desktop.domain.models import Hotliner
    from ecoute_desktop.store import Store

# The assistant comes first (issue 16): the store, the domain and zxcvbn's French lists are
# loaded when the passphrase page opens (the lists, on a thread) or the base is created.


def _warm_up_in_background() -> None:
    """zxcvbn and the French lists (~150 ms) loaded on a thread while the user reads the
    passphrase page: the first phrase typed is judged at once."""
    import threading

    threading.Thread(target=warm_up, name="passphrase-warm-up", daemon=True).start()


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _scrolling_layout(page: QWizardPage) -> QVBoxLayout:
    """The page's layout, inside a scroll area: at 200 % text on a small screen the page
    scrolls instead of squeezing its wrapped labels (which cut their first and last lines)."""
    content = QWidget()
    scroll = QScrollArea()
    # By name: the Qt namespace's enums cost ~20 ms to create (see unlock_dialog).
    scroll.setProperty("focusPolicy", "NoFocus")  # Tab goes to the controls inside
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setProperty("horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
    scroll.setWidget(content)
    follow_focus(scroll)  # the focused control in sight
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return QVBoxLayout(content)


def _content_height(page: QWizardPage, width: int) -> int:
    """Height the page's content needs at `width` pixels, every label wrapped."""
    scroll = page.findChild(QScrollArea)
    content = scroll.widget() if scroll is not None else None
    layout = content.layout() if content is not None else None
    assert layout is not None  # each page's content: a scroll area with a layout
    return int(layout.totalHeightForWidth(width))


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
        self.error_label.setStyleSheet(f"color: {colours().late};")
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
        from ecoute_desktop.ui.common import prompts

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
    def __init__(self, db_location: Callable[[], Path]) -> None:
        super().__init__()
        self.setTitle(self.tr("Votre phrase de passe"))
        self.fields = NewPassphraseFields(db_location)
        self.first_edit, self.second_edit = self.fields.first_edit, self.fields.second_edit
        self.advice_label, self.match_label = self.fields.advice_label, self.fields.match_label
        self.fields.changed.connect(self.completeChanged)
        self._warming = False
        layout = _scrolling_layout(self)
        layout.addWidget(
            _wrapped(
                self.tr(
                    "Elle chiffre toute la base. Sans elle, personne, pas même l'association,"
                    " ne peut relire vos notes : si vous l'oubliez, elles sont perdues."
                    " Le plus sûr : « Proposer une phrase », des mots tirés au hasard pour"
                    " vous seul ; tirez-en une autre tant qu'elle ne vous plaît pas, puis"
                    " enregistrez la fiche de secours pour l'imprimer."
                )
            )
        )
        layout.addWidget(self.fields)
        layout.addStretch(1)

    def initializePage(self) -> None:
        if not self._warming:
            self._warming = True
            _warm_up_in_background()

    @property
    def passphrase(self) -> str:
        return self.fields.passphrase

    def isComplete(self) -> bool:
        return self.fields.is_complete()


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
        self.error_label.setStyleSheet(f"color: {colours().late};")
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
        from ecoute_desktop.domain.models import Hotliner

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
        self.passphrase_page = PassphrasePage(lambda: self.folder_page.path)
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
        advice.setText(sizing_advice())  # the longest it shows
        self.passphrase_page.match_label.setText(
            self.tr("Les deux saisies ne sont pas identiques.")
        )
        shown = self.passphrase_page.fields.shown_label  # a drawn phrase of 9-letter words
        shown.setText("<b>" + " ".join(["abcdefghi"] * 7) + "</b>")
        shown.setVisible(True)
        page_width = width - 2 * metrics.averageCharWidth() * 2  # the wizard's side margins
        needed = max(_content_height(page, page_width) for page in self.pages())
        advice.clear()
        self.passphrase_page.match_label.clear()
        shown.clear()
        shown.setVisible(False)
        # title (large bold), separator and button row around the page
        chrome = (
            metrics.height() * 5 + self.button(QWizard.WizardButton.NextButton).sizeHint().height()
        )
        height = min(needed + chrome, screen.height() * 9 // 10)
        self.setMinimumSize(width, height)

    def pages(self) -> list[QWizardPage]:
        return [self.folder_page, self.passphrase_page, self.profile_page]

    def create_database(self) -> bool:
        """Create the encrypted file and record the user's own profile (the gate inside)."""
        from ecoute_desktop.services.passphrase.actions import (
            WeakPassphraseError,
            create_database,
        )

        try:
            store = create_database(
                self.folder_page.path, self.passphrase_page.passphrase, self.profile_page.profile()
            )
        except WeakPassphraseError as error:  # it holds the name or address just typed
            self.profile_page.error_label.setText(
                self.tr(
                    "La phrase de passe choisie est refusée : {0} Revenez à l'étape"
                    " précédente (« < Précédent ») pour en choisir une autre."
                ).format(error.verdict.advice)
            )
            return False
        except (StoreError, OSError) as error:
            self.profile_page.error_label.setText(
                self.tr("Impossible de créer la base : {0}").format(error_text(error))
            )
            return False
        self.store = store
        return True
