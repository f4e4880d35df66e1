"""Any contact exported to each format reads back equal: through our reader from a real file,
and through independent readers (vobject for vCard, csv.reader for CSV) as another program
would see it. vobject is a test-only dependency."""

from __future__ import annotations

import csv
import io
import re
import tempfile
from pathlib import Path

import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from addressbook.core import Client, Contact
from addressbook.exchange import build_plan, export_contacts, read_import_file
from addressbook.exchange.files import ExportFormat, read_source

CLIENTS = [Client(1, "Acme, Inc; Ünïcode"), Client(2, '=HYPERLINK("http://x")'), Client(3, "Ωμέγα")]
NAMES = {client.id: client.name for client in CLIENTS}
# Letters, digits, punctuation, symbols and spaces of any script: what people type in names.
typed = st.characters(categories=("L", "M", "N", "P", "S", "Zs"))
value = st.text(typed, max_size=40).map(str.strip)
optional = st.one_of(st.none(), value.filter(bool))
formula_like = st.sampled_from(
    ["=1+2", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "'=x", "+49 170 1"]
)
contacts = st.builds(
    Contact,
    id=st.one_of(st.none(), st.integers(1, 10**9)),
    client_id=st.sampled_from([client.id for client in CLIENTS]),
    first_name=st.one_of(value.filter(bool), formula_like),
    last_name=value.filter(bool),
    title=st.one_of(optional, formula_like),
    email=optional,
    phone_office=st.one_of(optional, formula_like),
    phone_mobile=optional,
    fax=optional,
)
FIELDS = ("first_name", "last_name", "title", "email", "phone_office", "phone_mobile", "fax")


def exported(contacts_: list[Contact], export_format: ExportFormat) -> Path:
    folder = Path(tempfile.mkdtemp())
    path = folder / f"out{export_format.suffix}"
    export_contacts(path, contacts_, NAMES, export_format)
    return path


def values(contact: Contact) -> tuple[str | None, ...]:
    return (*(getattr(contact, name) for name in FIELDS), NAMES[contact.client_id])


@settings(max_examples=80, deadline=None)
@given(st.lists(contacts, min_size=1, max_size=4), st.sampled_from(list(ExportFormat)))
def test_each_format_reads_back_equal_through_the_entry_points(
    originals: list[Contact], export_format: ExportFormat
) -> None:
    reading = read_source(read_import_file(exported(originals, export_format)))
    plan = build_plan(reading.records, CLIENTS, [], include_duplicates=True)
    got = [(*(getattr(r.contact, n) for n in FIELDS), r.record.company) for r in plan.rows]
    assert got == [values(c) for c in originals]


@settings(max_examples=80, deadline=None)
@given(st.lists(contacts, min_size=1, max_size=4), st.sampled_from(["3.0", "4.0"]))
def test_vobject_reads_our_vcards_field_for_field(originals: list[Contact], version: str) -> None:
    export_format = ExportFormat.VCARD_3 if version == "3.0" else ExportFormat.VCARD_4
    text = exported(originals, export_format).read_text(encoding="utf-8")
    cards = list(vobject.readComponents(text))
    assert len(cards) == len(originals)
    for card, contact in zip(cards, originals, strict=True):
        assert card.version.value == version
        assert (card.n.value.family, card.n.value.given) == (contact.last_name, contact.first_name)
        assert card.fn.value == contact.full_name
        assert card.org.value == [NAMES[contact.client_id]]
        phones = {tuple(t.params["TYPE"]): t.value for t in getattr(card, "tel_list", [])}
        expected = {
            ("work", "voice"): contact.phone_office,
            ("cell",): contact.phone_mobile,
            ("work", "fax"): contact.fax,
        }
        assert phones == {kinds: number for kinds, number in expected.items() if number}


@settings(max_examples=80, deadline=None)
@given(st.lists(contacts, min_size=1, max_size=4))
def test_a_spreadsheet_sees_no_formula_and_the_same_text(originals: list[Contact]) -> None:
    data = exported(originals, ExportFormat.CSV).read_bytes().decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(data, newline="")))
    assert header[:2] == ["First name", "Last name"]
    for row, contact in zip(rows, originals, strict=True):
        for column, cell in enumerate(row):
            is_phone = column in (5, 6, 7)
            live = cell.startswith(("=", "+", "-", "@", "\t", "\r"))
            # The one exception (issue 8): a plain phone number, "+" only first, stays dialable.
            dialable = re.fullmatch(r"\+[0-9 ()\-./]*", cell) and any(c.isdigit() for c in cell)
            assert not live or (is_phone and dialable)
        # A spreadsheet shows a leading apostrophe's cell as the text after it.
        shown = [cell[1:] if cell.startswith("'") else cell for cell in row]
        assert shown[0] == contact.first_name.lstrip("'") or contact.first_name.startswith("'")
