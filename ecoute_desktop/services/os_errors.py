"""French words for the file errors the system reports (OSError), for the CLI and the GUI.

The system's own text (`strerror`) follows its locale, usually English
(« Device or resource busy »); users get the French wording of its errno instead.
"""

from __future__ import annotations

import errno

from ecoute_desktop.store.errors import StoreError

_REASONS = {
    errno.EACCES: "accès refusé",
    errno.EPERM: "accès refusé",
    errno.ENOENT: "introuvable",
    errno.EISDIR: "c'est un dossier",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.ENOSPC: "disque plein",
    errno.EFBIG: "fichier trop grand pour ce support",
    errno.EROFS: "support en lecture seule",
    errno.EBUSY: "fichier ou dossier occupé",
    errno.EIO: "erreur de lecture ou d'écriture du support",
    errno.EEXIST: "un fichier de ce nom existe déjà",
    errno.ENAMETOOLONG: "nom de fichier trop long",
}
for _name, _reason in (("EDQUOT", "quota disque dépassé"), ("ETXTBSY", "fichier occupé")):
    if hasattr(errno, _name):
        _REASONS.setdefault(getattr(errno, _name), _reason)


def os_error_reason(error: OSError) -> str:
    """« accès refusé », « disque plein »…: what went wrong, in French, without the file name."""
    if isinstance(error, StoreError):  # already French (e.g. FileInUseError on Windows)
        return str(error)
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    if error.errno is not None:
        return f"erreur système (code {error.errno})"
    return "erreur système"


def os_error_message(error: OSError) -> str:
    """« "FILE" : reason. », naming the file the user gave (a rename's target, not its source)."""
    if isinstance(error, StoreError):
        return str(error)
    reason = os_error_reason(error)
    name = error.filename2 if error.filename2 is not None else error.filename
    return f"« {name} » : {reason}." if name not in (None, "") else f"{reason}."


def error_text(error: Exception) -> str:
    """The French text to show for any error caught around a file operation.

    `str()` of an OSError is English (« [Errno 13] Permission denied: … »); the others
    (StoreError, BookingError…) already carry a French message.
    """
    return os_error_message(error) if isinstance(error, OSError) else str(error)
