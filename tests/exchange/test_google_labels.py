"""Issue 9, case 1: Google's current CSV labels values ("Phone 1 - Label"), not "- Type"."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.exchange.planning import plan_file

HEADER = (
    "Name,Given Name,Family Name,Organization 1 - Name,"
    "E-mail 1 - Label,E-mail 1 - Value,Phone 1 - {kind},Phone 1 - Value,"
    "Phone 2 - {kind},Phone 2 - Value,Phone 3 - {kind},Phone 3 - Value"
)


@pytest.mark.parametrize("kind", ["Label", "Type"])
def test_phones_go_by_their_label_in_both_spellings(tmp_path: Path, kind: str) -> None:
    row = (
        "Ann Lee,Ann,Lee,Acme Corp,* Work,ann@acme.example,"
        "Mobile,+1-555-0125,Work,+1-555-0199,Work Fax,+1-555-0100"
    )
    data = (HEADER.format(kind=kind) + "\r\n" + row + "\r\n").encode()
    reading, plan = plan_file(tmp_path, "google.csv", data)
    [record] = reading.records
    assert (record.phone_office, record.phone_mobile, record.fax) == (
        "+1-555-0199",
        "+1-555-0125",
        "+1-555-0100",
    )
    assert record.others == ()
    [contact] = plan.contacts_to_create()
    assert (contact.phone_office, contact.phone_mobile, contact.fax) == (
        "+1-555-0199",
        "+1-555-0125",
        "+1-555-0100",
    )


def test_a_plain_fax_label_is_a_fax_and_the_primary_email_wins(tmp_path: Path) -> None:
    header = (
        "Given Name,Family Name,E-mail 1 - Label,E-mail 1 - Value,"
        "E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value"
    )
    row = "Bo,Ng,Other,bo@other.example,* Other,bo@primary.example,Fax,555 7"
    reading, _ = plan_file(tmp_path, "google.csv", f"{header}\r\n{row}\r\n".encode())
    [record] = reading.records
    assert (record.email, record.fax) == ("bo@primary.example", "555 7")
    assert [o.describe() for o in record.others] == ["Other bo@other.example"]
