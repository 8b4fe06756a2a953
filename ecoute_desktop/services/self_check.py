"""The Qt-free half of `ecoute-desktop --self-test`: database, PDFs, calendar, fonts, templates.

Everything is written with synthetic data into a temporary folder the caller gives and
deletes. Each check gives one `CheckResult`; the French line it prints is `result.line()`.
The Qt half (platform plugins, SVG, QtPdf, Qt's French strings) is `ui/self_test.py`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from ecoute_desktop.domain.models import Case, Member
from ecoute_desktop.domain.timeutil import as_paris, utc_now
from ecoute_desktop.resource_files import resource_path
from ecoute_desktop.store import Store
from ecoute_desktop.store.errors import WrongPassphraseError

# The title of each check, as printed; `installers/check_dist.py` expects every one of them.
DATABASE = "Base chiffrée créée, écrite, rouverte et relue"
WRONG_PASSPHRASE = "Mauvaise phrase de passe refusée"
FONTS = "Polices des PDF trouvées"
TEMPLATES = "Modèles de textes trouvés"
MONTHLY_PDF = "Rapport mensuel PDF écrit et relu"
CHARTER_PDF = "Charte de confidentialité PDF écrite et relue"
CALENDAR = "Fichier agenda .ics écrit et relu"
DATA_CHECKS = (DATABASE, WRONG_PASSPHRASE, FONTS, TEMPLATES, MONTHLY_PDF, CHARTER_PDF, CALENDAR)

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")
TEMPLATE_FILES = ("charte.txt", "confirmation-objet.txt", "confirmation-message.txt")

PASSPHRASE = "autotest : phrase de passe d'essai"
NOTE = "Note d'essai de l'autotest (données fictives)."
MEMBER = Member(nom="Autotest", prenom="Essai", fonction="Essai", collectivite="Essai")


class CheckFailed(Exception):
    """A check found something wrong; the message is the French reason printed after « : »."""


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One check: its title, whether it passed, and a detail (on failure, the reason)."""

    title: str
    ok: bool
    detail: str = ""

    def line(self) -> str:
        """« ✓ title (detail) » or « ✗ title : reason »."""
        if self.ok:
            return f"✓ {self.title}" + (f" ({self.detail})" if self.detail else "")
        return f"✗ {self.title} : {self.detail}"


def run_check(title: str, work: Callable[[], str]) -> CheckResult:
    """Run one check; any exception is a failure whose message is the reason."""
    try:
        return CheckResult(title, True, work())
    except CheckFailed as failure:
        return CheckResult(title, False, str(failure))
    except Exception as error:  # a broken bundle fails in ways nobody can list in advance
        return CheckResult(title, False, f"{type(error).__name__} : {error}")


def pdf_page_count(path: Path) -> int:
    """Read a PDF written by reportlab back, minimally: header, trailer, page tree.

    reportlab writes no object streams, so the page objects and the page tree's /Count
    are plain text; the count of pages found must equal the tree's count.
    """
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise CheckFailed(f"{path.name} ne commence pas par l'en-tête %PDF-")
    if not data.rstrip().endswith(b"%%EOF") or b"startxref" not in data[-1024:]:
        raise CheckFailed(f"{path.name} est tronqué (pas de table de références finale)")
    counts = re.findall(rb"/Count (\d+)", data)
    pages = len(re.findall(rb"/Type /Page\b(?!s)", data))
    if not counts or pages == 0 or int(counts[0]) != pages:
        raise CheckFailed(f"{path.name} : arbre des pages illisible")
    if b"/FontFile2" not in data:
        raise CheckFailed(f"{path.name} : aucune police incorporée")
    return pages


def _pages(count: int) -> str:
    return f"{count} page" + ("s" if count > 1 else "")


def check_fonts() -> str:
    """The PDF fonts are where the code looks, and reportlab can read each one."""
    from reportlab.pdfbase.ttfonts import TTFont

    folder = resource_path("fonts")
    missing = [name for name in FONT_FILES if not (folder / name).is_file()]
    if missing:
        raise CheckFailed(
            f"introuvable{'s' if len(missing) > 1 else ''} dans {folder} : " + ", ".join(missing)
        )
    for name in FONT_FILES:
        TTFont(name.removesuffix(".ttf"), str(folder / name))
    return ", ".join(FONT_FILES)


def check_templates() -> str:
    """The default charter and confirmation templates are found and not empty."""
    folder = resource_path("templates")
    missing = [name for name in TEMPLATE_FILES if not (folder / name).is_file()]
    if missing:
        raise CheckFailed(
            f"introuvable{'s' if len(missing) > 1 else ''} dans {folder} : " + ", ".join(missing)
        )
    empty = [name for name in TEMPLATE_FILES if not (folder / name).read_text("utf-8").strip()]
    if empty:
        raise CheckFailed("vide : " + ", ".join(empty))
    return ", ".join(TEMPLATE_FILES)


@dataclass(slots=True)
class _Scratch:
    """The temporary database the checks share, and the case written in it."""

    folder: Path
    db_path: Path
    case_id: int | None = None


def _database(scratch: _Scratch) -> str:
    now = utc_now()
    with Store.create(scratch.db_path, PASSPHRASE) as store:
        case = store.cases.create(Case(reference="", received_at=now, member=MEMBER, urgent=True))
        assert case.id is not None
        store.notes.add(case.id, NOTE)
        reference = case.reference
    with Store.open(scratch.db_path, PASSPHRASE) as store:
        found = store.cases.get_by_reference(reference)
        if found is None or found.id is None:
            raise CheckFailed(f"la sollicitation {reference} n'est pas relue après réouverture")
        if found.member.nom != MEMBER.nom:
            raise CheckFailed(f"la sollicitation {reference} est relue avec un autre nom")
        if [note.body for note in store.notes.for_case(found.id)] != [NOTE]:
            raise CheckFailed(f"la note de la sollicitation {reference} n'est pas relue")
        scratch.case_id = found.id
    return f"sollicitation {reference} et sa note relues"


def _wrong_passphrase(scratch: _Scratch) -> str:
    before = hashlib.sha256(scratch.db_path.read_bytes()).digest()
    try:
        Store.open(scratch.db_path, PASSPHRASE + " (faux)").close()
    except WrongPassphraseError:
        pass
    else:
        raise CheckFailed("la base s'est ouverte avec une mauvaise phrase de passe")
    if hashlib.sha256(scratch.db_path.read_bytes()).digest() != before:
        raise CheckFailed("le fichier a changé après l'essai de la mauvaise phrase de passe")
    return "fichier intact"


def _monthly_pdf(scratch: _Scratch) -> str:
    from ecoute_desktop.services.reports import write_monthly_report

    month = as_paris(utc_now()).strftime("%Y-%m")
    path = scratch.folder / "rapport-mensuel.pdf"
    with Store.open(scratch.db_path, PASSPHRASE) as store:
        write_monthly_report(store, month, path)
    return _pages(pdf_page_count(path))


def _charter_pdf(scratch: _Scratch) -> str:
    from ecoute_desktop.services import charter

    path = scratch.folder / "charte.pdf"
    with Store.open(scratch.db_path, PASSPHRASE) as store:
        charter.write_charter(path, charter.charter_pdf(store, scratch.case_id))
    return _pages(pdf_page_count(path))


def _calendar(scratch: _Scratch) -> str:
    from icalendar import Calendar

    from ecoute_desktop.services import calendar_ics
    from ecoute_desktop.services.app import Services

    assert scratch.case_id is not None
    path = scratch.folder / "rendez-vous.ics"
    starts = (utc_now() + timedelta(days=2)).replace(minute=0, second=0, microsecond=0)
    with Store.open(scratch.db_path, PASSPHRASE) as store:
        booked = Services(store).agenda.book(scratch.case_id, None, starts, by="autotest")
        calendar_ics.write_ics(path, calendar_ics.case_calendar(store, scratch.case_id))
    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    if len(events) != 1:
        raise CheckFailed(f"{len(events)} événements relus au lieu de 1")
    event = events[0]
    if str(event.get("UID")) != booked.uid or event.decoded("DTSTART") != booked.starts_at:
        raise CheckFailed("le rendez-vous relu n'est pas celui qui a été fixé")
    return "1 rendez-vous"


def _needs(scratch: _Scratch, work: Callable[[_Scratch], str]) -> Callable[[], str]:
    def checked() -> str:
        if scratch.case_id is None:
            raise CheckFailed("la base d'essai n'a pas pu être créée (voir plus haut)")
        return work(scratch)

    return checked


def data_checks(folder: Path) -> Iterator[CheckResult]:
    """Run the Qt-free checks in `folder` (empty, deleted by the caller), one result at a time.

    The PDFs written are kept in `folder` (`rapport-mensuel.pdf`, `charte.pdf`) so the Qt
    half can read them again with QtPdf.
    """
    scratch = _Scratch(folder, folder / "autotest.db")
    yield run_check(DATABASE, lambda: _database(scratch))
    yield run_check(WRONG_PASSPHRASE, _needs(scratch, _wrong_passphrase))
    yield run_check(FONTS, check_fonts)
    yield run_check(TEMPLATES, check_templates)
    yield run_check(MONTHLY_PDF, _needs(scratch, _monthly_pdf))
    yield run_check(CHARTER_PDF, _needs(scratch, _charter_pdf))
    yield run_check(CALENDAR, _needs(scratch, _calendar))


def written_pdfs(folder: Path) -> list[Path]:
    """The PDFs `data_checks` wrote in `folder`."""
    return [
        path for name in ("rapport-mensuel.pdf", "charte.pdf") if (path := folder / name).is_file()
    ]
