"""The rows of the table as flat, aligned lists, so search and sort run at C speed.

Why flat lists: at 100k rows a Python loop that follows a pointer to each row
object is dominated by cache misses (rows end up scattered in memory once
sorted). Scanning a list of haystack strings in the order they were built,
with map() and str.__contains__, touches memory in sequence (see HaystackScan); the sort order
is a separate permutation, and a search result is a bytes mask over the
storage order that the permutation then reads. A delta (an edit, a sync) splices
every list in place of rebuilding them (see spliced()). Qt-free.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from itertools import compress, repeat
from operator import attrgetter

from addressbook.index.haystack_scan import NARROWING_MAX_SHARE
from addressbook.index.rows import COLUMN_NAME, ContactRow, collation_key
from addressbook.index.splice import Splice
from addressbook.index.spliced_scan import SplicedScan

# Past this many new rows, sorting again is cheaper than placing each in a sort order.
_MAX_PLACED_ROWS = 256


class RowIndex:
    def __init__(self, rows: Iterable[ContactRow] = ()) -> None:
        self.rows: list[ContactRow] = list(rows)
        self.scan = SplicedScan([row.haystack for row in self.rows])
        interned: dict[int, int] = {}
        # A few hundred distinct int objects instead of one per row: they stay in cache.
        self.client_ids = [interned.setdefault(row.client_id, row.client_id) for row in self.rows]
        self._by_id: dict[int, ContactRow] | None = None
        self._keys: dict[int, list[str]] = {}
        self._orders: dict[tuple[int, bool], tuple[list[int], bool]] = {}
        self._last_order = (COLUMN_NAME, False)
        self._client_counts: dict[int, int] | None = None

    def prepare(self) -> RowIndex:
        """Do the work of the usual first display, and of the first edit, now (on the
        worker thread)."""
        self.order_by(COLUMN_NAME, False)
        self.client_counts()
        _ = self.by_id
        return self

    @property
    def by_id(self) -> dict[int, ContactRow]:
        if self._by_id is None:
            self._by_id = {row.id: row for row in self.rows}
        return self._by_id

    def position_of(self, contact_id: int) -> int | None:
        """The storage position of a contact's row, found by its name key."""
        row = self.by_id.get(contact_id)
        if row is None:
            return None
        rows, keys = self.rows, self.sort_keys(COLUMN_NAME)
        position = bisect_left(keys, row.name_key)
        while position < len(rows) and keys[position] == row.name_key:
            if rows[position] is row:
                return position
            position += 1
        return rows.index(row)  # rows not stored in name order (set_rows does not insist)

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
        self._last_order = (column, descending)
        cached = self._orders.get(self._last_order)
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

    def select(
        self,
        order: list[int],
        hits: list[int] | None,
        client_id: int | None,
        *,
        in_storage_order: bool,
    ) -> list[int]:
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

    # -- deltas ---------------------------------------------------------------------
    def apply_delta(self, upserted: Iterable[ContactRow], removed_ids: Iterable[int]) -> Splice:
        """Merge a delta in place and say where rows moved. Unchanged rows and what was
        derived from them stay, so the cost follows the size of the delta."""
        new_rows = sorted({row.id: row for row in upserted}.values(), key=attrgetter("name_key"))
        gone = set(removed_ids).union(row.id for row in new_rows)
        removed = sorted(p for p in map(self.position_of, gone) if p is not None)
        name_keys = self.sort_keys(COLUMN_NAME)
        # Kept in name order, as a full load stores them: the default sort then stays the
        # storage order, and searches keep their fast path.
        kept_before = (bisect_right(name_keys, row.name_key) for row in new_rows)
        inserted = [point - bisect_left(removed, point) + i for i, point in enumerate(kept_before)]
        splice = Splice(len(self.rows), removed, inserted)
        removed_clients = [self.client_ids[position] for position in removed]
        self.rows = splice.apply(self.rows, new_rows)
        self.client_ids = splice.apply(self.client_ids, [row.client_id for row in new_rows])
        self._keys = {
            column: splice.apply(keys, [row.sort_key(column) for row in new_rows])
            for column, keys in self._keys.items()
        }
        self.scan.splice(splice, [row.haystack for row in new_rows])
        self._follow(splice, gone, new_rows, removed_clients)
        return splice

    def hits_after(self, splice: Splice, hits: list[int], terms: list[str]) -> list[int]:
        """A search's hits (made before splice) after it, without searching again."""
        haystacks = self.scan.haystacks
        found = [
            position
            for position in splice.inserted
            if all(term in haystacks[position] for term in terms)
        ]
        kept = splice.remap_ascending(hits)
        return sorted(kept + found) if found else kept

    def _follow(
        self, splice: Splice, gone: set[int], new_rows: list[ContactRow], removed_clients: list[int]
    ) -> None:
        """Bring the ids, the counts and the sort orders up to date after a splice."""
        by_id = self.by_id
        for contact_id in gone:
            by_id.pop(contact_id, None)
        by_id.update((row.id, row) for row in new_rows)
        if self._client_counts is not None:
            counts = Counter(self._client_counts)
            counts.subtract(removed_clients)
            counts.update(row.client_id for row in new_rows)
            self._client_counts = {client: n for client, n in counts.items() if n > 0}
        orders = self._orders
        for (column, descending), (order, identity) in list(orders.items()):
            if identity and column == COLUMN_NAME and not descending:
                # Still stored by name (see apply_delta): still 0..n-1.
                del order[splice.new_length :]
                order.extend(range(len(order), splice.new_length))
            elif (column, descending) == self._last_order and len(
                splice.inserted
            ) <= _MAX_PLACED_ROWS:
                # Only the order in use: others are sorted again if they are asked for.
                placed = splice.remap_order(order)
                keys = self._keys[column]
                for position in splice.inserted:
                    placed.insert(_place_in(placed, keys, position, descending), position)
                identity = all(map(int.__eq__, placed, range(len(placed))))
                orders[column, descending] = (placed, identity)
            else:
                del orders[column, descending]


def _place_in(order: list[int], keys: list[str], position: int, descending: bool) -> int:
    """Where position goes in order, a stable sort by keys (ties in storage order)."""
    key = keys[position]

    def comes_after(other: int) -> bool:
        other_key = keys[other]
        if other_key == key:
            return other > position
        return other_key < key if descending else other_key > key

    return bisect_left(order, True, key=comes_after)


class IndexedRows(list[ContactRow]):
    """A list of rows that carries its RowIndex, built off the GUI thread."""

    row_index: RowIndex

    @classmethod
    def of(cls, rows: list[ContactRow]) -> IndexedRows:
        indexed = cls(rows)
        indexed.row_index = RowIndex(indexed).prepare()
        return indexed
