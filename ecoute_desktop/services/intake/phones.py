"""Phone numbers written in an e-mail, found and formatted by Google's libphonenumber.

Any French way of writing them is read (06 12 34 56 78, 06.12.34.56.78, 0612345678,
+33 6 12 34 56 78, +33 (0)6…, 0033…), as are foreign numbers in international form.
The `POSSIBLE` leniency keeps numbers of ranges kept for fiction (06 39 98…), which the
tests use; dates, postcodes and SIRET numbers are not taken for numbers.
"""

from __future__ import annotations

import phonenumbers
from phonenumbers import Leniency, PhoneNumber, PhoneNumberFormat, PhoneNumberMatcher

MAX_TEXT_CHARS = 100_000  # numbers are looked for in the beginning of a long text
MAX_NUMBERS = 12
_FRANCE = 33


def is_mobile(number: PhoneNumber) -> bool:
    """06 and 07 in France; elsewhere what libphonenumber knows as a mobile."""
    if number.country_code == _FRANCE:
        return str(number.national_number)[:1] in ("6", "7")
    kind = phonenumbers.number_type(number)
    return kind in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    )


def display(number: PhoneNumber) -> str:
    """`06 12 34 56 78` for a French number, `+32 470 12 34 56` for a foreign one."""
    style = (
        PhoneNumberFormat.NATIONAL
        if number.country_code == _FRANCE
        else PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, style)


def find_phones(text: str) -> list[str]:
    """The numbers in `text`, formatted, without duplicates: mobiles first, then the others.

    Within each group the order of the text is kept, so the first number is the one to
    call back.
    """
    mobiles: list[str] = []
    others: list[str] = []
    matcher = PhoneNumberMatcher(
        text[:MAX_TEXT_CHARS], "FR", leniency=Leniency.POSSIBLE, max_tries=2_000
    )
    for match in matcher:
        shown = display(match.number)
        group = mobiles if is_mobile(match.number) else others
        if shown not in mobiles and shown not in others:
            group.append(shown)
        if len(mobiles) + len(others) >= MAX_NUMBERS:
            break
    return mobiles + others
