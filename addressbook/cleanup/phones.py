"""Phone numbers in one format, with phonenumbers (the port of Google's libphonenumber).

A value with words in it ("ask Jenny", "ext. 12 via reception") is a note the
user typed on purpose: it is flagged and never rewritten. Parsing costs ~50 µs a
number, so the scan only picks the candidates (a cheap pattern); the preview
parses them, on the worker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import phonenumbers

from addressbook.core.models import Contact
from addressbook.core.validation import PHONE_FIELDS

Style = Literal["international", "national"]
_FORMATS = {
    "international": phonenumbers.PhoneNumberFormat.INTERNATIONAL,
    "national": phonenumbers.PhoneNumberFormat.NATIONAL,
}
# What normalise_phone(…, "international") writes: "+49 30 1234567".
_INTERNATIONAL = re.compile(r"\+\d{1,3}(?: \d+)+")


def normalise_phone(text: str, region: str, style: Style = "international") -> str | None:
    """The number in one format, or None when the value is not (only) a phone number.

    region: the ISO country code for numbers typed without a +country prefix ("GB").
    """
    if not text or is_note(text):
        return None
    try:
        number = phonenumbers.parse(text, region.upper() or None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    if style == "national" and phonenumbers.region_code_for_number(number) != region.upper():
        style = "international"  # a foreign number written nationally loses its country
    return phonenumbers.format_number(number, _FORMATS[style])


_LETTER = re.compile(r"[^\W\d_]")


def is_note(text: str) -> bool:
    """A value with words: kept as typed, shown as flagged."""
    return _LETTER.search(text) is not None


def is_candidate(text: str) -> bool:
    """Cheap: a value that may need rewriting (not already "+cc nn nnnn", not a note)."""
    return bool(text) and not is_note(text) and _INTERNATIONAL.fullmatch(text) is None


@dataclass(frozen=True, slots=True)
class PhoneFix:
    """One number's preview: before → after (after None: not a number, left alone)."""

    contact: Contact
    field: str
    before: str
    after: str | None


def candidates(contacts: Iterable[Contact]) -> list[tuple[Contact, str, str]]:
    """(contact, field, value) for each phone value that may need a new format, or is a note."""
    found = []
    formatted = _INTERNATIONAL.fullmatch
    for contact in contacts:
        for field, value in zip(
            PHONE_FIELDS, (contact.phone_office, contact.phone_mobile, contact.fax), strict=True
        ):
            # A note never matches the format, so one test finds both.
            if value and formatted(value) is None:
                found.append((contact, field, value))
    return found


def preview(
    contacts: Iterable[Contact], region: str, style: Style = "international"
) -> list[PhoneFix]:
    """Before → after for every candidate; a value already in the format is left out."""
    return preview_candidates(candidates(contacts), region, style)


def preview_candidates(
    found: Iterable[tuple[Contact, str, str]], region: str, style: Style = "international"
) -> list[PhoneFix]:
    fixes = []
    for contact, field, value in found:
        after = normalise_phone(value, region, style)
        if after != value:
            fixes.append(PhoneFix(contact, field, value, after))
    return fixes


def default_region(locale_name: str) -> str:
    """'en_GB.UTF-8' -> 'GB'; 'US' when the locale names no country."""
    match = re.match(r"[a-z]{2,3}[_-]([A-Z]{2})", locale_name or "")
    return match.group(1) if match else "US"
