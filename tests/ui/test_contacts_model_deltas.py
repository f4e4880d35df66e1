"""ContactsTableModel.apply_changes: after any delta the table shows, finds, sorts and
counts exactly what a table loaded from scratch with the same rows does."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from addressbook.core.models import Client, Contact
from addressbook.index.rows import COLUMN_COUNT, ContactRow, build_rows, company_names
from addressbook.sandbox.demo_data import generate
from addressbook.ui.models.contacts_model import ContactsTableModel

CLIENTS = [Client(1, "Acme Corp"), Client(2, "Bücher & Söhne GmbH"), Client(3, "Old Co")]
COMPANIES = company_names(CLIENTS)
QUERIES = [
    "",
    "a",
    "an",
    "ann",
    "zo",
    "zoe",
    "5",
    "555",
    "0101",
    "cto",
    "a b",
    "acme",
    "bucher 030",
    "château",
    "jenny",
    "x",
]
ORDERS = (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder)

# Few distinct values, so that names, titles and phones tie often.
contact_fields = st.fixed_dictionaries(
    {
        "client_id": st.sampled_from([1, 2, 3]),
        "first_name": st.sampled_from(["Ann", "ann", "Zoë", "Zoe", "Émile", "Bob"]),
        "last_name": st.sampled_from(["Adams", "Baker", "Château", "chateau", ""]),
        "title": st.sampled_from([None, "CTO", "cto", "Engineer"]),
        "email": st.sampled_from([None, "ann@acme.example", "zoe@b.example"]),
        "phone_office": st.sampled_from([None, "555-0101", "+1 (555) 010-1234"]),
        "fax": st.sampled_from([None, "030 1234 ask Jenny"]),
    }
)


Delta = tuple[list[Contact], list[int]]


@st.composite
def contacts_and_deltas(draw: st.DrawFn) -> tuple[list[Contact], list[Delta], dict[int, Contact]]:
    """The contacts first loaded, the deltas, and the contacts after them."""
    count = draw(st.integers(0, 40))
    contacts = {cid: Contact(id=cid, **draw(contact_fields)) for cid in range(1, count + 1)}
    initial = list(contacts.values())
    deltas: list[Delta] = []
    next_id = count + 1
    for _ in range(draw(st.integers(1, 4))):
        ids = sorted(contacts)
        edited = draw(st.lists(st.sampled_from(ids), max_size=4, unique=True)) if ids else []
        removed = draw(st.lists(st.sampled_from(ids), max_size=3)) if ids else []
        added = draw(st.lists(contact_fields, max_size=4))
        upserted = [Contact(id=cid, **draw(contact_fields)) for cid in edited]
        upserted += [Contact(id=next_id + i, **fields) for i, fields in enumerate(added)]
        next_id += len(added)
        removed = [cid for cid in removed if cid not in edited]
        deltas.append((upserted, [*removed, 999_999]))  # an unknown id changes nothing
        for gone in removed:
            contacts.pop(gone, None)
        contacts.update((c.id or 0, c) for c in upserted)
    return initial, deltas, contacts


def visible_ids(model: ContactsTableModel) -> list[int]:
    return [model.row_at(row).id for row in range(model.rowCount())]


def storage_rows(model: ContactsTableModel) -> list[ContactRow]:
    """The rows as stored: the ascending name sort, which is the storage order."""
    model.sort(0, Qt.SortOrder.AscendingOrder)
    return model.all_rows()


def assert_same_view(model: ContactsTableModel, fresh: ContactsTableModel) -> None:
    assert visible_ids(model) == visible_ids(fresh)
    assert model.hit_counts() == fresh.hit_counts()
    assert model.client_counts() == fresh.client_counts()
    assert (model.match_count(), model.total_count()) == (fresh.match_count(), fresh.total_count())


def assert_same_behaviour(model: ContactsTableModel, fresh: ContactsTableModel) -> None:
    for query in QUERIES:
        for target in (model, fresh):
            target.set_search(query)
        for column in range(COLUMN_COUNT):
            for order in ORDERS:
                for target in (model, fresh):
                    target.sort(column, order)
                assert_same_view(model, fresh)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    contacts_and_deltas(),
    st.sampled_from(QUERIES),
    st.integers(0, COLUMN_COUNT - 1),
    st.sampled_from(ORDERS),
    st.sampled_from([None, 1, 2]),
)
def test_a_delta_leaves_the_table_as_a_fresh_load_would(
    qapp: object,
    case: tuple[list[Contact], list[Delta], dict[int, Contact]],
    query: str,
    column: int,
    order: Qt.SortOrder,
    client_id: int | None,
) -> None:
    initial, deltas, contacts = case
    model = ContactsTableModel()
    model.set_rows(build_rows(initial, COMPANIES))
    _set_state(model, query, column, order, client_id)
    for upserted, removed in deltas:
        model.apply_changes(build_rows(upserted, COMPANIES), removed)  # while searching
        fresh = ContactsTableModel()
        fresh.set_rows(storage_rows(model))
        _set_state(fresh, query, column, order, client_id)
        _set_state(model, query, column, order, client_id)
        assert_same_view(model, fresh)
    rows = storage_rows(model)
    assert {row.id: row.contact for row in rows} == contacts
    keys = [row.name_key for row in rows]
    assert keys == sorted(keys)  # still stored in name order
    fresh = ContactsTableModel()
    fresh.set_rows(rows)
    model.set_client_filter(None)
    assert_same_behaviour(model, fresh)


def _set_state(
    model: ContactsTableModel, query: str, column: int, order: Qt.SortOrder, client_id: int | None
) -> None:
    model.set_search(query)
    model.sort(column, order)
    model.set_client_filter(client_id)


def demo_contacts(count: int) -> tuple[list[Client], list[Contact]]:
    return generate(3, 40, count, datetime(2026, 1, 1, tzinfo=UTC), 1, 1)


def test_deltas_on_a_table_large_enough_for_search_buffers(qapp: object) -> None:
    clients, contacts = demo_contacts(6000)  # past the size where searches use buffers
    companies = company_names(clients)
    model = ContactsTableModel()
    model.set_rows(build_rows(contacts, companies))
    model.set_search("ma")
    edited = contacts[10].with_changes({"first_name": "Aaron", "phone_mobile": "555 0199"})
    new = Contact(id=90_000, client_id=clients[0].id, first_name="Zed", last_name="Mann")
    deltas = [
        ([edited], []),
        ([new], []),
        ([], [contacts[20].id or 0]),
        (
            [c.with_changes({"title": "Mayor"}) for c in contacts[100:200]],
            [c.id or 0 for c in contacts[200:250]],
        ),
    ]
    for upserted, removed in deltas:
        model.apply_changes(build_rows(upserted, companies), removed)
        fresh = ContactsTableModel()
        fresh.set_rows(storage_rows(model))
        for query in ("ma", "mayor", "555", "0199", "zed mann", "aaron 555", "e", ""):
            for target in (model, fresh):
                target.set_search(query)
                target.sort(2, Qt.SortOrder.DescendingOrder)
            assert_same_view(model, fresh)
        model.set_search("ma")
    assert model.total_count() == 6000 + 1 - 1 - 50


def test_qtmodeltester_through_deltas(qtmodeltester: ModelTester, qapp: object) -> None:
    _clients, contacts = demo_contacts(50)
    model = ContactsTableModel()
    model.set_rows(build_rows(contacts, COMPANIES))
    qtmodeltester.check(model, force_py=True)
    # The tester stays connected and checks every change signal from here on.
    model.set_search("a")
    model.apply_changes(build_rows([contacts[0].with_changes({"last_name": "Zz"})], COMPANIES), [])
    model.sort(3, Qt.SortOrder.DescendingOrder)
    model.apply_changes(
        build_rows([Contact(id=500, client_id=1, first_name="Al", last_name="Aa")], COMPANIES),
        [contacts[1].id or 0],
    )
    model.set_client_filter(1)
    model.apply_changes([], [c.id or 0 for c in contacts[5:30]])
    model.set_search("")
    model.apply_changes(build_rows(contacts[5:30], COMPANIES), [])
    assert model.total_count() == 50


@pytest.mark.parametrize("rows_kept", [0, 1])
def test_removing_every_row_and_adding_them_back(qapp: object, rows_kept: int) -> None:
    _clients, contacts = demo_contacts(30)
    model = ContactsTableModel()
    model.set_rows(build_rows(contacts, COMPANIES))
    model.set_search("a")
    model.apply_changes([], [c.id or 0 for c in contacts[rows_kept:]])
    assert model.total_count() == rows_kept
    model.apply_changes(build_rows(contacts, COMPANIES), [])
    fresh = ContactsTableModel()
    fresh.set_rows(build_rows(contacts, COMPANIES))
    fresh.set_search("a")
    assert_same_view(model, fresh)
