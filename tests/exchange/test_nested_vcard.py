"""Issue 9, case 10: an AGENT card nested in a 2.1 card leaves the outer card's fields intact."""

from __future__ import annotations

from pathlib import Path

from addressbook.exchange.vcard_read import NESTED_CARD
from tests.exchange.planning import plan_file

NESTED = (
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Parent;Pat\r\nORG:Acme Corp\r\n"
    "AGENT:\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nN:Agent;Al\r\nTEL;WORK:555 0999\r\nEND:VCARD\r\n"
    "TEL;WORK;VOICE:555 0100\r\nEMAIL;INTERNET:pat@acme.example\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN:After;Ann\r\nEND:VCARD\r\n"
)


def test_the_parent_keeps_its_name_and_phone_and_the_next_card_follows(tmp_path: Path) -> None:
    reading, plan = plan_file(tmp_path, "aosp_nest.vcf", NESTED.encode())
    assert [(r.first_name, r.last_name) for r in reading.records] == [
        ("Pat", "Parent"),
        ("Ann", "After"),
    ]
    parent = reading.records[0]
    assert (parent.phone_office, parent.email) == ("555 0100", "pat@acme.example")
    assert NESTED_CARD in plan.rows[0].status_text(False)


def test_an_agent_on_one_line_opens_no_card(tmp_path: Path) -> None:
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Parent;Pat\r\n"
        "AGENT:BEGIN:VCARD\\nFN:Al Agent\\nEND:VCARD\r\nTEL:555 0100\r\nEND:VCARD\r\n"
    )
    reading, _ = plan_file(tmp_path, "agent30.vcf", card.encode())
    [record] = reading.records
    assert (record.last_name, record.phone_office) == ("Parent", "555 0100")
