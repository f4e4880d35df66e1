"""Issue 9, case 7: a file that names no encoding is decided by a maintained detector."""

from __future__ import annotations

from pathlib import Path

from tests.exchange.planning import plan_file

JAPANESE = (
    "姓,名,メールアドレス,会社\r\n"
    "山田,太郎,taro@example.jp,株式会社テスト\r\n"
    "鈴木,花子,hanako@example.jp,株式会社テスト\r\n"
)


def test_a_shift_jis_csv_is_read_as_japanese_and_flagged_as_a_guess(tmp_path: Path) -> None:
    reading, plan = plan_file(tmp_path, "shiftjis.csv", JAPANESE.encode("shift_jis"))
    assert reading.decoded.guessed
    assert reading.decoded.encoding in ("cp932", "shift_jis")
    assert reading.table is not None
    assert reading.table.header == ("姓", "名", "メールアドレス", "会社")
    assert [row[0] for row in reading.table.rows] == ["山田", "鈴木"]
    assert not reading.decoded.lossy


def test_the_user_can_change_the_guess(tmp_path: Path) -> None:
    from addressbook.exchange.files import ImportSource, read_source

    source = ImportSource("shiftjis.csv", JAPANESE.encode("shift_jis"))
    wrong = read_source(source, "cp1252")
    assert wrong.table is not None and wrong.table.rows[0][0] != "山田"
    assert not wrong.decoded.guessed


def test_charset_in_a_vcard_21_property_still_wins(tmp_path: Path) -> None:
    card = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=SHIFT_JIS:"
        + "山田;太郎".encode("shift_jis")
        + b"\r\nORG:Acme Corp\r\nEND:VCARD\r\n"
    )
    reading, plan = plan_file(tmp_path, "aosp.vcf", card)
    [record] = reading.records
    assert (record.last_name, record.first_name) == ("山田", "太郎")
    assert plan.contacts_to_create()[0].first_name == "太郎"


def test_a_chosen_encoding_that_cannot_read_some_bytes_is_marked_lossy() -> None:
    from addressbook.exchange.files import ImportSource, read_source

    source = ImportSource("w.csv", "First,Last\r\nJürgen,Müller\r\n".encode("cp1252"))
    assert read_source(source, "utf-8").decoded.lossy
    assert not read_source(source, "cp1252").decoded.lossy
    card = ImportSource("w.vcf", "BEGIN:VCARD\r\nN:Müller;J\r\nEND:VCARD\r\n".encode("cp1252"))
    assert read_source(card, "utf-8").decoded.lossy
