"""« Create case from request » (Services.intake): one transaction, told once after commit,
seen by another connection; the same e-mail key a second time gives the first case and
tells nobody; the case is the user's and keeps the e-mail as its first note."""

from __future__ import annotations

from pathlib import Path

from ecoute_desktop.domain.models import Hotliner
from ecoute_desktop.services.app import Services
from ecoute_desktop.services.app.events import CaseChanged, Event
from ecoute_desktop.services.intake import read_request
from ecoute_desktop.services.intake.taking import NewRequest
from ecoute_desktop.store import Store
from tests.conftest import PASSPHRASE

MAIL = Path(__file__).resolve().parent / "data" / "intake" / "07-transfere-outlook.eml"


def test_a_request_becomes_one_case_told_once_after_commit(store: Store, db_path: Path) -> None:
    me = store.people.save(Hotliner("Morel", "Jacqueline", is_self=True))
    services = Services(store)
    request = read_request(MAIL.read_bytes())
    seen_elsewhere: list[str] = []
    heard: list[Event] = []

    def listener(event: Event) -> None:
        heard.append(event)
        with Store.open(db_path, PASSPHRASE, lock=False) as other:  # another connection
            seen_elsewhere.extend(c.member.collectivite for c in other.cases.all())

    services.publisher.subscribe(listener)
    taken = services.intake.create_case_from_request(NewRequest.from_request(request))
    assert taken.created and heard == [CaseChanged(taken.case_id)]
    assert seen_elsewhere == ["CCAS de Lanester"]
    case = store.cases.get(taken.case_id)
    assert case.hotliner_id == me.id
    assert case.received_at == request.received_at  # the member's « Envoyé : », not the forward
    assert case.notes[0].body.startswith("Objet : Demande de contact")

    heard.clear()
    again = services.intake.create_case_from_request(NewRequest.from_request(request))
    assert (again.case_id, again.reference, again.created) == (
        taken.case_id,
        taken.reference,
        False,
    )
    assert heard == [] and store.cases.count() == 1
    assert services.intake.already_taken(request.dedupe_key) == again
