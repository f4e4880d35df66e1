"""Write contacts as CSV that Excel, LibreOffice, Outlook and Google all open correctly.

UTF-8 with a BOM: without it Excel reads the file as the system code page and
turns Cyrillic or Greek into mojibake. Quoting is the csv module's (minimal),
so commas, quotes and line breaks inside values survive.

No cell is a live formula (OWASP "CSV injection"): names come from Harvest, where
any colleague can type `=HYPERLINK(...)`. A cell starting with = + - @ tab or CR
gets a leading apostrophe, which spreadsheets show as text. A phone column holding
a plain phone number (digits, spaces, ()+-./ with + only first) stays as it is, so
"+49 170 1234567" remains dialable.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping

from addressbook.core.models import Contact

from .records import RECORD_LABELS

CSV_COLUMNS: tuple[str, ...] = tuple(RECORD_LABELS.values())  # contact_cells' order
CSV_ENCODING = "utf-8-sig"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_PHONE = re.compile(r"\+?[0-9 ()\-./]*\Z")
_PHONE_CELLS = (5, 6, 7)  # office, mobile, fax in contact_cells


def neutralised(cell: str, is_phone: bool = False) -> str:
    """The cell, made inert if a spreadsheet would run it as a formula.

    A value that itself starts with apostrophes before a formula character gets one
    more, so the import (which removes one) gives back exactly the value.
    """
    if not cell.startswith(FORMULA_STARTS):
        return "'" + cell if cell.startswith("'") and _after_quotes(cell) else cell
    # Only a leading "+" is dialable; a spreadsheet reads a leading "-" ("-555-0199") as a sum.
    dialable = cell.startswith("+") and _PLAIN_PHONE.match(cell)
    if is_phone and dialable and any(char.isdigit() for char in cell):
        return cell
    return "'" + cell


def _after_quotes(cell: str) -> bool:
    return cell.lstrip("'").startswith(FORMULA_STARTS)


def safe_cells(cells: tuple[str, ...]) -> tuple[str, ...]:
    if not any(cell.startswith((*FORMULA_STARTS, "'")) for cell in cells):
        return cells  # nearly every row: one scan
    return tuple(neutralised(cell, column in _PHONE_CELLS) for column, cell in enumerate(cells))


def contact_cells(contact: Contact, company: str | None) -> tuple[str, ...]:
    return (
        contact.first_name,
        contact.last_name,
        company or "",
        contact.title or "",
        contact.email or "",
        contact.phone_office or "",
        contact.phone_mobile or "",
        contact.fax or "",
    )


def csv_text(contacts: Iterable[Contact], client_names: Mapping[int, str]) -> str:
    """The header row and one row per contact, CRLF line ends (RFC 4180)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(safe_cells(contact_cells(c, client_names.get(c.client_id))) for c in contacts)
    return buffer.getvalue()
