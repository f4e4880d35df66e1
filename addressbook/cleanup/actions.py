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
    back = _changes_back(cache, plan.keep)  # read before the batch: it is one write transaction
    unsent = unsent_deletes(cache)
    with cache.batch():
        if back:
            cache.update_contact(plan.keep.id, back)
        return {o.id: bring_back(cache, o, unsent).id or 0 for o in plan.others if o.id}


def unsent_deletes(cache: Cache) -> dict[int, int]:
    """contact id -> the queued delete not sent yet (an Undo just drops it)."""
    return {p.contact_id: p.id for p in cache.pending()
            if p.kind == "delete" and p.state in ("queued", "rejected")}  # fmt: skip


def _changes_back(cache: Cache, before: Contact) -> dict[str, Any]:
    """What would put the contact's values back as they were (nothing when it is gone)."""
    assert before.id is not None
    current = cache.contact(before.id)
    return changed_fields(current, before) if current is not None else {}


def bring_back(cache: Cache, contact: Contact, unsent: dict[int, int]) -> Contact:
    """A deleted contact back: its unsent delete dropped, else re-created from the trash."""
    assert contact.id is not None
    if contact.id in unsent:
        cache.discard_pending(unsent[contact.id])
        return contact
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
    wanted = _by_contact(fixes, after=False)
    written = _by_contact(fixes, after=True)
    current = {contact_id: cache.contact(contact_id) for contact_id in wanted}
    with cache.batch():
        for contact_id, changes in wanted.items():
            now = current[contact_id]
            kept = {
                name: value
                for name, value in changes.items()
                if now is not None and getattr(now, name) == written[contact_id][name]
            }
            if kept:
                cache.update_contact(contact_id, kept)


def _by_contact(fixes: Sequence[PhoneFix], *, after: bool) -> dict[int, dict[str, Any]]:
    grouped: dict[int, dict[str, Any]] = {}
    for fix in fixes:
        if fix.after is None or fix.contact.id is None:
            continue
        grouped.setdefault(fix.contact.id, {})[fix.field] = fix.after if after else fix.before
    return grouped
