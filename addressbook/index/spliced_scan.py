"""A HaystackScan kept current through edits without rebuilding it.

Building a HaystackScan (its search buffers) over 100k rows costs a hundred
milliseconds or more, too long for every saved edit. So the scan built at the
last full load stays as the base: its hits are moved to the rows' current
positions by one Splice (the rows gone from the base, the rows added since),
in a few slices, and the rows added since (new or edited) are few and are
scanned one by one. Once the changes pass a share of the table, the base is
rebuilt. Qt-free.
"""

from __future__ import annotations

from bisect import insort
from itertools import compress, repeat

from addressbook.index.haystack_scan import HaystackScan, narrow
from addressbook.index.splice import Splice

# Past this many rows changed since the base was built (or this share of the table,
# whichever is more), a fresh base pays for itself: each search moves its hits past
# every change, and scans the rows added one by one.
_REBUILD_MIN_ROWS = 2000
_REBUILD_SHARE = 0.02


class SplicedScan:
    """The haystacks of a table's rows, by current position, ready to be searched."""

    def __init__(self, haystacks: list[str]) -> None:
        self._build_base(haystacks)

    def _build_base(self, haystacks: list[str]) -> None:
        self.haystacks = haystacks
        self._base = HaystackScan(haystacks)
        # By current position: the row's position in the base, or -1 for a row added
        # since. None while the base holds exactly the current rows.
        self._base_of: list[int] | None = None
        self._gone_from_base: list[int] = []  # base positions, ascending
        self._added_count = 0
        self._from_base: Splice | None = None  # worked out at the first search after a delta

    def splice(self, splice: Splice, inserted: list[str]) -> None:
        """Follow a delta: inserted are the haystacks of the rows at splice.inserted."""
        if self._base_of is None:
            self.haystacks = list(self.haystacks)  # the base keeps the list it was built on
            self._base_of = list(range(len(self.haystacks)))
        for position in splice.removed:
            base_position = self._base_of[position]
            if base_position < 0:
                self._added_count -= 1
            else:
                insort(self._gone_from_base, base_position)
        self._added_count += len(splice.inserted)
        self.haystacks = splice.apply(self.haystacks, inserted)
        self._base_of = splice.apply(self._base_of, [-1] * len(splice.inserted))
        self._from_base = None
        changed = self._added_count + len(self._gone_from_base)
        if changed > max(_REBUILD_MIN_ROWS, _REBUILD_SHARE * len(self.haystacks)):
            self._build_base(self.haystacks)

    def rows_with(self, term: str) -> list[int]:
        """Ascending positions of every row whose haystack holds term."""
        hits = self._base.rows_with(term)
        if self._base_of is None:
            return hits
        from_base = self._moves_from_base()
        current = from_base.remap_ascending(hits)
        added = from_base.inserted
        found = list(
            compress(
                added, map(str.__contains__, map(self.haystacks.__getitem__, added), repeat(term))
            )
        )
        return sorted(current + found) if found else current

    def rows_within(self, term: str, positions: list[int]) -> list[int]:
        """The positions, of those given (ascending), whose haystack holds term."""
        if self._base_of is None:
            return self._base.rows_within(term, positions)
        return narrow(self.haystacks, term, positions, self.rows_with)

    def _moves_from_base(self) -> Splice:
        """The base's rows to the current ones: those gone, and where rows were added."""
        if self._from_base is None:
            base_of, added, found = self._base_of or [], [], -1
            for _ in range(self._added_count):  # C-speed scans, one pass in all
                found = base_of.index(-1, found + 1)
                added.append(found)
            self._from_base = Splice(len(self._base.haystacks), list(self._gone_from_base), added)
        return self._from_base
