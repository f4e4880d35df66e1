"""Write contacts as vCard 3.0 (RFC 2426) or 4.0 (RFC 6350): CRLF, folded, escaped.

The client's name goes into ORG. UID is stable across exports: derived from
the Harvest id when there is one (so re-exporting updates rather than
duplicates a card in another address book), else from the contact's values.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

from addressbook.core.models import Contact

from .vcard_syntax import escape_text, fold_line

VCARD_VERSIONS = ("3.0", "4.0")
# A fixed namespace: the same Harvest id gives the same UID on every machine.
_UID_NAMESPACE = uuid.UUID("6f1d1c52-5c1e-4a8e-9d3b-7a0f0c9e2b41")
_PHONES = (
    ("phone_office", "TEL;TYPE=work,voice"),
    ("phone_mobile", "TEL;TYPE=cell"),
    ("fax", "TEL;TYPE=work,fax"),
)


def contact_uid(contact: Contact) -> str:
    """urn:uuid: from the Harvest id; a contact not on Harvest yet is named by its values."""
    if contact.id is not None and contact.id > 0:
        seed = f"harvest-contact:{contact.id}"
    else:
        seed = "local-contact:" + "\x1f".join(str(v) for v in contact.editable_values().values())
    return f"urn:uuid:{uuid.uuid5(_UID_NAMESPACE, seed)}"


def _revision(moment: datetime, version: str) -> str:
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    # 3.0 took ISO 8601 with separators; 4.0 wants the basic format (RFC 6350 4.3.5).
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ" if version == "3.0" else "%Y%m%dT%H%M%SZ")


def vcard_lines(contact: Contact, company: str | None, version: str = "3.0") -> list[str]:
    """One card's content lines, folded, without line ends."""
    lines = [
        "BEGIN:VCARD",
        f"VERSION:{version}",
        f"FN:{escape_text(contact.full_name)}",
        f"N:{escape_text(contact.last_name)};{escape_text(contact.first_name)};;;",
    ]
    if company:
        lines.append(f"ORG:{escape_text(company)}")
    if contact.title:
        lines.append(f"TITLE:{escape_text(contact.title)}")
    if contact.email:
        lines.append(f"EMAIL;TYPE=work:{escape_text(contact.email)}")
    for name, head in _PHONES:
        number = getattr(contact, name)
        if number:
            lines.append(f"{head}:{escape_text(number)}")
    lines.append(f"UID:{contact_uid(contact)}")
    if contact.updated_at is not None:
        lines.append(f"REV:{_revision(contact.updated_at, version)}")
    lines.append("END:VCARD")
    return [fold_line(line) for line in lines]


def vcards_text(
    contacts: Iterable[Contact], client_names: Mapping[int, str], version: str = "3.0"
) -> str:
    """Every contact as one vCard file's text, CRLF line ends."""
    if version not in VCARD_VERSIONS:
        raise ValueError(f"vCard version {version!r}: only 3.0 and 4.0 are written")
    lines: list[str] = []
    for contact in contacts:
        lines += vcard_lines(contact, client_names.get(contact.client_id), version)
    lines.append("")
    return "\r\n".join(lines)
