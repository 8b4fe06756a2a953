"""E-mail intake: hostile messages (issue 18) against an ordinary request of the corpus.

Each hostile message must be read or refused about as fast as an ordinary e-mail; the
ratio says how many ordinary e-mails one hostile message costs. The stdlib parser with
the default policy, on a Subject of 5,000 encoded words, is shown for comparison.
"""

from __future__ import annotations

import contextlib
import email
import email.policy
from pathlib import Path

from ecoute_desktop.services.intake import IntakeRefused, read_request
from tests.bench.common import BenchResult, best_of

CORPUS = Path(__file__).resolve().parent.parent / "data" / "intake"
ORDINARY = (CORPUS / "03-signature-au-plus-vite.eml").read_bytes()


def _words(count: int) -> bytes:
    return (
        b"From: a@example.org\r\nSubject: " + b" ".join([b"=?utf-8?q?a?="] * count) + b"\r\n\r\nx"
    )


def _nested(depth: int) -> bytes:
    parts = b"".join(
        b"Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n" % (i, i)
        for i in range(depth)
    )
    return b"From: a@example.org\r\nMIME-Version: 1.0\r\n" + parts + b"x\r\n"


HOSTILE = {
    "Subject of 60,000 encoded words (refused)": _words(60_000),
    "Subject of 18,000 encoded words (read)": _words(18_000),
    "2,000 nested multiparts (refused)": _nested(2_000),
    "From name with a line break": (
        b"From: =?utf-8?q?Anne=0D=0ABcc=3A_x?= <a@example.org>\r\n\r\nBonjour 06 39 98 12 34"
    ),
    "200,000 phone-like digits in the body": b"From: a@example.org\r\n\r\n" + b"06 " * 200_000,
    # Both took minutes before: a line-anchored pattern whose \s crossed lines, and
    # html.parser on unclosed tags.
    "« je suis … mairie » then 60,000 blank lines": (
        b"From: a@example.org\r\n\r\nje suis DST a la mairie de Vannes"
        + b"\n" * 60_000
        + b"Fonction"
    ),
    "HTML of 100,000 unclosed tags": (
        b"From: a@example.org\r\nContent-Type: text/html\r\n\r\n" + b"<a " * 100_000
    ),
}


def _read(data: bytes) -> None:
    with contextlib.suppress(IntakeRefused):
        read_request(data)


def run() -> list[BenchResult]:
    ordinary = best_of(lambda: read_request(ORDINARY), repeat=20)
    results = [
        BenchResult(
            f"intake: {name}",
            best_of(lambda d=data: _read(d), repeat=3),
            ordinary,
            "one ordinary e-mail of the corpus",
        )
        for name, data in HOSTILE.items()
    ]
    stdlib = _words(5_000)
    results.append(
        BenchResult(
            "stdlib default policy: Subject of 5,000 encoded words",
            best_of(
                lambda: str(
                    email.message_from_bytes(stdlib, policy=email.policy.default)["Subject"]
                ),
                repeat=1,
            ),
            ordinary,
            "one ordinary e-mail of the corpus",
            note="what the reader avoids by decoding at most 2,000 characters of a header",
        )
    )
    return results
