"""French counts for command messages: 0 and 1 take the singular (« 0 sollicitation »)."""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`singular` for 0 and 1, else `plural_form` (default: `singular` + « s »)."""
    return singular if count <= 1 else (plural_form or f"{singular}s")


def count_of(count: int, singular: str, plural_form: str | None = None) -> str:
    """« 0 sollicitation », « 1 sollicitation », « 2 sollicitations »."""
    return f"{count} {plural(count, singular, plural_form)}"
