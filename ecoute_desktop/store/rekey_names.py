"""The name mark of a passphrase change's temporary copy, alone: the start looks for such
leftovers before the unlock window, without importing the database driver (issue 16)."""

from __future__ import annotations

TEMP_MARK = ".rekey-"
