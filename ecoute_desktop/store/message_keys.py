"""How an e-mail's key is kept where it must not be readable: its SHA-256.

A dismissed message (store/mailbox.py) and the e-mail a case was taken from, as the
partner's base receives it through the binôme exchange (`cases.message_key`), are known by
this hash only.
"""

from __future__ import annotations

import hashlib


def message_key(key: str) -> str:
    """The SHA-256 (hex) of a message's key (its Message-ID, or the intake's header hash)."""
    return hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()
