"""How a delta moves rows: which positions left the list and where new rows went in.

Every list the table keeps by row position (rows, haystacks, sort keys) goes
through the same Splice. A saved edit then costs a few memmoves instead of
re-deriving, or even copying, 100k rows: copying a list of objects touches
every object's reference count, and the objects lie scattered in memory. Qt-free.
"""

from __future__ import annotations

import functools
import operator
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

# Up to this many changes, deleting and inserting one by one (a memmove each) beats
# building the list again.
_ONE_BY_ONE_MAX = 64


@dataclass(frozen=True)
class Splice:
    """Rows removed at old positions, then rows inserted at new positions (both ascending)."""

    old_length: int
    removed: list[int]
    inserted: list[int]

    @property
    def new_length(self) -> int:
        return self.old_length - len(self.removed) + len(self.inserted)

    def apply(self, items: list[T], inserted_values: Iterable[T]) -> list[T]:
        """items after the splice: the same list changed in place, or a new one."""
        if len(self.removed) + len(self.inserted) <= _ONE_BY_ONE_MAX:
            for position in reversed(self.removed):
                del items[position]
            for position, value in zip(self.inserted, inserted_values, strict=True):
                items.insert(position, value)
            return items
        return self._copy(items, list(zip(self.inserted, inserted_values, strict=True)))

    def _copy(self, items: list[T], inserts: list[tuple[int, T]]) -> list[T]:
        result: list[T] = []
        runs = zip(
            [0, *(position + 1 for position in self.removed)],
            [*self.removed, len(items)],
            strict=True,
        )
        pending = iter(inserts)
        insert = next(pending, None)
        for start, end in runs:  # the runs of rows kept, cut where rows go in
            while insert is not None and insert[0] - len(result) <= end - start:
                cut = start + insert[0] - len(result)
                result += items[start:cut]
                result.append(insert[1])
                start, insert = cut, next(pending, None)
            result += items[start:end]
        return result

    @functools.cached_property
    def old_to_new(self) -> list[int]:
        """The new position of each old one; -1 where the row was removed."""
        # The inverse splice, applied to the new positions.
        undo = Splice(self.new_length, self.inserted, self.removed)
        return undo.apply(list(range(self.new_length)), [-1] * len(self.removed))

    def remap_order(self, order: list[int]) -> list[int]:
        """A sort order (every old position once) in new positions, removed rows left out."""
        moved = list(map(self.old_to_new.__getitem__, order))
        if len(self.removed) > _ONE_BY_ONE_MAX:
            return list(filter(functools.partial(operator.ne, -1), moved))
        found = 0
        for _ in self.removed:  # each scan goes on from the last -1 found
            found = moved.index(-1, found)
            del moved[found]
        return moved

    def remap_ascending(self, positions: list[int]) -> list[int]:
        """The new positions of ascending old ones, removed rows left out, in a few
        slices: between two changes, every position moves by the same amount."""
        kept: list[int] = []  # first the rank among the rows kept
        start = 0
        for shift, removed in enumerate(self.removed):
            end = bisect_left(positions, removed, start)
            kept += map((-shift).__add__, positions[start:end])
            start = end + 1 if end < len(positions) and positions[end] == removed else end
        kept += map((-len(self.removed)).__add__, positions[start:])
        moved: list[int] = []
        start = 0
        # Inserted row number j, at new position p, comes before the kept rows of rank >= p - j.
        for shift, inserted in enumerate(self.inserted):
            end = bisect_left(kept, inserted - shift, start)
            moved += map(shift.__add__, kept[start:end])
            start = end
        moved += map(len(self.inserted).__add__, kept[start:])
        return moved
