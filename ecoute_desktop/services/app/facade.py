"""`Services`: the application layer of one open base, the only door the GUI and CLI use."""

from __future__ import annotations

from ecoute_desktop.services.app.agenda import AgendaService
from ecoute_desktop.services.app.cases import CaseService
from ecoute_desktop.services.app.documents import DocumentService
from ecoute_desktop.services.app.events import Publisher
from ecoute_desktop.services.app.imports import ImportService
from ecoute_desktop.services.app.intake import IntakeService
from ecoute_desktop.services.app.mailbox import MailboxService
from ecoute_desktop.services.app.notes import NoteService
from ecoute_desktop.services.app.pair import PairService
from ecoute_desktop.services.app.people import PeopleService
from ecoute_desktop.services.app.reference import ReferenceService
from ecoute_desktop.services.app.referentiel import ReferentielService
from ecoute_desktop.services.app.session import SessionService
from ecoute_desktop.services.app.settings import SettingsService
from ecoute_desktop.services.app.transactions import Transactions
from ecoute_desktop.services.satisfaction.service import SatisfactionService
from ecoute_desktop.store import Store


class Services:
    """One object per area; each user action is one method, one transaction, its events.

    `services.cases.hold_call(case_id)`, `services.agenda.book_or_move(...)`… Listeners
    subscribe to `services.publisher`; they hear of a change after it is committed.
    """

    def __init__(self, store: Store, publisher: Publisher | None = None) -> None:
        self._store = store  # for tests' setup and assertions only (tests/desk_support.store_of)
        self.publisher = publisher or Publisher()
        transactions = Transactions(store, self.publisher)
        self.cases = CaseService(store, transactions)
        self.notes = NoteService(store, transactions)
        self.agenda = AgendaService(store, transactions)
        self.reference = ReferenceService(store, transactions)
        self.referentiel = ReferentielService(store, transactions)
        self.people = PeopleService(store, transactions)
        self.settings = SettingsService(store, transactions)
        self.documents = DocumentService(store, transactions)
        self.imports = ImportService(store, transactions)
        self.intake = IntakeService(store, transactions)
        self.mailbox = MailboxService(store, transactions, self.intake)
        self.session = SessionService(store, transactions)
        self.satisfaction = SatisfactionService(store, transactions)
        self.pair = PairService(store, transactions)
