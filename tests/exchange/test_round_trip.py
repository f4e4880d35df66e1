"""Contacts with any Unicode text survive export and import unchanged, in both formats.

Text may hold anything except a carriage return: vCard has no escape for it,
so CR and CR LF are written as a line break (LF). Values are compared as the
import plan builds them; optional empty values are None on both sides.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from addressbook.core import Client, Contact
from addressbook.exchange import build_plan, csv_text, vcards_text
from addressbook.exchange.files import ImportSource, read_source
from addressbook.exchange.records import ImportRecord

CLIENTS = [Client(1, "Acme, Inc; Ünïcode"), Client(2, "Ωμέγα ΑΕ"), Client(3, "Рога и копыта")]
NAMES = {client.id: client.name for client in CLIENTS}

text = st.text(st.characters(exclude_characters="\r", exclude_categories=("Cs",)), max_size=90)
# Outer spaces would be trimmed by the import (as the edit dialog trims them).
trimmed = text.map(str.strip)
optional = st.one_of(st.none(), trimmed.filter(bool))
contacts = st.builds(
    Contact,
    id=st.one_of(st.none(), st.integers(1, 10**9)),
    client_id=st.sampled_from([client.id for client in CLIENTS]),
    first_name=trimmed,
    last_name=trimmed,
    title=optional,
    email=optional,
    phone_office=optional,
    phone_mobile=optional,
    fax=optional,
)


def read_back(name: str, data: bytes) -> list[ImportRecord]:
    return read_source(ImportSource(name, data)).records


def expected_record(contact: Contact) -> tuple[str, ...]:
    return (
        contact.first_name,
        contact.last_name,
        NAMES[contact.client_id],
        *(
            getattr(contact, name) or ""
            for name in ("title", "email", "phone_office", "phone_mobile", "fax")
        ),
    )


def as_tuple(record: ImportRecord) -> tuple[str, ...]:
    return (
        record.first_name,
        record.last_name,
        record.company,
        record.title,
        record.email,
        record.phone_office,
        record.phone_mobile,
        record.fax,
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(contacts, max_size=5), st.sampled_from(["3.0", "4.0"]))
def test_vcard_round_trip(originals: list[Contact], version: str) -> None:
    data = vcards_text(originals, NAMES, version).encode()
    records = read_back("contacts.vcf", data)
    # A contact without any name is written with empty N and FN and read back the same.
    assert [as_tuple(r) for r in records] == [expected_record(c) for c in originals]


@settings(max_examples=150, deadline=None)
@given(st.lists(contacts, max_size=5))
def test_csv_round_trip(originals: list[Contact]) -> None:
    data = csv_text(originals, NAMES).encode("utf-8-sig")
    records = read_back("contacts.csv", data)
    # A row whose cells are all blank is not a row to import; such contacts vanish.
    kept = [c for c in originals if any(cell.strip() for cell in expected_record(c))]
    assert [as_tuple(r) for r in records] == [expected_record(c) for c in kept]


@settings(max_examples=60, deadline=None)
@given(st.lists(contacts, min_size=1, max_size=4))
def test_the_plan_gives_back_the_same_contacts(originals: list[Contact]) -> None:
    records = read_back("contacts.vcf", vcards_text(originals, NAMES).encode())
    plan = build_plan(records, CLIENTS, [], include_duplicates=True)
    for row, original in zip(plan.rows, originals, strict=True):
        assert row.contact.editable_values() == original.editable_values()
