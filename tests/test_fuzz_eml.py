"""Hostile .eml files (hypothesis): the reader returns a request or refuses it with a French
reason, no other exception escapes, the database is unchanged on refusal, nothing read is
more than one line where one line is due, and a draft made from what was read never
carries a line break into its headers. The hostile cases of issue 18 are explicit examples.

No timing is asserted (deadline=None); inputs are bounded. Speed lives in `make bench`.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from email import message_from_bytes
from email.policy import default

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ecoute_desktop.domain.models import Case, Member
from ecoute_desktop.services import confirmation
from ecoute_desktop.services.app import Services
from ecoute_desktop.services.confirmation import Confirmation
from ecoute_desktop.services.intake import IntakeRefused, IntakeRequest, read_request
from ecoute_desktop.services.intake.mime import MAX_HEADER_CHARS
from ecoute_desktop.services.intake.taking import NewRequest
from ecoute_desktop.store import Store
from tests.agenda_helpers import add_pair, paris

HEAD = b"To: ecoute@example.org\r\nDate: Tue, 03 Mar 2026 09:14:00 +0100\r\n"
BROKEN_NAME = (
    b"From: =?utf-8?q?Anne=0D=0ABcc=3A_x=40evil=2Eexample?= <anne@example.org>\r\n"
    + HEAD
    + b"Subject: Demande\r\n\r\nBonjour, rappelez-moi au 06 39 98 12 34.\r\n"
)
NESTED_2000 = (
    b"From: a@example.org\r\nMIME-Version: 1.0\r\n"
    + b"".join(
        b"Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n" % (i, i)
        for i in range(2000)
    )
    + b"Content-Type: text/plain\r\n\r\nbonjour\r\n"
)


def _subject_of_words(count: int) -> bytes:
    return (
        b"From: a@example.org\r\nSubject: " + b" ".join([b"=?utf-8?q?a?="] * count) + b"\r\n\r\nx"
    )


# Both ran for minutes before the reader was hardened (a pattern crossing blank lines,
# html.parser on unclosed tags); bench_intake.py measures them.
BLANK_LINES = (
    b"From: a@example.org\r\n\r\nje suis DST a la mairie de Vannes" + b"\n" * 20_000 + b"Fonction"
)
UNCLOSED_TAGS = b"From: a@example.org\r\nContent-Type: text/html\r\n\r\n" + b"<a " * 20_000
SUBJECT_60000 = _subject_of_words(60_000)
SUBJECT_18000 = _subject_of_words(18_000)  # under the header cap: read, not refused
ONE_LINE_FIELDS = ("name", "prenom", "nom", "email", "fonction", "collectivite", "subject")

# ---- generated messages ---------------------------------------------------------------
_CHARSETS = [
    "utf-8",
    "iso-8859-1",
    "windows-1252",
    "us-ascii",
    "x-inconnu",
    "punycode",
    "zlib",
    "utf-7",
    "",
]
_TEXT = st.text(
    alphabet=st.sampled_from("aé Z0:;<>@\"'=?\r\n\t\x00\u2028\u202e«»-.,/()[]\\"), max_size=60
)


@st.composite
def _encoded_word(draw: st.DrawFn) -> str:
    charset = draw(st.sampled_from(_CHARSETS))
    kind = draw(st.sampled_from("QqBbX"))
    payload = draw(st.text(alphabet=st.sampled_from("AZaz09=_+/?%-\r\n"), max_size=30))
    return f"=?{charset}?{kind}?{payload}?="


_HEADER_VALUE = st.lists(st.one_of(_TEXT, _encoded_word()), max_size=6).map(" ".join)
_HEADER_NAME = st.sampled_from(
    [
        "From",
        "To",
        "Subject",
        "Date",
        "Message-ID",
        "Content-Type",
        "Content-Transfer-Encoding",
        "Content-Disposition",
        "MIME-Version",
        "X-Autre",
        "from",
        "SUBJECT",
        "Content-Type ",
    ]
)
_CONTENT_TYPE = st.builds(
    "{}; charset={}; boundary={}".format,
    st.sampled_from(
        [
            "text/plain",
            "text/html",
            "multipart/mixed",
            "multipart/alternative",
            "message/rfc822",
            "application/octet-stream",
            "text/",
            "multipart/",
            "x/y",
        ]
    ),
    st.sampled_from(_CHARSETS),
    st.sampled_from(["b", "b'", '"b"', "", "--"]),
)
_ENCODING = st.sampled_from(["7bit", "8bit", "quoted-printable", "base64", "x-uuencode", "binary"])


def _part(body: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    headers = st.lists(
        st.one_of(
            st.tuples(st.just("Content-Type"), _CONTENT_TYPE),
            st.tuples(st.just("Content-Transfer-Encoding"), _ENCODING),
            st.tuples(_HEADER_NAME, _HEADER_VALUE),
        ),
        max_size=6,
    )
    return st.builds(
        lambda pairs, data: (
            b"".join(
                f"{name}: {value}\r\n".encode("utf-8", "surrogatepass") for name, value in pairs
            )
            + b"\r\n"
            + data
        ),
        headers,
        body,
    )


_LEAF = _part(st.binary(max_size=300) | _TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")))
_MESSAGE = st.recursive(
    _LEAF,
    lambda children: st.builds(
        lambda parts, tail: (
            b"Content-Type: multipart/mixed; boundary=b\r\n\r\n"
            + b"".join(b"--b\r\n" + p + b"\r\n" for p in parts)
            + tail
        ),
        st.lists(children, max_size=4),
        st.sampled_from([b"--b--\r\n", b"", b"--b"]),
    ),
    max_leaves=12,
)
_ANY = st.one_of(_MESSAGE, st.binary(max_size=3000), _part(st.binary(max_size=100)))


def _check_read(request: IntakeRequest) -> None:
    for key in ONE_LINE_FIELDS:
        value = getattr(request, key)
        assert "\n" not in value and "\r" not in value, key
    assert len(request.subject) <= MAX_HEADER_CHARS
    json.dumps(request.to_json(), ensure_ascii=False)


def _draft_headers(request: IntakeRequest) -> None:
    """The confirmation draft for the member read: one To and one Subject, on one line."""
    member = NewRequest.from_request(request).member
    draft = Confirmation(
        member.display_name, request.email, request.subject, "Bonjour", b"%PDF", b""
    )
    message = message_from_bytes(confirmation.eml_bytes(draft), policy=default)
    assert message.get_all("Bcc") is None and len(message.get_all("To") or []) <= 1
    if request.email:
        assert "\n" not in message["To"].addresses[0].display_name


@settings(
    deadline=None,
    max_examples=150,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=_ANY)
@example(data=BROKEN_NAME)
@example(data=NESTED_2000)
@example(data=SUBJECT_60000)
@example(data=SUBJECT_18000)
@example(data=BLANK_LINES)
@example(data=UNCLOSED_TAGS)
def test_no_exception_escapes_and_a_refusal_changes_nothing(store: Store, data: bytes) -> None:
    before = store.cases.count()
    try:
        request = read_request(data)
    except IntakeRefused as refusal:
        assert str(refusal).strip()  # a French reason for the user
        assert store.cases.count() == before
        return
    _check_read(request)
    _draft_headers(request)
    Services(store).intake.create_case_from_request(NewRequest.from_request(request))
    assert store.cases.count() in (before, before + 1)


# ---- the cases of issue 18, with what the user sees -------------------------------------
def test_2000_nested_multiparts_are_refused_with_a_reason() -> None:
    with pytest.raises(IntakeRefused, match="plus de 64 parties imbriquées"):
        read_request(NESTED_2000)


def test_a_subject_of_60000_encoded_words_is_refused_and_18000_are_read() -> None:
    with pytest.raises(IntakeRefused, match="en-têtes du courriel dépassent 256 Ko"):
        read_request(SUBJECT_60000)
    subject = read_request(SUBJECT_18000).subject
    assert subject.startswith("aaaa") and len(subject) < MAX_HEADER_CHARS


def test_a_name_with_a_line_break_never_reaches_the_draft_as_a_header(store: Store) -> None:
    me, _ = add_pair(store)
    request = read_request(BROKEN_NAME)
    taken = Services(store).intake.create_case_from_request(NewRequest.from_request(request))
    now = datetime(2026, 3, 4, 8, 0, tzinfo=UTC)
    Services(store).agenda.book(taken.case_id, me.id, paris(2026, 3, 10, 14, 30), "Agathe", at=now)
    built = confirmation.build(store, taken.case_id, now)
    message = message_from_bytes(confirmation.eml_bytes(built), policy=default)
    assert message.get_all("Bcc") is None
    assert message["To"].addresses[0].display_name == "Anne BCC: X@EVIL.EXAMPLE"
    assert message["To"].addresses[0].addr_spec == "anne@example.org"


def test_a_name_typed_or_imported_with_a_line_break_stays_one_line_in_the_draft(
    store: Store,
) -> None:
    me, _ = add_pair(store)
    case = store.cases.create(
        Case(
            "",
            paris(2026, 3, 3, 9, 0),
            Member("Dupont\r\nBcc: x@evil.example", "Anne", email="anne@example.org"),
        )
    )
    now = datetime(2026, 3, 4, 8, 0, tzinfo=UTC)
    Services(store).agenda.book(case.id, me.id, paris(2026, 3, 10, 14, 30), "Agathe", at=now)
    message = message_from_bytes(
        confirmation.eml_bytes(confirmation.build(store, case.id, now)), policy=default
    )
    assert message.get_all("Bcc") is None
    assert message["To"].addresses[0].display_name == "Anne DUPONT BCC: X@EVIL.EXAMPLE"
