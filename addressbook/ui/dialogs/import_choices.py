"""The import preview's choices about the file: its encoding and which column is which field."""

from __future__ import annotations

import codecs

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from addressbook.core.display import for_display
from addressbook.exchange import TARGET_LABELS, TARGETS, CsvTable
from addressbook.exchange.columns import ColumnMapping
from addressbook.ui.plain_text import plain_label

# (label, Python codec); None is the rule of addressbook.exchange.text_decoding.
ENCODINGS: tuple[tuple[str, str | None], ...] = (
    ("Automatic", None),
    ("Unicode (UTF-8)", "utf-8"),
    ("Unicode (UTF-16)", "utf-16"),
    ("Western (Windows-1252)", "cp1252"),
    ("Cyrillic (Windows-1251)", "cp1251"),
    ("Greek (Windows-1253)", "cp1253"),
    ("Central European (Windows-1250)", "cp1250"),
    ("Cyrillic (KOI8-R)", "koi8_r"),
    ("Cyrillic (ISO 8859-5)", "iso8859_5"),
    ("Greek (ISO 8859-7)", "iso8859_7"),
    ("Western (ISO 8859-1)", "latin-1"),
    ("Western (Mac Roman)", "mac_roman"),
    ("Japanese (Shift_JIS)", "cp932"),
    ("Japanese (EUC-JP)", "euc_jp"),
    ("Chinese Simplified (GB18030)", "gb18030"),
    ("Chinese Traditional (Big5)", "big5"),
    ("Korean (EUC-KR)", "cp949"),
)
IGNORED = "(ignore)"


def encoding_label(codec: str) -> str:
    """'cp1251' -> 'Cyrillic (Windows-1251)'; BOM and byte-order variants named as Unicode."""
    name = codecs.lookup(codec).name
    for label, known in ENCODINGS[1:]:
        if known is not None and codecs.lookup(known).name == name:
            return label
    if name.startswith(("utf-8", "utf-16", "utf-32")):
        return f"Unicode ({name.upper()})"
    return codec


def encoding_combo() -> QComboBox:
    combo = QComboBox()
    for label, codec in ENCODINGS:
        combo.addItem(label, codec)
    combo.setAccessibleName("Encoding of the file")
    return combo


class MappingBox(QGroupBox):
    """One label and combo per CSV column; hidden for vCard, whose fields are named."""

    mapping_changed = Signal(object)  # ColumnMapping

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Columns: which field each column of the file fills", parent)
        self.grid = QGridLayout()
        inner = QWidget()
        inner.setLayout(self.grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumHeight(110)
        scroll.setMaximumHeight(170)
        QVBoxLayout(self).addWidget(scroll)
        self.combos: list[QComboBox] = []

    def show_table(self, table: CsvTable | None, mapping: ColumnMapping) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.combos = []
        self.setVisible(table is not None)
        if table is None:
            return
        for column, target in enumerate(mapping):
            self._add_row(column, _column_name(table, column), target)

    def mapping(self) -> ColumnMapping:
        return tuple(combo.currentData() for combo in self.combos)

    def _add_row(self, column: int, name: str, target: str | None) -> None:
        label = plain_label(name)
        combo = QComboBox()
        # Narrower than its longest entry, so three columns fit side by side.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        combo.addItem(IGNORED, None)
        for choice in TARGETS:
            combo.addItem(TARGET_LABELS[choice], choice)
        combo.setCurrentIndex(combo.findData(target) if target else 0)
        combo.setAccessibleName(f"Field for column {for_display(name)}")
        label.setBuddy(combo)
        combo.currentIndexChanged.connect(lambda: self.mapping_changed.emit(self.mapping()))
        row, pair = divmod(column, 3)
        self.grid.addWidget(label, row, pair * 2)
        self.grid.addWidget(combo, row, pair * 2 + 1)
        self.combos.append(combo)


def _column_name(table: CsvTable, column: int) -> str:
    """The header's name; for a file without a header, the position and a sample value."""
    name = table.header[column] if column < len(table.header) else ""
    if table.has_header:
        return name or f"Column {column + 1}"
    sample = next((row[column].strip() for row in table.rows[:5] if row[column].strip()), "")
    return f"{name} (“{sample[:24]}”)" if sample else name
