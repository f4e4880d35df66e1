"""vCard content lines, both ways: escaping and folding out, unfolding and parsing in.

RFC 6350 (4.0) and RFC 2426 (3.0) share this syntax; the 2.1 quirks handled
here are quoted-printable soft line breaks and bare parameters (``TEL;WORK;FAX``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .text_decoding import COUNTED_REPLACE

MAX_LINE_OCTETS = 75  # RFC 6350 3.2: lines SHOULD NOT be longer than 75 octets
_NEEDS_ESCAPE = re.compile(r"[\\,;\r\n]")
_UNESCAPES = {"n": "\n", "N": "\n", "\\": "\\", ",": ",", ";": ";", ":": ":"}
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)
# Bare 2.1 parameters that are encodings rather than types (``NOTE;QUOTED-PRINTABLE:...``).
_BARE_ENCODINGS = frozenset({"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"})
# [group.]NAME, then parameters without quotes, then ":" and the value.
_SIMPLE_LINE = re.compile(r'(?:[^:;".]*\.)*([^:;".]*)((?:;[^:"]*)?):(.*)', re.DOTALL)


# -- writing ----------------------------------------------------------------------------
def escape_text(value: str) -> str:
    """Escape a text value: backslash, comma, semicolon and line breaks (CR LF and CR too)."""
    if _NEEDS_ESCAPE.search(value) is None:
        return value  # most values: one scan in C
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def fold_line(line: str) -> str:
    """Fold at 75 octets with CRLF + space, never inside a UTF-8 sequence."""
    if len(line) <= MAX_LINE_OCTETS and (line.isascii() or len(line.encode()) <= MAX_LINE_OCTETS):
        return line
    data = line.encode()
    pieces: list[bytes] = []
    start, limit = 0, MAX_LINE_OCTETS
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # a continuation byte: step back to the lead byte
            end -= 1
        pieces.append(data[start:end])
        start, limit = end, MAX_LINE_OCTETS - 1  # the leading space counts
    pieces.append(data[start:])
    return b"\r\n ".join(pieces).decode()


# -- reading ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ContentLine:
    """NAME;PARAM=a,b:value with the group prefix dropped, names upper-case."""

    name: str
    value: str
    params: dict[str, list[str]] = field(default_factory=dict)

    def types(self) -> set[str]:
        # Some writers quote the list (TYPE="work,voice"): read it as a list too.
        values = self.params.get("TYPE", ())
        return {kind.strip().lower() for value in values for kind in value.split(",")}

    def param(self, name: str) -> str | None:
        values = self.params.get(name)
        return values[0] if values else None


def logical_lines(text: str) -> list[str]:
    """Unfold: a line starting with a space or tab continues the previous one.

    Accepts CRLF and bare LF. Splits on nothing else: a value may hold any
    other character (str.splitlines would also break at U+2028 or form feeds).
    """
    if "QUOTED-PRINTABLE" not in text.upper():
        # The common case in a few passes of C: no soft line breaks to look for.
        unfolded = text.replace("\r\n", "\n").replace("\n ", "").replace("\n\t", "")
        return [line for line in unfolded.split("\n") if line]
    lines: list[str] = []
    for raw in text.split("\n"):
        physical = raw[:-1] if raw.endswith("\r") else raw
        if lines and _has_soft_break(lines[-1]):
            lines[-1] = lines[-1][:-1] + physical
        elif lines and physical[:1] in (" ", "\t"):
            lines[-1] += physical[1:]
        elif physical:
            lines.append(physical)
    return lines


# Bytes of one character that a writer folding at 75 octets split with CRLF + space.
_SPLIT_CHARACTER = re.compile(rb"([\x80-\xff])\r?\n[ \t]([\x80-\xbf])")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def join_split_characters(data: bytes) -> bytes:
    """Undo folds made inside a UTF-8 character (RFC 6350 3.2 allows them), before decoding."""
    return _SPLIT_CHARACTER.sub(rb"\1\2", data)


def logical_lines_from(physical: Iterable[str]) -> Iterator[str]:
    """logical_lines for a stream of physical lines (a file read line by line).

    Text decoded as UTF-8 with errors="surrogateescape" keeps the bytes of a character
    split by a fold; once the line is unfolded they are whole again and decoded here.
    """
    current: str | None = None
    for raw in physical:
        line = raw.rstrip("\r\n")
        if current is not None and _has_soft_break(current):
            current = current[:-1] + line
        elif current is not None and line[:1] in (" ", "\t"):
            current += line[1:]
        else:
            if current:
                yield _whole_characters(current)
            current = line
    if current:
        yield _whole_characters(current)


def _whole_characters(line: str) -> str:
    if line.isascii() or _ESCAPED_BYTE.search(line) is None:
        return line
    return line.encode("utf-8", "surrogateescape").decode("utf-8", errors=COUNTED_REPLACE)


def _has_soft_break(line: str) -> bool:
    # vCard 2.1 quoted-printable continues a value with "=" at the end of the line.
    return line.endswith("=") and "QUOTED-PRINTABLE" in line.partition(":")[0].upper()


def split_content_line(line: str) -> tuple[str, str, str] | None:
    """(NAME in upper case, ";PARAM=..." text, value), the group prefix dropped; None for
    a line without a colon (2.1 base64 bodies, junk).

    One regular expression for the usual line; the character walk only for
    parameters with quotes, which may hold a colon.
    """
    match = _SIMPLE_LINE.match(line)
    if match is not None:
        name, head, value = match.groups()
        return name.strip().upper(), head, value
    colon = _value_start(line)
    if colon < 0:
        return None
    name, separator, parameters = line[:colon].partition(";")
    return name.rpartition(".")[2].strip().upper(), separator + parameters, line[colon + 1 :]


def parse_parameters(head: str) -> dict[str, list[str]]:
    """';TYPE=a,b;TYPE=c;CHARSET=x' -> {'TYPE': ['a', 'b', 'c'], 'CHARSET': ['x']}."""
    params: dict[str, list[str]] = {}
    if not head:
        return params
    for part in _split_outside_quotes(head, ";")[1:]:
        key, equals, values = part.partition("=")
        if not equals:  # 2.1: TEL;WORK;CELL or NOTE;QUOTED-PRINTABLE
            key, values = ("ENCODING" if part.upper() in _BARE_ENCODINGS else "TYPE"), part
        for item in _split_outside_quotes(values, ","):
            params.setdefault(key.strip().upper(), []).append(item.strip().strip('"'))
    return params


def _value_start(line: str) -> int:
    colon, quote = line.find(":"), line.find('"')
    if quote < 0 or colon < quote:
        return colon
    inside = False
    for position, char in enumerate(line):
        if char == '"':
            inside = not inside
        elif char == ":" and not inside:
            return position
    return -1


def _split_outside_quotes(text: str, separator: str) -> list[str]:
    if '"' not in text:
        return text.split(separator)
    parts: list[str] = []
    current: list[str] = []
    inside = False
    for char in text:
        if char == '"':
            inside = not inside
        if char == separator and not inside:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def unescape_text(value: str) -> str:
    """Undo escape_text; an unknown escape such as ``\\x`` keeps its backslash."""
    if "\\" not in value:
        return value
    return _ESCAPED.sub(lambda match: _UNESCAPES.get(match[1], match[0]), value)


def split_list_components(value: str) -> list[list[str]]:
    """N's components, each a list (RFC 6350 6.2.2: 'Doe;John;Richter,James' has two
    additional names), split at unescaped semicolons and commas, then unescaped."""
    return [
        [unescape_text(item) for item in _split_at_unescaped(component, ",")]
        for component in _split_at_unescaped(value, ";")
    ]


def split_components(value: str) -> list[str]:
    """Components of a structured value (N, ORG), split at unescaped semicolons, unescaped."""
    if "\\" not in value:
        return value.split(";")
    if "\x00" not in value:
        # Hide escaped backslashes and semicolons behind NUL, split, then put them back.
        hidden = value.replace("\\\\", "\x00b").replace("\\;", "\x00s")
        return [
            unescape_text(part.replace("\x00s", "\\;").replace("\x00b", "\\\\"))
            for part in hidden.split(";")
        ]
    return [unescape_text(part) for part in _split_at_unescaped(value, ";")]


def _split_at_unescaped(value: str, separator: str) -> list[str]:
    if "\\" not in value:
        return value.split(separator)
    components, start, position = [], 0, 0
    while position < len(value):
        char = value[position]
        if char == "\\":
            position += 2
            continue
        if char == separator:
            components.append(value[start:position])
            start = position + 1
        position += 1
    components.append(value[start:])
    return components
