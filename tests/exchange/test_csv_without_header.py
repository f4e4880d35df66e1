"""Issue 9, case 9: a CSV whose first row is data is mapped by position, first person kept."""

from __future__ import annotations

from pathlib import Path

from addressbook.exchange.columns import TYPED_PHONE
from tests.exchange.planning import plan_file

ROWS = (
    "John,Doe,John Doe,,john@example.com,,+1 555 0100\r\n"
    "Jane,Roe,Jane Roe,,jane@example.com,,+1 555 0101\r\n"
)


def test_the_first_row_is_a_person_and_the_mapping_is_shown(tmp_path: Path) -> None:
    reading, plan = plan_file(tmp_path, "no_header.csv", ROWS.encode())
    table = reading.table
    assert table is not None and not table.has_header
    assert table.header == tuple(f"Column {n}" for n in range(1, 8))
    assert reading.mapping == ("first_name", "last_name", None, None, "email", None, TYPED_PHONE)
    assert [(r.first_name, r.last_name, r.email) for r in reading.records] == [
        ("John", "Doe", "john@example.com"),
        ("Jane", "Roe", "jane@example.com"),
    ]
    assert [r.where for r in reading.records] == ["line 1", "line 2"]
    assert reading.records[0].phone_office == "+1 555 0100"
    assert len(plan.rows) == 2


def test_a_real_header_is_still_a_header(tmp_path: Path) -> None:
    text = "First Name,Last Name,E-mail Address\r\nJohn,Doe,john@example.com\r\n"
    reading, _ = plan_file(tmp_path, "with_header.csv", text.encode())
    assert reading.table is not None and reading.table.has_header
    assert [r.first_name for r in reading.records] == ["John"]
