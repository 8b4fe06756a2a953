"""No phrase Écoute prints (source, help, README, docs) passes the gate, apart from « demo ».

A cracker reads the app: every example, every sentence it shows is among the first guesses.
The shipped `printed_phrases.txt` gives them to the gate; when this test fails after a new
text was added, rebuild it with `python -m tests.passphrase_mentions`.
"""

from __future__ import annotations

from pathlib import Path

from ecoute_desktop.services.demo import DEMO_PASSPHRASE
from ecoute_desktop.services.passphrase.drawing import suggest
from ecoute_desktop.services.passphrase.strength import PUBLISHED, judge
from tests.passphrase_mentions import mentions, printed_phrases, shipped_files


def test_no_printed_phrase_passes_the_gate_but_the_demos() -> None:
    files = shipped_files()
    assert any(path.name == "README.md" for path in files)
    assert any(path.suffix == ".html" for path in files)  # the help guide
    passing = {
        (str(path.name), text)
        for path in files
        for text in mentions(path)
        if text != DEMO_PASSPHRASE and judge(text).acceptable
    }
    assert passing == set(), "run: python -m tests.passphrase_mentions"


def test_the_collector_finds_an_example_in_code_help_and_shell_lines(tmp_path: Path) -> None:
    """What the test above relies on: a planted phrase is found wherever it is printed."""
    phrase = suggest()
    source = tmp_path / "page.py"
    source.write_text(
        f'TEXT = self.tr("Le plus simple : 7 mots, par exemple « {phrase} ».")\n'
        f'OTHER = {phrase!r}\nSECRET_PASSPHRASE = "Xk9#mQ2$"\n',
        encoding="utf-8",
    )
    guide = tmp_path / "guide.md"
    guide.write_text(f"```\nECOUTE_PASSPHRASE='{phrase}' ecoute init\n```\n", encoding="utf-8")
    assert {phrase, "Xk9#mQ2$"} <= mentions(source)
    assert phrase in mentions(guide)
    assert judge(phrase).acceptable  # so the test above would fail on it


def test_printed_phrases_are_refused_even_with_a_word_added() -> None:
    sentences = printed_phrases()
    assert len(sentences) > 100
    long_one = max(sentences, key=len)
    verdict = judge(f"{long_one} 42")
    assert not verdict.acceptable and PUBLISHED in verdict.reasons
