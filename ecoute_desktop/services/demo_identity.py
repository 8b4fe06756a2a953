"""The demo base's public identity: its passphrase and the salt that marks its file.

Light on purpose: the unlock window imports it before anything else is loaded, and
recognises the demo base from the file's first bytes, without opening it.
"""

from __future__ import annotations

from pathlib import Path

DEMO_PASSPHRASE = "demo"
# The demo base's salt, public like its passphrase: SQLCipher writes it as the file's
# first 16 bytes, so it marks the file as the demo.
DEMO_SALT = b"ecoute-demo-base"


def is_demo_database(path: Path) -> bool:
    """Whether the base at `path` is a demo base (its first bytes are the demo's salt),
    read without opening the base or deriving a key."""
    try:
        with open(path, "rb") as file:
            return file.read(len(DEMO_SALT)) == DEMO_SALT
    except OSError:
        return False
