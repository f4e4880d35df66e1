"""Issue 8 part 3: CSV export never writes a live formula; plain phone numbers stay dialable."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from addressbook.core import Client, Contact
from addressbook.exchange import export_contacts, read_import_file
from addressbook.exchange.files import ExportFormat, read_source

HOSTILE = [
    '=HYPERLINK("http://evil","x")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def exported_rows(
    tmp_path: Path, contacts: list[Contact], names: dict[int, str]
) -> list[list[str]]:
    path = tmp_path / "out.csv"
    export_contacts(path, contacts, names, ExportFormat.CSV)
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))[1:]


@pytest.mark.parametrize("payload", HOSTILE)
def test_every_hostile_cell_starts_with_an_apostrophe(tmp_path: Path, payload: str) -> None:
    contact = Contact(1, 1, payload, payload, title=payload, email=payload, phone_office=payload)
    [row] = exported_rows(tmp_path, [contact], {1: payload})
    assert all(cell == "'" + payload for cell in row[:6]), row


@pytest.mark.parametrize("number", ["+49 170 1234567", "+1 (555) 010-0199", "+1.555.0100/2"])
def test_a_plain_phone_number_stays_dialable(tmp_path: Path, number: str) -> None:
    contact = Contact(1, 1, "Ann", "Lee", phone_office=number, phone_mobile=number, fax=number)
    [row] = exported_rows(tmp_path, [contact], {1: "Acme"})
    assert row[5:8] == [number, number, number]


# "-555-0199" is not run as code, but a spreadsheet would show it as -754: kept as text.
@pytest.mark.parametrize(
    "not_a_number", ["+1+2", "-2+3+cmd|' /C calc'!A0", "+", "=5550100", "-555-0199", "-0"]
)
def test_a_phone_cell_that_is_not_a_plain_number_is_neutralised(
    tmp_path: Path, not_a_number: str
) -> None:
    contact = Contact(1, 1, "Ann", "Lee", phone_office=not_a_number)
    [row] = exported_rows(tmp_path, [contact], {1: "Acme"})
    assert row[5] == "'" + not_a_number


def test_the_export_imports_back_to_the_original_values(tmp_path: Path) -> None:
    contacts = [Contact(1, 1, payload, "Lee", title=payload) for payload in HOSTILE[:4]]
    contacts.append(Contact(2, 1, "'=quoted", "Lee", phone_mobile="+49 170 1"))
    path = tmp_path / "out.csv"
    export_contacts(path, contacts, {1: "=Acme"}, ExportFormat.CSV)
    records = read_source(read_import_file(path)).records
    assert [(r.first_name, r.title, r.company) for r in records[:4]] == [
        (payload, payload, "=Acme") for payload in HOSTILE[:4]
    ]
    assert (records[4].first_name, records[4].phone_mobile) == ("'=quoted", "+49 170 1")


def test_vcard_is_unaffected(tmp_path: Path) -> None:
    path = tmp_path / "out.vcf"
    export_contacts(
        path, [Contact(1, 1, "=1+2", "Lee")], {1: Client(1, "x").name}, ExportFormat.VCARD_4
    )
    assert "N:Lee;=1+2;;;" in path.read_text()
