"""The import preview: what the user sees for each row, the choices, and the result."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit
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


def test_the_status_column_shows_the_longest_status_whole(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, ImportSource("excel.csv", RUSSIAN_CSV))
    for combo, field in zip(
        dialog.mapping_combos, ["First name", "Last name", "Company", "Email"], strict=True
    ):
        choose(qtbot, combo, field)
    metrics = dialog.table.fontMetrics()
    width = dialog.table.horizontalHeader().sectionSize(COLUMN_STATUS)
    longest = max(status_column(dialog), key=metrics.horizontalAdvance)
    assert longest.startswith("Duplicate, skipped: Looks like Jane Doe")
    assert width > metrics.horizontalAdvance(longest)


def test_a_problem_row_is_fixed_by_editing_its_cell(qtbot: QtBot) -> None:
    data = b"First name,Last name,Company\r\nOlga,,Acme Corp\r\nBo,Ng,Acme Corp\r\n"
    dialog = make_dialog(qtbot, ImportSource("fix.csv", data))
    assert status_column(dialog)[0] == "Problem: Last name is required."
    dialog.show()
    qtbot.waitExposed(dialog)
    last_name = dialog.table.model().index(0, 2)
    dialog.table.setCurrentIndex(last_name)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
    editor = dialog.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    qtbot.keyClicks(editor, "Smirnova")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on the next turn of the event loop, then the row is planned again.
    editing = QAbstractItemView.State.EditingState
    qtbot.waitUntil(lambda: dialog.table.state() != editing, timeout=10_000)
    settle(qtbot, dialog)
    assert status_column(dialog) == ["Will import", "Will import"]
    assert column(dialog, "Last name") == ["Smirnova", "Ng"]
    assert [c.last_name for c in dialog.contacts()] == ["Smirnova", "Ng"]


CARD_WITH_MORE = (
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Ann\r\nORG:Acme Corp\r\n"
    b"EMAIL;TYPE=work:ann@acme.example\r\nEMAIL;TYPE=home:ann@home.example\r\n"
    b"TEL;TYPE=work:+1 555 0100\r\nTEL;TYPE=home:+1 555 0111\r\nEND:VCARD\r\n"
)


def test_values_that_do_not_fit_are_listed_and_one_can_be_chosen(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, ImportSource("ann.vcf", CARD_WITH_MORE))
    assert status_column(dialog) == [
        "Will import; not imported: Home ann@home.example, Home +1 555 0111"
    ]
    dialog.table.setCurrentIndex(dialog.table.model().index(0, 0))
    assert "right-click the row" in dialog.row_details.text()
    menu = dialog.alternatives_menu(0)
    texts = [action.text() for action in menu.actions()]
    assert texts == [
        "Import Home ann@home.example as Email",
        "Import Home +1 555 0111 as Office phone",
    ]
    menu.actions()[1].trigger()
    settle(qtbot, dialog)
    [contact] = dialog.contacts()
    assert contact.phone_office == "+1 555 0111"
    assert status_column(dialog) == [
        "Will import; not imported: Office phone +1 555 0100, Home ann@home.example"
    ]


def test_file_text_is_shown_as_written_in_plain_text(qtbot: QtBot) -> None:
    rlm, rlo = "\u200f", "\u202e"
    name = f"AT&T <R&D> O'Neil {rlm}שלום"
    data = (
        "First name,Last name,Company,Title\r\n"
        f"{name},Ng{rlo}gnp.exe,<b>Acme</b> & Co,R&D's <i>lead</i>\r\n"
    ).encode()
    dialog = make_dialog(qtbot, ImportSource("x&y <z>.csv", data))
    assert column(dialog, "First name") == [name]  # &, ', <, > and the mark kept
    assert column(dialog, "Last name") == ["Nggnp.exe"]  # the override cannot reorder
    assert column(dialog, "Company in file") == ["<b>Acme</b> & Co"]
    assert column(dialog, "Title") == ["R&D's <i>lead</i>"]
    for label in (dialog.file_label, dialog.summary_label, dialog.row_details):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.file_label.text().startswith("x&y <z>.csv: CSV")
    dialog.table.setCurrentIndex(dialog.table.model().index(0, 0))
    assert dialog.row_details.text().startswith("line 2: Problem")


def test_the_dialog_opens_at_once_and_cancel_stops_the_reading(qtbot: QtBot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from addressbook.exchange.files import ImportFile

    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as file:
        file.write("First Name,Last Name,Company,E-mail Address\r\n")
        for i in range(300_000):
            file.write(f"First{i},Last{i},Acme Corp,p{i}@example.com\r\n")
    dialog = ImportDialog(ImportFile(path), CLIENTS, EXISTING, max_rows=None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.busy and dialog.progress.isVisible()
    assert dialog.file_label.text() == "Reading big.csv…"
    assert not dialog.import_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=10_000)
    [job] = dialog._jobs.values()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ImportDialog.DialogCode.Rejected
    assert job.cancelled.is_set()
    qtbot.waitUntil(lambda: not dialog._jobs, timeout=10_000)  # it stopped, reporting nothing
    assert dialog.contacts() == []


def test_a_file_longer_than_the_limit_is_read_to_the_limit_and_says_so(qtbot: QtBot) -> None:
    rows = "".join(f"F{i},L{i},Acme Corp,p{i}@example.com\r\n" for i in range(30))
    data = f"First Name,Last Name,Company,E-mail Address\r\n{rows}".encode()
    dialog = ImportDialog(ImportSource("long.csv", data), CLIENTS, EXISTING, max_rows=20)
    qtbot.addWidget(dialog)
    settle(qtbot, dialog)
    assert dialog.table.model().rowCount() == 20
    assert "Only the first 20 rows were read" in dialog.file_label.text()


def test_an_unreadable_file_says_why_and_closes(qtbot: QtBot) -> None:
    dialog = ImportDialog(ImportSource("junk.vcf", b"not a card"), CLIENTS, EXISTING)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.failed, timeout=10_000) as signal:
        dialog.show()
    assert signal.args == [
        "junk.vcf holds no contacts that can be read: no vCard (BEGIN:VCARD) was found."
    ]
    assert dialog.result() == ImportDialog.DialogCode.Rejected


def test_a_guessed_east_asian_encoding_is_named_and_can_be_changed(qtbot: QtBot) -> None:
    text = "姓,名,会社\r\n山田,太郎,Acme Corp\r\n"
    dialog = make_dialog(qtbot, ImportSource("jp.csv", text.encode("shift_jis")))
    assert "Japanese (Shift_JIS) (a guess" in dialog.file_label.text()
    choose(qtbot, dialog.encoding_combo, "Western (Windows-1252)")
    assert "read as Western (Windows-1252)." in dialog.file_label.text()
    assert "a guess" not in dialog.file_label.text()


def test_a_file_without_a_header_shows_the_positions_it_mapped(qtbot: QtBot) -> None:
    data = b"Ann,Lee,ann@acme.example\r\nBo,Ng,bo@acme.example\r\n"
    dialog = make_dialog(qtbot, ImportSource("nohead.csv", data))
    assert "no header row" in dialog.file_label.text()
    assert [c.currentText() for c in dialog.mapping_combos] == ["First name", "Last name", "Email"]
    labels = [dialog.mapping_box.grid.itemAtPosition(0, n * 2).widget().text() for n in range(3)]
    assert labels == ["Column 1 (“Ann”)", "Column 2 (“Lee”)", "Column 3 (“ann@acme.example”)"]
    assert column(dialog, "First name") == ["Ann", "Bo"]
