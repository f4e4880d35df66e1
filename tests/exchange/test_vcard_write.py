"""Writing vCards: the lines another address book reads back correctly."""

from __future__ import annotations

from datetime import UTC, datetime

from addressbook.core import Contact
from addressbook.exchange.vcard_syntax import fold_line
from addressbook.exchange.vcard_write import contact_uid, vcards_text

JANE = Contact(
    17,
    1,
    "Jane",
    "Doe",
    "Buyer",
    "jane@acme.example",
    "+1 555 0101",
    "0170 123",
    "555 0199",
    updated_at=datetime(2024, 3, 5, 14, 30, 0, tzinfo=UTC),
)
CLIENTS = {1: "Acme, Inc; Europe"}


def card_lines(version: str = "3.0", contact: Contact = JANE) -> list[str]:
    text = vcards_text([contact], CLIENTS, version)
    assert text.endswith("\r\n")
    return text.split("\r\n")[:-1]


def test_a_card_has_the_properties_in_order_with_work_types() -> None:
    assert card_lines() == [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Jane Doe",
        "N:Doe;Jane;;;",
        "ORG:Acme\\, Inc\\; Europe",
        "TITLE:Buyer",
        "EMAIL;TYPE=work:jane@acme.example",
        "TEL;TYPE=work,voice:+1 555 0101",
        "TEL;TYPE=cell:0170 123",
        "TEL;TYPE=work,fax:555 0199",
        f"UID:{contact_uid(JANE)}",
        "REV:2024-03-05T14:30:00Z",
        "END:VCARD",
    ]


def test_version_4_writes_its_version_and_basic_timestamps() -> None:
    lines = card_lines("4.0")
    assert lines[1] == "VERSION:4.0"
    assert "REV:20240305T143000Z" in lines


def test_empty_fields_are_left_out() -> None:
    lines = card_lines(contact=Contact(None, 2, "Ann", "Lee"))
    names = [line.split(":")[0] for line in lines]
    assert names == ["BEGIN", "VERSION", "FN", "N", "UID", "END"]


def test_special_characters_are_escaped() -> None:
    odd = Contact(1, 1, "a,b;c\\d", "line1\nline2\r\nline3", title="x\ry")
    lines = card_lines(contact=odd)
    assert "N:line1\\nline2\\nline3;a\\,b\\;c\\\\d;;;" in lines
    assert "TITLE:x\\ny" in lines


def test_uid_is_stable_and_follows_the_harvest_id() -> None:
    assert contact_uid(JANE) == contact_uid(JANE.with_changes({"first_name": "Janet"}))
    assert contact_uid(JANE) != contact_uid(Contact(18, 1, "Jane", "Doe"))
    assert contact_uid(JANE).startswith("urn:uuid:")
    local = Contact(-3, 1, "New", "Person")
    assert contact_uid(local) == contact_uid(Contact(None, 1, "New", "Person"))


def test_folding_keeps_lines_within_75_octets_and_utf8_sequences_whole() -> None:
    line = "TITLE:" + "Ωμέγα ✓ 😀 " * 30
    folded = fold_line(line)
    physical = folded.split("\r\n")
    assert len(physical) > 1
    assert all(len(part.encode()) <= 75 for part in physical)
    assert all(part.startswith(" ") for part in physical[1:])
    # Each physical line is valid UTF-8 on its own: no character was cut in two.
    for part in physical:
        part.encode().decode("utf-8")
    assert physical[0] + "".join(part[1:] for part in physical[1:]) == line


def test_short_lines_are_not_folded() -> None:
    assert fold_line("FN:" + "x" * 72) == "FN:" + "x" * 72
    assert "\r\n" in fold_line("FN:" + "x" * 73)
    assert "\r\n" in fold_line("FN:" + "é" * 37)  # 3 + 74 octets
