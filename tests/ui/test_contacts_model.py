"""ContactsTableModel: qtmodeltester, search (case, accents, company, phone digits), sort."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from addressbook.core.models import Client, Contact
from addressbook.index.rows import (
    COLUMN_COMPANY,
    COLUMN_EMAIL,
    COLUMN_NAME,
    ContactRow,
    build_rows,
    company_names,
    query_terms,
)
from addressbook.ui.models.contacts_model import (
    CONTACT_ID_ROLE,
    ROW_ROLE,
    ContactsTableModel,
)

CLIENTS = [
    Client(1, "Acme Corp"),
    Client(2, "Bücher & Söhne GmbH"),
    Client(3, "Old Co", active=False),
]


def contact(cid: int, client: int, first: str, last: str, **fields: str) -> Contact:
    return Contact(id=cid, client_id=client, first_name=first, last_name=last, **fields)


CONTACTS = [
    contact(1, 1, "Zoë", "Adams", email="zoe@acme.example", phone_office="+1 (555) 010-1234"),
    contact(2, 1, "adam", "Baker", title="CTO", phone_mobile="555.777.8888 ask Jenny"),
    contact(3, 2, "Émile", "Château", email="emile@buecher.example"),
    contact(4, 2, "Bob", "Zimmer", fax="030 1234"),
    contact(5, 3, "Ann", "Éclair"),
]


@pytest.fixture
def model(qapp: object) -> ContactsTableModel:
    model = ContactsTableModel()
    model.set_rows(build_rows(CONTACTS, company_names(CLIENTS)))
    return model


def visible_ids(model: ContactsTableModel) -> list[int]:
    return [model.row_at(row).id for row in range(model.rowCount())]


def test_qtmodeltester_with_rows_search_and_sort(
    qtmodeltester: ModelTester, model: ContactsTableModel
) -> None:
    qtmodeltester.check(model, force_py=True)
    # The tester stays connected and checks every change signal from here on.
    model.set_search("acme")
    model.sort(COLUMN_EMAIL, Qt.SortOrder.DescendingOrder)
    model.set_client_filter(1)
    model.set_markers({1}, {2})
    model.apply_changes([], [1])
    model.set_search("")
    model.set_rows([])


def test_qtmodeltester_empty() -> None:
    model = ContactsTableModel()
    assert model.rowCount() == 0 and model.columnCount() == 7


def test_cells_and_roles(model: ContactsTableModel) -> None:
    index = model.index(0, COLUMN_COMPANY)
    row = model.data(index, ROW_ROLE)
    assert isinstance(row, ContactRow)
    assert model.data(index) == row.company
    assert model.data(index, CONTACT_ID_ROLE) == row.id
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zoe", [1]),  # accent-insensitive
        ("ZOË", [1]),
        ("chateau", [3]),
        ("bucher", [3, 4]),  # company name
        ("söhne bob", [4]),  # every word must match
        ("5550101234", [1]),  # phone by digits
        ("(555) 010-1234", [1]),
        ("555 777", [2]),
        ("ask jenny", [2]),  # notes in phone fields are searchable text
        ("cto", [2]),
        ("nobody", []),
        ("", [2, 5, 4, 3, 1]),
    ],
)
def test_search(model: ContactsTableModel, query: str, expected: list[int]) -> None:
    model.set_search(query)
    assert sorted(visible_ids(model)) == sorted(expected)


def test_narrowing_and_widening_search(model: ContactsTableModel) -> None:
    model.set_search("a")
    wide = set(visible_ids(model))
    model.set_search("ad")
    assert set(visible_ids(model)) <= wide
    model.set_search("a")
    assert set(visible_ids(model)) == wide


def test_hit_counts_per_client(model: ContactsTableModel) -> None:
    assert model.hit_counts() is None
    model.set_search("a")
    assert model.hit_counts() == {1: 2, 2: 1, 3: 1}
    model.set_client_filter(2)
    assert visible_ids(model) == [3]
    assert model.hit_counts() == {1: 2, 2: 1, 3: 1}


def test_sort_is_case_and_accent_insensitive(model: ContactsTableModel) -> None:
    model.sort(COLUMN_NAME, Qt.SortOrder.AscendingOrder)
    names = [model.data(model.index(r, COLUMN_NAME)) for r in range(model.rowCount())]
    assert names == ["adam Baker", "Ann Éclair", "Bob Zimmer", "Émile Château", "Zoë Adams"]
    model.sort(COLUMN_NAME, Qt.SortOrder.DescendingOrder)
    assert visible_ids(model) == [1, 3, 4, 5, 2]


def test_sort_by_company_ignores_case_and_accents(model: ContactsTableModel) -> None:
    model.sort(COLUMN_COMPANY, Qt.SortOrder.DescendingOrder)
    companies = [model.data(model.index(r, COLUMN_COMPANY)) for r in range(model.rowCount())]
    assert companies == ["Old Co", *["Bücher & Söhne GmbH"] * 2, *["Acme Corp"] * 2]
    assert visible_ids(model)[1:3] == [4, 3]  # ties stay in name order: Bob before Émile


def test_blank_cells_sort_last(model: ContactsTableModel) -> None:
    model.sort(COLUMN_EMAIL, Qt.SortOrder.AscendingOrder)
    assert visible_ids(model)[:2] == [3, 1]


def test_sort_keeps_the_selection_rows(model: ContactsTableModel) -> None:
    from PySide6.QtCore import QPersistentModelIndex

    model.sort(COLUMN_NAME)
    first = QPersistentModelIndex(model.index(0, 0))
    before = model.data(first, CONTACT_ID_ROLE)
    model.sort(COLUMN_NAME, Qt.SortOrder.DescendingOrder)
    assert model.data(first, CONTACT_ID_ROLE) == before
    assert first.row() == model.rowCount() - 1


def test_apply_changes_and_badges(model: ContactsTableModel) -> None:
    changed = CONTACTS[1].with_changes({"last_name": "Aaronson"})
    new = contact(-1, 1, "New", "Person")
    model.apply_changes(build_rows([changed, new], company_names(CLIENTS)), [4])
    assert sorted(visible_ids(model)) == [-1, 1, 2, 3, 5]
    model.set_markers({-1}, {2})
    assert model.is_dirty(-1) and model.has_conflict(2)
    row = model.row_of(-1)
    assert row is not None
    index = model.index(row, COLUMN_NAME)
    assert not model.data(index, Qt.ItemDataRole.DecorationRole).isNull()
    assert "Not yet synced" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert model.client_counts() == {1: 3, 2: 1, 3: 1}


def test_query_terms() -> None:
    assert query_terms("  ") == []
    assert query_terms("+1 (555) 010") == ["1555010"]
    assert query_terms("Zoë 555-1") == ["zoe", "5551"]
