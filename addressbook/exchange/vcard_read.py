"""Read vCard 2.1, 3.0 and 4.0 files into ImportRecords.

Everything a Harvest contact cannot hold (addresses, photos, birthdays, X-
properties) is ignored. When a card has several emails or phones of a kind,
the preferred one wins, else the first.
"""

from __future__ import annotations

import quopri
from collections.abc import Iterator

from .records import ImportRecord, split_full_name
from .text_decoding import DecodedText
from .vcard_syntax import (
    ContentLine,
    logical_lines,
    parse_parameters,
    split_components,
    split_content_line,
    unescape_text,
)

_WANTED = frozenset({"FN", "N", "ORG", "TITLE", "EMAIL", "TEL"})


def read_vcards(source: DecodedText) -> list[ImportRecord]:
    """Every card in the text, in file order; cards without any name or email are kept
    too, so the preview can show them as problems rather than drop them silently."""
    return [
        _record(f"card {number}", lines, source)
        for number, lines in enumerate(_cards(logical_lines(source.text)), start=1)
    ]


def _cards(lines: list[str]) -> Iterator[list[ContentLine]]:
    card: list[ContentLine] | None = None
    for line in lines:
        split = split_content_line(line)
        if split is None:
            continue
        name, head, value = split
        if name in _WANTED:
            if card is not None:
                card.append(ContentLine(name, value, parse_parameters(head)))
        elif name == "BEGIN" and value.strip().upper() == "VCARD":
            card = []
        elif name == "END" and value.strip().upper() == "VCARD":
            if card is not None:
                yield card
            card = None


def _value(line: ContentLine, source: DecodedText) -> str:
    """The raw value in Unicode: quoted-printable and CHARSET= (2.1) undone, not unescaped."""
    charset = line.param("CHARSET")
    encoding = (line.param("ENCODING") or "").upper()
    if encoding == "QUOTED-PRINTABLE":
        data = quopri.decodestring(source.original_bytes(line.value))
        return _decode(data, charset)
    if charset and source.single_byte:
        return _decode(source.original_bytes(line.value), charset)
    return line.value


def _decode(data: bytes, charset: str | None) -> str:
    for candidate in (charset, "utf-8"):
        if candidate:
            try:
                return data.decode(candidate)
            except (LookupError, UnicodeDecodeError):
                continue
    return data.decode("cp1252", errors="replace")


def _preferred(lines: list[ContentLine]) -> ContentLine | None:
    for line in lines:
        if "pref" in line.types() or line.param("PREF") is not None:
            return line
    return lines[0] if lines else None


def _phones(lines: list[ContentLine]) -> dict[str, ContentLine]:
    kinds: dict[str, list[ContentLine]] = {"fax": [], "phone_mobile": [], "work": [], "other": []}
    for line in lines:
        types = line.types()
        if "fax" in types:
            kinds["fax"].append(line)
        elif types & {"cell", "mobile"}:
            kinds["phone_mobile"].append(line)
        else:
            kinds["work" if "work" in types else "other"].append(line)
    found = {name: _preferred(kinds[name]) for name in ("fax", "phone_mobile")}
    # A home or untyped number is the best we have when no work number is given.
    found["phone_office"] = _preferred(kinds["work"]) or _preferred(kinds["other"])
    return {name: line for name, line in found.items() if line is not None}


def _names(by_name: dict[str, list[ContentLine]], source: DecodedText) -> tuple[str, str]:
    if "N" in by_name:
        parts = split_components(_value(by_name["N"][0], source)) + ["", ""]
        given = " ".join(part for part in (parts[1], parts[2]) if part)
        if given or parts[0]:
            return given, parts[0]
    if "FN" in by_name:
        return split_full_name(unescape_text(_value(by_name["FN"][0], source)))
    return "", ""


def _record(where: str, lines: list[ContentLine], source: DecodedText) -> ImportRecord:
    by_name: dict[str, list[ContentLine]] = {}
    for line in lines:
        by_name.setdefault(line.name, []).append(line)

    def text(line: ContentLine | None) -> str:
        return "" if line is None else unescape_text(_value(line, source))

    first, last = _names(by_name, source)
    org = by_name.get("ORG")
    company = split_components(_value(org[0], source))[0] if org else ""
    phones = _phones(by_name.get("TEL", []))
    return ImportRecord(
        where,
        first_name=first,
        last_name=last,
        company=company,
        title=text(_preferred(by_name.get("TITLE", []))),
        email=text(_preferred(by_name.get("EMAIL", []))),
        phone_office=text(phones.get("phone_office")),
        phone_mobile=text(phones.get("phone_mobile")),
        fax=text(phones.get("fax")),
    )
