"""The shared référentiel: the coordinator publishes it, hotliners preview and import it.

`preview_import` and `import_file` read the file afresh each time (a file changed between
the preview and the click is checked again); an import is one transaction: themes,
directory, sheets, texts and the version all change, or none does.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ecoute_desktop.domain import settings_spec
from ecoute_desktop.domain.fingerprint_words import fingerprint_words
from ecoute_desktop.domain.referentiel import (
    LOCAL_PREFIX,
    Referentiel,
    RefSheet,
    RefTarget,
    RefTheme,
    Templates,
    new_ref_id,
)
from ecoute_desktop.domain.timeutil import as_paris, utc_now
from ecoute_desktop.services.app.base import Area
from ecoute_desktop.services.app.events import ReferenceChanged, SettingsChanged
from ecoute_desktop.services.atomic import write_bytes_atomic
from ecoute_desktop.services.export_signing import public_key_hex
from ecoute_desktop.services.referentiel_file import (
    MAX_SHEET_BYTES,
    ReferentielError,
    parse,
    read_file,
    signed_bytes,
)
from ecoute_desktop.services.referentiel_plan import ImportPlan, apply_plan, plan_import
from ecoute_desktop.store.referentiel import ReferentielState


class ReferentielService(Area):
    """Show, import and publish the référentiel; manage its practical sheets."""

    # ---- reads ------------------------------------------------------------
    def installed(self) -> ReferentielState:
        """The version installed (0: none yet), its date and the trusted key."""
        return self._store.referentiel.state()

    def current(self) -> Referentiel:
        """This base's référentiel as it stands (an entry added locally: « local-<row> »)."""
        state = self._store.referentiel.state()
        themes = self._store.referentiel.local_themes()
        ref_of = {t.id: t.ref_id or f"{LOCAL_PREFIX}{t.id}" for t in themes}
        get = self._store.settings.get
        return Referentiel(
            version=state.version,
            published_on=state.published_on,
            themes=tuple(
                RefTheme(ref_of[t.id], t.label, ref_of.get(t.parent_id or 0), t.retired)
                for t in self._store.themes.all(include_retired=True)
            ),
            directory=tuple(
                RefTarget(
                    t.ref_id or f"{LOCAL_PREFIX}{t.id}",
                    t.label,
                    t.national,
                    t.telephone,
                    t.email,
                    t.website,
                    t.details,
                    t.retired,
                )
                for t in self._store.directory.all(include_retired=True)
            ),
            sheets=tuple(self._store.referentiel.sheets()),
            templates=Templates(
                get(settings_spec.CHARTER_TEMPLATE),
                get(settings_spec.CONFIRMATION_SUBJECT),
                get(settings_spec.CONFIRMATION_BODY),
            ),
            questionnaire_url=get(settings_spec.QUESTIONNAIRE_URL),
            public_key=state.trusted_key,
        )

    def trusted_fingerprint(self) -> str:
        """The coordinator's key as six words ("" before the first import)."""
        key = self._store.referentiel.state().trusted_key
        return fingerprint_words(key) if key else ""

    # ---- hotliner: import -------------------------------------------------
    def preview_import(self, path: Path | str, new_key_words: str = "") -> ImportPlan:
        """What importing the file would change (ReferentielError, French, if refused;
        OtherKeyError for another key, unless `new_key_words` are its six words)."""
        return plan_import(self._store, read_file(path), new_key_words)

    def import_file(
        self, path: Path | str, previewed: Referentiel | None = None, new_key_words: str = ""
    ) -> ImportPlan:
        """Check the file again and apply it in one transaction; an older or identical
        version changes nothing. With `previewed` (the preview's `plan.referentiel`), a
        file changed since the preview is refused. Returns the plan that was applied."""
        incoming = read_file(path)
        if previewed is not None and incoming != previewed:
            raise ReferentielError(
                f"{Path(path).name} : le fichier a changé depuis l'aperçu ; rien n'a été"
                " changé. Ouvrez-le de nouveau pour voir ses changements."
            )
        with self._tx.action() as changes:
            plan = plan_import(self._store, incoming, new_key_words)
            if plan.applies:
                apply_plan(self._store, plan)
                changes.add(ReferenceChanged(), SettingsChanged())
        return plan

    # ---- coordinator: key, sheets, publication ------------------------------
    def publisher_fingerprint(self) -> str:
        """The coordinator's signing key as six words; the key is drawn on first use."""
        with self._tx.action():
            seed = self._store.referentiel.publisher_seed(create=True)
        assert seed is not None
        return fingerprint_words(public_key_hex(seed))

    def add_sheet(self, path: Path | str, title: str = "") -> RefSheet:
        """Add a practical sheet (a PDF of at most 5 Mo) to the next publication."""
        path = Path(path)
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_SHEET_BYTES + 1)
        except OSError:
            raise ReferentielError(f"{path.name} : fichier illisible.") from None
        if len(data) > MAX_SHEET_BYTES:
            raise ReferentielError(f"{path.name} : plus de {MAX_SHEET_BYTES // 2**20} Mo.")
        if not data.startswith(b"%PDF-"):
            raise ReferentielError(f"{path.name} : ce n'est pas un PDF.")
        name = path.name if path.suffix.lower() == ".pdf" else f"{path.stem}.pdf"
        cleaned = " ".join((title or path.stem).split())[:120] or "Fiche pratique"
        sheet = RefSheet(new_ref_id("sheet"), cleaned, name[-100:], data)
        with self._tx.action(ReferenceChanged()):
            self._store.referentiel.add_sheet(sheet)
        return sheet

    def remove_sheet(self, ref_id: str) -> None:
        with self._tx.action(ReferenceChanged()):
            self._store.referentiel.remove_sheet(ref_id)

    def publish(self, path: Path | str, today: date | None = None) -> Referentiel:
        """Give ids to new entries, number the next version, sign it with this base's
        coordinator key (drawn on first use) and save the file. This base then has that
        version installed, trusting its own key."""
        with self._tx.action(ReferenceChanged()):
            seed = self._store.referentiel.publisher_seed(create=True)
            assert seed is not None
            key = public_key_hex(seed)
            state = self._store.referentiel.state()
            if state.trusted_key and state.trusted_key != key:
                raise ReferentielError(
                    "Cette base suit le référentiel d'une autre coordination : elle ne peut pas"
                    " en publier un. Publiez depuis la base de la coordination."
                )
            self._assign_ids()
            draft = self.current()
            published = Referentiel(
                version=state.version + 1,
                published_on=(today or as_paris(utc_now()).date()).isoformat(),
                themes=draft.themes,
                directory=draft.directory,
                sheets=draft.sheets,
                templates=draft.templates,
                questionnaire_url=draft.questionnaire_url,
                public_key=key,
            )
            data = signed_bytes(published, seed)
            parse(data, Path(path).name)  # what hotliners will check, checked first
            applied = {
                "charter": published.templates.charter,
                "confirmation_subject": published.templates.confirmation_subject,
                "confirmation_body": published.templates.confirmation_body,
                "questionnaire_url": published.questionnaire_url,
            }
            self._store.referentiel.set_state(
                ReferentielState(published.version, published.published_on, key, applied)
            )
        # Written once the version is recorded: a failed write leaves a number unused
        # (the next publication takes the one after), never two files of one number.
        write_bytes_atomic(path, data, mode=0o644)
        return published

    def _assign_ids(self) -> None:
        local = self._store.referentiel.local_themes()
        themes = {t.id: new_ref_id("theme") for t in local if not t.ref_id}
        targets = {
            t.id: new_ref_id("target")
            for t in self._store.referentiel.local_targets()
            if not t.ref_id
        }
        self._store.referentiel.assign_ids(themes, targets)
