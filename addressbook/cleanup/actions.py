"""Applying clean-up fixes to the cache, and taking them back: each one transaction.

Everything goes through the outbox like any edit. Undo queues the inverse: the
old values again (an unsent change folds away), and a deleted contact back from
the trash (its unsent delete dropped, or a create if it reached Harvest).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from addressbook.core.models import Contact, changed_fields
from addressbook.storage import Cache

from .merge import MergePlan
from .phones import PhoneFix


def apply_merge(cache: Cache, plan: MergePlan) -> Contact:
    """One update of the kept contact, deletes of the others."""
    assert plan.keep.id is not None
    with cache.batch():
        kept = cache.update_contact(plan.keep.id, plan.changes)
        for other in plan.others:
            if other.id is not None:
                cache.delete_contact(other.id)
    return kept


def undo_merge(cache: Cache, plan: MergePlan) -> dict[int, int]:
    """The kept contact as it was, the others back; returns old id -> id now (restored)."""
    assert plan.keep.id is not None
    with cache.batch():
        put_back(cache, plan.keep)
        return {o.id: bring_back(cache, o).id or 0 for o in plan.others if o.id is not None}


def put_back(cache: Cache, before: Contact) -> None:
    """The contact's values as they were (only the fields that differ now)."""
    assert before.id is not None
    current = cache.contact(before.id)
    if current is not None:
        cache.update_contact(before.id, changed_fields(current, before))


def bring_back(cache: Cache, contact: Contact) -> Contact:
    """A deleted contact back (see Cache.restore_from_trash)."""
    assert contact.id is not None
    return cache.restore_from_trash(contact.id)


def apply_phone_fixes(cache: Cache, fixes: Sequence[PhoneFix]) -> int:
    """Every chosen number rewritten, all in one transaction; notes are never touched."""
    by_contact = _by_contact(fixes, after=True)
    with cache.batch():
        for contact_id, changes in by_contact.items():
            cache.update_contact(contact_id, changes)
    return sum(len(changes) for changes in by_contact.values())


def undo_phone_fixes(cache: Cache, fixes: Sequence[PhoneFix]) -> None:
    """The numbers as typed again, where they still hold what the batch wrote."""
    with cache.batch():
        for contact_id, changes in _by_contact(fixes, after=False).items():
            current = cache.contact(contact_id)
            if current is None:
                continue
            fixed = {fix.field: fix.after for fix in fixes if fix.contact.id == contact_id}
            kept = {name: v for name, v in changes.items()
                    if getattr(current, name) == fixed[name]}  # fmt: skip
            if kept:
                cache.update_contact(contact_id, kept)


def _by_contact(fixes: Sequence[PhoneFix], *, after: bool) -> dict[int, dict[str, Any]]:
    grouped: dict[int, dict[str, Any]] = {}
    for fix in fixes:
        if fix.after is None or fix.contact.id is None:
            continue
        grouped.setdefault(fix.contact.id, {})[fix.field] = fix.after if after else fix.before
    return grouped
