"""argparse speaking French: its own messages (usage, errors, help) translated in one table."""

from __future__ import annotations

import argparse
import gettext
import sys

_FRENCH = {
    "usage: ": "utilisation : ",
    "positional arguments": "commandes et arguments",
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
    "invalid %(type)s value: %(value)r": "valeur invalide (%(type)s) : %(value)r",
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


class FrenchParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are French and exit with the usage code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"ecoute : erreur d'utilisation : {message}\n")
