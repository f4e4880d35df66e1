"""CSV: what we write, and reading exports of Outlook, Google and Thunderbird."""

from __future__ import annotations

import codecs
import csv
import io

import pytest

from addressbook.core import Contact
from addressbook.exchange.columns import (
    FULL_NAME,
    TYPED_EMAIL,
    TYPED_PHONE,
    guess_mapping,
    records_from_table,
)
from addressbook.exchange.csv_read import detect_delimiter, read_table
from addressbook.exchange.csv_write import CSV_COLUMNS, csv_text
from addressbook.exchange.files import ExportFormat, ImportSource, export_text, read_source
from addressbook.exchange.records import RECORD_FIELDS, Alternative, ImportRecord

CONTACTS = [
    Contact(1, 1, "Иван", "Петров", "Директор", "ivan@example.ru", "+7 495 123", None, None),
    Contact(2, 2, "Γιώργος", "Οικονόμου", None, None, None, "+30 69", 'fax, "office"'),
]
NAMES = {1: "ООО Ромашка", 2: "Ωμέγα ΑΕ"}


def test_export_is_utf8_with_bom_a_readable_header_and_csv_quoting() -> None:
    data = export_text(CONTACTS, NAMES, ExportFormat.CSV)
    assert data.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert (
        rows[0]
        == list(CSV_COLUMNS)
        == [
            "First name",
            "Last name",
            "Company",
            "Title",
            "Email",
            "Office phone",
            "Mobile phone",
            "Fax",
        ]
    )
    assert rows[1] == [
        "Иван",
        "Петров",
        "ООО Ромашка",
        "Директор",
        "ivan@example.ru",
        "+7 495 123",
        "",
        "",
    ]
    assert rows[2][-1] == 'fax, "office"'
    assert '"fax, ""office"""' in csv_text(CONTACTS, NAMES)


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_the_delimiter_is_detected(delimiter: str) -> None:
    text = delimiter.join(["First name", "Last name", "Email"]) + "\r\n"
    text += delimiter.join(["Ann", "Lee, Jr", "ann@x.example"]) + "\r\n"
    text = text.replace("Lee, Jr", '"Lee, Jr"') if delimiter == "," else text
    assert detect_delimiter(text) == delimiter
    assert read_table(text).rows[0][1] == "Lee, Jr"


def test_a_single_column_file_falls_back_to_a_comma() -> None:
    assert detect_delimiter("Name\r\nAnn Lee\r\n") == ","


def test_blank_rows_are_skipped_and_short_rows_padded_with_line_numbers() -> None:
    table = read_table('a,b,c\r\n\r\n1,2\r\n"multi\nline",5,6,7\r\n,,\r\n8,9,10\r\n')
    assert table.rows == (("1", "2", ""), ("multi\nline", "5", "6"), ("8", "9", "10"))
    assert table.first_line_numbers == (3, 4, 7)


OUTLOOK = (
    "Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,"
    "Business Street,Business Fax,Business Phone,Business Phone 2,Mobile Phone,"
    "E-mail Address,E-mail Display Name,Notes"
)
GOOGLE = (
    "Name,Given Name,Additional Name,Family Name,Organization 1 - Name,"
    "Organization 1 - Title,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,"
    "Phone 2 - Type,Phone 2 - Value,Phone 3 - Type,Phone 3 - Value"
)
THUNDERBIRD = (
    "First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,"
    "Work Phone,Home Phone,Fax Number,Pager Number,Mobile Number,Job Title,"
    "Department,Organization"
)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            OUTLOOK,
            {
                "First Name": "first_name",
                "Last Name": "last_name",
                "Company": "company",
                "Job Title": "title",
                "E-mail Address": "email",
                "Business Phone": "phone_office",
                "Mobile Phone": "phone_mobile",
                "Business Fax": "fax",
            },
        ),
        (
            GOOGLE,
            {
                "Given Name": "first_name",
                "Family Name": "last_name",
                "Name": FULL_NAME,
                "Organization 1 - Name": "company",
                "Organization 1 - Title": "title",
                "E-mail 1 - Value": TYPED_EMAIL,
                "Phone 1 - Value": TYPED_PHONE,
                "Phone 2 - Value": TYPED_PHONE,
                "Phone 3 - Value": TYPED_PHONE,
            },
        ),
        (
            THUNDERBIRD,
            {
                "First Name": "first_name",
                "Last Name": "last_name",
                "Display Name": FULL_NAME,
                "Primary Email": "email",
                "Work Phone": "phone_office",
                "Fax Number": "fax",
                "Mobile Number": "phone_mobile",
                "Job Title": "title",
                "Organization": "company",
            },
        ),
        (
            ",".join(CSV_COLUMNS),
            dict(zip(CSV_COLUMNS, RECORD_FIELDS, strict=True)),
        ),
    ],
    ids=["outlook", "google", "thunderbird", "ours"],
)
def test_headers_of_common_exports_are_mapped(header: str, expected: dict[str, str]) -> None:
    columns = header.split(",")
    mapping = guess_mapping(columns)
    found = {name: target for name, target in zip(columns, mapping, strict=True) if target}
    assert found == expected


def test_google_phones_take_their_kind_from_the_type_column_and_first_of_several_values() -> None:
    row = (
        "Ann Lee,Ann,,Lee,Acme,CEO,* Work,ann@acme.example ::: ann@home.example,"
        "Mobile,0170 1,Work Fax,555 9,Work,555 1"
    )
    [record] = read_source(ImportSource("google.csv", f"{GOOGLE}\r\n{row}\r\n".encode())).records
    assert record == ImportRecord(
        "line 2",
        "Ann",
        "Lee",
        "Acme",
        "CEO",
        "ann@acme.example",
        "555 1",
        "0170 1",
        "555 9",
        others=(Alternative("email", "Work", "ann@home.example"),),
    )


def test_a_full_name_column_is_split_only_when_the_parts_are_missing() -> None:
    text = "Display Name,Primary Email\r\nAnna Maria Schmidt,a@x.example\r\n"
    [record] = read_source(ImportSource("tb.csv", text.encode())).records
    assert (record.first_name, record.last_name) == ("Anna Maria", "Schmidt")


def test_the_user_mapping_decides_and_the_first_nonempty_of_two_columns_wins() -> None:
    table = read_table("A,B,C\r\nx,,z\r\n,y,w\r\n")
    records = records_from_table(table, ("email", "email", None))
    assert [r.email for r in records] == ["x", "y"]
    records = records_from_table(table, (None, None, "last_name"))
    assert [(r.last_name, r.email) for r in records] == [("z", ""), ("w", "")]


def test_a_semicolon_csv_from_european_excel_in_cp1251() -> None:
    text = "Имя;Фамилия;Email\r\nИван;Петров;ivan@example.ru\r\n"
    reading = read_source(ImportSource("excel.csv", text.encode("cp1251")))
    assert reading.decoded.encoding == "cp1251" and reading.decoded.guessed
    assert reading.table is not None and reading.table.delimiter == ";"
    # Russian headers are not known names: the user maps them in the preview.
    assert reading.mapping == (None, None, "email")


def test_only_googles_value_columns_are_split_at_its_separator() -> None:
    text = 'Title,E-mail 1 - Value\r\n"A ::: B",a@x.example ::: b@x.example\r\n'
    [record] = read_source(ImportSource("mixed.csv", text.encode())).records
    assert (record.title, record.email) == ("A ::: B", "a@x.example")
