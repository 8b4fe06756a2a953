"""Reading a member's request from an e-mail, and taking it in as a case.

`read_request(bytes)` is the one reader (the desk's drop, `ecoute intake`, the mailbox
pickup); `Services.intake.create_case_from_request` (services/app/intake.py) takes
it in as a case.
"""

from ecoute_desktop.services.intake.mime import IntakeRefused
from ecoute_desktop.services.intake.reading import read_pasted, read_request
from ecoute_desktop.services.intake.request import GUESSABLE, JSON_KEYS, IntakeRequest

__all__ = [
    "GUESSABLE",
    "JSON_KEYS",
    "IntakeRefused",
    "IntakeRequest",
    "read_pasted",
    "read_request",
]
