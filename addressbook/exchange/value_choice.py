"""Which of several emails and phones a Harvest contact keeps, and which are listed instead.

Harvest holds one email and three phones (office, mobile, fax). A card or a Google
row may give more. For a business address book the work value wins, then the one
the file marks preferred (PREF, TYPE=pref, Google's "* "), then the first in file
order. Every value not chosen comes back as an Alternative, so the preview can say
"not imported: Home +1 555 0100" and let the user swap it in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .records import Alternative

_LABELS = {"work": "Work", "home": "Home", "cell": "Mobile", "mobile": "Mobile", "pager": "Pager"}
_LABEL_ORDER = ("work", "home", "cell", "mobile", "pager")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One value with its kinds in lower case ({"work", "fax"}) and whether it is preferred."""

    kinds: frozenset[str]
    value: str
    preferred: bool = False

    @property
    def is_fax(self) -> bool:
        return "fax" in self.kinds

    @property
    def is_mobile(self) -> bool:
        return bool(self.kinds & {"cell", "mobile"}) and not self.is_fax

    def label(self) -> str:
        name = next((_LABELS[kind] for kind in _LABEL_ORDER if kind in self.kinds), "")
        if self.is_fax:
            return f"{name} fax" if name else "Fax"
        return name or "Other"


def kinds_from_label(label: str) -> frozenset[str]:
    """'Work Fax' -> {'work', 'fax'}; 'Mobile' -> {'cell'}: a free-text label as vCard kinds."""
    words = {word.strip(" *").lower() for word in label.replace("-", " ").split()}
    kinds = {word for word in words if word in {"work", "home", "fax", "pager", "other"}}
    if words & {"mobile", "cell", "cellular", "handy"}:
        kinds.add("cell")
    if words & {"business", "office", "main", "company"}:
        kinds.add("work")
    return frozenset(kinds)


def _best_first(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Work first, then preferred, then file order (sorted() is stable)."""
    return sorted(candidates, key=lambda c: ("work" not in c.kinds, not c.preferred))


def _split(best: list[Candidate], field: str) -> tuple[str, list[Alternative]]:
    if not best:
        return "", []
    return best[0].value, [Alternative(field, c.label(), c.value) for c in best[1:]]


def choose_email(candidates: Sequence[Candidate]) -> tuple[str, list[Alternative]]:
    present = [c for c in candidates if c.value.strip()]
    return _split(_best_first(present), "email")


def choose_phones(candidates: Sequence[Candidate]) -> tuple[dict[str, str], list[Alternative]]:
    """{field: value} for office, mobile and fax, and the numbers left over.

    A home or untyped number fills the office phone only when no work number is given:
    it is the best number we have for the person then.
    """
    present = [c for c in candidates if c.value.strip()]
    faxes = _best_first(c for c in present if c.is_fax)
    mobiles = _best_first(c for c in present if c.is_mobile)
    voices = [c for c in present if not c.is_fax and not c.is_mobile]
    work = _best_first(c for c in voices if "work" in c.kinds)
    rest = _best_first(c for c in voices if "work" not in c.kinds)
    chosen: dict[str, str] = {}
    others: list[Alternative] = []
    for field, best in (("phone_office", work + rest), ("phone_mobile", mobiles), ("fax", faxes)):
        value, left = _split(best, field)
        if value:
            chosen[field] = value
        others += left
    return chosen, others
