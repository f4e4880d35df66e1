"""v2 list pages: newest first, at most 2,000 a page, continued by a cursor in `links.next`.

The cursor is keyset paging on the id (ids grow with creation, so id order is
creation order), which is what the docs' sample cursor `{"after":{"id":3007}}`
suggests. `links.next` keeps only the cursor and the page size, like the docs'
example: a client that follows it verbatim loses its filters, one that
rebuilds the request from its own filters does not.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from addressbook.core.models import Client, Contact

from . import v2_documents as docs
from .store import Store

if TYPE_CHECKING:
    from .app import RecordedRequest

MAX_PER_PAGE = 2000


@dataclass(frozen=True)
class ListQuery:
    per_page: int = MAX_PER_PAGE
    after_id: int | None = None
    page: int | None = None
    updated_since: datetime | None = None
    client_id: int | None = None
    is_active: bool | None = None

    @classmethod
    def read(
        cls, request: RecordedRequest, *, with_client: bool = False, with_active: bool = False
    ) -> ListQuery:
        from .v2_routes import BadRequest, decode_cursor, parse_since

        query = request.query
        per_page = _number(query.get("per_page"), MAX_PER_PAGE, "per_page")
        if not 1 <= per_page <= MAX_PER_PAGE:
            raise BadRequest(f"per_page must be between 1 and {MAX_PER_PAGE}.")
        cursor = query.get("cursor")
        since = query.get("updated_since")
        active = query.get("is_active") if with_active else None
        return cls(
            per_page=per_page,
            after_id=decode_cursor(cursor) if cursor else None,
            page=None if cursor else _number(query.get("page"), 1, "page"),
            updated_since=parse_since(since) if since else None,
            client_id=_number(query.get("client_id"), 0, "client_id") or None
            if with_client
            else None,
            is_active=None if active is None else active.lower() == "true",
        )


def _number(text: str | None, default: int, name: str) -> int:
    from .v2_routes import BadRequest

    if text is None or text == "":
        return default
    if not text.isascii() or not text.isdigit() or len(text) > 18:
        raise BadRequest(f"{name} is invalid.")
    return int(text)


class Paginator:
    """Builds pages from the store, keeping each record's JSON until the record changes."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._fragments: dict[int, tuple[Contact, str, bytes]] = {}

    def contacts_page(self, query: ListQuery, host: str) -> bytes:
        names = {client.id: client.name for client in self.store.clients()}
        rows = self.store.contacts(query.client_id, query.updated_since)
        rows.sort(key=_id_of, reverse=True)
        page, first, last, after = _slice(rows, query)
        items = [self._contact_json(contact, names.get(contact.client_id, "")) for contact in page]
        return self._envelope("contacts", items, query, len(rows), first, last, after, host)

    def clients_page(self, query: ListQuery, host: str) -> bytes:
        rows: list[Client] = [
            client
            for client in self.store.clients(query.updated_since)
            if query.is_active is None or client.active == query.is_active
        ]
        rows.sort(key=lambda client: client.id, reverse=True)
        page, first, last, after = _slice(rows, query)
        items = [docs.dumps(docs.client(client)) for client in page]
        return self._envelope("clients", items, query, len(rows), first, last, after, host)

    def _contact_json(self, contact: Contact, client_name: str) -> bytes:
        assert contact.id is not None
        cached = self._fragments.get(contact.id)
        if cached is not None and cached[0] is contact and cached[1] == client_name:
            return cached[2]
        body = docs.dumps(docs.contact(contact, client_name))
        self._fragments[contact.id] = (contact, client_name, body)
        return body

    def _envelope(
        self,
        key: str,
        items: list[bytes],
        query: ListQuery,
        total: int,
        first: bool,
        last: bool,
        after: int | None,
        host: str,
    ) -> bytes:
        from .v2_routes import encode_cursor

        base = f"http://{host}/v2/{key}"
        size = query.per_page
        pages = max(1, -(-total // size))
        following = (
            None
            if last or after is None
            else f"{base}?cursor={encode_cursor(after)}&per_page={size}&ref=next_cursor"
        )
        links: dict[str, Any] = {
            "first": f"{base}?page=1&per_page={size}&ref=first",
            "next": following,
            "previous": None,
            "last": f"{base}?page={pages}&per_page={size}&ref=last",
        }
        return docs.page_envelope(
            key, items, per_page=size, total=total, first_page=first, last_page=last, links=links
        )


def _id_of(contact: Contact) -> int:
    return contact.id or 0


def _slice(rows: list[Any], query: ListQuery) -> tuple[list[Any], bool, bool, int | None]:
    """(this page, is it the first, is it the last, the id the next page starts after)."""
    if query.after_id is not None:
        # rows run from the highest id down: the page starts at the first id below the cursor
        start = bisect.bisect_right(rows, -query.after_id, key=lambda row: -row.id)
    else:
        start = ((query.page or 1) - 1) * query.per_page
    page = rows[start : start + query.per_page]
    last = start + query.per_page >= len(rows)
    return page, start == 0, last, page[-1].id if page else None
