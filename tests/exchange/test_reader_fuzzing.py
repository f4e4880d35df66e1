"""Hostile bytes into the readers: only named errors come out (UnreadableFileError), never a
crash, and whatever is read plans without error."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from addressbook.exchange import build_plan
from addressbook.exchange.files import ImportSource, UnreadableFileError, read_source
from tests.exchange.planning import CLIENTS, EXISTING

VCARD_PIECES = st.sampled_from(
    [
        b"BEGIN:VCARD\r\n",
        b"END:VCARD\r\n",
        b"VERSION:2.1\r\n",
        b"N:Doe;John;Richter,James\r\n",
        b"TEL;VALUE=uri:tel:+1;ext=2\r\n",
        b"EMAIL;TYPE=work:a@b.c\r\n",
        b" folded\r\n",
        b"NOTE;ENCODING=QUOTED-PRINTABLE:=C3=\r\n",
        b"AGENT:\r\n",
        b"ORG:A\\;B;C\r\n",
        b'TEL;TYPE="work,fax":1\r\n',
        b"N;CHARSET=SHIFT_JIS:\x8eR\x93c\r\n",
        b"\xc3\r\n \xbc",
        b"\xff\xfe",
        b"\x00",
        b"\\",
        b":",
        b";",
        b'"',
        b",",
    ]
)
CSV_PIECES = st.sampled_from(
    [
        b"First Name,Last Name,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value\r\n",
        b"Ann,Lee,a@b.c,Mobile,1\r\n",
        b'"',
        b",",
        b";",
        b"\t",
        b"\r\n",
        b"'=1",
        b" ::: ",
        b"* Work",
        b"\xe9",
        b"\x00",
        b"a@b.example",
        b"+1 555 0100",
    ]
)


def read_and_plan(name: str, data: bytes, encoding: str | None = None) -> None:
    try:
        reading = read_source(ImportSource(name, data), encoding)
    except UnreadableFileError as error:
        assert str(error)  # a sentence for the user
        return
    build_plan(reading.records, CLIENTS, EXISTING)
    for record in reading.records:
        for other in record.others:
            record.with_alternative(other)


FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ENCODINGS = st.sampled_from([None, "utf-8", "utf-16", "cp1252", "shift_jis", "koi8_r"])


@FUZZ
@given(st.lists(VCARD_PIECES | st.binary(max_size=20), max_size=40), ENCODINGS)
def test_vcard_reader(pieces: list[bytes], encoding: str | None) -> None:
    read_and_plan("fuzz.vcf", b"".join(pieces), encoding)


@FUZZ
@given(st.lists(CSV_PIECES | st.binary(max_size=20), max_size=40), ENCODINGS)
def test_csv_reader(pieces: list[bytes], encoding: str | None) -> None:
    read_and_plan("fuzz.csv", b"".join(pieces), encoding)


@FUZZ
@given(st.binary(max_size=400))
def test_unnamed_files_of_any_bytes(data: bytes) -> None:
    read_and_plan("fuzz", data)
