"""The pair's exchange as user actions: link, unlink, folder, write a file, take a file.

A file is read and checked in full before the base is touched: a foreign, damaged or
tampered file changes nothing. Taking it is one transaction (docs/binome.md).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ecoute_desktop.domain.hlc import Stamp
from ecoute_desktop.domain.timeutil import as_paris, utc_now
from ecoute_desktop.domain.twice_taken import (
    TwiceTaken,
    check_keep,
    duplicate_comment,
    to_settle,
)
from ecoute_desktop.domain.workflow import DropReason, Status
from ecoute_desktop.services.app.base import Area
from ecoute_desktop.services.app.events import (
    AgendaChanged,
    CaseChanged,
    CasesChanged,
    ReferenceChanged,
)
from ecoute_desktop.services.app.workflow import advance_case
from ecoute_desktop.services.atomic import atomic_path
from ecoute_desktop.services.binome.phrase import keys_of, new_phrase, pair_key
from ecoute_desktop.services.binome.summary import summary_text
from ecoute_desktop.store.pair_file import Keys, PairFileError, read_file, write_file
from ecoute_desktop.store.timestamps import to_db

SUFFIX = ".ecoute-binome"
__all__ = [
    "SUFFIX",
    "FolderExchange",
    "PairFileError",
    "PairService",
]  # the GUI catches PairFileError from here


class NotLinked(PairFileError):
    """No pair key in this base yet."""


@dataclass(frozen=True, slots=True)
class PairStatus:
    linked: bool
    partner: str  # the partner's name once a file came, else ""
    folder: str
    last_exchange_at: datetime | None


@dataclass(frozen=True, slots=True)
class ImportResult:
    summary: str
    sender_name: str
    new_cases: int
    conflicts: int
    twice_taken: tuple[TwiceTaken, ...] = ()  # the same e-mail taken on both laptops

    @property
    def lines(self) -> list[str]:
        """The summary, then one line per e-mail taken on both laptops."""
        return [self.summary, *(twice_taken_line(pair) for pair in self.twice_taken)]


def twice_taken_line(pair: TwiceTaken) -> str:
    """« La même demande a été prise sur les deux ordinateurs : R-… et R-… »."""
    first, second = pair.cases
    return (
        "La même demande a été prise sur les deux ordinateurs : "
        f"{first.reference} et {second.reference}."
    )


@dataclass(frozen=True, slots=True)
class FolderExchange:
    """What an exchange through the folder did: summaries, refused files, file written."""

    summaries: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    written: Path | None = None

    @property
    def text(self) -> str:
        lines = [*self.summaries, *self.refused]
        if self.written is not None:
            lines.append(
                f"Votre fichier pour votre binôme est dans le dossier : {self.written.name}"
            )
        return "\n".join(lines) or "Aucun fichier de votre binôme dans le dossier d'échange."


@dataclass(frozen=True, slots=True)
class ConflictLine:
    """« modifié aussi par Martine le 3 mars à 14 h 05 : Téléphone « … » »."""

    field: str
    value: str
    author_name: str
    at: datetime


class PairService(Area):
    """Linking the pair and exchanging files with the partner."""

    def status(self) -> PairStatus:
        link = self._store.pair.link()
        partner = ""
        if link.partner_gid:  # the sender of the last file taken
            ids = {gid: row for row, gid in self._store.pair.person_gids().items()}
            row = ids.get(link.partner_gid)
            partner = self._store.people.get(row).display_name if row is not None else ""
        return PairStatus(link.pair_key is not None, partner, link.folder, link.last_exchange_at)

    def link(self, phrase: str) -> None:
        """Store the pair key of the phrase typed back (PhraseError when it is wrong)."""
        key = pair_key(phrase)
        with self._tx.action(ReferenceChanged()):
            self._store.pair.set_key(key, utc_now())

    def link_new(self) -> str:
        """Draw a new phrase, link with it, and return it (shown once)."""
        phrase = new_phrase()
        self.link(phrase)
        return phrase

    def unlink(self) -> None:
        with self._tx.action(ReferenceChanged()):
            self._store.pair.set_key(None, None)
            self._store.pair.set_folder("")

    def set_folder(self, folder: str) -> None:
        with self._tx.action(ReferenceChanged()):
            self._store.pair.set_folder(folder)

    def _keys(self) -> Keys:
        key = self._store.pair.link().pair_key
        if key is None:
            raise NotLinked(
                "Cette base n'est liée à aucun binôme : liez-la d'abord "
                "(Paramètres › Binôme, ou « ecoute pair link »)."
            )
        return keys_of(key)

    def export(self, target: Path) -> Path:
        """Write this base's shared state for the partner (atomically) and return the path."""
        keys = self._keys()
        now = utc_now()
        with self._tx.action(ReferenceChanged()):  # the pair's last exchange time
            state = self._store.pair.outgoing(now)
            me = self._store.people.me()
            meta = {
                "sender": self._store.pair.me(),
                "sender_name": me.display_name if me else "",
                "written_at": to_db(now),
            }
            with atomic_path(target) as temp:
                temp.unlink()  # SQLCipher writes a new database there
                write_file(temp, keys, meta, state)
            self._store.pair.exchanged(now)
        return target

    def import_file(self, path: Path) -> ImportResult:
        """Take a partner's file: checked in full first, then merged in one transaction."""
        keys = self._keys()
        received = read_file(Path(path), keys)
        if received.sender == self._store.pair.me():
            raise PairFileError(
                f"« {Path(path).name} » a été écrit par cette base-ci : c'est le fichier "
                "de votre binôme qu'il faut ouvrir. Rien n'a été changé."
            )
        with self._tx.action(CasesChanged(), ReferenceChanged(), AgendaChanged()):
            merged = self._store.pair.merge(received, utc_now())
            found = self.twice_taken()
        text = summary_text(merged, received.sender_name)
        return ImportResult(
            text, received.sender_name, merged.cases, merged.conflicts, tuple(found)
        )

    def twice_taken(self) -> list[TwiceTaken]:
        """The e-mails taken on both laptops before an exchange, still to settle."""
        return to_settle(self._store.pair.twice_taken())

    def keep(self, kept_id: int) -> str:
        """« Garder celle-ci »: the other case of the same e-mail ends « sans suite »
        (reason « doublon », naming the kept case); its reference is returned.

        Nothing is deleted: the step travels to the partner by the next exchange."""
        with self._tx.action() as changes:
            pair = next((p for p in self.twice_taken() if kept_id in {c.id for c in p.cases}), None)
            if pair is None:
                raise ValueError(
                    "Cette sollicitation n'a pas de doublon à classer : c'est peut-être déjà fait."
                )
            other = check_keep(pair, kept_id)
            kept = pair.other_than(other.id)
            advance_case(
                self._store,
                other.id,
                Status.DROPPED,
                self._actor(),
                DropReason.DUPLICATE,
                comment=duplicate_comment(kept.reference),
            )
            changes.add(CaseChanged(other.id))
            changes.add(CaseChanged(kept.id))
        return other.reference

    def conflicts(self, case_id: int) -> list[ConflictLine]:
        """The edits made on both laptops at once that lost, for the case's history."""
        lines = []
        for conflict in self._store.pair.conflicts(case_id):
            value = json.loads(conflict.value)
            shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value or "")
            lines.append(
                ConflictLine(
                    conflict.field,
                    shown,
                    conflict.author_name or "votre binôme",
                    as_paris(Stamp.parse(conflict.hlc).at),
                )
            )
        return lines

    def exchange_file_name(self) -> str:
        """The name a base writes in the exchange folder: one per sender."""
        return f"binome-{self._store.pair.me()[:8]}{SUFFIX}"

    def folder(self) -> Path | None:
        """The exchange folder, when one is set and the base is linked."""
        link = self._store.pair.link()
        if link.pair_key is None or not link.folder:
            return None
        return Path(link.folder)

    def read_folder(self) -> FolderExchange:
        """Take every partner's file found in the exchange folder (at unlock)."""
        folder = self.folder()
        result = FolderExchange()
        if folder is None or not folder.is_dir():
            return result
        own = self.exchange_file_name()
        for path in sorted(folder.glob(f"*{SUFFIX}")):
            if path.name == own or path.name.startswith("."):
                continue
            try:
                taken = self.import_file(path)
            except PairFileError as error:
                result.refused.append(str(error))
            else:
                if not taken.summary.startswith("Rien de nouveau"):
                    result.summaries.append(taken.summary)
                result.summaries.extend(map(twice_taken_line, taken.twice_taken))
        return result

    def write_folder(self) -> Path | None:
        """Write this base's file into the exchange folder (at lock and at exit)."""
        folder = self.folder()
        if folder is None or not folder.is_dir():
            return None
        return self.export(folder / self.exchange_file_name())

    def exchange_through_folder(self) -> FolderExchange:
        """« Échanger avec mon binôme »: take the partner's files, then write ours."""
        taken = self.read_folder()
        return FolderExchange(taken.summaries, taken.refused, self.write_folder())
