"""RowIndex and ContactRow without Qt: search, sort, client filter and deltas, as the
table model uses them (this module imports no PySide6; see test_qt_free)."""

from __future__ import annotations

from addressbook.core.models import Client, Contact
from addressbook.index.row_index import IndexedRows, RowIndex
from addressbook.index.rows import (
    COLUMN_COMPANY,
    COLUMN_NAME,
    ContactRow,
    build_rows,
    company_names,
    query_terms,
)

CLIENTS = [Client(1, "Acme Corp"), Client(2, "Bücher & Söhne GmbH")]
COMPANIES = company_names(CLIENTS)


def contact(cid: int, client: int, first: str, last: str, **fields: str) -> Contact:
    return Contact(id=cid, client_id=client, first_name=first, last_name=last, **fields)


CONTACTS = [
    contact(1, 1, "Zoë", "Adams", email="zoe@acme.example", phone_office="+1 (555) 010-1234"),
    contact(2, 1, "adam", "Baker", title="CTO", phone_mobile="555.777.8888 ask Jenny"),
    contact(3, 2, "Émile", "Château", email="emile@buecher.example"),
]


def names(index: RowIndex, positions: list[int]) -> list[str]:
    return [index.rows[position].cells[COLUMN_NAME] for position in positions]


def test_search_by_accentless_name_company_and_phone_digits() -> None:
    index = RowIndex(build_rows(CONTACTS, COMPANIES))
    assert names(index, index.search(query_terms("emile")) or []) == ["Émile Château"]
    assert names(index, index.search(query_terms("bucher")) or []) == ["Émile Château"]
    assert names(index, index.search(query_terms("5550101234")) or []) == ["Zoë Adams"]
    assert names(index, index.search(query_terms("jenny")) or []) == ["adam Baker"]
    assert index.search([]) is None


def test_order_by_name_and_company() -> None:
    index = IndexedRows.of(build_rows(CONTACTS, COMPANIES)).row_index
    order, _identity = index.order_by(COLUMN_NAME, False)
    assert names(index, order) == ["adam Baker", "Émile Château", "Zoë Adams"]
    order, _identity = index.order_by(COLUMN_COMPANY, True)
    assert index.rows[order[0]].company == "Bücher & Söhne GmbH"


def test_client_filter_and_counts() -> None:
    index = RowIndex(build_rows(CONTACTS, COMPANIES))
    order, identity = index.order_by(COLUMN_NAME, False)
    shown = index.select(order, None, 2, in_storage_order=identity)
    assert names(index, shown) == ["Émile Château"]
    assert index.client_counts() == {1: 2, 2: 1}
    hits = index.search(query_terms("a")) or []
    assert sum(index.hit_counts(hits).values()) == len(hits)


def test_delta_splices_rows_and_keeps_hits() -> None:
    index = RowIndex(build_rows(CONTACTS, COMPANIES))
    terms = query_terms("adams")
    hits = index.search(terms) or []
    renamed = ContactRow(contact(2, 1, "Adam", "Adamson"), "Acme Corp")
    splice = index.apply_delta([renamed], removed_ids=[1])
    after = index.hits_after(splice, hits, terms)
    assert names(index, after) == ["Adam Adamson"]
    assert sorted(index.by_id) == [2, 3]
    assert index.client_counts() == {1: 1, 2: 1}
