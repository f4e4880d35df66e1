"""What an imported file says about one person, before it becomes a Contact.

vCard and CSV both read into ImportRecord, so the import plan (client matching,
validation, duplicates) is written once. Values are kept exactly as the file
had them; trimming happens when the plan builds the Contact.
"""

from __future__ import annotations

from dataclasses import dataclass

from addressbook.core.models import CONTACT_FIELD_LABELS

# The record's text fields, in the order of our CSV columns.
RECORD_FIELDS: tuple[str, ...] = (
    "first_name",
    "last_name",
    "company",
    "title",
    "email",
    "phone_office",
    "phone_mobile",
    "fax",
)
# Their labels (our CSV header, the preview's column choices): the contact's own, and the
# client as the company name a file gives.
RECORD_LABELS: dict[str, str] = {
    name: "Company" if name == "company" else CONTACT_FIELD_LABELS[name] for name in RECORD_FIELDS
}


@dataclass(frozen=True, slots=True)
class ImportRecord:
    """One card or one CSV row; where says where it came from ("line 7", "card 3")."""

    where: str
    first_name: str = ""
    last_name: str = ""
    company: str = ""
    title: str = ""
    email: str = ""
    phone_office: str = ""
    phone_mobile: str = ""
    fax: str = ""


def split_full_name(full_name: str) -> tuple[str, str]:
    """'Anna Maria Schmidt' -> ('Anna Maria', 'Schmidt'): only for files that lack the parts.

    The last word is the family name; a single word is a first name, so
    validation then reports the missing last name instead of guessing one.
    """
    words = full_name.split()
    if len(words) < 2:
        return (words[0] if words else "", "")
    return " ".join(words[:-1]), words[-1]
