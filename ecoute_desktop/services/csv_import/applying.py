"""Writing a checked import plan to the store in one transaction, skipping known references."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from ecoute_desktop.services.csv_import.planning import ImportPlan
from ecoute_desktop.store import Store


@dataclass(slots=True)
class ImportResult:
    """What an import did: references created, and rows skipped as already present."""

    imported: list[str] = field(default_factory=list)
    already_present: list[tuple[int, str]] = field(default_factory=list)


def apply_import(store: Store, plan: ImportPlan) -> ImportResult:
    """Create every planned case in one transaction (all or nothing); the plan is left as is.

    Rows with a reference are written first, so that rows without one get the next free
    number of their year after them, in order of receipt. A reference that appeared in the
    store since the plan was made is skipped like the others already present.
    """
    if not plan.ok:
        raise ValueError("Import refusé : le fichier contient des lignes en erreur.")
    result = ImportResult(already_present=list(plan.already_present))
    planned = [(item.line, copy.deepcopy(item.case)) for item in plan.cases]
    explicit = [(line, case) for line, case in planned if case.reference]
    automatic = sorted(
        ((line, case) for line, case in planned if not case.reference),
        key=lambda item: item[1].received_at,
    )
    with store.db.write():
        present = store.cases.existing_references(case.reference for _, case in explicit)
        for line, case in explicit + automatic:
            if case.reference in present:
                result.already_present.append((line, case.reference))
                continue
            store.cases.create(case)
            result.imported.append(case.reference)
    result.already_present.sort()
    return result
