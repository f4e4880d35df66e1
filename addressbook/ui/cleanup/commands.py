"""Clean-up fixes as undo steps: each QUndoCommand runs its change (and its inverse) as a
worker job, so pushing one on the window's QUndoStack is the whole wiring.

The state a step needs to be undone and redone (ids that change when a deleted
contact is re-created) lives in a holder only the worker thread touches, and
jobs run in order there, so a quick Undo then Redo sees the ids the Undo made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtGui import QUndoCommand

from addressbook.cleanup.actions import (
    apply_merge,
    apply_phone_fixes,
    undo_merge,
    undo_phone_fixes,
)
from addressbook.cleanup.merge import MergePlan
from addressbook.cleanup.phones import PhoneFix
from addressbook.core.models import Contact, changed_fields
from addressbook.ui.cleanup.jobs import JobRunner

Failed = Callable[[str, dict[str, list[str]]], None]


class JobCommand(QUndoCommand):
    """A step whose redo and undo are functions of the cache, run on the worker."""

    def __init__(self, text: str, runner: JobRunner, on_failed: Failed | None = None) -> None:
        super().__init__(text)
        self._runner = runner
        self._on_failed = on_failed
        self.done: Any = None  # the last result of redo (for tests and the view)

    def apply(self, cache: Any) -> Any:
        raise NotImplementedError

    def revert(self, cache: Any) -> Any:
        raise NotImplementedError

    def redo(self) -> None:
        self._runner.submit(self.apply, self._applied, self._failed, writes=True, name=self.text())

    def undo(self) -> None:
        self._runner.submit(
            self.revert, None, self._failed, writes=True, name=f"Undo {self.text()}"
        )

    def _failed(self, message: str, fields: dict[str, list[str]]) -> None:
        self.setObsolete(True)  # nothing happened: the stack drops the step
        if self._on_failed is not None:
            self._on_failed(message, fields)

    def _applied(self, result: Any) -> None:
        self.done = result


@dataclass
class _Holder:
    plan: MergePlan


class MergeCommand(JobCommand):
    """One update of the kept contact and deletes of the others; undo brings them back."""

    def __init__(self, plan: MergePlan, runner: JobRunner, on_failed: Failed | None = None):
        super().__init__(
            f"Merge {len(plan.others) + 1} contacts into {plan.keep.full_name}", runner, on_failed
        )
        self._holder = _Holder(plan)

    def apply(self, cache: Any) -> Contact:
        return apply_merge(cache, self._holder.plan)

    def revert(self, cache: Any) -> None:
        plan = self._holder.plan
        now = undo_merge(cache, plan)
        others = tuple(replace(o, id=now.get(o.id or 0, o.id)) for o in plan.others)
        self._holder.plan = replace(plan, others=others)


class PhoneBatchCommand(JobCommand):
    def __init__(
        self, fixes: list[PhoneFix], runner: JobRunner, on_failed: Failed | None = None
    ) -> None:
        count = len([fix for fix in fixes if fix.after is not None])
        super().__init__(
            f"Normalise {count} phone number{'s' if count != 1 else ''}", runner, on_failed
        )
        self._fixes = fixes

    def apply(self, cache: Any) -> int:
        return apply_phone_fixes(cache, self._fixes)

    def revert(self, cache: Any) -> None:
        undo_phone_fixes(cache, self._fixes)


class RestoreVersionCommand(JobCommand):
    """Restore this version: an update of the fields that differ; undo puts them back."""

    def __init__(
        self,
        contact_id: int,
        version_index: int,
        name: str,
        runner: JobRunner,
        on_failed: Failed | None = None,
    ) -> None:
        super().__init__(f"Restore an earlier version of {name}", runner, on_failed)
        self._contact_id, self._index = contact_id, version_index
        self._before: list[Contact] = []  # worker thread only

    def apply(self, cache: Any) -> Contact:
        before = cache.contact(self._contact_id)
        restored = cache.restore_version(self._contact_id, self._index)
        self._before.append(before)
        return restored

    def revert(self, cache: Any) -> None:
        before = self._before.pop() if self._before else None
        current = cache.contact(self._contact_id)
        if before is not None and current is not None:
            cache.update_contact(self._contact_id, changed_fields(current, before))


class RestoreFromTrashCommand(JobCommand):
    """Out of the trash (re-created on Harvest if need be); undo deletes it again."""

    def __init__(
        self,
        contact: Contact,
        client_id: int | None,
        runner: JobRunner,
        on_failed: Failed | None = None,
    ) -> None:
        super().__init__(f"Restore {contact.full_name}", runner, on_failed)
        self._trashed_id = contact.id or 0
        self._client_id = client_id
        self._restored_id: int | None = None  # worker thread only

    def apply(self, cache: Any) -> Contact:
        restored = cache.restore_from_trash(self._trashed_id, self._client_id)
        self._restored_id = restored.id
        return restored

    def revert(self, cache: Any) -> None:
        if self._restored_id is not None:
            cache.delete_contact(self._restored_id)
            self._trashed_id, self._restored_id = self._restored_id, None
