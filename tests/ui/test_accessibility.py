"""What assistive technology is told, read through Qt's own accessibility interfaces
(QAccessible.queryAccessibleInterface), as a screen reader would read them: every
focusable or actionable element is named in words, values are their visible text,
no menu repeats a mnemonic, the sidebar names its columns and counts, and the window's
sentences ("Saved Ann Lee.", "Deleted … Undo", hit counts) are announced."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from addressbook.core.models import Client, Contact
from addressbook.settings import Settings
from addressbook.ui import announce as announcer
from addressbook.ui.dialogs import ContactDialog
from addressbook.ui.main_window import MainWindow
from tests.ui.helpers import show
from tests.ui.test_window_keyboard import CLIENTS, CONTACTS, ready_window

Role = QAccessible.Role
# Roles a user acts on or moves focus to; their name is what a screen reader says.
ACTIONABLE = {
    Role.PushButton,
    Role.ButtonMenu,
    Role.CheckBox,
    Role.RadioButton,
    Role.ComboBox,
    Role.EditableText,
    Role.Link,
    Role.MenuItem,
    Role.PageTab,
    Role.Slider,
    Role.SpinBox,
    Role.Table,
    Role.Tree,
    Role.List,
    Role.MenuBar,
    Role.ColumnHeader,
}
ITEM_ROLES = {Role.Cell, Role.Row, Role.TreeItem, Role.ListItem, Role.RowHeader}


def walk(interface: QAccessibleInterface | None, depth: int = 0) -> Iterator[QAccessibleInterface]:
    if interface is None or not interface.isValid() or depth > 40:
        return
    yield interface
    if interface.role() in (Role.Table, Role.Tree):
        # Cells are read from the model (tested with the models); only the headers here.
        for index in range(interface.childCount()):
            child = interface.child(index)
            if child is not None and child.role() == Role.ColumnHeader:
                yield child
        return
    for index in range(interface.childCount()):
        yield from walk(interface.child(index), depth + 1)


def is_words(name: str) -> bool:
    """Not empty and not a bare symbol ("×", "…"); a shown phone number is its own name."""
    return any(ch.isalnum() for ch in name)


def unnamed(root: QWidget) -> list[str]:
    found = []
    for interface in walk(QAccessible.queryAccessibleInterface(root)):
        state = interface.state()
        if state.invisible or interface.role() in ITEM_ROLES:
            continue
        acts = interface.actionInterface() is not None and bool(
            interface.actionInterface().actionNames()
        )
        if not (state.focusable or acts or interface.role() in ACTIONABLE):
            continue
        name = interface.text(QAccessible.Text.Name)
        if not is_words(name):
            found.append(f"{interface.role().name} {name!r} ({type(interface.object()).__name__})")
    return found


def test_every_control_of_the_main_window_is_named(qtbot: QtBot, settings: Settings) -> None:
    window = ready_window(qtbot, settings)
    window.contacts.select_contacts([1], 1)
    window.toast.offer("Deleted Ann Lee.")
    window.contacts.search.setText("a")  # the clear button shows
    assert unnamed(window) == []


def test_empty_states_and_toast_say_what_they_show(qtbot: QtBot, settings: Settings) -> None:
    window = MainWindow(settings)
    show(qtbot, window)
    assert unnamed(window) == []
    message = QAccessible.queryAccessibleInterface(window.contacts.empty_state.message)
    assert message.text(QAccessible.Text.Name) == window.contacts.empty_state.text()
    window.toast.offer("Deleted Aisha Müller.")
    label = QAccessible.queryAccessibleInterface(window.toast.label)
    assert label.text(QAccessible.Text.Name) == "Deleted Aisha Müller."


def test_every_control_of_the_contact_dialog_is_named(qtbot: QtBot) -> None:
    dialog = ContactDialog(CLIENTS, CONTACTS[1])
    show(qtbot, dialog)
    dialog.editors["email"].setText("x")  # every clear button shows
    for editor in dialog.editors.values():
        editor.setText(editor.text() or "x")
    assert unnamed(dialog) == []
    first = QAccessible.queryAccessibleInterface(dialog.editors["first_name"])
    assert first.text(QAccessible.Text.Name) == "First name, required"


def menus_of(window: MainWindow) -> Iterator[QMenu]:
    for menu in window.menus.values():
        yield menu
        yield from (action.menu() for action in menu.actions() if action.menu())


def mnemonic(text: str) -> str | None:
    index = text.replace("&&", "").find("&")
    return text.replace("&&", "")[index + 1].lower() if index >= 0 else None


@pytest.mark.parametrize("extra", [False, True], ids=["window", "with import and export"])
def test_no_menu_repeats_a_mnemonic(qtbot: QtBot, settings: Settings, extra: bool) -> None:
    window = ready_window(qtbot, settings)
    if extra:  # what the import helper adds to File after the first paint
        from PySide6.QtGui import QAction

        names = ("&Export all contacts…", "Export &selected…", "&Import…")
        window.add_file_actions([QAction(name, window) for name in names])
    window.contacts.select_contacts([1], 1)
    context = window.contacts.build_context_menu(window.contacts.selected_rows())
    bar = [action.text() for action in window.menuBar().actions()]
    for texts in [
        bar,
        *([a.text() for a in m.actions() if a.text()] for m in [*menus_of(window), context]),
    ]:
        keys = [mnemonic(text) for text in texts]
        assert None not in keys, f"no mnemonic in {texts}"
        assert len(set(keys)) == len(keys), f"repeated mnemonic in {texts}"


def test_sidebar_names_its_columns_and_counts(qtbot: QtBot, settings: Settings) -> None:
    window = ready_window(qtbot, settings)
    model = window.sidebar_model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in (0, 1)] == [
        "Client",
        "Contacts",
    ]
    count = model.index(0, 1)
    assert count.data() == "3"
    assert count.data(Qt.ItemDataRole.AccessibleTextRole) == "3 contacts"
    single = model.index_of_client(2).siblingAtColumn(1)
    assert single.data(Qt.ItemDataRole.AccessibleTextRole) == "1 contact"


def test_sidebar_reads_as_a_tree_and_tells_expand(qtbot: QtBot, settings: Settings) -> None:
    window = MainWindow(settings)
    show(qtbot, window)
    from addressbook.index.rows import build_rows, company_names

    clients = [*CLIENTS, Client(9, "Old Co", active=False)]
    contacts = [*CONTACTS, Contact(id=9, client_id=9, first_name="Old", last_name="Timer")]
    window.show_contacts(build_rows(contacts, company_names(clients)), clients)
    tree = QAccessible.queryAccessibleInterface(window.sidebar)
    assert tree.role() == Role.Tree
    group = window.sidebar_model.group_index()
    window.sidebar.expand(group)
    assert window.sidebar.isExpanded(group)

    def names() -> list[str]:
        items = [tree.child(i) for i in range(tree.childCount())]
        return [i.text(QAccessible.Text.Name) for i in items if i is not None]

    qtbot.waitUntil(lambda: "Old Co" in names(), timeout=5000)
    assert "Inactive clients" in names()
    descriptions = {
        item.text(QAccessible.Text.Name): item.text(QAccessible.Text.Description)
        for item in (tree.child(i) for i in range(tree.childCount()))
        if item is not None
    }
    assert descriptions["Inactive clients"] == "Level 1, group of 1 inactive client"
    assert descriptions["Old Co"] == "Level 2, in Inactive clients"
    window.actions_by_name["inactive"].setChecked(False)  # View › Inactive clients
    assert window.sidebar.isRowHidden(group.row(), group.parent())
    assert (
        settings.get(__import__("addressbook.settings").settings.Preferences.SHOW_INACTIVE_CLIENTS)
        is False
    )


def test_sentences_are_announced(qtbot: QtBot, settings: Settings) -> None:
    heard: list[tuple[str, str]] = []
    announcer.add_listener(lambda text, politeness: heard.append((text, politeness)))
    try:
        window = ready_window(qtbot, settings)
        window.tell("Saved Ann Lee.")
        window.tell("Sync failed: Harvest is down.", urgent=True)
        window.contacts.search.setFocus()
        qtbot.keyClicks(window.contacts.search, "lee")
        qtbot.waitUntil(lambda: ("1 contact found", "polite") in heard, timeout=5000)
    finally:
        announcer._listeners.clear()
    assert ("Saved Ann Lee.", "polite") in heard
    assert ("Sync failed: Harvest is down.", "assertive") in heard
    assert window.status.currentMessage() == "Sync failed: Harvest is down."


def test_expanding_a_sidebar_group_is_told(
    qtbot: QtBot, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from addressbook.index.rows import build_rows, company_names

    window = MainWindow(settings)
    show(qtbot, window)
    clients = [*CLIENTS, Client(9, "Old Co", active=False)]
    window.show_contacts(build_rows(CONTACTS, company_names(clients)), clients)
    events: list[object] = []
    monkeypatch.setattr(QAccessible, "updateAccessibility", events.append)
    group = window.sidebar_model.group_index()
    window.sidebar.expand(group)
    window.sidebar.collapse(group)
    changes = [e for e in events if e.type() == QAccessible.Event.StateChanged]  # type: ignore[attr-defined]
    assert len(changes) == 2
    assert all(e.changedStates().expanded for e in changes)  # type: ignore[attr-defined]
