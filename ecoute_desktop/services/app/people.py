"""The hotliners of the pair: the user's profile and their partner (binôme)."""

from __future__ import annotations

from ecoute_desktop.domain.models import Binome, Hotliner
from ecoute_desktop.services.app.base import Area
from ecoute_desktop.services.app.events import ReferenceChanged


class PeopleService(Area):
    """Who uses this database and who they work with."""

    def me(self) -> Hotliner | None:
        return self._store.people.me()

    def all(self) -> list[Hotliner]:
        return self._store.people.all()

    def binome(self) -> Binome | None:
        return self._store.people.binome()

    def partner(self) -> Hotliner | None:
        """The other hotliner of the user's pair, if recorded."""
        me, pair = self.me(), self.binome()
        if pair is None or me is None:
            return None
        return pair.second if pair.first.id == me.id else pair.first

    def names(self) -> dict[int, str]:
        """Display names by hotliner id."""
        return {h.id: h.display_name for h in self.all() if h.id is not None}

    def save(self, hotliner: Hotliner) -> Hotliner:
        with self._tx.action(ReferenceChanged()):
            return self._store.people.save(hotliner)

    def save_pair(
        self, me: Hotliner | None, partner: Hotliner | None
    ) -> tuple[Hotliner | None, Hotliner | None]:
        """Save the profiles given; both given, they become the pair (one transaction)."""
        with self._tx.action(ReferenceChanged()):
            if me is not None:
                me = self._store.people.save(me)
            if partner is not None:
                partner = self._store.people.save(partner)
            if me is not None and partner is not None:
                self._store.people.set_binome(me, partner)
        return me, partner
