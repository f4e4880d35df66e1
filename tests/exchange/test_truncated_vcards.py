"""Issue 9, case 5: a file cut short keeps what it holds and says so; nothing vanishes."""

from __future__ import annotations

from pathlib import Path

import pytest

from addressbook.exchange.files import UnreadableFileError
from addressbook.exchange.vcard_read import ENDS_INSIDE_CARD, NO_BEGIN
from tests.exchange.planning import plan_file, read_file

FIRST = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Ann\r\nORG:Acme Corp\r\nEND:VCARD\r\n"
CUT = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ng;Bo\r\nORG:Acme Corp\r\nTEL;TYPE=work:555 01"


def test_a_last_card_without_end_is_read_and_marked(tmp_path: Path) -> None:
    reading, plan = plan_file(tmp_path, "two.vcf", (FIRST + CUT).encode())
    assert [r.last_name for r in reading.records] == ["Lee", "Ng"]
    assert reading.records[1].phone_office == "555 01"
    second = plan.rows[1]
    assert ENDS_INSIDE_CARD in second.status_text(False)
    assert plan.summary() == "2 contacts will be added"


def test_a_file_without_begin_is_read_as_one_card_and_says_so(tmp_path: Path) -> None:
    data = b"VERSION:3.0\r\nFN:Cy Po\r\nN:Po;Cy\r\nEMAIL:cy@x.example\r\nEND:VCARD\r\n"
    reading, plan = plan_file(tmp_path, "nobegin.vcf", data)
    [record] = reading.records
    assert (record.first_name, record.last_name, record.email) == ("Cy", "Po", "cy@x.example")
    assert NO_BEGIN in plan.rows[0].status_text(False)


@pytest.mark.parametrize("data", [b"VERSION:3.0\r\nNOTE:nothing\r\n", b"\x00\x01garbage", b"BEGIN"])
def test_a_file_with_nothing_readable_is_reported_not_planned_as_zero(
    tmp_path: Path, data: bytes
) -> None:
    with pytest.raises(UnreadableFileError, match="no vCard"):
        read_file(tmp_path, "broken.vcf", data)
