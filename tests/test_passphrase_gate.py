"""The passphrase gate judges as a cracker would, in French, the same in the GUI and the CLI.

The four phrases of issue 22's table (accepted by the old hand-made estimator) are refused
everywhere a passphrase is chosen, with the time a cracker needs in words and why; a drawn
phrase is accepted everywhere; « demo » creates nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from ecoute_desktop.cli import main
from ecoute_desktop.services.passphrase import dictionaries
from ecoute_desktop.services.passphrase.actions import (
    WeakPassphraseError,
    change_passphrase,
    create_database,
)
from ecoute_desktop.services.passphrase.drawing import (
    bits_per_word,
    draw_list,
    suggest,
    words_per_phrase,
)
from ecoute_desktop.services.passphrase.durations import crack_time, duration_words
from ecoute_desktop.services.passphrase.strength import (
    GOAL_BITS,
    KEYBOARD,
    PERSONAL,
    PLACE,
    PUBLISHED,
    judge,
    personal_words,
)
from ecoute_desktop.store import Store
from ecoute_desktop.ui.safety.first_run import FirstRunWizard
from ecoute_desktop.ui.safety.safety_settings import PassphraseDialog
from tests.conftest import PASSPHRASE
from tests.desk_support import isolated_settings, make_context  # noqa: F401
from tests.safety_helpers import digest, openers

# Issue 22's table: each was accepted (the last one printed by the first-run page for all).
TABLE = [
    "Motdepasse2024!",
    "Bretagne2022!!",
    "MonChat2022!x",
    "marmite colline ruban girafe tonnerre pinceau verger",
]
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("phrase", TABLE)
def test_the_tables_phrases_are_refused_with_a_time_in_words(phrase: str) -> None:
    verdict = judge(phrase)
    assert not verdict.acceptable
    assert "ordinateur spécialisé" in verdict.advice and "Elle contient" in verdict.advice
    assert "bits" not in verdict.advice


def test_reasons_name_what_a_cracker_tries_first() -> None:
    assert PLACE in judge("Bretagne2022!!").reasons
    assert judge("marmite colline ruban girafe tonnerre pinceau verger").reasons == (PUBLISHED,)
    # a printed phrase stays refused with a word or digits added
    assert PUBLISHED in judge("Marmite-Colline-Ruban-Girafe-Tonnerre-Pinceau-Verger 2").reasons
    assert KEYBOARD in judge("&é\"'(-è_çà").reasons  # the azerty top row


def test_the_users_own_name_and_address_weaken_a_phrase() -> None:
    phrase = "jacqueline morel 1954 orsay"
    inputs = personal_words("Morel", "Jacqueline", "jacqueline.morel@example.org")
    assert PERSONAL in judge(phrase, inputs).reasons
    assert judge(phrase, inputs).bits < judge(phrase).bits


def test_spaces_add_nothing_a_cracker_would_not_try() -> None:
    """Seven short common words: zxcvbn alone counts the spaces as unknowns (80+ bits)."""
    phrase = "le chat est sur la table et dort"
    assert not judge(phrase).acceptable
    assert not judge(phrase.replace(" ", "-")).acceptable


def test_crack_time_is_said_in_words() -> None:
    assert crack_time(2**27) == "environ 3 heures pour un ordinateur spécialisé"
    assert duration_words(0.2) == "moins d'une seconde"
    assert duration_words(59 * 60) == "environ une heure"
    assert duration_words(3 * 86400) == "environ 3 jours"
    assert duration_words(1e20) == "plus d'un milliard d'années"


def test_a_drawn_phrase_is_worth_80_bits_by_construction_and_accepted() -> None:
    words = draw_list()
    assert len(words) == len(set(words)) > 8000
    assert words_per_phrase() * bits_per_word() >= GOAL_BITS
    drawn = [suggest() for _ in range(5)]
    assert len(set(drawn)) == 5
    for phrase in drawn:
        parts = phrase.split(" ")
        assert len(parts) == words_per_phrase() and set(parts) <= set(words)
        assert judge(phrase).acceptable


def test_the_hand_made_estimator_is_gone() -> None:
    """No character-class or per-word estimate left anywhere in the package."""
    assert not (ROOT / "ecoute_desktop" / "services" / "passphrase.py").exists()
    source = "\n".join(
        path.read_text(encoding="utf-8") for path in (ROOT / "ecoute_desktop").rglob("*.py")
    )
    for name in (
        "def character_bits",
        "def word_bits",
        "def estimate_bits",
        "BITS_PER_WORD",
        "def assess",
        "_pool_size",
    ):
        assert name not in source, name


# The same gate in the CLI


def test_cli_suggest_prints_a_fresh_phrase_each_time(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["passphrase", "--suggest"]) == 0
    first = capsys.readouterr().out.strip()
    assert main(["passphrase", "--suggest"]) == 0
    second = capsys.readouterr().out.strip()
    assert first != second and judge(first).acceptable and judge(second).acceptable


@pytest.mark.parametrize("phrase", [*TABLE, "demo"])
def test_cli_init_refuses_a_weak_phrase_and_creates_nothing(
    tmp_path: Path,
    phrase: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("ECOUTE_PASSPHRASE", phrase)
    target = tmp_path / "nouvelle" / "ecoute.db"
    assert main(["--db", str(target), "init"]) == 2
    err = capsys.readouterr().err
    assert "refusée" in err and "ordinateur spécialisé" in err and "--suggest" in err
    assert not target.exists() and not target.parent.exists()


def test_cli_init_and_passphrase_accept_a_printed_suggestion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "ecoute.db"
    main(["passphrase", "--suggest"])
    first = capsys.readouterr().out.strip()
    monkeypatch.setenv("ECOUTE_PASSPHRASE", first)
    assert main(["--db", str(target), "init"]) == 0
    main(["passphrase", "--suggest"])
    second = capsys.readouterr().out.strip()
    monkeypatch.setenv("ECOUTE_NEW_PASSPHRASE", second)
    assert main(["--db", str(target), "passphrase"]) == 0
    assert openers(target, first, second) == [second]


@pytest.mark.parametrize("phrase", TABLE)
def test_cli_passphrase_refuses_a_weak_phrase_and_changes_nothing(
    store: Store,
    phrase: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store.close()
    before = digest(store.path)
    monkeypatch.setenv("ECOUTE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("ECOUTE_NEW_PASSPHRASE", phrase)
    assert main(["--db", str(store.path), "passphrase"]) == 2
    assert "Nouvelle phrase de passe refusée" in capsys.readouterr().err
    assert digest(store.path) == before
    assert openers(store.path, PASSPHRASE, phrase) == [PASSPHRASE]


# The same gate in the GUI and the service


@pytest.mark.parametrize("phrase", TABLE)
def test_first_run_page_refuses_the_tables_phrases(qtbot, tmp_path: Path, phrase: str) -> None:
    wizard = FirstRunWizard(tmp_path / "ecoute.db")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    page = wizard.passphrase_page
    page.first_edit.setText(phrase)
    page.second_edit.setText(phrase)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "ordinateur spécialisé" in page.advice_label.text()
    assert not page.fields.sheet_button.isEnabled()


@pytest.mark.parametrize("phrase", TABLE)
def test_passphrase_dialog_refuses_the_tables_phrases(qtbot, store: Store, phrase: str) -> None:
    dialog = PassphraseDialog(make_context(store))
    qtbot.addWidget(dialog)
    dialog.old_edit.setText(PASSPHRASE)
    dialog.new_edit.setText(phrase)
    dialog.again_edit.setText(phrase)
    assert dialog.change() is False
    assert "Trop facile" in dialog.message.text() or "Pas assez" in dialog.message.text()
    assert store.db.is_open
    store.close()
    assert openers(store.path, PASSPHRASE, phrase) == [PASSPHRASE]


def test_the_service_refuses_a_phrase_built_on_the_users_profile(store: Store) -> None:
    from ecoute_desktop.domain.models import Hotliner

    store.people.save(Hotliner("Lacombe", "Bernadette", "06 71 52 84 17", "bl@example.org", True))
    weak = "Bernadette-Lacombe-0671528417"
    with pytest.raises(WeakPassphraseError) as refused:
        change_passphrase(store, PASSPHRASE, weak)
    assert PERSONAL in refused.value.verdict.reasons
    assert store.db.is_open
    store.close()
    assert openers(store.path, PASSPHRASE, weak) == [PASSPHRASE]


def test_create_database_refuses_before_writing_anything(tmp_path: Path) -> None:
    target = tmp_path / "dossier" / "ecoute.db"
    with pytest.raises(WeakPassphraseError):
        create_database(target, "demo")
    assert not target.parent.exists()
    assert dictionaries.joined("Pays de la Loire") == "paysdelaloire"


@pytest.mark.parametrize(
    "phrase",
    [
        "le chat dort sur la table",  # printed by Écoute: the longest in practice
        "motdepasse",
        "marie1975",
        "bonjour tout le monde",
        "Dupont Marie 12 rue de la Paix",
        "cheval correct batterie agrafe",
        "aqwzsx 1984 paris",
    ],
)
def test_windows_size_themselves_on_an_advice_as_long_as_any_they_show(phrase: str) -> None:
    """The first-run assistant sizes its passphrase page before zxcvbn is loaded (issue 16),
    on a text at least as long as the advice a weak phrase gets."""
    from ecoute_desktop.services.passphrase.strength import sizing_advice

    assert len(sizing_advice()) >= len(judge(phrase).advice)


def test_an_empty_field_is_judged_as_before_and_at_once() -> None:
    empty = judge("")
    assert not empty.acceptable and empty.bits == 0 and empty.reasons == ()
    assert empty.advice.startswith("Saisissez une phrase de passe")
