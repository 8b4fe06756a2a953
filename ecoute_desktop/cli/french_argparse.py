"""argparse speaking French: its own messages (usage, errors, help) translated in one table."""

from __future__ import annotations

import argparse
import gettext
import re
import sys
from collections.abc import Callable
from typing import Any, NoReturn

_FRENCH = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments",
    "options": "options",
    "show this help message and exit": "afficher cette aide et quitter",
    "show program's version number and exit": "afficher la version et quitter",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "unrecognized arguments: %s": "arguments inconnus : %s",
    "expected one argument": "une valeur est attendue",
    "expected at least one argument": "au moins une valeur est attendue",
    "expected at most one argument": "au plus une valeur est attendue",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "choix invalide : %(value)r (choix possibles : %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "valeur invalide : %(value)r",
    "not allowed with argument %s": "incompatible avec l'argument %s",
    "one of the arguments %s is required": "l'un des arguments %s est obligatoire",
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë : %(option)s peut désigner %(matches)s"
    ),
    "ignored explicit argument %r": "argument explicite ignoré : %r",
}


def _translate(message: str) -> str:
    return _FRENCH.get(message, gettext.gettext(message))


# argparse looks its messages up through its module-level `_` at run time.
argparse._ = _translate  # type: ignore[attr-defined]


# French typography: a no-break space inside « » and before « : », so help never
# wraps a line between a word and its punctuation (argparse wraps on ASCII spaces only).
_NO_BREAK = (
    (re.compile(r"« "), "«\u00a0"),
    (re.compile(r" »"), "\u00a0»"),
    (re.compile(r" ([:;?!])"), "\u00a0\\1"),
)


def _no_break(text: str) -> str:
    for pattern, replacement in _NO_BREAK:
        text = pattern.sub(replacement, text)
    return text


class FrenchHelpFormatter(argparse.HelpFormatter):
    """Headings as « options : » and no line broken inside « … » or before « : »."""

    def start_section(self, heading: str | None) -> None:
        super().start_section(f"{heading}\u00a0" if heading else heading)

    def _split_lines(self, text: str, width: int) -> list[str]:
        return super()._split_lines(_no_break(text), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return super()._fill_text(_no_break(text), width, indent)


class FrenchRawFormatter(FrenchHelpFormatter):
    """The same, with the description and epilog kept as written (a table of exit codes)."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "".join(indent + line for line in text.splitlines(keepends=True))


def whole_number(minimum: int) -> Callable[[str], int]:
    """argparse type: a whole number of at least `minimum`, refused in French otherwise."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(f"nombre entier attendu : {text!r}") from None
        if value < minimum:
            wanted = "positif" if minimum == 1 else f"d'au moins {minimum}"
            if minimum == 0:
                wanted = "positif ou nul"
            raise argparse.ArgumentTypeError(f"nombre entier {wanted} attendu : {text!r}")
        return value

    return parse


class FrenchParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors and help are French; errors exit with the usage code 2.

    Its positional arguments are headed « arguments », or « commandes et arguments »
    once it has sub-commands.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", FrenchHelpFormatter)
        super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        if kwargs.get("action") == "version":  # its English help is not run through `_`
            kwargs.setdefault("help", "afficher la version et quitter")
        return super().add_argument(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> argparse._SubParsersAction:
        self._positionals.title = "commandes et arguments"
        kwargs.setdefault("parser_class", FrenchParser)
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"ecoute : erreur d'utilisation : {message}\n")
