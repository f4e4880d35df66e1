"""The clean-up view, the Trash and History in the running app, against the sandbox."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QPushButton, QRadioButton
from pytestqt.qtbot import QtBot

from addressbook.cleanup.scan import CleanupReport
from addressbook.core.models import Client, Contact
from addressbook.sandbox import SandboxServer
from addressbook.ui.cleanup.cleanup_view import CleanupView
from addressbook.ui.cleanup.controller import CleanupController
from addressbook.ui.cleanup.merge_dialog import MergeDialog
from addressbook.ui.cleanup.table_model import RowsModel
from addressbook.ui.cleanup.trash_view import TrashView
from tests.ui.conftest import WAIT_MS, AppFactory, sign_in_demo

TWIN_EMAIL = "dana@twin.example"


def started(qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer) -> CleanupController:
    client = sandbox.store.clients()[0].id
    sandbox.store.add_contact(client, "Dana", "Twin", email=TWIN_EMAIL, title="Boss")
    sandbox.store.add_contact(client, "Dana", "Twin", email=TWIN_EMAIL.upper(), fax="555 0199")
    app = make_app()
    sign_in_demo(qtbot, app, sandbox)
    qtbot.waitUntil(lambda: hasattr(app, "cleanup"), timeout=WAIT_MS)
    controller: CleanupController = app.cleanup  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "(" in controller.entries.item(0).text(), timeout=WAIT_MS)
    return controller


def twins(sandbox: SandboxServer) -> list[Contact]:
    return [c for c in sandbox.store.contacts() if c.last_name == "Twin"]


def wait_for(qtbot: QtBot, check: Callable[[], bool]) -> None:
    qtbot.waitUntil(check, timeout=WAIT_MS)


def test_sidebar_counts_and_a_merge_through_the_dialog_then_undone(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    controller = started(qtbot, make_app, sandbox)
    assert controller.entries.item(0).text().startswith("Clean up (")
    assert controller.entries.item(1).text() == "Trash (0)"
    controller.entries.cleanup_clicked.emit()
    assert controller.cleanup_dock.isVisible()
    view = controller.view
    groups = [g for g in view.duplicates.model.objects() if g[0].last_name == "Twin"]
    assert len(groups) == 1
    dialog = controller.open_merge(groups[0])
    assert isinstance(dialog, MergeDialog)
    upper = next(b for b in dialog.findChildren(QRadioButton) if b.text() == TWIN_EMAIL.upper())
    upper.click()
    assert "1 other contact will be deleted" in dialog.summary.text()
    dialog.merge_button.click()
    wait_for(qtbot, lambda: len(twins(sandbox)) == 1)
    [survivor] = twins(sandbox)
    wait_for(qtbot, lambda: twins(sandbox)[0].email == TWIN_EMAIL.upper())
    assert (survivor.title, twins(sandbox)[0].fax) == ("Boss", "555 0199")
    wait_for(qtbot, lambda: controller.entries.item(1).text() == "Trash (1)")
    controller.undo_stack.undo()
    wait_for(qtbot, lambda: len(twins(sandbox)) == 2)
    wait_for(qtbot, lambda: {c.email for c in twins(sandbox)} == {TWIN_EMAIL, TWIN_EMAIL.upper()})


def test_phone_preview_applied_as_one_batch_and_undone(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    client = sandbox.store.clients()[0].id
    sandbox.store.add_contact(
        client, "Phil", "Phones", phone_office="020 7946 0100", phone_mobile="ask Jenny"
    )
    controller = started(qtbot, make_app, sandbox)
    phones = controller.view.phones
    phones.region.setCurrentIndex(phones.region.findData("FR"))
    phones.region.setCurrentIndex(phones.region.findData("GB"))
    from addressbook.settings import Preferences

    assert controller.window.settings.get(Preferences.PHONE_REGION) == "GB"  # remembered
    mine = [c for c in phones._candidates if c[0].last_name == "Phones"]  # noqa: SLF001
    assert {value for _, _, value in mine} == {"020 7946 0100", "ask Jenny"}
    phones.set_candidates(mine)
    phones.preview_button.click()
    wait_for(qtbot, lambda: phones.model.rowCount() == 2)
    texts = {phones.model.index(r, 3).data() for r in range(2)}
    assert texts == {"+44 20 7946 0100", "(not a number: left as typed)"}
    phones.apply_button.click()

    def office() -> str | None:
        return next(c.phone_office for c in sandbox.store.contacts() if c.last_name == "Phones")

    wait_for(qtbot, lambda: office() == "+44 20 7946 0100")
    assert controller.undo_stack.undoText().startswith("Normalise 1 phone number")
    controller.undo_stack.undo()
    wait_for(qtbot, lambda: office() == "020 7946 0100")


def test_trash_restore_and_history_restore_in_the_window(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    controller = started(qtbot, make_app, sandbox)
    window = controller.window
    victim = twins(sandbox)[0]
    window.contacts.select_contacts([victim.id], victim.id)
    wait_for(qtbot, lambda: controller.history.versions.count() == 1)
    app_worker = controller.runner._worker  # noqa: SLF001
    app_worker.delete_requested.emit([window.contacts.selected_rows()[0].contact])
    wait_for(qtbot, lambda: controller.entries.item(1).text() == "Trash (1)")
    controller.entries.trash_clicked.emit()
    assert controller.trash_dock.isVisible()
    assert controller.trash_view.model.index(0, 4).data() == "Deleted here"
    controller.trash_view.restore_button.click()
    wait_for(qtbot, lambda: controller.entries.item(1).text() == "Trash (0)")
    wait_for(qtbot, lambda: victim.id not in {c.id for c in twins(sandbox)})
    wait_for(qtbot, lambda: len(twins(sandbox)) == 2)  # once, under a new id

    other = next(c for c in twins(sandbox) if c.fax == "555 0199")  # not the restored one
    assert other.id is not None
    sandbox.store.update_contact(other.id, title="Changed in Harvest")
    with qtbot.waitSignal(controller.runner.events.sync_finished, timeout=WAIT_MS):
        app_worker.sync_requested.emit(True)
    window.contacts.select_contacts([other.id], other.id)
    wait_for(qtbot, lambda: controller.history.versions.count() == 2)
    newest = controller.history.versions.item(0).text()
    assert "Title: (empty) → Changed in Harvest" in newest
    controller.history.versions.setCurrentRow(1)
    assert controller.history.restore_button.isEnabled()
    controller.history.restore_button.click()
    wait_for(qtbot, lambda: sandbox.store.get_contact(other.id).title is None)  # type: ignore[union-attr]


def test_rows_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = RowsModel(("A", "B"), checkable=True)
    model.set_rows([(1, ("one", "x")), (2, ("two", "y"))])
    qtmodeltester.check(model)
    model.setData(model.index(1, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.checked_objects() == [1]


def test_views_filter_by_client(qtbot: QtBot) -> None:
    view = CleanupView()
    qtbot.addWidget(view)
    a, b = Client(1, "Acme"), Client(2, "Zeta", active=False)
    ann = Contact(1, 1, "Ann", "", email="ann@x.com")
    bob = Contact(2, 2, "Bob", "Ray", email="bob@x.com")
    view.show_report(CleanupReport(incomplete=[], inactive=[bob]), [a, b])
    from addressbook.cleanup.scan import Incomplete

    view.show_report(
        CleanupReport(incomplete=[Incomplete(ann, ("No last name",))], inactive=[bob]), [a, b]
    )
    assert view.incomplete.model.rowCount() == 1 and view.inactive.model.rowCount() == 1
    view.client_filter.setCurrentIndex(view.client_filter.findData(2))
    assert view.incomplete.model.rowCount() == 0 and view.inactive.model.rowCount() == 1
    assert view.tabs.tabText(3) == "Inactive clients (1)"


def test_empty_trash_asks_first(qtbot: QtBot) -> None:
    view = TrashView()
    qtbot.addWidget(view)
    with qtbot.assertNotEmitted(view.empty_requested):
        view.confirm_empty().reject()
    with qtbot.waitSignal(view.empty_requested, timeout=WAIT_MS):
        box = view.confirm_empty()
        box.done(box.standardButton(box.button(box.StandardButton.Yes)).value)


def test_restoring_at_an_inactive_client_asks_for_another(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    controller = started(qtbot, make_app, sandbox)
    gone = twins(sandbox)[0]
    assert gone.id is not None
    sandbox.store.delete_contact(gone.id)
    sandbox.store.toggle_client(gone.client_id)  # now inactive
    with qtbot.waitSignal(controller.runner.events.sync_finished, timeout=WAIT_MS):
        controller.runner._worker.sync_requested.emit(True)  # noqa: SLF001
    wait_for(qtbot, lambda: controller.entries.item(1).text() == "Trash (1)")
    assert controller.trash_view.model.index(0, 4).data() == "Deleted in Harvest"
    dialog = controller.restore(controller.trash_view.model.objects()[0])
    assert isinstance(dialog, QInputDialog) and "inactive" in dialog.labelText()
    target = controller.window.sidebar_model.active_clients()[0]
    dialog.setTextValue(target.name)
    dialog.accept()
    wait_for(qtbot, lambda: len(twins(sandbox)) == 2)
    [back] = [c for c in twins(sandbox) if c.email == gone.email]
    assert back.client_id == target.id and back.id != gone.id and back.title == gone.title
    assert controller.undo_stack.undoText() == "Restore Dana Twin"


def test_inactive_contacts_selected_in_the_table_from_the_menu(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    client = sandbox.store.clients()[0]
    sandbox.store.toggle_client(client.id)  # inactive
    controller = started(qtbot, make_app, sandbox)
    menu = controller.window.menus["&Contact"]
    [entry] = [a for a in menu.actions() if a.text() == "Clean &up…"]
    entry.trigger()
    assert controller.cleanup_dock.isVisible()
    pane = controller.view.inactive
    wanted = {c.id for c in pane.model.objects()}
    assert wanted and all(c.client_id == client.id for c in pane.model.objects())
    [select] = [b for b in pane.findChildren(QPushButton) if b.text().startswith("&Select")]
    select.click()
    assert {row.id for row in controller.window.contacts.selected_rows()} == wanted


def test_the_view_follows_a_sync_that_changes_contacts(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    controller = started(qtbot, make_app, sandbox)
    view = controller.view

    def zed_groups() -> int:
        return len([g for g in view.duplicates.model.objects() if g[0].last_name == "Zed"])

    assert zed_groups() == 0
    client = sandbox.store.clients()[1].id
    for _ in range(2):
        sandbox.store.add_contact(client, "Kim", "Zed", email="kim@zed.example")
    controller.runner._worker.sync_requested.emit(False)  # noqa: SLF001
    wait_for(qtbot, lambda: zed_groups() == 1)


def test_a_sync_that_changes_nothing_runs_no_scan(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    """At 100k contacts a scan costs the worker most of a second: not every 5 minutes."""
    from addressbook.sync.report import SyncReport

    controller = started(qtbot, make_app, sandbox)
    controller._scan_timer.stop()  # noqa: SLF001
    controller._synced(SyncReport())  # noqa: SLF001 - nothing pulled, nothing purged
    assert not controller._scan_timer.isActive()  # noqa: SLF001
    controller._synced(SyncReport(purged=2))  # noqa: SLF001 - the trash count changed
    assert controller._scan_timer.isActive()  # noqa: SLF001


def test_during_a_sync_changes_ask_for_one_scan_at_its_end(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    from addressbook.sync.report import SyncReport

    controller = started(qtbot, make_app, sandbox)
    controller._scan_timer.stop()  # noqa: SLF001
    controller._sync_started()  # noqa: SLF001
    controller.schedule_scan()  # pages of contacts arriving
    controller.schedule_scan()
    assert not controller._scan_timer.isActive()  # noqa: SLF001
    controller._synced(SyncReport())  # noqa: SLF001
    assert controller._scan_timer.isActive()  # noqa: SLF001
