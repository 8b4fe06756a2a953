"""The first-run assistant refuses passphrases weaker than about 80 bits and says why."""

from __future__ import annotations

from ecoute_desktop.services.passphrase import MIN_BITS, assess


def test_seven_unrelated_words_are_accepted() -> None:
    assert assess("marmite colline ruban girafe tonnerre pinceau verger").acceptable


def test_four_words_are_refused_with_an_explanation() -> None:
    strength = assess("cheval correct agrafe batterie")
    assert not strength.acceptable
    assert "7 mots" in strength.advice and "12 caractères" in strength.advice


def test_twelve_mixed_characters_are_accepted_eleven_lowercase_are_not() -> None:
    assert assess("Vx7#qL2!mR9p").acceptable
    assert not assess("motdepassea").acceptable


def test_repeats_and_runs_do_not_count() -> None:
    assert not assess("a" * 40).acceptable
    assert not assess("abcdefghijklmnopqrstuvwxyz").acceptable


def test_repeating_the_same_word_adds_nothing() -> None:
    assert not assess("soleil soleil soleil soleil soleil soleil soleil").acceptable


def test_levels_grow_with_strength() -> None:
    assert assess("").level == "Très faible"
    assert assess("marmite colline ruban girafe tonnerre pinceau verger").bits >= MIN_BITS
