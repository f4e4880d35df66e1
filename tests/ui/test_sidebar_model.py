"""ClientSidebarModel: qtmodeltester, structure, counts and hit counts."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from addressbook.core.models import Client
from addressbook.ui.models.sidebar_model import (
    CLIENT_ID_ROLE,
    KIND_ALL,
    KIND_GROUP,
    NODE_KIND_ROLE,
    ClientSidebarModel,
)
from addressbook.ui.sidebar import ClientSidebar

CLIENTS = [
    Client(3, "zeta"),
    Client(1, "Acme"),
    Client(2, "Old Co", active=False),
    Client(4, "Émile SA"),
]
COUNTS = {1: 5, 2: 7, 3: 1}


def make_model() -> ClientSidebarModel:
    model = ClientSidebarModel()
    model.set_clients(CLIENTS, COUNTS)
    return model


def texts(model: ClientSidebarModel, parent=None) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    return [
        (model.index(r, 0, parent).data(), model.index(r, 1, parent).data())
        for r in range(model.rowCount(parent))
    ]


def test_qtmodeltester(qtmodeltester: ModelTester) -> None:
    model = make_model()
    qtmodeltester.check(model, force_py=True)
    # The tester stays connected and checks every change signal from here on.
    model.set_hit_counts({1: 2})
    model.set_counts({1: 1})
    model.set_clients([], {})
    model.set_clients(CLIENTS, COUNTS)


def test_structure_and_counts() -> None:
    model = make_model()
    assert texts(model) == [
        ("All contacts", "13"),
        ("Acme", "5"),
        ("Émile SA", "0"),
        ("zeta", "1"),
        ("Inactive clients", "7"),
    ]
    group = model.group_index()
    assert group.data(NODE_KIND_ROLE) == KIND_GROUP
    assert texts(model, group) == [("Old Co", "7")]
    assert model.index(0, 0).data(NODE_KIND_ROLE) == KIND_ALL
    assert model.index(0, 0).data(CLIENT_ID_ROLE) is None
    assert model.index_of_client(2).parent() == group


def test_hit_counts_replace_counts_during_a_search() -> None:
    model = make_model()
    model.set_hit_counts({1: 2, 2: 1})
    assert texts(model)[:2] == [("All contacts", "3"), ("Acme", "2")]
    assert "matching" in model.index(1, 0).data(3)  # tooltip
    model.set_hit_counts(None)
    assert texts(model)[1] == ("Acme", "5")


def test_sidebar_selection_and_collapsed_group(qtbot: QtBot) -> None:
    model = make_model()
    sidebar = ClientSidebar(model)
    qtbot.addWidget(sidebar)
    assert not sidebar.isExpanded(model.group_index())
    with qtbot.waitSignal(sidebar.client_selected) as chosen:
        sidebar.select_client(2)
    assert chosen.args == [2]
    assert sidebar.isExpanded(model.group_index())
    model.set_clients(CLIENTS, COUNTS)  # a sync: the choice survives
    assert sidebar.selected_client_id() == 2
