"""headerData for a table model: column titles across the top, row numbers down the side."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt


def header_data(titles: Sequence[str], section: int, orientation: Qt.Orientation, role: int) -> Any:
    if role != Qt.ItemDataRole.DisplayRole:
        return None
    if orientation == Qt.Orientation.Horizontal:
        return titles[section] if 0 <= section < len(titles) else None
    return str(section + 1)
