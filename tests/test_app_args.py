"""The desktop app's command line reads the usual lines without argparse (issue 16), and
reads them exactly as argparse does."""

from __future__ import annotations

from pathlib import Path

import pytest

from ecoute_desktop.ui.app_args import full_args, parse_args, simple_args


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--db", "/tmp/ecoute.db"],
        ["--db=/tmp/ma base.db"],
        ["--close-when-shown", "--db", "x.db"],
        ["--db", "x.db", "--close-when-styled"],
        ["--db", "a.db", "--db", "b.db"],  # the last one wins, as with argparse
    ],
)
def test_the_usual_lines_read_as_argparse_reads_them(argv: list[str]) -> None:
    simple = simple_args(argv)
    assert simple is not None
    assert vars(simple) == vars(full_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["--self-test"],
        ["--self-test", "--self-test-output", "résultat.txt"],
        ["-platform", "offscreen", "--db", "x.db"],  # Qt's own options
        ["--db"],
        ["--db", "--self-test"],
        ["--db="],
    ],
)
def test_anything_else_goes_to_argparse(argv: list[str]) -> None:
    assert simple_args(argv) is None


def test_argparse_still_reads_what_the_simple_reader_leaves() -> None:
    args = parse_args(["-platform", "offscreen", "--db", "x.db", "--self-test"])
    assert args.db == Path("x.db") and args.self_test
    output = parse_args(["--self-test", "--self-test-output", "r.txt"]).self_test_output
    assert output == Path("r.txt")
