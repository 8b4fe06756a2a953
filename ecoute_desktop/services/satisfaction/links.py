"""The questionnaire's address and the link sent to one member: it carries the case's code only."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ecoute_desktop.domain import settings_spec
from ecoute_desktop.store import Store

CODE_PARAMETER = "code"
# Parameters an older link may carry that would identify the case: never sent on.
_DROPPED = frozenset({CODE_PARAMETER, "reference", "ref"})


def questionnaire_url(store: Store) -> str:
    """The questionnaire's address (setting `questionnaire_url`), or "" when not set."""
    return store.settings.get(settings_spec.QUESTIONNAIRE_URL)


def set_questionnaire_url(store: Store, url: str) -> None:
    """Remember the address; refused unless it is an http(s) link ("" forgets it)."""
    url = url.strip()
    if url and not re.match(r"^https?://[^\s/]+", url, re.IGNORECASE):
        raise ValueError("le lien du questionnaire doit commencer par https:// (ou http://)")
    store.settings.set(settings_spec.QUESTIONNAIRE_URL, url)


def questionnaire_link(url: str, code: str) -> str:
    """The form's address with `?code=K7Q2` prefilled (any `reference` parameter removed)."""
    parts = urlsplit(url)
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in _DROPPED
    ]
    query.append((CODE_PARAMETER, code))
    return urlunsplit(parts._replace(query=urlencode(query)))


def case_questionnaire_link(store: Store, case_id: int) -> str:
    """The link to send for a case ("" while no questionnaire address is set)."""
    url = questionnaire_url(store)
    return questionnaire_link(url, store.satisfaction.code_of(case_id)) if url else ""
