"""The rows of the table as flat, aligned lists, so search and sort run at C speed.

Why flat lists: at 100k rows a Python loop that follows a pointer to each row
object is dominated by cache misses (rows end up scattered in memory once
sorted). Scanning a list of haystack strings in the order they were built,
with map() and str.__contains__, touches memory in sequence (see HaystackScan); the sort order
is a separate permutation, and a search result is a bytes mask over the
storage order that the permutation then reads. Qt-free.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import compress, repeat

from addressbook.ui.models.haystack_scan import NARROWING_MAX_SHARE, HaystackScan
from addressbook.ui.models.rows import COLUMN_NAME, ContactRow, collation_key


class RowIndex:
    def __init__(self, rows: Iterable[ContactRow] = ()) -> None:
        self.rows: list[ContactRow] = list(rows)
        self.scan = HaystackScan([row.haystack for row in self.rows])
        interned: dict[int, int] = {}
        # A few hundred distinct int objects instead of one per row: they stay in cache.
        self.client_ids = [interned.setdefault(row.client_id, row.client_id)
                           for row in self.rows]
        self._keys: dict[int, list[str]] = {}
        self._orders: dict[tuple[int, bool], tuple[list[int], bool]] = {}
        self._client_counts: dict[int, int] | None = None

    def prepare(self) -> RowIndex:
        """Do the work of the usual first display now (on the worker thread)."""
        self.order_by(COLUMN_NAME, False)
        self.client_counts()
        return self

    def __len__(self) -> int:
        return len(self.rows)

    def sort_keys(self, column: int) -> list[str]:
        keys = self._keys.get(column)
        if keys is None:
            if column == COLUMN_NAME:
                keys = [row.name_key for row in self.rows]
            else:
                cells = [row.cells[column] for row in self.rows]
                # Companies and titles repeat: one collation key per distinct text.
                key_of = {text: collation_key(text) for text in set(cells)}
                keys = list(map(key_of.__getitem__, cells))
            self._keys[column] = keys
        return keys

    def order_by(self, column: int, descending: bool) -> tuple[list[int], bool]:
        """Storage positions in display order (stable: ties keep the name order), and
        whether that order is the storage order itself."""
        cached = self._orders.get((column, descending))
        if cached is None:
            keys = self.sort_keys(column)
            order = sorted(range(len(self.rows)), key=keys.__getitem__, reverse=descending)
            identity = all(map(int.__eq__, order, range(len(order))))
            cached = self._orders[(column, descending)] = (order, identity)
        return cached

    def search(self, terms: list[str], within: list[int] | None = None) -> list[int] | None:
        """Ascending storage positions whose haystack holds every term; None for no search.

        within: the hits of a broader search (typing on narrows the search), so only
        those rows need scanning.
        """
        if not terms:
            return None
        if within is not None and len(within) > NARROWING_MAX_SHARE * len(self.rows):
            within = None  # scanning every row is cheaper, and finds the same rows
        hits = within
        for term in terms:
            hits = self.scan.rows_with(term) if hits is None else self.scan.rows_within(term, hits)
        return hits

    def select(self, order: list[int], hits: list[int] | None, client_id: int | None,
               *, in_storage_order: bool) -> list[int]:
        """The positions to show, in display order.

        in_storage_order: order is 0..n-1 (rows are stored by name, the usual sort), so
        the hits, ascending, are already in display order.
        """
        if hits is None:
            shown = order
        elif in_storage_order:
            shown = hits
        else:
            mask = bytearray(len(self.rows))
            for _ in map(mask.__setitem__, hits, repeat(1)):
                pass
            shown = list(compress(order, map(mask.__getitem__, order)))
        if client_id is None:
            return shown
        client_ids = self.client_ids
        return list(compress(shown, map(client_id.__eq__, map(client_ids.__getitem__, shown))))

    def hit_counts(self, hits: list[int]) -> dict[int, int]:
        return dict(Counter(map(self.client_ids.__getitem__, hits)))

    def client_counts(self) -> dict[int, int]:
        if self._client_counts is None:
            self._client_counts = dict(Counter(self.client_ids))
        return dict(self._client_counts)


class IndexedRows(list[ContactRow]):
    """A list of rows that carries its RowIndex, built off the GUI thread."""

    row_index: RowIndex

    @classmethod
    def of(cls, rows: list[ContactRow]) -> IndexedRows:
        indexed = cls(rows)
        indexed.row_index = RowIndex(indexed).prepare()
        return indexed
