"""Whatever is typed in the search field, the search answers and never fails.

Pins: FTS5 syntax characters and words (quotes, `*`, `-`, `:`, `^`, parentheses, `+`,
`NEAR`, `AND`, `OR`, `NOT`, column names), control characters pasted with the text (a NUL
included) and lone punctuation give a list of cases — possibly empty — never an error;
and such characters around a word still find the case.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ecoute_desktop.domain.models import Case, Member
from ecoute_desktop.store import Store

QUERIES = [
    '"', '""', "'", "*", "-", ":", "^", "(", ")", "()", "+", "{", "}", "[", "]",
    "NEAR", "NEAR(a b)", "NEAR(a b, 2)", "AND", "OR", "NOT", "a OR b", "a AND", "OR a",
    "-foo", "foo*", "*foo", "^foo", "col:x", "member:x", "reference:2026", '"a" "b"',
    "\x00", "a\x00b", "\t", "\u200b", "\ufeff", "\\", "%", "_", "é", "€", ";", "--", "/*",
]  # fmt: skip


@pytest.fixture
def case_id(store: Store) -> int:
    case = Case(
        "",
        datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
        Member("Dumoulin-Fictif", "Anaïs", collectivite="Ville-de-Testbourg"),
    )
    return store.cases.create(case).id


@pytest.mark.parametrize("query", QUERIES)
def test_any_typed_text_gives_a_list_never_an_error(store: Store, case_id: int, query: str) -> None:
    assert isinstance(store.search(query), list)


@pytest.mark.parametrize(
    "query", ["dumoulin*", '"Anaïs"', "(testbourg)", "anais\x00", "-dumoulin", "ville-de-test"]
)
def test_punctuation_around_a_word_still_finds_the_case(
    store: Store, case_id: int, query: str
) -> None:
    assert store.search(query) == [case_id]
