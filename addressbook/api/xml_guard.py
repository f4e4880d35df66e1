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

MAX_DEPTH = 8  # root, record, field, and a few levels for nested fields (who_am_i)
MAX_TEXT = 64 * 1024  # characters in one text node; no Harvest field comes near it
# Bytes between two "<": a tag (no "<" may appear in an attribute) or a text node
# (64 KiB of characters, at most ten bytes each when written as references).
MAX_RUN = 1 << 20
_ID_LENGTH = 24


class XmlGuard:
    """Counts depth and text; knows which record (by position and id) it is inside."""

    def __init__(self, record_tag: str | None, record_depth: int, noun: str) -> None:
        self.record_tag, self.record_depth, self.noun = record_tag, record_depth, noun
        self.depth = 0
        self.text = 0
        self.records = 0
        self.record_id = ""
        self.field = ""
        self._in_record = False

    def start(self, name: str) -> None:
        self.depth += 1
        self.text = 0
        if self.depth > MAX_DEPTH:
            raise ProtocolError(
                f"Harvest sent {self.where()} nested more than {MAX_DEPTH} levels deep; "
                "no record is shaped like that, so the reply was not read.")
        if self.depth == self.record_depth and name == self.record_tag:
            self.records += 1
            self.record_id, self._in_record = "", True
        elif self.depth == self.record_depth + 1:
            self.field = name

    def end(self, name: str) -> None:
        if self.depth == self.record_depth:
            self._in_record = False
        self.depth -= 1
        self.text = 0

    def characters(self, data: str) -> None:
        self.text += len(data)
        if self.text > MAX_TEXT:
            inside = f" in <{self.field}>" if self._in_record and self.field else ""
            raise ProtocolError(
                f"Harvest sent {self.where()} with a text of more than {MAX_TEXT // 1024} KiB"
                f"{inside}; no field is that long, so the reply was not read.")
        if self._in_record and self.field == "id" and self.depth == self.record_depth + 1:
            self.record_id = (self.record_id + data.strip())[:_ID_LENGTH]

    def where(self) -> str:
        if not self._in_record:
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
                f"{MAX_RUN >> 20} MB; no field is that long, so the reply was not read.")


class _GuardedParser:
    """An expat parser whose element and text handlers report to the guard first."""

    _WRAPPED = {"StartElementHandler": "start", "EndElementHandler": "end",
                "CharacterDataHandler": "characters"}

    def __init__(self, parser: Any, guard: XmlGuard) -> None:
        object.__setattr__(self, "_parser", parser)
        object.__setattr__(self, "_guard", guard)

    def __setattr__(self, name: str, value: Any) -> None:
        check = self._WRAPPED.get(name)
        if check is not None and callable(value):
            value = _checked(getattr(self._guard, check), value)
        setattr(self._parser, name, value)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._parser, name)


def _checked(check: Callable[[Any], None], handler: Callable[..., Any]) -> Callable[..., Any]:
    def handle(first: Any, *rest: Any) -> Any:
        check(first)
        return handler(first, *rest)

    return handle


class GuardedExpat:
    """Stands in for the expat module that xmltodict.parse takes as `expat=`."""

    def __init__(self, guard: XmlGuard) -> None:
        self.guard = guard
        self.ExpatError = expat.ExpatError  # noqa: N815 (the module's name)

    def ParserCreate(self, *args: Any, **kwargs: Any) -> _GuardedParser:  # noqa: N802
        return _GuardedParser(expat.ParserCreate(*args, **kwargs), self.guard)
