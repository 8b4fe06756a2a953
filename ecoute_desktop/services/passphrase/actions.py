"""Choosing a passphrase, in one place: creating a base and changing its passphrase.

The first-run assistant and `ecoute init` call `create_database`; the passphrase dialog
and `ecoute passphrase` call `change_passphrase`. The gate is inside both: a weak phrase
raises WeakPassphraseError, with the French advice, before anything is created or changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ecoute_desktop.domain.models import Hotliner
from ecoute_desktop.services.passphrase.strength import Verdict, judge, personal_words
from ecoute_desktop.store import Store, StoreError, rekey


class WeakPassphraseError(Exception):
    """The gate refused the new passphrase; `str()` is the French advice."""

    def __init__(self, verdict: Verdict) -> None:
        super().__init__(f"Phrase de passe refusée. {verdict.advice}")
        self.verdict = verdict


def profile_words(profile: Hotliner | None) -> list[str]:
    """The user's own words, which a cracker who knows whose laptop it is tries first."""
    if profile is None:
        return []
    return personal_words(profile.nom, profile.prenom, profile.email, profile.telephone)


def require_strong(passphrase: str, user_inputs: Sequence[str] = ()) -> Verdict:
    """The gate: the verdict when accepted, else WeakPassphraseError."""
    verdict = judge(passphrase, user_inputs)
    if not verdict.acceptable:
        raise WeakPassphraseError(verdict)
    return verdict


def create_database(path: Path | str, passphrase: str, profile: Hotliner | None = None) -> Store:
    """A new encrypted base (default taxonomy) and, when given, the user's own profile.

    Refused before any file is written when the passphrase is weak (WeakPassphraseError)
    or a file is already there (StoreError).
    """
    require_strong(passphrase, profile_words(profile))
    store = Store.create(path, passphrase)
    if profile is not None:
        try:
            store.people.save(profile)
        except BaseException:
            store.close()
            Path(path).unlink(missing_ok=True)  # a base without its owner: start again
            raise
    return store


def open_database(path: Path | str, passphrase: str) -> Store:
    """The existing base at `path`, opened with the typed passphrase (the unlock window);
    a wrong passphrase, a damaged file or a full disk raise their own StoreError."""
    return Store.open(path, passphrase)


def change_passphrase(store: Store, old: str, new: str) -> None:
    """Re-encrypt the open `store` under `new`, then reconnect it with `new`.

    The gate judges `new` with the user's profile; `old` must open the file
    (WrongPassphraseError otherwise). The writer's lock stays held throughout, and the
    change is interrupt-safe (`store.rekey`). On any failure nothing is changed and
    `store` is reconnected with whichever passphrase opens the file.
    """
    require_strong(new, profile_words(store.people.me()))
    Store.open(store.path, old, lock=False).close()  # prove it before letting go
    store.disconnect()
    try:
        rekey.change_passphrase(store.path, old, new)
    except BaseException:
        _reconnect_any(store, old, new)
        raise
    store.reconnect(new)


def _reconnect_any(store: Store, *candidates: str) -> None:
    """Reconnect with whichever passphrase opens the file (exactly one does)."""
    for candidate in candidates:
        try:
            store.reconnect(candidate)
            return
        except StoreError:
            continue
