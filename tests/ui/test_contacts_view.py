"""ContactsView: selecting contacts by id after their rows were replaced."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from addressbook.core.models import Client, Contact
from addressbook.index.rows import build_rows, company_names
from addressbook.ui.contacts_view import ContactsView
from addressbook.ui.models.contacts_model import ContactsTableModel

CLIENTS = [Client(1, "Acme Corp")]
CONTACTS = [
    Contact(id=n, client_id=1, first_name=f"Person{n:02}", last_name="Lee") for n in range(1, 31)
]


def test_select_contacts_selects_them_all_at_once(qtbot: QtBot) -> None:
    model = ContactsTableModel()
    model.set_rows(build_rows(CONTACTS, company_names(CLIENTS)))
    view = ContactsView(model)
    qtbot.addWidget(view)
    view.select_contacts([2])
    changes: list[object] = []
    view.table.selectionModel().selectionChanged.connect(lambda *args: changes.append(args))
    wanted = [3, 4, 5, 9, 20, 21, 30, 999]  # three runs, a single row, an unknown id
    view.select_contacts(wanted, current=9)
    assert [row.id for row in view.selected_rows()] == wanted[:-1]
    assert len(changes) == 1
    current = view.current_row()
    assert current is not None and current.id == 9
    view.select_contacts([])
    assert view.selected_rows() == []
