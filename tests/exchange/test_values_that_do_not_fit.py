"""Issue 9, case 3: every value Harvest has no room for is listed, and can be chosen instead."""

from __future__ import annotations

from pathlib import Path

from addressbook.exchange import build_plan
from addressbook.exchange.files import remap
from tests.exchange.planning import CLIENTS, EXISTING, plan_file

CARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Ann\r\nORG:Acme Corp\r\n"
    "EMAIL;TYPE=work:ann@acme.example\r\nEMAIL;TYPE=home:ann@home.example\r\n"
    "TEL;TYPE=work:+1 555 0100\r\nTEL;TYPE=home:+1 555 0111\r\nTEL;TYPE=cell:+1 555 0122\r\n"
    "TEL;TYPE=pager:+1 555 0133\r\nEND:VCARD\r\n"
)


def test_the_preview_row_names_each_value_not_imported(tmp_path: Path) -> None:
    _, plan = plan_file(tmp_path, "ann.vcf", CARD.encode())
    [row] = plan.rows
    assert row.status_text(False) == (
        "Will import; not imported: Home ann@home.example, Home +1 555 0111, Pager +1 555 0133"
    )


def test_choosing_a_value_puts_it_in_and_lists_the_one_it_replaced(tmp_path: Path) -> None:
    reading, _ = plan_file(tmp_path, "ann.vcf", CARD.encode())
    [record] = reading.records
    home_phone = next(o for o in record.others if o.value == "+1 555 0111")
    chosen = record.with_alternative(home_phone)
    [row] = build_plan([chosen], CLIENTS, EXISTING).rows
    assert row.contact.phone_office == "+1 555 0111"
    assert "Office phone +1 555 0100" in row.left_out
    assert "+1 555 0111" not in row.left_out


def test_a_csv_with_two_email_columns_lists_the_second(tmp_path: Path) -> None:
    text = (
        "First Name,Last Name,Company,E-mail Address,E-mail 2 Address\r\n"
        "Bo,Ng,Acme Corp,bo@a.example,bo@b.example\r\n"
    )
    reading, _ = plan_file(tmp_path, "outlook.csv", text.encode())
    # Outlook's second address has no alias: the user maps it to Email as well.
    both = remap(reading, reading.mapping[:4] + ("email",))
    [row] = build_plan(both.records, CLIENTS, EXISTING).rows
    assert row.contact.email == "bo@a.example"
    assert row.left_out == "not imported: Work bo@b.example"
