"""The pair's building blocks without a database: the phrase, the clock, the field rule
and the workflow replay."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecoute_desktop.domain.hlc import Clock, Stamp
from ecoute_desktop.domain.pair_merge import Entry, EventFacts, merge_entry, replay, stamped
from ecoute_desktop.domain.workflow import DropReason, Status
from ecoute_desktop.services.binome.phrase import (
    PhraseError,
    fold,
    keys_of,
    new_phrase,
    pair_key,
    word_list,
)

# Phrases already read out depend on this list (its words and order): a change of the
# shipped draw list that alters it would refuse them. Change it only with a new version.
WORD_LIST_SHA256 = "673955b953dc72bbd5522773c33e14f4aeb11ae8749230b4babf38b3ef9427c9"
T0 = datetime(2026, 3, 2, 9, tzinfo=UTC)


def test_the_word_list_is_pinned_and_has_8192_distinct_words() -> None:
    words = word_list()
    assert len(words) == 8192 == len({fold(w) for w in words})
    assert hashlib.sha256("\n".join(words).encode()).hexdigest() == WORD_LIST_SHA256


def test_a_phrase_typed_back_gives_the_same_key_and_a_misheard_word_is_caught() -> None:
    phrase = new_phrase()
    words = phrase.split()
    assert len(words) == 9
    typed = "  " + " ".join(w.upper() for w in words).replace("É", "E") + " "
    assert pair_key(typed) == pair_key(phrase)
    assert len(pair_key(phrase)) == 32
    other = next(w for w in word_list() if fold(w) != fold(words[3]))
    with pytest.raises(PhraseError, match="mot de contrôle"):
        pair_key(" ".join([*words[:3], other, *words[4:]]))
    with pytest.raises(PhraseError, match="9 mots"):
        pair_key(" ".join(words[:8]))
    with pytest.raises(PhraseError, match="n° 2"):
        pair_key(" ".join([words[0], "xyzzyq", *words[2:]]))
    first, second = keys_of(pair_key(phrase)), keys_of(pair_key(new_phrase()))
    assert first.pair_id != second.pair_id and first.file_key != first.seal_key


def test_the_clock_never_goes_back_and_passes_what_it_receives() -> None:
    clock = Clock()
    first = clock.tick(T0)
    assert clock.tick(T0 - timedelta(hours=1)) > first  # a clock set back: still later
    clock.observe(Stamp(first.ms + 60_000, 4))
    assert clock.tick(T0) > Stamp(first.ms + 60_000, 4)
    assert Stamp.parse(first.text()) == first


ENTRIES = st.builds(
    lambda h, ms, c, a: stamped(None, h, Stamp(ms, c).text(), a),
    st.sampled_from(["v1", "v2", "v3"]),
    st.integers(0, 5),
    st.integers(0, 2),
    st.sampled_from(["martine", "jean"]),
)


@given(ENTRIES, ENTRIES, ENTRIES)
def test_the_field_rule_commutes_and_repeats_safely(a: Entry, b: Entry, c: Entry) -> None:
    def merged(local: Entry, remote: Entry) -> Entry:
        return merge_entry(local, remote).entry

    assert merged(a, b) == merged(b, a)
    assert merged(merged(a, b), c) == merged(a, merged(b, c))
    assert merged(merged(a, b), b) == merged(a, b)


def test_concurrent_edits_keep_the_loser_and_sequential_ones_do_not() -> None:
    base = stamped(None, "old", Stamp(1).text(), "martine")
    martine = stamped(base, "martine's", Stamp(5).text(), "martine")
    jean = stamped(base, "jean's", Stamp(6).text(), "jean")
    outcome = merge_entry(martine, jean)
    assert outcome.remote_wins and outcome.loser == martine
    after = stamped(outcome.entry, "later", Stamp(9).text(), "martine")
    assert merge_entry(jean, after).loser is None  # Martine had seen Jean's edit


def _event(gid: str, minutes: int, old: Status, new: Status, reason=None) -> EventFacts:
    return EventFacts(gid, T0 + timedelta(minutes=minutes), old, new, reason)


def test_replay_counts_two_acknowledgments_once_and_keeps_the_first_of_drop_and_booking() -> None:
    both = [
        _event("a", 0, Status.RECEIVED, Status.ACKNOWLEDGED),
        _event("b", 5, Status.RECEIVED, Status.ACKNOWLEDGED),
    ]
    assert replay(both).status is Status.ACKNOWLEDGED
    race = [
        *both,
        _event("c", 10, Status.ACKNOWLEDGED, Status.DROPPED, DropReason.WITHDRAWN),
        _event("d", 11, Status.ACKNOWLEDGED, Status.SCHEDULED),
    ]
    state = replay(race)
    assert (state.status, state.drop_reason) == (Status.DROPPED, DropReason.WITHDRAWN)
    assert state.closed_at == T0 + timedelta(minutes=10)


def test_replay_follows_a_chain_recorded_in_one_second() -> None:
    same = [  # gids in the « wrong » order: the chain is followed, not the gids
        _event("z", 0, Status.RECEIVED, Status.ACKNOWLEDGED),
        _event("a", 0, Status.ACKNOWLEDGED, Status.SCHEDULED),
        _event("m", 0, Status.SCHEDULED, Status.CALL_HELD),
    ]
    assert replay(same).status is Status.CALL_HELD
    assert replay([]) is None
