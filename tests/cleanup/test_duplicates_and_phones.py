"""The clean-up package on plain contacts: duplicate groups, phone formats, the scan."""

from __future__ import annotations

from addressbook.cleanup import find_duplicates, normalise_phone, scan
from addressbook.cleanup.merge import options, plan
from addressbook.cleanup.phones import default_region, preview
from addressbook.cleanup.scan import BAD_EMAIL, NO_LAST_NAME, NO_WAY_TO_REACH
from addressbook.core.models import Client, Contact


def person(
    contact_id: int, first: str = "Ann", last: str = "Lee", client: int = 1, **fields: str | None
) -> Contact:
    return Contact(contact_id, client, first, last, **fields)  # type: ignore[arg-type]


def test_groups_by_email_phone_digits_and_name_at_the_client() -> None:
    contacts = [
        person(1, "Zoë", "Ng", email="ZOE@x.com"),
        person(2, "Bob", "Ray", phone_office="+44 20 7946 0000"),
        person(3, "zoe", "ng", client=1),  # same folded name, same client
        person(4, "Zoe", "Ng", client=2),  # same name, other client: not on its own
        person(5, "Rob", "Ray", phone_mobile="(44) 20-7946-0000"),  # same digits as 2
        person(6, "Al", "Bo", email=" zoe@X.com "),  # same email as 1
        person(7, "Cy", "Do", phone_office="12"),  # too short to match anything
        person(8, "Ed", "Fo", phone_office="12"),
    ]
    groups = find_duplicates(contacts)
    assert [[c.id for c in group] for group in groups] == [[1, 3, 6], [2, 5]]
    assert find_duplicates(list(reversed(contacts)))[0][0].id == 6  # stable: input order


def test_normalise_phone_formats_numbers_and_refuses_notes() -> None:
    assert normalise_phone("020 7946 0018", "GB") == "+44 20 7946 0018"
    assert normalise_phone("(212) 555-0100", "US") == "+1 212-555-0100"
    assert normalise_phone("+49 30 1234567", "US") == "+49 30 1234567"
    assert normalise_phone("+44 20 7946 0018", "GB", "national") == "020 7946 0018"
    assert normalise_phone("+49 30 1234567", "GB", "national") == "+49 30 1234567"
    for note in (
        "ask Jenny",
        "ext. 12 via reception",
        "+1 555 123 4567 ext. 12 (ask Jenny)",
        "12",
        "",
    ):
        assert normalise_phone(note, "GB") is None


def test_phone_preview_flags_notes_and_skips_numbers_already_formatted() -> None:
    contacts = [
        person(1, phone_office="020 7946 0018", phone_mobile="ask Jenny", fax="+44 20 7946 0019")
    ]
    fixes = preview(contacts, "GB")
    assert [(f.field, f.before, f.after) for f in fixes] == [
        ("phone_office", "020 7946 0018", "+44 20 7946 0018"),
        ("phone_mobile", "ask Jenny", None),
    ]


def test_default_region_comes_from_the_locale() -> None:
    assert default_region("en_GB.UTF-8") == "GB"
    assert default_region("de-DE") == "DE"
    assert default_region("C") == "US"


def test_scan_lists_incomplete_contacts_and_those_at_inactive_clients() -> None:
    contacts = [
        person(1, last="", email="a@b.com"),
        person(2, first="Nobody", last="Here"),
        person(3, first="Odd", last="Mail", email="not an address"),
        person(4, first="Fine", last="One", client=2, email="fine@x.com"),
    ]
    report = scan(contacts, [Client(1, "Active"), Client(2, "Old", active=False)])
    assert {i.contact.id: i.reasons for i in report.incomplete} == {
        1: (NO_LAST_NAME,),
        2: (NO_WAY_TO_REACH,),
        3: (BAD_EMAIL,),
    }
    assert [c.id for c in report.inactive] == [4]
    assert report.count == 4


def test_merge_offers_every_value_and_fills_gaps_from_the_others() -> None:
    keep = person(1, title=None, email="a@x.com")
    other = person(2, title="CEO", email="b@x.com", phone_office="555 0100")
    assert options([keep, other])["email"] == ["a@x.com", "b@x.com"]
    merged = plan(keep, [keep, other], {"email": "b@x.com"})
    assert merged.changes == {"title": "CEO", "email": "b@x.com", "phone_office": "555 0100"}
    assert [c.id for c in merged.others] == [2]
