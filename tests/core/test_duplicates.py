"""The duplicate finder: which existing contact a new one looks like."""

from __future__ import annotations

import pytest

from addressbook.core import Contact
from addressbook.core.duplicates import DuplicateIndex, describe_duplicate, name_key
from addressbook.core.search import fold

JANE = Contact(1, 10, "Jane", "Doe", email="Jane@Acme.com")
ZOE = Contact(2, 10, "Zoë", "Åberg", email=None)
OTHER_JANE = Contact(3, 11, "Jane", "Doe", email="jd@other.example")


@pytest.fixture
def index() -> DuplicateIndex:
    return DuplicateIndex.build([JANE, ZOE, OTHER_JANE])


def test_same_email_matches_case_insensitively_and_trimmed(index: DuplicateIndex) -> None:
    assert index.matches(None, None, None, "  jane@ACME.com ") == [JANE]


def test_same_folded_name_matches_in_the_same_client(index: DuplicateIndex) -> None:
    assert index.matches(10, " JANE", "doe ", None) == [JANE]
    assert index.matches(10, "zoe", "ABERG", None) == [ZOE]
    assert index.matches(11, "jane", "doe", None) == [OTHER_JANE]


def test_same_name_in_another_client_is_not_a_duplicate(index: DuplicateIndex) -> None:
    assert index.matches(12, "Jane", "Doe", None) == []


@pytest.mark.parametrize(
    ("client_id", "first", "last", "email"),
    [
        (10, "Jane", "", None),  # half a name is not a name yet
        (None, "Jane", "Doe", None),  # no client chosen
        (10, "Jan", "Doe", "jane@acme.co"),  # still typing
        (10, "", "", "   "),
    ],
)
def test_partial_or_different_input_matches_nothing(
    index: DuplicateIndex, client_id: int | None, first: str, last: str, email: str
) -> None:
    assert index.matches(client_id, first, last, email) == []


def test_email_twin_and_name_twin_are_both_reported_once_each(index: DuplicateIndex) -> None:
    assert index.matches(11, "Jane", "Doe", "jane@acme.com") == [JANE, OTHER_JANE]
    assert index.matches(10, "Jane", "Doe", "jane@acme.com") == [JANE]


def test_the_first_contact_wins_a_shared_key() -> None:
    later = Contact(9, 10, "JANE", "DOE", email="jane@acme.com")
    index = DuplicateIndex.build([JANE, later])
    assert index.matches(10, "jane", "doe", "jane@acme.com") == [JANE]


def test_editing_never_matches_the_contact_itself() -> None:
    index = DuplicateIndex.build([JANE, ZOE], exclude_id=JANE.id)
    assert index.matches(10, "Jane", "Doe", "jane@acme.com", original=JANE) == []


def test_editing_warns_only_about_a_changed_email_or_name() -> None:
    namesake = Contact(5, 10, "Jane", "Doe", email="jane.doe@home.example")
    index = DuplicateIndex.build([JANE, namesake, ZOE], exclude_id=JANE.id)
    # Two people called Jane Doe already: opening one to fix a phone is no news.
    assert index.matches(10, "Jane", "Doe", "Jane@Acme.com", original=JANE) == []
    # Typing another contact's email or name is.
    assert index.matches(10, "Jane", "Doe", "jane.doe@home.example", original=JANE) == [namesake]
    assert index.matches(10, "Zoe", "Aberg", "Jane@Acme.com", original=JANE) == [ZOE]


@pytest.mark.parametrize("name", ["Ada", "ZOË", "Łukasz", "ǅemal", "Straße", "李小龍", "ﬁona"])
def test_name_keys_fold_like_search(name: str) -> None:
    assert name_key(1, name, name) == (1, f"{fold(name)}\x1f{fold(name)}")


def test_describe_names_the_person_client_and_email() -> None:
    expected = "Looks like Jane Doe at Acme (Jane@Acme.com) already exists."
    assert describe_duplicate(JANE, "Acme") == expected
    assert describe_duplicate(ZOE, None) == "Looks like Zoë Åberg already exists."


def test_an_index_of_100000_contacts_finds_both_kinds_of_match() -> None:
    # Speed is measured in bench/bench_duplicates.py, not here.
    contacts = [
        Contact(
            i,
            i % 500,
            f"First{i}",
            f"Läst{i}" if i % 20 == 0 else f"Last{i}",
            email=f"person{i}@example.com",
        )
        for i in range(100_000)
    ]
    index = DuplicateIndex.build(contacts)
    found = index.matches(7, "first7", "last7", "PERSON99999@example.com")
    assert found == [contacts[99_999], contacts[7]]
    assert index.matches(7, "First20", "Läst20", None) == []  # same name, other client
    assert index.matches(20, "first20", "LAST20", None) == [contacts[20]]
