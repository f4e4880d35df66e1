"""Issue 9, case 2: of several values of one kind, work wins, then PREF, then file order."""

from __future__ import annotations

from pathlib import Path

from tests.exchange.planning import plan_file

CARD = """BEGIN:VCARD
VERSION:3.0
N:Full;Contact;;;
ORG:Acme Corp
EMAIL;TYPE=home:home@fullcontact.example
EMAIL;TYPE=work:work@fullcontact.example
TEL;TYPE=HOME,FAX:+1 555 0101
TEL;TYPE=WORK,FAX:+1 555 0102
TEL;TYPE=HOME:+1 555 0103
TEL;TYPE=WORK:+1 555 0104
END:VCARD
"""


def test_work_values_win_over_earlier_home_ones(tmp_path: Path) -> None:
    reading, plan = plan_file(tmp_path, "iphone.vcf", CARD.replace("\n", "\r\n").encode())
    [record] = reading.records
    assert record.email == "work@fullcontact.example"
    assert record.fax == "+1 555 0102"
    assert record.phone_office == "+1 555 0104"
    [contact] = plan.contacts_to_create()
    assert (contact.email, contact.fax, contact.phone_office) == (
        "work@fullcontact.example",
        "+1 555 0102",
        "+1 555 0104",
    )


def test_pref_decides_between_values_of_the_same_kind(tmp_path: Path) -> None:
    card = (
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Pia Pref\r\nN:Pref;Pia;;;\r\n"
        "EMAIL;TYPE=home:first@x.example\r\nEMAIL;TYPE=home;PREF=1:second@x.example\r\n"
        "TEL;TYPE=cell:0170 1\r\nTEL;TYPE=cell,pref:0170 2\r\nEND:VCARD\r\n"
    )
    reading, _ = plan_file(tmp_path, "pref.vcf", card.encode())
    [record] = reading.records
    assert (record.email, record.phone_mobile) == ("second@x.example", "0170 2")


def test_with_no_kind_or_pref_the_first_in_file_order_wins(tmp_path: Path) -> None:
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ng;Bo\r\n"
        "EMAIL:a@x.example\r\nEMAIL:b@x.example\r\nEND:VCARD\r\n"
    )
    reading, _ = plan_file(tmp_path, "plain.vcf", card.encode())
    assert reading.records[0].email == "a@x.example"
