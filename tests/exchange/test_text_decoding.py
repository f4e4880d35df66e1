"""Which encoding an import file is read in: Cyrillic and Greek in every common form."""

from __future__ import annotations

import codecs

import pytest

from addressbook.exchange.files import ImportSource, read_source
from addressbook.exchange.text_decoding import decode_bytes

RUSSIAN = "Имя;Фамилия;Компания\r\nИван;Петров;ООО Ромашка\r\nМария;Смирнова;Рога и копыта\r\n"
GREEK = "Όνομα,Επώνυμο\r\nΓιώργος,Παπαδόπουλος\r\nΕλένη,Γεωργίου\r\n"
WESTERN = "First,Last\r\nJosé,Núñez\r\nFrançois,Lefèvre\r\nJürgen,Müller\r\n"


@pytest.mark.parametrize("text", [RUSSIAN, GREEK, WESTERN])
@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: t.encode("utf-16"), "utf-16"),  # with its BOM, as Excel writes it
        (lambda t: t.encode("utf-16-le"), "utf-16-le"),  # no BOM
        (lambda t: t.encode("utf-16-be"), "utf-16-be"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-le-no-bom", "utf-16-be-no-bom"],
)
def test_unicode_encodings_are_recognised(text: str, data, encoding: str) -> None:  # type: ignore[no-untyped-def]
    decoded = decode_bytes(data(text))
    assert decoded.text == text
    assert decoded.encoding == encoding
    assert not decoded.guessed


@pytest.mark.parametrize(
    ("text", "code_page"), [(RUSSIAN, "cp1251"), (GREEK, "cp1253"), (WESTERN, "cp1252")]
)
def test_windows_code_pages_are_guessed_and_marked_as_a_guess(text: str, code_page: str) -> None:
    decoded = decode_bytes(text.encode(code_page))
    assert (decoded.text, decoded.encoding, decoded.guessed) == (text, code_page, True)


def test_the_users_choice_wins_and_unreadable_bytes_are_flagged() -> None:
    data = GREEK.encode("cp1253")
    assert decode_bytes(data, "cp1253").text == GREEK
    wrong = decode_bytes(RUSSIAN.encode("utf-8"), "ascii")
    assert wrong.lossy and "\ufffd" in wrong.text


def test_choosing_utf8_for_a_file_with_a_bom_drops_the_bom() -> None:
    decoded = decode_bytes(codecs.BOM_UTF8 + b"a,b", "utf-8")
    assert decoded.text == "a,b"


def test_a_cp1251_csv_reads_into_cyrillic_records() -> None:
    data = "First name;Last name;Company\r\nИван;Петров;ООО Ромашка\r\n".encode("cp1251")
    [record] = read_source(ImportSource("people.csv", data)).records
    assert (record.first_name, record.last_name, record.company) == (
        "Иван",
        "Петров",
        "ООО Ромашка",
    )
