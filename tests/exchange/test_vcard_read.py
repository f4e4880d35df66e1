"""Reading vCards from other address books: each quirk a real exporter produces."""

from __future__ import annotations

import codecs

from addressbook.exchange.records import ImportRecord
from addressbook.exchange.text_decoding import decode_bytes
from addressbook.exchange.vcard_read import read_vcards


def read(text: str, encoding: str = "utf-8") -> list[ImportRecord]:
    return read_vcards(decode_bytes(text.encode(encoding)))


def card(*lines: str, version: str = "3.0") -> str:
    return "\r\n".join(["BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD", ""])


def test_a_plain_3_0_card() -> None:
    [record] = read(
        card(
            "FN:Jane Doe",
            "N:Doe;Jane;;;",
            "ORG:Acme;Sales",
            "TITLE:Buyer",
            "EMAIL;TYPE=INTERNET,WORK:jane@acme.example",
            "TEL;TYPE=WORK,VOICE:+1 555 0101",
            "TEL;TYPE=CELL:0170 1",
            "TEL;TYPE=WORK,FAX:555 0199",
        )
    )
    assert record == ImportRecord(
        "card 1",
        "Jane",
        "Doe",
        "Acme",
        "Buyer",
        "jane@acme.example",
        "+1 555 0101",
        "0170 1",
        "555 0199",
    )


def test_folded_lines_are_joined_and_values_unescaped() -> None:
    text = card("N:Doe;Jane;;;", "TITLE:Head of sales\\, north\\; and\r\n  south\\nregion\\\\x")
    [record] = read(text)
    assert record.title == "Head of sales, north; and south\nregion\\x"


def test_tab_folding_and_lf_only_line_ends() -> None:
    text = card("N:Doe;Jane;;;", "TITLE:long", "\tpart").replace("\r\n", "\n")
    [record] = read(text)
    assert (record.first_name, record.title) == ("Jane", "longpart")


def test_a_utf8_bom_is_ignored() -> None:
    [record] = read_vcards(decode_bytes(codecs.BOM_UTF8 + card("FN:Zoë Ä").encode()))
    assert (record.first_name, record.last_name) == ("Zoë", "Ä")


def test_several_cards_per_file_and_blank_lines_between() -> None:
    text = card("FN:Ann One") + "\r\n\r\n" + card("FN:Bob Two", version="4.0")
    assert [(r.where, r.first_name) for r in read(text)] == [("card 1", "Ann"), ("card 2", "Bob")]


def test_name_from_fn_when_n_is_missing_and_from_n_when_fn_is_missing() -> None:
    [from_fn, from_n, both] = read(
        card("FN:Anna Maria Schmidt") + card("N:Ng;Lee;Kim;Dr.;") + card("FN:X Y", "N:Real;Name")
    )
    assert (from_fn.first_name, from_fn.last_name) == ("Anna Maria", "Schmidt")
    assert (from_n.first_name, from_n.last_name) == ("Lee Kim", "Ng")
    assert (both.first_name, both.last_name) == ("Name", "Real")


def test_type_parameters_in_every_form() -> None:
    [record] = read(
        card(
            "N:Doe;Jane",
            "TEL;TYPE=work;TYPE=fax:111",  # TYPE=a;TYPE=b
            'TEL;TYPE="cell,voice":222',  # 4.0 quoted list
            "TEL;type=HOME:333",  # lower-case parameter name, a home number
        )
    )
    assert (record.fax, record.phone_mobile, record.phone_office) == ("111", "222", "333")


def test_work_number_beats_home_and_pref_beats_order() -> None:
    [record] = read(
        card(
            "N:Doe;Jane",
            "TEL;TYPE=home:1",
            "TEL;TYPE=work:2",
            "EMAIL:a@x.example",
            "EMAIL;PREF=1:b@x.example",
            "TEL;TYPE=cell:3",
            "TEL;TYPE=cell,pref:4",
        )
    )
    assert (record.phone_office, record.email, record.phone_mobile) == ("2", "b@x.example", "4")


def test_grouped_properties_and_unknown_ones() -> None:
    [record] = read(
        card(
            "N:Doe;Jane",
            "item1.EMAIL;type=INTERNET:jane@x.example",
            "item1.X-ABLabel:_$!<Other>!$_",
            "ADR;TYPE=work:;;Main St 1;Town;;123;",
            "X-SOCIALPROFILE:x",
            "PHOTO;ENCODING=b:AAAA",
            "BDAY:1990-01-01",
            "NOTE:hello",
        )
    )
    assert record == ImportRecord("card 1", "Jane", "Doe", email="jane@x.example")


def test_vcard_2_1_bare_types_quoted_printable_and_charset() -> None:
    text = card(
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=B6rg",
        "TITLE;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Gesch=E4ftsf=FChrer mit einem sehr =",
        "langen Titel",
        "TEL;WORK;VOICE:111",
        "TEL;CELL:222",
        "TEL;WORK;FAX:333",
        "EMAIL;INTERNET;PREF:j@x.example",
        "ORG;QUOTED-PRINTABLE:Caf=C3=A9 GmbH",
        version="2.1",
    )
    [record] = read(text)
    assert (record.first_name, record.last_name) == ("Jörg", "Müller")
    assert record.title == "Geschäftsführer mit einem sehr langen Titel"
    assert (record.phone_office, record.phone_mobile, record.fax) == ("111", "222", "333")
    assert (record.email, record.company) == ("j@x.example", "Café GmbH")


def test_vcard_2_1_charset_in_a_file_that_is_not_utf8() -> None:
    text = card("N;CHARSET=WINDOWS-1251:Иванов;Иван", "TITLE:Директор", version="2.1")
    [record] = read_vcards(decode_bytes(text.encode("cp1251")))
    assert (record.first_name, record.last_name, record.title) == ("Иван", "Иванов", "Директор")


def test_lines_without_a_colon_and_text_outside_cards_are_ignored() -> None:
    text = "junk before\r\n" + card("N:Doe;Jane", "AAAABBBB") + "trailing junk\r\n"
    assert [r.last_name for r in read(text)] == ["Doe"]


def test_a_card_with_no_name_is_still_read_so_the_preview_can_show_it() -> None:
    [record] = read(card("EMAIL:someone@x.example"))
    assert (record.first_name, record.last_name, record.email) == ("", "", "someone@x.example")


def test_a_utf16_file_and_a_file_named_without_a_vcard_suffix() -> None:
    from addressbook.exchange.files import ImportSource, read_source

    text = card("N:Петров;Иван", "ORG:Ωμέγα")
    for data in (text.encode("utf-16"), text.encode("utf-16-le")):
        [record] = read_source(ImportSource("export", data)).records
        assert (record.first_name, record.last_name, record.company) == ("Иван", "Петров", "Ωμέγα")
