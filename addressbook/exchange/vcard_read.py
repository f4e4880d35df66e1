"""Read vCard 2.1, 3.0 and 4.0 files into ImportRecords.

Everything a Harvest contact cannot hold (addresses, photos, birthdays, X-
properties) is ignored. Of several emails or phones, value_choice decides which
one goes in; the others travel with the record so the preview can list them.
A file cut short keeps its last card (with a note saying so); a nested card (a
2.1 AGENT) is skipped without losing the fields of the card around it.
"""

from __future__ import annotations

import quopri
from collections.abc import Iterable, Iterator
from urllib.parse import unquote

from .records import ImportRecord, split_full_name
from .text_decoding import DecodedText
from .value_choice import Candidate, choose_email, choose_phones
from .vcard_syntax import (
    ContentLine,
    logical_lines,
    parse_parameters,
    split_components,
    split_content_line,
    split_list_components,
    unescape_text,
)

_WANTED = frozenset({"FN", "N", "ORG", "TITLE", "EMAIL", "TEL"})
ENDS_INSIDE_CARD = "The file ends inside this card (no END:VCARD): what it holds was read."
NO_BEGIN = "The file has no BEGIN:VCARD: its lines were read as one card."
NESTED_CARD = "A card nested inside this one (an AGENT) was not imported."


def read_vcards(source: DecodedText) -> list[ImportRecord]:
    """Every card in the text, in file order; cards without any name or email are kept
    too, so the preview can show them as problems rather than drop them silently."""
    return list(vcard_records(logical_lines(source.text), source))


def vcard_records(lines: Iterable[str], source: DecodedText) -> Iterator[ImportRecord]:
    """Records from logical lines as they come: a file need not be in memory at once."""
    for number, (card, notes) in enumerate(_cards(lines), start=1):
        yield _record(f"card {number}", card, notes, source)


def _is_begin(name: str, value: str) -> bool:
    # 2.1 may write an agent as "AGENT:BEGIN:VCARD" and its lines after it; 3.0 writes the
    # whole agent escaped on one line (with its END:VCARD), which opens nothing.
    upper = value.strip().upper()
    return (name == "BEGIN" and upper == "VCARD") or (
        name == "AGENT" and upper.startswith("BEGIN:VCARD") and "END:VCARD" not in upper
    )


def _holds_card(value: str) -> bool:
    """An AGENT that is a card (inline, or on the lines after it), not a URI to one."""
    return not value.strip() or "BEGIN:VCARD" in value.upper()


def _cards(lines: Iterable[str]) -> Iterator[tuple[list[ContentLine], tuple[str, ...]]]:
    card: list[ContentLine] | None = None
    notes: list[str] = []
    depth, any_card = 0, False
    loose: list[ContentLine] = []  # lines of a file that never says BEGIN:VCARD
    for line in lines:
        split = split_content_line(line)
        if split is None:
            continue
        name, head, value = split
        if _is_begin(name, value):
            if card is None:
                card, notes, depth, any_card = [], [], 1, True
            else:
                depth += 1
                if NESTED_CARD not in notes:
                    notes.append(NESTED_CARD)
        elif (
            name == "AGENT" and card is not None and _holds_card(value) and NESTED_CARD not in notes
        ):
            notes.append(NESTED_CARD)
        elif name == "END" and value.strip().upper() == "VCARD":
            depth -= 1
            if card is not None and depth <= 0:
                yield card, tuple(notes)
                card, depth = None, 0
        elif name in _WANTED:
            content = ContentLine(name, value, parse_parameters(head))
            if card is not None and depth == 1:
                card.append(content)
            elif card is None and not any_card:
                loose.append(content)
    if card is not None:
        yield card, (*notes, ENDS_INSIDE_CARD)
    elif not any_card and loose:
        yield loose, (NO_BEGIN,)


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


def dialable(value: str) -> str:
    """'tel:+1-418-656-9254;ext=102' -> '+1-418-656-9254 ext. 102' (RFC 3966); others as given."""
    if value[:4].lower() != "tel:":
        return value
    number, *parameters = value[4:].split(";")
    extension = next((p.partition("=")[2] for p in parameters if p.lower().startswith("ext=")), "")
    number = unquote(number)
    return f"{number} ext. {unquote(extension)}" if extension else number


def _candidate(line: ContentLine, text: str) -> Candidate:
    preferred = "pref" in line.types() or line.param("PREF") is not None
    return Candidate(frozenset(line.types()), text, preferred)


def _names(by_name: dict[str, list[ContentLine]], source: DecodedText) -> tuple[str, str]:
    if "N" in by_name:
        parts = split_list_components(_value(by_name["N"][0], source)) + [[], []]
        family = " ".join(name.strip() for name in parts[0] if name.strip())
        given = " ".join(name.strip() for part in parts[1:3] for name in part if name.strip())
        if given or family:
            return given, family
    if "FN" in by_name:
        return split_full_name(unescape_text(_value(by_name["FN"][0], source)))
    return "", ""


def _record(
    where: str, lines: list[ContentLine], notes: tuple[str, ...], source: DecodedText
) -> ImportRecord:
    by_name: dict[str, list[ContentLine]] = {}
    for line in lines:
        by_name.setdefault(line.name, []).append(line)

    def text(line: ContentLine) -> str:
        return unescape_text(_value(line, source))

    first, last = _names(by_name, source)
    org = by_name.get("ORG")
    company = split_components(_value(org[0], source))[0] if org else ""
    titles = by_name.get("TITLE", [])
    email, other_emails = choose_email([_candidate(e, text(e)) for e in by_name.get("EMAIL", [])])
    phones, other_phones = choose_phones(
        [_candidate(t, dialable(text(t))) for t in by_name.get("TEL", [])]
    )
    return ImportRecord(
        where,
        first_name=first,
        last_name=last,
        company=company,
        title=text(titles[0]) if titles else "",
        email=email,
        others=(*other_emails, *other_phones),
        notes=notes,
        **phones,
    )
