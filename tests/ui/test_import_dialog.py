"""The import preview: what the user sees for each row, the choices, and the result."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from addressbook.core import Client, Contact
from addressbook.exchange import build_plan, vcards_text
from addressbook.exchange.files import ImportSource, read_source
from addressbook.ui.dialogs.import_dialog import (
    COLUMN_STATUS,
    ImportDialog,
    ImportPreviewModel,
)

CLIENTS = [Client(1, "Acme Corp"), Client(2, "Émile & Fils"), Client(3, "Gone Ltd", active=False)]
EXISTING = [Contact(100, 1, "Jane", "Doe", email="jane@acme.example")]

# Russian headers no alias knows, in Windows-1251 with semicolons, as European Excel saves.
RUSSIAN_CSV = (
    "Имя;Фамилия;Компания;Эл. почта\r\n"
    "Иван;Петров;ACME CORP;ivan@example.ru\r\n"
    "Мария;Смирнова;Рога и копыта;maria@example.ru\r\n"
    "Ольга;;Acme Corp;olga@example.ru\r\n"
    "Jane;Doe;Acme Corp;jane@acme.example\r\n"
    "Иван;Петров;Acme Corp;IVAN@example.ru\r\n"
).encode("cp1251")


def settle(qtbot: QtBot, dialog: ImportDialog) -> None:
    """Wait until the reading or re-plan off the GUI thread is shown."""
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)


def make_dialog(qtbot: QtBot, source: ImportSource) -> ImportDialog:
    dialog = ImportDialog(source, CLIENTS, EXISTING)
    qtbot.addWidget(dialog)
    settle(qtbot, dialog)
    return dialog


def status_column(dialog: ImportDialog) -> list[str]:
    model = dialog.table.model()
    return [model.index(row, COLUMN_STATUS).data() for row in range(model.rowCount())]


def column(dialog: ImportDialog, title: str) -> list[str]:
    model = dialog.table.model()
    number = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == title
    )
    return [model.index(row, number).data() for row in range(model.rowCount())]


def choose(qtbot: QtBot, combo, text: str) -> None:  # type: ignore[no-untyped-def]
    """Pick an entry with the keyboard, as a user would: focus, then type its text."""
    combo.setFocus()
    index = combo.findText(text)
    assert index >= 0, f"{text!r} is not offered"
    while combo.currentIndex() != index:
        key = Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)
    if isinstance(combo.window(), ImportDialog):
        settle(qtbot, combo.window())


def test_csv_mapping_encoding_client_and_counts(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, ImportSource("excel.csv", RUSSIAN_CSV))
    assert "Cyrillic (Windows-1251)" in dialog.file_label.text()
    assert "a guess" in dialog.file_label.text()
    # Unknown headers: nothing is mapped, every row is a problem and Import is disabled.
    assert [combo.currentText() for combo in dialog.mapping_combos] == ["(ignore)"] * 4
    assert dialog.summary_label.text() == "0 contacts will be added, 5 with problems."
    assert not dialog.import_button.isEnabled()

    for combo, field in zip(
        dialog.mapping_combos, ["First name", "Last name", "Company", "Email"], strict=True
    ):
        choose(qtbot, combo, field)
    assert column(dialog, "First name") == ["Иван", "Мария", "Ольга", "Jane", "Иван"]
    assert status_column(dialog) == [
        "Will import",
        "Problem: No active client is called “Рога и копыта”: choose a client for the rest.",
        "Problem: Last name is required.",
        "Duplicate, skipped: Looks like Jane Doe at Acme Corp (jane@acme.example) already exists.",
        "Duplicate in file, skipped: Same person as line 2.",
    ]
    assert dialog.summary_label.text() == (
        "1 contact will be added, 2 duplicates skipped, 2 with problems."
    )
    assert dialog.import_button.isEnabled()

    choose(qtbot, dialog.client_combo, "Émile & Fils")
    assert column(dialog, "Client")[1] == "Émile & Fils"
    assert dialog.summary_label.text() == (
        "2 contacts will be added, 2 duplicates skipped, 1 with problems."
    )
    dialog.include_duplicates_box.setFocus()
    qtbot.keyClick(dialog.include_duplicates_box, Qt.Key.Key_Space)
    assert dialog.summary_label.text() == (
        "4 contacts will be added, 2 duplicates included, 1 with problems."
    )

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ImportDialog.DialogCode.Accepted
    contacts = dialog.contacts()
    assert [(c.first_name, c.last_name, c.client_id) for c in contacts] == [
        ("Иван", "Петров", 1),
        ("Мария", "Смирнова", 2),
        ("Jane", "Doe", 1),
        ("Иван", "Петров", 1),
    ]
    assert all(c.id is None for c in contacts)


def test_choosing_another_encoding_rereads_the_file(qtbot: QtBot) -> None:
    text = "First name,Last name,Company\r\nΓιώργος,Παπαδόπουλος,Acme Corp\r\n"
    dialog = make_dialog(qtbot, ImportSource("greek.csv", text.encode("cp1253")))
    choose(qtbot, dialog.encoding_combo, "Western (Windows-1252)")
    assert column(dialog, "First name") == ["Ãéþñãïò"]
    choose(qtbot, dialog.encoding_combo, "Greek (Windows-1253)")
    assert column(dialog, "First name") == ["Γιώργος"]
    assert "Greek (Windows-1253)" in dialog.file_label.text()
    assert dialog.summary_label.text() == "1 contact will be added."


def test_a_vcard_file_has_no_column_mapping(qtbot: QtBot) -> None:
    data = vcards_text(
        [Contact(7, 2, "Zoë", "Ng", email="zoe@x.example")], {2: "emile & fils"}
    ).encode()
    dialog = make_dialog(qtbot, ImportSource("people.vcf", data))
    assert dialog.mapping_box.isHidden()
    assert dialog.summary_label.text() == "1 contact will be added."
    assert [c.client_id for c in dialog.contacts()] == [2]


def test_nothing_to_import_keeps_import_disabled_and_enter_does_not_accept(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, ImportSource("empty.csv", b""))
    assert not dialog.import_button.isEnabled()
    assert dialog.summary_label.text() == "0 contacts will be added."
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() != ImportDialog.DialogCode.Accepted


def test_every_control_has_an_accessible_name(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QTableView

    dialog = make_dialog(qtbot, ImportSource("excel.csv", RUSSIAN_CSV))
    controls = [
        *dialog.findChildren(QComboBox),
        *dialog.findChildren(QAbstractButton),
        *dialog.findChildren(QTableView),
    ]
    unnamed = [
        w
        for w in controls
        if not w.accessibleName() and w.isVisibleTo(dialog) and w.parent() is not dialog.table
    ]
    assert unnamed == []


def test_preview_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    data = "First name,Last name,Company,Email\r\nAnn,Lee,Acme Corp,bad\r\nBo,Ng,Acme Corp,\r\n"
    reading = read_source(ImportSource("x.csv", data.encode()))
    model = ImportPreviewModel()
    model.set_plan(build_plan(reading.records, CLIENTS, EXISTING))
    qtmodeltester.check(model, force_py=True)
    model.set_plan(build_plan([], CLIENTS, EXISTING))
    model.set_plan(build_plan(reading.records, CLIENTS, EXISTING, include_duplicates=True))


def test_a_ten_thousand_row_csv_previews_every_row(qtbot: QtBot) -> None:
    rows = [f"First{i},Last{i},Acme Corp,p{i}@example.com,+1 555 {i:04d}" for i in range(10_000)]
    data = (
        "First Name,Last Name,Company,E-mail Address,Business Phone\r\n" + "\r\n".join(rows)
    ).encode()
    dialog = make_dialog(qtbot, ImportSource("big.csv", data))
    assert dialog.table.model().rowCount() == 10_000
    assert dialog.summary_label.text() == "10,000 contacts will be added."
    assert len(dialog.contacts()) == 10_000
