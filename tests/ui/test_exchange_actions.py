"""File menu actions: export in the format of the chosen filter; import through the preview."""

from __future__ import annotations

import codecs
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from addressbook.core import Client, Contact
from addressbook.exchange.files import ExportFormat
from addressbook.settings import Settings
from addressbook.ui.dialogs.import_dialog import ImportDialog
from addressbook.ui.exchange_actions import ExchangeActions

WAIT_MS = 10_000
CLIENTS = [Client(1, "Acme Corp"), Client(2, "Ωμέγα ΑΕ")]
ALL = [
    Contact(11, 1, "Ann", "Lee", email="ann@acme.example"),
    Contact(12, 2, "Γιώργος", "Οικονόμου", phone_mobile="+30 69"),
]


@dataclass
class AnsweringFileDialogs:
    """Answers the file dialogs with a prepared path and filter; records the questions."""

    save_answer: tuple[str, str] = ("", "")
    open_answer: str = ""
    large_answer: bool = False
    asked: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    starts: list[str] = field(default_factory=list)  # where each file dialog started
    large_asked: list[tuple[str, int]] = field(default_factory=list)

    def save_file(
        self, parent: QWidget | None, title: str, filters: Sequence[str], suggested: str
    ) -> tuple[str, str]:
        self.asked.append((title, tuple(filters)))
        self.starts.append(suggested)
        return self.save_answer

    def open_file(
        self, parent: QWidget | None, title: str, filters: Sequence[str], folder: str
    ) -> str:
        self.asked.append((title, tuple(filters)))
        self.starts.append(folder)
        return self.open_answer

    def confirm_large_file(self, parent: QWidget | None, name: str, size: int) -> bool:
        self.large_asked.append((name, size))
        return self.large_answer


@dataclass
class Harness:
    actions: ExchangeActions
    dialogs: AnsweringFileDialogs
    queued: list[list[Contact]]


def make_actions(
    qtbot: QtBot, selected: list[Contact] | None = None, settings: Settings | None = None
) -> Harness:
    window = QWidget()
    qtbot.addWidget(window)
    dialogs = AnsweringFileDialogs()
    queued: list[list[Contact]] = []
    actions = ExchangeActions(
        window,
        lambda: list(selected or []),
        lambda: list(ALL),
        lambda: list(CLIENTS),
        queued.append,
        file_dialogs=dialogs,
        settings=settings,
    )
    actions.set_selection_count(len(selected or []))
    return Harness(actions, dialogs, queued)


def settled_dialog(qtbot: QtBot, harness: Harness) -> ImportDialog:
    dialog = harness.actions.import_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    return dialog


def test_export_all_as_vcard_4_by_the_chosen_filter(qtbot: QtBot, tmp_path: Path) -> None:
    harness = make_actions(qtbot)
    target = tmp_path / "everyone"
    harness.dialogs.save_answer = (str(target), ExportFormat.VCARD_4.file_filter)
    with qtbot.waitSignal(harness.actions.exported, timeout=WAIT_MS) as signal:
        harness.actions.export_all_action.trigger()
    written = tmp_path / "everyone.vcf"
    assert signal.args == [str(written), 2]
    text = written.read_bytes().decode()
    assert text.count("BEGIN:VCARD") == 2 and "VERSION:4.0" in text
    assert "ORG:Ωμέγα ΑΕ\r\n" in text
    assert harness.dialogs.asked[0][1] == (
        "vCard 3.0 (*.vcf)",
        "vCard 4.0 (*.vcf)",
        "CSV, UTF-8 (*.csv)",
    )
    assert not list(tmp_path.glob("*.part"))


def test_export_selected_as_csv(qtbot: QtBot, tmp_path: Path) -> None:
    harness = make_actions(qtbot, selected=[ALL[1]])
    target = tmp_path / "chosen.csv"
    harness.dialogs.save_answer = (str(target), ExportFormat.CSV.file_filter)
    with qtbot.waitSignal(harness.actions.exported, timeout=WAIT_MS):
        harness.actions.export_selected_action.trigger()
    data = target.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    assert data.decode("utf-8-sig").splitlines()[1] == "Γιώργος,Οικονόμου,Ωμέγα ΑΕ,,,,+30 69,"


def test_export_selected_is_disabled_without_a_selection(qtbot: QtBot) -> None:
    harness = make_actions(qtbot, selected=[])
    assert not harness.actions.export_selected_action.isEnabled()
    harness.actions.export_selected_action.trigger()
    assert harness.dialogs.asked == []
    harness.actions.set_selection_count(2)
    assert harness.actions.export_selected_action.isEnabled()
    harness.actions.set_selection_count(0)
    assert not harness.actions.export_selected_action.isEnabled()


def test_a_cancelled_file_dialog_writes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    harness = make_actions(qtbot)
    with qtbot.assertNotEmitted(harness.actions.exported, wait=100):
        harness.actions.export_all_action.trigger()
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_place_is_reported(qtbot: QtBot, tmp_path: Path) -> None:
    harness = make_actions(qtbot)
    harness.dialogs.save_answer = (str(tmp_path / "missing" / "x.vcf"), "")
    with qtbot.waitSignal(harness.actions.export_failed, timeout=WAIT_MS) as signal:
        harness.actions.export_all_action.trigger()
    assert signal.args[0].startswith("Could not write x.vcf")


def test_import_previews_then_queues_the_accepted_contacts(qtbot: QtBot, tmp_path: Path) -> None:
    harness = make_actions(qtbot)
    source = tmp_path / "new.csv"
    source.write_text(
        "First name,Last name,Company,Email\r\n"
        "Bo,Ng,acme corp,bo@acme.example\r\n"
        "Ann,Lee,Acme Corp,ann@acme.example\r\n",  # already there: skipped
        encoding="utf-8",
    )
    harness.dialogs.open_answer = str(source)
    harness.actions.import_action.trigger()
    dialog = settled_dialog(qtbot, harness)
    assert dialog.isVisible()
    assert dialog.summary_label.text() == "1 contact will be added, 1 duplicate skipped."
    with qtbot.waitSignal(harness.actions.imports_queued, timeout=WAIT_MS) as signal:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert signal.args == [1]
    [[created]] = harness.queued
    assert (created.first_name, created.client_id, created.email) == ("Bo", 1, "bo@acme.example")
    assert harness.actions.import_dialog is None


def test_a_cancelled_import_queues_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    harness = make_actions(qtbot)
    source = tmp_path / "new.vcf"
    source.write_bytes(b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ng;Bo\r\nORG:Acme Corp\r\nEND:VCARD\r\n")
    harness.dialogs.open_answer = str(source)
    harness.actions.import_action.trigger()
    dialog = settled_dialog(qtbot, harness)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert harness.queued == []


def test_an_unreadable_import_file_is_reported(qtbot: QtBot, tmp_path: Path) -> None:
    harness = make_actions(qtbot)
    harness.dialogs.open_answer = str(tmp_path / "gone.csv")
    with qtbot.waitSignal(harness.actions.import_failed, timeout=WAIT_MS) as signal:
        harness.actions.import_action.trigger()
    assert signal.args[0].startswith("Could not read gone.csv")
    assert harness.actions.import_dialog is None


def test_a_file_that_is_not_a_contact_list_is_reported(qtbot: QtBot, tmp_path: Path) -> None:
    harness = make_actions(qtbot)
    source = tmp_path / "huge.csv"
    source.write_text("Name\r\n" + "x" * 200_000 + "\r\n", encoding="utf-8")  # one giant field
    harness.dialogs.open_answer = str(source)
    with qtbot.waitSignal(harness.actions.import_failed, timeout=WAIT_MS) as signal:
        harness.actions.import_action.trigger()
    assert signal.args[0].startswith("huge.csv cannot be read as CSV")
    qtbot.waitUntil(lambda: harness.actions.import_dialog is None, timeout=WAIT_MS)
    assert harness.queued == []


def test_file_dialogs_start_in_documents_or_home_then_where_the_user_was(
    qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from addressbook.ui.exchange_actions import default_folder

    monkeypatch.chdir(tmp_path)  # the launch folder must not be where dialogs start
    settings = Settings(tmp_path / "settings.ini")
    harness = make_actions(qtbot, selected=[ALL[0]], settings=settings)
    harness.actions.export_all_action.trigger()  # cancelled: nothing answered
    start = Path(harness.dialogs.starts[-1])
    assert start.parent == Path(default_folder()) != tmp_path
    assert start.name.startswith("Harvest contacts ") and start.suffix == ".vcf"

    harness.actions.export_selected_action.trigger()
    assert Path(harness.dialogs.starts[-1]).name.startswith("Harvest contacts (1 selected) ")

    folder = tmp_path / "exports"
    folder.mkdir()
    harness.dialogs.save_answer = (str(folder / "team.csv"), ExportFormat.CSV.file_filter)
    with qtbot.waitSignal(harness.actions.exported, timeout=WAIT_MS):
        harness.actions.export_all_action.trigger()
    harness.actions.import_action.trigger()  # cancelled
    assert harness.dialogs.starts[-1] == str(folder)
    later = make_actions(qtbot, settings=settings)  # the next session remembers it
    later.actions.import_action.trigger()
    assert later.dialogs.starts[-1] == str(folder)


def test_a_suggested_name_follows_the_format_chosen(qtbot: QtBot, tmp_path: Path) -> None:
    harness = make_actions(qtbot)
    harness.dialogs.save_answer = (str(tmp_path / "Harvest contacts.vcf"), "CSV, UTF-8 (*.csv)")
    with qtbot.waitSignal(harness.actions.exported, timeout=WAIT_MS) as signal:
        harness.actions.export_all_action.trigger()
    assert signal.args[0] == str(tmp_path / "Harvest contacts.csv")


def test_a_huge_file_is_announced_before_anything_is_read(qtbot: QtBot, tmp_path: Path) -> None:
    from addressbook.ui.exchange_actions import large_file_question

    source = tmp_path / "huge.csv"
    with source.open("wb") as file:
        file.truncate(60 * 1024 * 1024)  # 60 MB
    harness = make_actions(qtbot)
    harness.dialogs.open_answer = str(source)
    harness.actions.import_action.trigger()
    assert harness.dialogs.large_asked == [("huge.csv", 60 * 1024 * 1024)]
    assert harness.actions.import_dialog is None  # the user stopped there
    assert "huge.csv is 60 MB, larger than any contacts file" in large_file_question(
        "huge.csv", 60 * 1024 * 1024
    )
    harness.dialogs.large_answer = True
    harness.actions.import_action.trigger()
    assert harness.actions.import_dialog is not None


def test_every_read_failure_is_a_sentence() -> None:
    from addressbook.exchange.files import UnreadableFileError
    from addressbook.ui.dialogs.import_job import failure_message

    assert failure_message("a.csv", MemoryError()) == (
        "a.csv is too large to read in the memory available; nothing was imported."
    )
    assert failure_message("a.csv", PermissionError(13, "Permission denied")) == (
        "Could not read a.csv: Permission denied."
    )
    assert failure_message("a.csv", UnreadableFileError("a.csv is odd.")) == "a.csv is odd."
    assert failure_message("a.csv", ValueError("x")) == (
        "a.csv could not be read as contacts (ValueError); nothing was imported."
    )


def test_an_import_clears_a_search_that_would_hide_it_and_says_it_was_sent(
    qtbot: QtBot, make_app, sandbox, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.conftest import sign_in_demo

    app = make_app()
    sign_in_demo(qtbot, app, sandbox)
    qtbot.waitUntil(lambda: hasattr(app, "exchange"), timeout=WAIT_MS)
    dialogs = AnsweringFileDialogs()
    app.exchange.file_dialogs = dialogs
    assert not app.exchange.export_selected_action.isEnabled()  # nothing selected yet
    company = next(c for c in sandbox.store.clients() if c.active).name
    source = tmp_path / "people.csv"
    source.write_text(
        f'First Name,Last Name,Company\nQuinn,Imported,"{company}"\n', encoding="utf-8"
    )
    app.window.contacts.search.setText("no such person at all")
    dialogs.open_answer = str(source)
    app.exchange.import_action.trigger()
    dialog = app.exchange.import_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=WAIT_MS)
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
        dialog.import_button.click()
    assert app.window.contacts.search.text() == ""
    message = app.window.status.currentMessage()
    assert message == "Imported 1 contact (search cleared to show them) and sent them to Harvest."
    assert "next sync" not in message
    model = app.window.contacts_model
    qtbot.waitUntil(
        lambda: any(
            model.row_at(r).contact.last_name == "Imported" for r in range(model.rowCount())
        ),
        timeout=WAIT_MS,
    )
