"""The first day on Aujourd'hui: what to do with no case yet, and the « Premiers pas » list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ecoute_desktop.services import first_steps as steps
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.flow_layout import FlowLayout
from ecoute_desktop.ui.common.palette import colours
from ecoute_desktop.ui.common.translatable import QT_TRANSLATE_NOOP


class EmptyStart(QWidget):
    """« Aucune sollicitation pour l'instant. » and the three ways to begin."""

    slots_requested = Signal()  # « Définir mes permanences… » (the view opens the dialog)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Pour commencer"))
        title = QLabel(self.tr("<h3>Aucune sollicitation pour l'instant.</h3>"))
        hint = QLabel(
            self.tr(
                "Quand un adhérent écrit, enregistrez sa demande : glissez son courriel "
                "(fichier .eml) sur cette fenêtre, ou créez-la à la main. Si vous teniez "
                "un tableur, reprenez-le en une fois."
            )
        )
        hint.setWordWrap(True)
        events = context.events
        self.new_button = QPushButton(self.tr("Nouvelle sollicitation (Ctrl+N)"))
        self.new_button.setAccessibleName(self.tr("Nouvelle sollicitation"))
        self.new_button.clicked.connect(events.new_case_requested)
        self.import_button = QPushButton(self.tr("Importer un tableur (CSV)…"))
        self.import_button.setAccessibleName(self.tr("Importer des sollicitations d'un tableur"))
        self.import_button.clicked.connect(events.import_requested)
        self.slots_button = QPushButton(self.tr("Définir mes permanences…"))
        self.slots_button.setAccessibleName(self.tr("Définir mes permanences de la semaine"))
        self.slots_button.clicked.connect(self.slots_requested)
        buttons = FlowLayout()  # wraps at 200 % on a laptop
        for button in (self.new_button, self.import_button, self.slots_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(buttons)

    def show_state(self, has_slot: bool) -> None:
        self.slots_button.setVisible(not has_slot)


# Each step's line, marked for Qt's translation tools: the same keys as the French
# services.first_steps.LABELS (tests/test_translations.py checks it).
STEP_LABELS: dict[str, str] = {
    steps.PROFILE: QT_TRANSLATE_NOOP(
        "FirstStepsPanel", "Votre téléphone et votre courriel dans votre profil"
    ),
    steps.PARTNER: QT_TRANSLATE_NOOP("FirstStepsPanel", "Votre binôme"),
    steps.SLOTS: QT_TRANSLATE_NOOP("FirstStepsPanel", "Vos permanences de la semaine"),
    steps.BACKUP: QT_TRANSLATE_NOOP(
        "FirstStepsPanel",
        "Le dossier des sauvegardes (une clé USB ou un disque externe, de préférence)",
    ),
    steps.REGION: QT_TRANSLATE_NOOP("FirstStepsPanel", "Votre région, imprimée sur les rapports"),
    steps.PSEUDONYM: QT_TRANSLATE_NOOP(
        "FirstStepsPanel", "Votre pseudonyme pour l'export anonymisé"
    ),
}

# What each step's button says and where it leads (a Paramètres section, or the dialog).
BUTTONS: dict[str, str] = {
    steps.PROFILE: QT_TRANSLATE_NOOP("FirstStepsPanel", "Compléter…"),
    steps.PARTNER: QT_TRANSLATE_NOOP("FirstStepsPanel", "Indiquer…"),
    steps.SLOTS: QT_TRANSLATE_NOOP("FirstStepsPanel", "Définir…"),
    steps.BACKUP: QT_TRANSLATE_NOOP("FirstStepsPanel", "Choisir…"),
    steps.REGION: QT_TRANSLATE_NOOP("FirstStepsPanel", "Indiquer…"),
    steps.PSEUDONYM: QT_TRANSLATE_NOOP("FirstStepsPanel", "Choisir…"),
}


def step_text(texts: dict[str, str], key: str) -> str:
    """One of the marked texts above, in the user's language."""
    return QCoreApplication.translate("FirstStepsPanel", texts[key])


class FirstStepsPanel(QFrame):
    """One line per set-up step, ✓ when done, a button to the right place otherwise.

    Hidden once every step is done; `slots_requested` asks the view for the slots
    dialog, the other buttons emit `events.settings_requested(step key)`."""

    slots_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Premiers pas"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        grid = QGridLayout()
        grid.setColumnStretch(3, 1)  # buttons next to their line, not at the far right
        self.marks: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        self.states: dict[str, QLabel] = {}  # « fait », in green, where the button was
        for row, key in enumerate(steps.LABELS):
            label = step_text(STEP_LABELS, key)
            mark, text = QLabel(), QLabel(label)
            text.setWordWrap(True)
            button = QPushButton(step_text(BUTTONS, key))
            button.setAccessibleName(self.tr("Premiers pas : {0}").format(label))
            button.clicked.connect(lambda _=False, k=key: self.open_step(k))
            grid.addWidget(mark, row, 0)
            grid.addWidget(text, row, 1)
            state = QLabel(f"<span style='color:{colours().done}'>{self.tr('fait')}</span>")
            state.hide()
            grid.addWidget(button, row, 2)
            grid.addWidget(state, row, 2)
            self.marks[key], self.labels[key], self.buttons[key] = mark, text, button
            self.states[key] = state
        self.hide_button = QPushButton(self.tr("Masquer cette liste"))
        self.hide_button.setAccessibleName(self.tr("Masquer la liste des premiers pas"))
        self.hide_button.setToolTip(
            self.tr("Pour un écoutant sans binôme ou qui n'exporte pas : la liste ne revient pas.")
        )
        self.hide_button.clicked.connect(self.hide_for_good)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h3>Premiers pas</h3>")))
        layout.addWidget(self.summary)
        layout.addLayout(grid)
        layout.addWidget(self.hide_button, 0, Qt.AlignmentFlag.AlignRight)

    def hide_for_good(self) -> None:
        """« Masquer cette liste »: remembered in the encrypted settings."""
        self.context.services.settings.hide_first_steps()
        self.setVisible(False)

    def refresh(self) -> list[steps.SetupStep]:
        """Read the steps through the services; returns them (hidden when all are done)."""
        services = self.context.services
        if not services.session.is_open:
            return []
        done = services.settings.setup_steps()
        missing = [step for step in done if not step.done]
        self.setVisible(bool(missing) and not services.settings.first_steps_hidden())
        self.summary.setText(
            self.tr(
                "À régler une fois ({0} sur {1} faits) ; cette liste disparaîtra ensuite."
            ).format(len(done) - len(missing), len(done))
        )
        for step in done:
            self.marks[step.key].setText(
                f"<span style='color:{colours().done}'>✓</span>" if step.done else "•"
            )
            self.marks[step.key].setAccessibleName(
                self.tr("fait") if step.done else self.tr("à faire")
            )
            # done lines stay readable (normal colour), marked ✓ and « fait » in green
            self.buttons[step.key].setVisible(not step.done)
            self.states[step.key].setVisible(step.done)
        return done

    def open_step(self, key: str) -> None:
        if key == steps.SLOTS:
            self.slots_requested.emit()
        else:
            self.context.events.settings_requested.emit(key)
