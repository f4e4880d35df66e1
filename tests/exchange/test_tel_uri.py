"""Issue 9, case 6: a vCard 4.0 tel: URI becomes what a person dials."""

from __future__ import annotations

from pathlib import Path

import pytest

from addressbook.exchange.vcard_read import dialable
from tests.exchange.planning import plan_file


def test_a_tel_uri_with_an_extension_is_stored_as_dialled(tmp_path: Path) -> None:
    card = (
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Simon Perreault\r\nN:Perreault;Simon;;;\r\n"
        'ORG:Acme Corp\r\nTEL;VALUE=uri;TYPE="work,voice";PREF=1:tel:+1-418-656-9254;ext=102\r\n'
        'TEL;VALUE=uri;TYPE="work,cell,voice,video,text":tel:+1-418-262-6501\r\nEND:VCARD\r\n'
    )
    reading, plan = plan_file(tmp_path, "rfc6350.vcf", card.encode())
    [record] = reading.records
    assert record.phone_office == "+1-418-656-9254 ext. 102"
    assert record.phone_mobile == "+1-418-262-6501"
    assert plan.contacts_to_create()[0].phone_office == "+1-418-656-9254 ext. 102"


@pytest.mark.parametrize(
    ("value", "dialled"),
    [
        ("tel:+1-555-0100", "+1-555-0100"),
        ("TEL:+44%2020%207946%200000", "+44 20 7946 0000"),
        ("tel:7042;phone-context=example.com", "7042"),
        ("+49 170 1234567", "+49 170 1234567"),
    ],
)
def test_dialable(value: str, dialled: str) -> None:
    assert dialable(value) == dialled
