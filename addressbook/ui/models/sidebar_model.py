"""The client sidebar: "All contacts", active clients with counts, inactive ones grouped.

A two-level tree: the top level holds "All contacts", each active client and
(when there are any) an "Inactive clients" group whose children are the
inactive clients. While a search is active, counts are the number of hits.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from addressbook.core.models import Client
from addressbook.index.rows import fast_fold

CLIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
NODE_KIND_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ALL, KIND_CLIENT, KIND_GROUP = "all", "client", "group"
COLUMN_LABEL, COLUMN_COUNT = 0, 1

_TOP, _IN_GROUP = 0, 1  # internalId: which level an index belongs to
_NO_INDEX = QModelIndex()
AnyIndex = QModelIndex | QPersistentModelIndex


class ClientSidebarModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._active: list[Client] = []
        self._inactive: list[Client] = []
        self._counts: dict[int, int] = {}
        self._hits: dict[int, int] | None = None
        self._totals: tuple[int, int] | None = None

    # -- data in --------------------------------------------------------------------
    def set_clients(self, clients: Iterable[Client], counts: Mapping[int, int]) -> None:
        ordered = sorted(clients, key=lambda client: fast_fold(client.name))
        self.beginResetModel()
        self._active = [client for client in ordered if client.active]
        self._inactive = [client for client in ordered if not client.active]
        self._counts = dict(counts)
        self._totals = None
        self.endResetModel()

    def set_counts(self, counts: Mapping[int, int]) -> None:
        self._counts = dict(counts)
        self._counts_changed()

    def set_hit_counts(self, hits: Mapping[int, int] | None) -> None:
        """Hits per client during a search; None when the search is cleared."""
        self._hits = None if hits is None else dict(hits)
        self._counts_changed()

    # -- queries --------------------------------------------------------------------
    def clients(self) -> list[Client]:
        return [*self._active, *self._inactive]

    def active_clients(self) -> list[Client]:
        return list(self._active)

    def index_of_client(self, client_id: int | None) -> QModelIndex:
        if client_id is None:
            return self.index(0, 0)
        for row, client in enumerate(self._active):
            if client.id == client_id:
                return self.index(row + 1, 0)
        for row, client in enumerate(self._inactive):
            if client.id == client_id:
                return self.index(row, 0, self._group_index())
        return QModelIndex()

    def group_index(self) -> QModelIndex:
        return self._group_index()

    # -- Qt interface -----------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = _NO_INDEX) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        level = _IN_GROUP if parent.isValid() else _TOP
        return self.createIndex(row, column, level)

    def parent(self, index: AnyIndex = _NO_INDEX) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self._group_index()

    def rowCount(self, parent: AnyIndex = _NO_INDEX) -> int:  # noqa: N802
        if not parent.isValid():
            return 1 + len(self._active) + (1 if self._inactive else 0)
        if parent.column() == 0 and self._node(parent)[0] == KIND_GROUP:
            return len(self._inactive)
        return 0

    def columnCount(self, parent: AnyIndex = _NO_INDEX) -> int:  # noqa: N802
        return 2

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        kind, client = self._node(index)
        if role == NODE_KIND_ROLE:
            return kind
        if role == CLIENT_ID_ROLE:
            return client.id if client is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.column(), kind, client)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(index.column(), kind, client)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and index.column() == COLUMN_LABEL:
            return self._where(kind, index.internalId())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COLUMN_COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and kind != KIND_CLIENT:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and self._is_empty_hit(kind, client):
            return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(kind, client)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Hidden on screen, but read by assistive technology: not "1" and "2"."""
        if orientation == Qt.Orientation.Horizontal and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return ("Client", "Contacts")[section] if section in (0, 1) else None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- internals ------------------------------------------------------------------
    def _group_index(self) -> QModelIndex:
        if not self._inactive:
            return QModelIndex()
        return self.createIndex(1 + len(self._active), 0, _TOP)

    def _node(self, index: AnyIndex) -> tuple[str, Client | None]:
        row = index.row()
        if index.internalId() == _IN_GROUP:
            return KIND_CLIENT, self._inactive[row]
        if row == 0:
            return KIND_ALL, None
        if row <= len(self._active):
            return KIND_CLIENT, self._active[row - 1]
        return KIND_GROUP, None

    def _count(self, kind: str, client: Client | None) -> int:
        counts = self._counts if self._hits is None else self._hits
        if kind == KIND_CLIENT and client is not None:
            return counts.get(client.id, 0)
        totals = self._totals
        if totals is None:  # both sums, once per change of the counts
            inactive = sum(counts.get(client.id, 0) for client in self._inactive)
            totals = self._totals = (sum(counts.values()), inactive)
        return totals[1] if kind == KIND_GROUP else totals[0]

    def _text(self, column: int, kind: str, client: Client | None) -> str:
        if column == COLUMN_COUNT:
            return str(self._count(kind, client))
        if kind == KIND_ALL:
            return "All contacts"
        if kind == KIND_GROUP:
            return "Inactive clients"
        return client.name if client is not None else ""

    def _spoken(self, column: int, kind: str, client: Client | None) -> str:
        """What a screen reader says: the name, and the count as words ("57 contacts")."""
        if column == COLUMN_LABEL:
            return self._text(COLUMN_LABEL, kind, client)
        count = self._count(kind, client)
        what = "matching" if self._hits is not None else ""
        noun = "contact" if count == 1 else "contacts"
        return " ".join(part for part in (str(count), what, noun) if part)

    def _where(self, kind: str, level: int) -> str | None:
        """The level a screen reader cannot get from Qt: Qt 6.11's AT-SPI bridge gives
        tree cells no level attribute, so the two levels are said in words instead."""
        if level == _IN_GROUP:
            return "Level 2, in Inactive clients"
        if kind == KIND_GROUP:
            count = len(self._inactive)
            return f"Level 1, group of {count} inactive client{'' if count == 1 else 's'}"
        return None

    def _tooltip(self, kind: str, client: Client | None) -> str:
        count = self._count(kind, client)
        what = "matching contacts" if self._hits is not None else "contacts"
        name = self._text(COLUMN_LABEL, kind, client)
        return f"{name}: {count} {what}"

    def _is_empty_hit(self, kind: str, client: Client | None) -> bool:
        return self._hits is not None and self._count(kind, client) == 0

    def _counts_changed(self) -> None:
        self._totals = None
        top = self.rowCount()
        if top:
            self.dataChanged.emit(self.index(0, 0), self.index(top - 1, COLUMN_COUNT))
        group = self._group_index()
        if group.isValid() and self._inactive:
            last = len(self._inactive) - 1
            self.dataChanged.emit(self.index(0, 0, group), self.index(last, COLUMN_COUNT, group))
