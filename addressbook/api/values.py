"""Typed values inside Rails-2 style XML, as xmltodict hands them over.

xmltodict gives an element as a plain string (no attributes), None (empty, no
attributes) or a dict with '@type', '@nil' and '#text'. The field, not the
`type` attribute, decides how the text is converted, so `datetime`, `dateTime`
and a missing attribute all read the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from addressbook.core.models import ID_LIMIT

Converter = Callable[[str], Any]

# Harvest's ids are 64-bit database keys. int() alone would also take "1_000",
# Arabic-Indic digits and numbers too large for the local cache to store.
_INTEGER = re.compile(r"[+-]?[0-9]{1,19}")


def to_int(text: str) -> int:
    if text.isascii() and text.isdigit() and len(text) < 19:  # every id: the fast path
        return int(text)
    if _INTEGER.fullmatch(text) is None:
        raise ValueError(f"not a whole number: {text[:40]!r}")
    value = int(text)
    if not -ID_LIMIT <= value < ID_LIMIT:
        raise ValueError(f"number out of range: {text!r}")
    return value


def to_bool(text: str) -> bool:
    lowered = text.lower()
    if lowered in ("true", "1"):
        return True
    if lowered in ("false", "0"):
        return False
    raise ValueError(f"not a boolean: {text!r}")


def to_datetime(text: str) -> datetime:
    """ISO 8601 with `Z` or `±hh:mm` (or no offset, read as UTC) -> aware UTC datetime."""
    if text.endswith(" UTC"):  # Rails' default to_s, seen in some old payloads
        text = text[:-4]
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is UTC:  # the common `...Z` form: nothing more to do
        return parsed
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except OverflowError:  # 0001-01-01T00:00+01:00 has no UTC equivalent
        raise ValueError(f"date out of range: {text!r}") from None


def is_nil(attributes: dict[str, Any]) -> bool:
    nil = attributes.get("@nil")
    return isinstance(nil, str) and nil.strip().lower() == "true"


def element_value(raw: Any, convert: Converter | None) -> Any:
    """One element's value: nil wins over content, empty text is "", typed text is trimmed.

    Raises ValueError when a typed value cannot be converted.
    """
    if isinstance(raw, list):  # a repeated element: the first one counts
        raw = raw[0]
    if raw is None:
        return "" if convert is None else None
    if isinstance(raw, dict):
        if is_nil(raw):
            return None
        text = raw.get("#text")
        if not isinstance(text, str):
            text = ""
    else:
        text = str(raw)
    if convert is None:
        return text
    text = text.strip()
    return convert(text) if text else None


FieldMap = dict[str, tuple[str, Converter | None]]


def record_values(item: dict[str, Any], field_map: FieldMap) -> dict[str, Any]:
    """The known fields of one record, by attribute name; unknown elements are ignored.

    Untyped string elements (the bulk of every record) take the fast path: no
    function call, the text as it came.
    """
    values: dict[str, Any] = {}
    for tag, raw in item.items():
        spec = field_map.get(tag)
        if spec is None:
            continue
        name, convert = spec
        if convert is None and raw.__class__ is str:
            values[name] = raw
        else:
            values[name] = element_value(raw, convert)
    return values
