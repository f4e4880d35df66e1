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


# The fields a file may give several values for; Harvest keeps one of each.
MULTI_VALUE_FIELDS: tuple[str, ...] = ("email", "phone_office", "phone_mobile", "fax")


@dataclass(frozen=True, slots=True)
class Alternative:
    """A value the file gave that did not fit: shown in the preview, and the user may pick it.

    field is where it would go (email or a phone field); label names its kind as the
    file did ("Home", "Work fax"), so "not imported: Home +1 555 0100" reads naturally.
    """

    field: str
    label: str
    value: str

    def describe(self) -> str:
        return f"{self.label} {self.value}".strip()


@dataclass(frozen=True, slots=True)
class ImportRecord:
    """One card or one CSV row; where says where it came from ("line 7", "card 3").

    others are the values that did not fit (never dropped without a word); notes are
    what the reader noticed about this record ("the file ends inside this card").
    """

    where: str
    first_name: str = ""
    last_name: str = ""
    company: str = ""
    title: str = ""
    email: str = ""
    phone_office: str = ""
    phone_mobile: str = ""
    fax: str = ""
    others: tuple[Alternative, ...] = ()
    notes: tuple[str, ...] = ()

    def with_alternative(self, chosen: Alternative) -> ImportRecord:
        """The record with `chosen` in its field; the value it replaces becomes an alternative."""
        current = getattr(self, chosen.field)
        others = [other for other in self.others if other != chosen]
        if current.strip():
            others.insert(0, Alternative(chosen.field, RECORD_LABELS[chosen.field], current))
        values = {name: getattr(self, name) for name in RECORD_FIELDS}
        values[chosen.field] = chosen.value
        return record_of(self.where, values, tuple(others), self.notes)


def record_of(
    where: str,
    values: dict[str, str],
    others: tuple[Alternative, ...] = (),
    notes: tuple[str, ...] = (),
) -> ImportRecord:
    """An ImportRecord from {field: value}; fields not given are empty."""
    get = values.get
    return ImportRecord(
        where,
        get("first_name", ""),
        get("last_name", ""),
        get("company", ""),
        get("title", ""),
        get("email", ""),
        get("phone_office", ""),
        get("phone_mobile", ""),
        get("fax", ""),
        others,
        notes,
    )


def split_full_name(full_name: str) -> tuple[str, str]:
    """'Anna Maria Schmidt' -> ('Anna Maria', 'Schmidt'): only for files that lack the parts.

    The last word is the family name; a single word is a first name, so
    validation then reports the missing last name instead of guessing one.
    """
    words = full_name.split()
    if len(words) < 2:
        return (words[0] if words else "", "")
    return " ".join(words[:-1]), words[-1]
