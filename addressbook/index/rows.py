"""Immutable table rows with their search haystack, built once per contact.

Qt-free on purpose: the worker thread builds rows for 100k contacts off the GUI
thread, and the GUI only swaps lists of them. A row's sort keys are computed
lazily, once per column, because most columns are never sorted by.
"""

from __future__ import annotations

import functools
import locale
import re
from collections.abc import Iterable, Mapping

from addressbook.core.models import Client, Contact
from addressbook.core.search import digits, fold

COLUMN_NAME, COLUMN_TITLE, COLUMN_COMPANY, COLUMN_EMAIL = 0, 1, 2, 3
COLUMN_PHONE, COLUMN_OFFICE, COLUMN_MOBILE, COLUMN_FAX = 4, 5, 6, 7
COLUMN_TITLES = ("Name", "Title", "Company", "Email", "Phone", "Office", "Mobile", "Fax")
COLUMN_COUNT = len(COLUMN_TITLES)
# Shown at first: they fit a 1240 px window beside the sidebar and the card.
DEFAULT_COLUMNS = (COLUMN_NAME, COLUMN_COMPANY, COLUMN_EMAIL, COLUMN_PHONE)

_NON_DIGITS = re.compile(r"\D+")
_PHONE_QUERY = re.compile(r"^[\d\s()+./-]*\d[\d\s()+./-]*$")
_PHONE_PUNCTUATION = str.maketrans("", "", " ()+-./")
_SEPARATOR = "\x1f"
# Blank cells sort after every name, whichever way the collation goes.
_BLANK_KEY = "\U0010ffff"
_FOLD_MEMO_LIMIT = 200_000
_fold_memo: dict[str, str] = {}


def fast_fold(text: str) -> str:
    """fold() with a memo for text that is not ASCII (fold() is fast on ASCII).

    Names, companies and titles repeat across thousands of contacts, so the
    memo turns 100k unicode normalisations into a few thousand.
    """
    if text.isascii():
        return fold(text)
    folded = _fold_memo.get(text)
    if folded is None:
        if len(_fold_memo) >= _FOLD_MEMO_LIMIT:
            _fold_memo.clear()
        folded = _fold_memo[text] = fold(text)
    return folded


@functools.cache
def _collates_by_code_point() -> bool:
    # Asked once: QApplication sets the process locale before any row is built.
    name = locale.setlocale(locale.LC_COLLATE).upper()
    return name in ("C", "POSIX") or name.startswith("C.")


def _collation_key_of_folded(folded: str) -> str:
    if not folded:
        return _BLANK_KEY
    return folded if _collates_by_code_point() else locale.strxfrm(folded)


def collation_key(text: str) -> str:
    """A case-, accent- and locale-aware sort key (strxfrm of the folded text)."""
    return _collation_key_of_folded(fast_fold(text))


class ContactRow:
    """One contact as the table shows and searches it. Treat as immutable."""

    __slots__ = ("contact", "id", "company", "cells", "haystack", "name_key")

    def __init__(self, contact: Contact, company: str, folded_company: str | None = None) -> None:
        self.contact = contact
        # An attribute, not a property: the table reads every row's id to index them.
        self.id = contact.id or 0
        self.company = company
        first, last = contact.first_name, contact.last_name
        title, email, fax = contact.title or "", contact.email or "", contact.fax or ""
        office, mobile = contact.phone_office or "", contact.phone_mobile or ""
        # Phone: the one number to call (office, else mobile), so the default columns fit.
        self.cells: tuple[str, ...] = (
            f"{first} {last}".strip(),
            title,
            company,
            email,
            office or mobile,
            office,
            mobile,
            fax,
        )
        # fold() works character by character, so folding the parts is folding the whole.
        folded_name = f"{fast_fold(first)} {fast_fold(last)}".strip()
        texts = [title, email]
        numbers = []
        for phone in (office, mobile, fax):
            if phone:
                # A phone is searched by its digits ('5551234' finds '555-1234'; a query
                # that looks like a number is reduced to digits); its text is kept only
                # when it says more than digits ("ask Jenny").
                plain = phone.translate(_PHONE_PUNCTUATION)
                if plain.isdigit():
                    numbers.append(plain)
                else:
                    texts.append(phone)
                    numbers.append(_NON_DIGITS.sub("", phone))
        rest = _SEPARATOR.join(texts)
        parts = [
            folded_name,
            fast_fold(company) if folded_company is None else folded_company,
            fast_fold(rest),
            *numbers,
        ]
        self.haystack = _SEPARATOR.join(parts)
        self.name_key = _collation_key_of_folded(folded_name)

    @property
    def client_id(self) -> int:
        return self.contact.client_id

    def sort_key(self, column: int) -> str:
        """The name's key is kept; the table computes the others once per sort (RowIndex)."""
        if column == COLUMN_NAME:
            return self.name_key
        return collation_key(self.cells[column])

    def __repr__(self) -> str:
        return f"ContactRow({self.contact.id}, {self.cells[0]!r})"


def company_names(clients: Iterable[Client]) -> dict[int, str]:
    return {client.id: client.name for client in clients}


def _name_order_key(contact: Contact) -> str:
    return _collation_key_of_folded(
        f"{fast_fold(contact.first_name)} {fast_fold(contact.last_name)}".strip()
    )


def build_rows(contacts: Iterable[Contact], companies: Mapping[int, str]) -> list[ContactRow]:
    """Rows for contacts, built in name order.

    Built in the order they are shown by default, the rows (and their
    haystacks) lie in memory in that order, so a search scans memory in
    sequence; and the table's name sort finds them already sorted.
    """
    folded = {client_id: fast_fold(name) for client_id, name in companies.items()}
    return [
        ContactRow(contact, companies.get(contact.client_id, ""), folded.get(contact.client_id))
        for contact in sorted(contacts, key=_name_order_key)
    ]


def query_terms(text: str) -> list[str]:
    """The folded words of a search; a phone-like query becomes one string of digits."""
    text = text.strip()
    if not text:
        return []
    if _PHONE_QUERY.match(text):
        return [digits(text)]
    return [digits(word) if _PHONE_QUERY.match(word) else word for word in fast_fold(text).split()]
