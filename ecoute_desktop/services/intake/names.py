"""A member's name split into nom and prénom, from a display name or an address."""

from __future__ import annotations

import re


def split_name(display: str) -> tuple[str, str]:
    """(nom, prénom) from `Anne Bellerive`, `BELLERIVE Anne` or `Bellerive, Anne`."""
    display = " ".join(display.replace('"', " ").split())
    if not display:
        return "", ""
    if "," in display:
        nom, _, prenom = display.partition(",")
        return nom.strip(), prenom.strip()
    words = display.split()
    if len(words) == 1:
        return words[0], ""
    upper = [w for w in words if w.isupper() and len(w) > 1]
    if upper and len(upper) < len(words):
        return " ".join(upper), " ".join(w for w in words if w not in upper)
    return " ".join(words[1:]), words[0]


def name_from_address(address: str) -> str:
    """`marc.le-goff@…` → `Marc Le-Goff`; '' when the address does not look like a name."""
    local = address.partition("@")[0]
    parts = [p for p in re.split(r"[._]", local) if p]
    if len(parts) != 2 or not all(re.fullmatch(r"[A-Za-zÀ-ÿ-]{2,}", p) for p in parts):
        return ""
    return " ".join("-".join(w.capitalize() for w in p.split("-")) for p in parts)
