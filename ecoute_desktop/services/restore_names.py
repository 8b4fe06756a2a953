"""The names a restore gives its files, shared by the backup and the leftovers check.

Light on purpose: the start reads them before the unlock window, to find what an
interrupted restore left.
"""

from __future__ import annotations

ASIDE_MARK = ".avant-restauration-"
RESTORE_SUFFIX = ".restore"  # hidden copy of the backup being restored
