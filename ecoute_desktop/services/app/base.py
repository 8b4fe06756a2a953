"""What every area of the application layer shares: the store, the transactions, who acts."""

from __future__ import annotations

from ecoute_desktop.services.app.transactions import Transactions
from ecoute_desktop.store import Store

ANONYMOUS_ACTOR = "écoutant(e)"


class Area:
    """One area of user actions (cases, agenda…) over the open store."""

    def __init__(self, store: Store, transactions: Transactions) -> None:
        self._store = store
        self._tx = transactions

    def _actor(self) -> str:
        """Who is acting, as recorded in the history of a case."""
        me = self._store.people.me()
        return me.display_name if me else ANONYMOUS_ACTOR
