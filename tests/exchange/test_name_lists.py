"""Issue 9, case 8: N's components are lists; no list separator leaks into a name."""

from __future__ import annotations

from pathlib import Path

from tests.exchange.planning import plan_file


def test_additional_names_are_joined_with_spaces(tmp_path: Path) -> None:
    card = (
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:John Doe\r\n"
        "N:Doe;John;Richter,James;Mr.;Sr.\r\nORG:Acme Corp\r\nEND:VCARD\r\n"
    )
    reading, plan = plan_file(tmp_path, "rfc.vcf", card.encode())
    [record] = reading.records
    assert (record.first_name, record.last_name) == ("John Richter James", "Doe")
    assert "," not in plan.contacts_to_create()[0].first_name


def test_an_escaped_comma_stays_in_the_name(tmp_path: Path) -> None:
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Doe\\, Jr.,Smith;Ann,Marie\r\nEND:VCARD\r\n"
    reading, _ = plan_file(tmp_path, "x.vcf", card.encode())
    [record] = reading.records
    assert (record.first_name, record.last_name) == ("Ann Marie", "Doe, Jr. Smith")
