"""Write contacts as CSV that Excel, LibreOffice, Outlook and Google all open correctly.

UTF-8 with a BOM: without it Excel reads the file as the system code page and
turns Cyrillic or Greek into mojibake. Quoting is the csv module's (minimal),
so commas, quotes and line breaks inside values survive.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping

from addressbook.core.models import Contact

from .records import RECORD_LABELS

CSV_COLUMNS: tuple[str, ...] = tuple(RECORD_LABELS.values())  # contact_cells' order
CSV_ENCODING = "utf-8-sig"


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
    writer.writerows(contact_cells(c, client_names.get(c.client_id)) for c in contacts)
    return buffer.getvalue()
