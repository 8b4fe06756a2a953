"""Drafts of « Nouvelle sollicitation » forms closed by the auto-lock, kept encrypted.

A form being filled in when Écoute locks is saved here (inside the encrypted database,
as the `new_case_drafts` setting) and reopened on unlock; drafts left by a quit or a
crash while locked are offered the next time the form is opened. A draft is a plain
dict of the form's fields (strings, a bool, a list of phone numbers) plus `saved_at`.
"""

from __future__ import annotations

from typing import Any

from ecoute_desktop.domain import settings_spec
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.store import Store
from ecoute_desktop.store.timestamps import to_db

KEY = settings_spec.NEW_CASE_DRAFTS


def pending(store: Store) -> list[dict[str, Any]]:
    """The drafts kept, oldest first (nothing is removed)."""
    return store.settings.get(KEY)


def keep(store: Store, drafts: list[dict[str, Any]]) -> None:
    """Add these form contents to the drafts kept, stamped with the time they were saved."""
    if drafts:
        stamp = to_db(utc_now())
        store.settings.set(KEY, pending(store) + [{**d, "saved_at": stamp} for d in drafts])


def take(store: Store, index: int | None = None) -> list[dict[str, Any]]:
    """Remove and return one draft (by position) or, without `index`, all of them."""
    drafts = pending(store)
    if index is None:
        taken, left = drafts, []
    else:
        taken, left = drafts[index : index + 1], drafts[:index] + drafts[index + 1 :]
    if taken:
        store.settings.set(KEY, left)
    return taken
