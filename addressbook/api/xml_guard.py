"""Limits the XML reader enforces while it streams, before any memory grows.

xmltodict builds a dict for every element and joins every text node, so a
contact nested three million levels deep, or a 100 MB first name, costs
gigabytes before any check after the fact could run. Here expat's handlers are
wrapped: depth and text size are counted as each event arrives, and the first
one over a limit stops the parse with a ProtocolError naming the record.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from xml.parsers import expat

from .errors import ProtocolError
from .xml_controls import unshelter

MAX_DEPTH = 8  # root, record, field, and a few levels for nested fields (who_am_i)
MAX_TEXT = 64 * 1024  # characters in one text node; no Harvest field comes near it
# Bytes between two "<": a tag (no "<" may appear in an attribute) or a text node
# (64 KiB of characters, at most ten bytes each when written as references).
MAX_RUN = 1 << 20
_ID_LENGTH = 24


class XmlGuard:
    """Counts depth and text; knows which record (by position and id) it is inside.

    The handlers it wraps run for every element of a 100,000-contact list, so the
    usual path is a few attribute updates; anything rarer goes to a method."""

    def __init__(self, record_tag: str | None, record_depth: int, noun: str) -> None:
        self.record_tag, self.record_depth, self.noun = record_tag, record_depth, noun
        self.depth = 0
        self.text = 0
        self.records = 0
        self.record_id = ""
        self.field = ""
        self.in_record = False
        self.sheltered = False  # a raw control was carried through (xml_controls)

    def wrap_start(self, handler: Callable[[str, Any], Any]) -> Callable[[str, Any], Any]:
        guard, field_depth = self, self.record_depth + 1

        def start(name: str, attributes: Any) -> Any:
            depth = guard.depth = guard.depth + 1
            guard.text = 0
            if depth == field_depth:
                guard.field = name
            elif depth > field_depth or depth == guard.record_depth:
                guard.entered(name, depth)
            return handler(name, attributes)

        return start

    def wrap_end(self, handler: Callable[[str], Any]) -> Callable[[str], Any]:
        guard = self

        def end(name: str) -> Any:
            if guard.depth == guard.record_depth:
                guard.in_record = False
            guard.depth -= 1
            guard.text = 0
            return handler(name)

        return end

    def wrap_characters(self, handler: Callable[[str], Any]) -> Callable[[str], Any]:
        guard, field_depth = self, self.record_depth + 1

        def characters(data: str) -> Any:
            text = guard.text = guard.text + len(data)
            if text > MAX_TEXT:
                guard.too_long()
            if guard.field == "id" and guard.depth == field_depth and guard.in_record:
                guard.record_id = (guard.record_id + data.strip())[:_ID_LENGTH]
            return handler(unshelter(data) if guard.sheltered else data)

        return characters

    def entered(self, name: str, depth: int) -> None:
        if depth > MAX_DEPTH:
            raise ProtocolError(
                f"Harvest sent {self.where()} nested more than {MAX_DEPTH} levels deep; "
                "no record is shaped like that, so the reply was not read."
            )
        if depth == self.record_depth and name == self.record_tag:
            self.records += 1
            self.record_id, self.in_record = "", True

    def too_long(self) -> None:
        inside = f" in <{self.field}>" if self.in_record and self.field else ""
        raise ProtocolError(
            f"Harvest sent {self.where()} with a text of more than {MAX_TEXT // 1024} KiB"
            f"{inside}; no field is that long, so the reply was not read."
        )

    def where(self) -> str:
        if not self.in_record:
            return "a reply"
        if self.record_id:
            return f"{self.noun} {self.record_id}"
        return f"{self.noun} number {self.records} of the reply"


class RunGuard:
    """Refuses a stretch without "<" longer than MAX_RUN bytes, as the bytes arrive.

    expat holds a whole tag until it ends, so a 100 MB attribute would be in memory
    (and rescanned as each piece arrives) before any handler could count it."""

    def __init__(self, guard: XmlGuard) -> None:
        self.guard = guard
        self.run = 0

    def check(self, chunk: bytes) -> None:
        # Pieces are far shorter than MAX_RUN, so only the ends of one can extend a run.
        first = chunk.find(b"<")
        if first < 0:
            self.run += len(chunk)
        else:
            self._refuse_over(self.run + first)
            self.run = len(chunk) - chunk.rfind(b"<") - 1
        self._refuse_over(self.run)

    def _refuse_over(self, run: int) -> None:
        if run > MAX_RUN:
            raise ProtocolError(
                f"Harvest sent {self.guard.where()} with a tag or text of more than "
                f"{MAX_RUN >> 20} MB; no field is that long, so the reply was not read."
            )


class _GuardedParser:
    """An expat parser whose element and text handlers report to the guard first."""

    _WRAPPERS = {
        "StartElementHandler": "wrap_start",
        "EndElementHandler": "wrap_end",
        "CharacterDataHandler": "wrap_characters",
    }

    def __init__(self, parser: Any, guard: XmlGuard) -> None:
        object.__setattr__(self, "_parser", parser)
        object.__setattr__(self, "_guard", guard)

    def __setattr__(self, name: str, value: Any) -> None:
        wrapper = self._WRAPPERS.get(name)
        if wrapper is not None and callable(value):
            value = getattr(self._guard, wrapper)(value)
        setattr(self._parser, name, value)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._parser, name)


class GuardedExpat:
    """Stands in for the expat module that xmltodict.parse takes as `expat=`."""

    def __init__(self, guard: XmlGuard) -> None:
        self.guard = guard
        self.ExpatError = expat.ExpatError  # noqa: N815 (the module's name)

    def ParserCreate(self, *args: Any, **kwargs: Any) -> _GuardedParser:  # noqa: N802
        return _GuardedParser(expat.ParserCreate(*args, **kwargs), self.guard)
