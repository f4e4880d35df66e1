"""The validation rules a user meets in the contact dialog and that guard the API layer."""

from __future__ import annotations

import pytest

from addressbook.core import describe_problems, validate_changes, validate_contact, validate_field

GOOD = {
    "client_id": 7,
    "first_name": "Zoë",
    "last_name": "Łukasz",
    "title": "CTO",
    "email": "zoe@example.com",
    "phone_office": "+44 (0)20 7946 0958 ext. 12 ask Jenny",
    "phone_mobile": None,
    "fax": "",
}


def test_a_complete_contact_is_valid() -> None:
    assert validate_contact(GOOD) == {}


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("first_name", "", "First name is required."),
        ("first_name", "   ", "First name is required."),
        ("last_name", None, "Last name is required."),
        ("client_id", None, "Choose a client for this contact."),
        ("client_id", -3, "Choose a client for this contact."),
        ("client_id", 2**63, "Choose a client for this contact."),
        ("email", "jane@", "Email does not look like an address"),
        ("email", "jane doe@example.com", "Email does not look like an address"),
        ("email", "jane@example", "Email does not look like an address"),
        ("phone_office", "ask Jenny", "Office phone must contain at least one digit."),
        ("fax", "n/a", "Fax must contain at least one digit."),
        ("title", "x" * 256, "Title is too long (256 characters; at most 255)."),
        ("first_name", "Jane\x00", "First name contains invisible control characters"),
        ("last_name", "Doe\u202e", "Last name contains invisible control characters"),
    ],
)
def test_each_problem_is_reported_in_words(field: str, value: object, expected: str) -> None:
    problems = validate_contact({**GOOD, field: value})
    assert list(problems) == [field]
    assert problems[field][0].startswith(expected)


@pytest.mark.parametrize(
    "email", ["a@b.co", "jane.doe+work@mail.example.co.uk", "zoë@exämple.de", None, ""]
)
def test_good_or_empty_emails_pass(email: str | None) -> None:
    assert validate_field("email", email) == []


def test_every_problem_of_every_field_is_returned() -> None:
    problems = validate_contact(
        {"client_id": None, "first_name": "", "last_name": "", "phone_mobile": "x\x07"}
    )
    assert set(problems) == {"client_id", "first_name", "last_name", "phone_mobile"}
    assert len(problems["phone_mobile"]) == 2
    assert "Choose a client" in describe_problems(problems)


def test_a_partial_update_checks_only_its_fields() -> None:
    assert validate_changes({"email": None, "title": "Boss"}) == {}
    assert validate_changes({"first_name": ""}) == {"first_name": ["First name is required."]}
    assert "id" in validate_changes({"id": 3})
