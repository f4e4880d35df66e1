"""XML bodies <-> records, on xmltodict.

Reading sniffs the body itself (Content-Type headers have lied) and tolerates a
UTF-8 BOM. Lists are parsed as a stream: each record is converted the moment
its element closes, while the rest of the body is still arriving. The reader
counts depth and text as it goes (xml_guard.py), and a list may only be as
large as the records it has delivered so far justify (`ListBudget`).
Field values are kept exactly as sent, control and bidi characters included
(raw C0 controls, which XML forbids, pass through xml_controls.py): they are
data, and the display layer (core/display.py) makes them visible.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, TypeVar
from xml.parsers.expat import ExpatError

import xmltodict

from .errors import ProtocolError
from .records import RecordKind
from .scrub import scrub
from .xml_controls import is_utf8, shelter
from .xml_guard import GuardedExpat, RunGuard, XmlGuard

T = TypeVar("T")

BOM = b"\xef\xbb\xbf"
# What expat and xmltodict raise on a body they cannot read: broken XML, a DOCTYPE
# with entities (ValueError), an encoding declaration naming no codec (LookupError).
UNREADABLE = (ExpatError, ValueError, LookupError)
# While no record has arrived, keep this much of a list body to explain what it was.
_HEAD_LIMIT = 1 << 20


class ListBudget:
    """How large a list reply may grow: a fixed allowance plus so much per record
    delivered, up to a number of records no real account has. A real contact is
    under 1 KB of XML, so 100,000 of them pass easily, while a body that keeps
    coming without records (an endless stream, padding, comments) stops early."""

    def __init__(
        self, floor: int = 8 << 20, per_record: int = 8 << 10, max_records: int = 500_000
    ) -> None:
        self.floor, self.per_record, self.max_records = floor, per_record, max_records

    def check(self, received: int, records: int, noun: str) -> None:
        if records > self.max_records:
            raise ProtocolError(
                f"Harvest sent more than {self.max_records:,} {noun}s in one "
                "list, more than any account holds; it was not read."
            )
        if received > self.floor + self.per_record * records:
            raise ProtocolError(
                f"Harvest's reply grew to {received / 2**20:.0f} MB with only {records:,} "
                f"{noun}s in it, far more than they take; it was not read."
            )


DEFAULT_BUDGET = ListBudget()


def _parse(body: Any, guard: XmlGuard, **options: Any) -> Any:
    """xmltodict.parse under the guard; entities refused, whitespace kept."""
    return xmltodict.parse(
        body, expat=GuardedExpat(guard), strip_whitespace=False, disable_entities=True, **options
    )


def looks_like_xml(body: bytes) -> bool:
    return body.removeprefix(BOM).lstrip().startswith(b"<")


def parse_document(
    body: bytes, record_tag: str | None = None, noun: str = "record"
) -> tuple[str, Any]:
    """A whole XML body -> (root element name, its content as xmltodict gives it).

    `record_tag` and `noun` name the record when a limit is crossed inside it."""
    if not body.removeprefix(BOM).strip():
        raise ProtocolError("Harvest sent an empty reply where data was expected.")
    if not looks_like_xml(body):
        raise ProtocolError(f"Harvest sent a reply that is not XML: {preview(body)!r}")
    try:
        guard = XmlGuard(record_tag, 1, noun)
        readable = _sheltered(body, guard) if is_utf8(body[:8]) else body
        document = _parse(readable, guard)
    except UNREADABLE as error:
        raise ProtocolError(f"Harvest sent XML that cannot be read ({error}).") from None
    if not isinstance(document, dict) or len(document) != 1:
        raise ProtocolError("Harvest sent an XML reply without a root element.")
    ((root, content),) = document.items()
    return root, content


def parse_record(body: bytes, kind: RecordKind[T]) -> T:
    root, content = parse_document(body, kind.tag, kind.noun)
    if root != kind.tag:
        raise ProtocolError(f"Harvest sent <{root}> where a {kind.noun} was expected.")
    return kind.convert(content)


def _is_array_root(root: str, content: Any, kind: RecordKind[T]) -> bool:
    if root == kind.plural:
        return True
    attributes = content if isinstance(content, dict) else {}
    kind_attribute = attributes.get("@type")
    # Rails 2 renders an empty array as <nil-classes type="array"/>.
    return isinstance(kind_attribute, str) and kind_attribute.strip().lower() == "array"


def parse_list(
    chunks: Iterable[bytes], kind: RecordKind[T], budget: ListBudget = DEFAULT_BUDGET
) -> list[T]:
    """A list body, fed chunk by chunk -> records, converted as each one closes."""
    records: list[T] = []
    roots: list[str] = []
    head: list[bytes] = []
    guard = XmlGuard(kind.tag, 2, kind.noun)
    runs = RunGuard(guard)

    def on_item(path: list[tuple[str, Any]], item: Any) -> bool:
        if path[1][0] == kind.tag:
            records.append(kind.convert(item))
        if not roots:
            roots.append(path[0][0])
        return True

    def feed() -> Iterator[bytes]:
        kept = received = 0
        opening: bytes | None = b""
        utf8 = True  # raw controls are sheltered only in UTF-8 (see xml_controls)
        for chunk in chunks:
            received += len(chunk)
            budget.check(received, len(records), kind.noun)
            runs.check(chunk)
            if opening is not None:
                opening += chunk
                if len(opening.removeprefix(BOM).lstrip()) < 8:
                    continue  # too little to tell yet (a BOM split across chunks, say)
                _sniff(opening)
                chunk, utf8 = opening, is_utf8(opening)
                opening = None
            if not roots and kept < _HEAD_LIMIT:
                head.append(chunk)
                kept += len(chunk)
            yield _sheltered(chunk, guard) if utf8 else chunk
        if opening is not None:  # the whole body was shorter than the sniffing window
            _sniff(opening)
            head.append(opening)
            yield _sheltered(opening, guard) if is_utf8(opening) else opening

    try:
        _parse(feed(), guard, item_depth=2, item_callback=on_item)
    except UNREADABLE as error:
        raise ProtocolError(f"Harvest sent XML that cannot be read ({error}).") from None
    _check_list_root(roots, b"".join(head), kind)
    return records


def _sheltered(chunk: bytes, guard: XmlGuard) -> bytes:
    readable = shelter(chunk)
    if readable is not chunk:
        guard.sheltered = True  # from now on, text is turned back as it is handed on
    return readable


def _sniff(opening: bytes) -> None:
    if not opening.removeprefix(BOM).strip():
        raise ProtocolError("Harvest sent an empty reply where a list was expected.")
    if not looks_like_xml(opening):
        raise ProtocolError(f"Harvest sent a reply that is not XML: {preview(opening)!r}")


def _check_list_root(roots: list[str], head: bytes, kind: RecordKind[T]) -> None:
    if roots:
        root = roots[0]
        if root != kind.plural and root != "nil-classes":
            _check_array_attribute(root, head, kind)
        return
    if not head:
        raise ProtocolError(f"Harvest sent an empty reply where a list of {kind.plural} belongs.")
    root, content = parse_document(head)
    if not _is_array_root(root, content, kind):
        raise ProtocolError(f"Harvest sent <{root}> where a list of {kind.plural} was expected.")


def _check_array_attribute(root: str, head: bytes, kind: RecordKind[T]) -> None:
    """A root of another name is fine only when it says type="array"."""
    start = head.find(b"<" + root.encode())
    opening = head[start : head.find(b">", start)].lower() if start >= 0 else b""
    if b'type="array"' not in opening and b"type='array'" not in opening:
        raise ProtocolError(f"Harvest sent <{root}> where a list of {kind.plural} was expected.")


def preview(body: bytes, limit: int = 80) -> str:
    # Scrubbed before it is cut, so no credential survives half-hidden at the cut.
    text = scrub(body[:4096].removeprefix(BOM).decode("utf-8", "replace")).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"
