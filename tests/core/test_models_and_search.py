"""Records are immutable and compare by value; search keys fold case, accents and phones."""

from __future__ import annotations

import dataclasses

import pytest

from addressbook.core import Contact, changed_fields
from addressbook.core.search import digits, fold


def test_contact_defaults_and_immutability() -> None:
    contact = Contact(id=None, client_id=1, first_name="Jane", last_name="Doe")
    assert contact.email is None and contact.updated_at is None
    assert contact.full_name == "Jane Doe"
    with pytest.raises(dataclasses.FrozenInstanceError):
        contact.email = "x@example.com"  # type: ignore[misc]


def test_with_changes_and_changed_fields() -> None:
    before = Contact(id=4, client_id=1, first_name="Jane", last_name="Doe", fax="1")
    after = before.with_changes({"email": "jane@example.com", "fax": None})
    assert changed_fields(before, after) == {"email": "jane@example.com", "fax": None}
    with pytest.raises(ValueError):
        before.with_changes({"id": 5})


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Zoë ÅSA Ñúñez") == "zoe asa nunez"
    assert fold("Straße") == "strasse"


def test_phone_numbers_are_searched_by_their_digits() -> None:
    assert digits("+1 (555) 123-4567") == "15551234567"
    assert digits("ext. 12") == "12"
    assert digits("ask Jenny") == ""


def test_fold_of_ascii_is_plain_casefold() -> None:
    assert fold("Acme & Co") == "acme & co"
