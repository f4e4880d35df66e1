"""The contacts table: one QAbstractTableModel over a list of immutable rows.

Searching and sorting never go through Qt per cell: a search is a scan of
precomputed haystacks (see RowIndex) that swaps the visible row list, and a
sort is a sort of memoised keys followed by layoutChanged. A delta (an edit, a
sync) is spliced into the index in place (see RowIndex.apply_delta), at a cost that
follows its size. See PRODUCT.md for the figures (a proxy model is hundreds of
times slower at 100k rows).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import compress
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from addressbook.core.display import for_display
from addressbook.core.models import Contact
from addressbook.index.row_index import RowIndex
from addressbook.index.rows import (
    COLUMN_COUNT,
    COLUMN_NAME,
    COLUMN_PHONE,
    COLUMN_TITLES,
    ContactRow,
    query_terms,
)
from addressbook.ui.models.headers import header_data

if TYPE_CHECKING:  # QIcon's enums cost ~3 ms; badges are drawn after the first paint
    from PySide6.QtGui import QIcon

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole + 3

AnyIndex = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


class ContactsTableModel(QAbstractTableModel):
    """All cached contacts; the visible subset follows the search and the client filter."""

    rows_changed = Signal()  # the visible rows were replaced (search, filter or new data)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._index = RowIndex()
        self._order: list[int] = []  # storage positions in sort order
        self._in_storage_order = True
        self._hits: list[int] | None = None  # search hits over every client, by position
        self._visible: list[int] = []  # storage positions shown, in sort order
        self._terms: list[str] = []
        self._client_id: int | None = None
        self._sort_column = COLUMN_NAME
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._dirty_ids: frozenset[int] = frozenset()
        self._conflict_ids: frozenset[int] = frozenset()
        self._badges: dict[str, QIcon] = {}

    # -- Qt interface -----------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = _NO_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: AnyIndex = _NO_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._index.rows[self._visible[index.row()]]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return for_display(row.cells[column])  # data, never layout: see core.display
        if role == ROW_ROLE:
            return row
        if role == CONTACT_ID_ROLE:
            return row.id
        if column == COLUMN_NAME:
            return self._badge_data(row, role)
        if column == COLUMN_PHONE and role == Qt.ItemDataRole.ToolTipRole:
            return _phones_tooltip(row)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return header_data(COLUMN_TITLES, section, orientation, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < COLUMN_COUNT:
            return
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        before = self._persistent_positions()
        self._sort()
        self._refilter()
        self._restore_persistent(before)
        self.layoutChanged.emit()

    # -- data in ----------------------------------------------------------------------
    def set_rows(self, rows: Iterable[ContactRow]) -> None:
        """Replace every row in one reset. A RowIndex prepared with the rows (IndexedRows)
        becomes the model's own: later deltas change it in place."""
        self.beginResetModel()
        prepared = getattr(rows, "row_index", None)
        self._index = prepared if isinstance(prepared, RowIndex) else RowIndex(rows)
        self._sort()
        self._hits = self._index.search(self._terms)
        self._refilter()
        self.endResetModel()
        self.rows_changed.emit()

    def apply_changes(self, upserted: Iterable[ContactRow], removed_ids: Iterable[int]) -> None:
        """Merge a delta (a local edit, a sync) at a cost that follows its size: the
        index, the sort order and the search hits are spliced, not rebuilt."""
        self.beginResetModel()
        splice = self._index.apply_delta(upserted, removed_ids)
        self._sort()
        if self._hits is not None:
            self._hits = self._index.hits_after(splice, self._hits, self._terms)
        self._refilter()
        self.endResetModel()
        self.rows_changed.emit()

    def set_markers(self, dirty_ids: Iterable[int], conflict_ids: Iterable[int]) -> None:
        """Contacts with unsynced changes and with conflicts get a badge on their name."""
        self._dirty_ids, self._conflict_ids = frozenset(dirty_ids), frozenset(conflict_ids)
        if self._visible:
            last = self.index(len(self._visible) - 1, COLUMN_NAME)
            self.dataChanged.emit(self.index(0, COLUMN_NAME), last)

    # -- search and filter ----------------------------------------------------------
    def set_search(self, text: str) -> None:
        terms = query_terms(text)
        if terms == self._terms:
            return
        # Typing on narrows the search: only the previous hits can still match.
        narrower = self._hits is not None and all(
            any(old in new for new in terms) for old in self._terms
        )
        self._terms = terms
        self.beginResetModel()
        self._hits = self._index.search(terms, self._hits if narrower else None)
        self._refilter()
        self.endResetModel()
        self.rows_changed.emit()

    def set_client_filter(self, client_id: int | None) -> None:
        if client_id == self._client_id:
            return
        self.beginResetModel()
        self._client_id = client_id
        self._refilter()
        self.endResetModel()
        self.rows_changed.emit()

    def hit_counts(self) -> dict[int, int] | None:
        """Hits per client while a search is active, else None."""
        return None if self._hits is None else self._index.hit_counts(self._hits)

    def client_counts(self) -> dict[int, int]:
        return self._index.client_counts()

    # -- queries --------------------------------------------------------------------
    @property
    def searching(self) -> bool:
        return bool(self._terms)

    @property
    def sort_column(self) -> int:
        return self._sort_column

    def total_count(self) -> int:
        return len(self._index)

    def match_count(self) -> int:
        return len(self._index) if self._hits is None else len(self._hits)

    def row_at(self, row: int) -> ContactRow:
        return self._index.rows[self._visible[row]]

    def row_of(self, contact_id: int) -> int | None:
        rows = self.rows_of([contact_id])
        return rows[0] if rows else None

    def rows_of(self, contact_ids: Iterable[int]) -> list[int]:
        """The visible rows of these contacts, ascending (a pass at C speed)."""
        positions = set(map(self._index.position_of, contact_ids)) - {None}
        visible = self._visible
        return list(compress(range(len(visible)), map(positions.__contains__, visible)))

    def find_row(self, contact_id: int) -> ContactRow | None:
        return self._index.by_id.get(contact_id)

    def contacts_by_id(self, contact_ids: Iterable[int]) -> dict[int, Contact]:
        """The stored contacts with these ids."""
        by_id = self._index.by_id
        return {key: by_id[key].contact for key in contact_ids if key in by_id}

    def all_rows(self) -> list[ContactRow]:
        """Every row in the current sort order, whatever the search."""
        rows = self._index.rows
        return [rows[position] for position in self._order]

    def all_contacts(self) -> list[Contact]:
        """Every contact in the current sort order, whatever the search."""
        return [row.contact for row in self.all_rows()]

    def is_dirty(self, contact_id: int) -> bool:
        return contact_id in self._dirty_ids

    def has_conflict(self, contact_id: int) -> bool:
        return contact_id in self._conflict_ids

    # -- internals ------------------------------------------------------------------
    def _sort(self) -> None:
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        self._order, self._in_storage_order = self._index.order_by(self._sort_column, descending)

    def _refilter(self) -> None:
        self._visible = self._index.select(
            self._order, self._hits, self._client_id, in_storage_order=self._in_storage_order
        )

    def _persistent_positions(self) -> list[tuple[QModelIndex, int]]:
        indexes = self.persistentIndexList()
        return [(index, self._visible[index.row()]) for index in indexes if index.isValid()]

    def _restore_persistent(self, before: list[tuple[QModelIndex, int]]) -> None:
        if not before:
            return
        row_of = {stored: i for i, stored in enumerate(self._visible)}
        old = [index for index, _stored in before]
        new = [
            self.index(row_of[stored], index.column()) if stored in row_of else _NO_INDEX
            for index, stored in before
        ]
        self.changePersistentIndexList(old, new)

    def _badge_data(self, row: ContactRow, role: int) -> Any:
        contact_id = row.id
        if contact_id in self._conflict_ids:
            kind, tip = "conflict", "Conflict: this contact was changed here and in Harvest"
        elif contact_id in self._dirty_ids:
            kind, tip = "dirty", "Not yet synced: the change is queued for Harvest"
        else:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return self._badge(kind)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return tip
        return None

    def _badge(self, kind: str) -> QIcon:
        if kind not in self._badges:
            from addressbook.ui.badges import badge_icon

            self._badges[kind] = badge_icon(kind)
        return self._badges[kind]

    def refresh_badges(self) -> None:
        """After a palette change (dark mode), redraw the badges in the new colours."""
        self._badges.clear()
        self.set_markers(self._dirty_ids, self._conflict_ids)


def _phones_tooltip(row: ContactRow) -> str | None:
    """The Phone column shows one number; its tooltip names each of them."""
    contact = row.contact
    numbers = [("Office", contact.phone_office), ("Mobile", contact.phone_mobile)]
    lines = [f"{label}: {for_display(number)}" for label, number in numbers if number]
    return "\n".join(lines) or None
