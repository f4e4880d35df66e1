"""Issue 9, case 4: a UTF-8 vCard folded at 75 bytes inside a character reads as UTF-8."""

from __future__ import annotations

from pathlib import Path

from tests.exchange.planning import plan_file

# 72 bytes after "N:", then "ü": the 75-byte fold falls between its two bytes.
FAMILY = "Schmidt-" * 8 + "Meiers-Müller"


def folded_inside_characters(line: str) -> bytes:
    """Fold every 75 bytes regardless of character boundaries, as KDE's vcard9 file is."""
    data = line.encode()
    pieces = [data[i : i + 75] for i in range(0, len(data), 75)]
    return b"\r\n ".join(pieces)


def test_a_fold_inside_a_character_is_joined_before_decoding(tmp_path: Path) -> None:
    org = "ORG:" + "Müller & Söhne GmbH" + "\\, " + "Jürgen Müller Öl-Ä" * 4
    lines = [
        b"BEGIN:VCARD",
        b"VERSION:3.0",
        folded_inside_characters("N:" + FAMILY + ";Jürgen;;;"),
        b"ORG:M\xc3\xbcller & S\xc3\xb6hne GmbH",
        folded_inside_characters(org),
        b"END:VCARD",
        b"",
    ]
    data = b"\r\n".join(lines)
    assert b"\xc3\r\n \xbc" in data  # the file really splits a character
    reading, plan = plan_file(tmp_path, "vcard9.vcf", data)
    assert reading.decoded.encoding == "utf-8" and not reading.decoded.guessed
    [record] = reading.records
    assert record.first_name == "Jürgen"
    assert record.last_name == FAMILY
    assert record.company == "Müller & Söhne GmbH"
    assert "Ã" not in repr(record)
    [row] = plan.rows
    assert row.client is not None and row.client.name == "Müller & Söhne GmbH"
