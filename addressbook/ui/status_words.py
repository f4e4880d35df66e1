"""What the status indicator says, from the real sync state (no Qt: plain functions).

One sentence per state, as a person would say it:
    Not signed in
    Downloading contacts (120 of 600)
    Up to date, last sync 09:14
    Offline, 2 changes saved here, retrying in 30 s
    Throttled by Harvest, resuming in 12 s
    Sign-in needed (password changed)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from addressbook.core.words import counted

# kinds, and the colour family of each (see palette.STATE_COLOURS)
SIGNED_OUT, IDLE, SYNCING, UP_TO_DATE = "signed_out", "idle", "syncing", "up_to_date"
OFFLINE, THROTTLED, SIGN_IN_NEEDED, FAILED = "offline", "throttled", "sign_in_needed", "failed"
TONE = {
    SIGNED_OUT: "idle",
    IDLE: "idle",
    SYNCING: "busy",
    UP_TO_DATE: "ok",
    OFFLINE: "warning",
    THROTTLED: "warning",
    SIGN_IN_NEEDED: "error",
    FAILED: "error",
}
URGENT = {OFFLINE, SIGN_IN_NEEDED, FAILED}  # said at once to a screen reader
_PHASES = {
    "pull-clients": "Downloading clients",
    "pull-contacts": "Downloading contacts",
    "push": "Sending changes",
}


@dataclass(frozen=True)
class SyncStatus:
    kind: str = SIGNED_OUT
    phase: str = ""
    done: int = 0
    total: int = 0
    last_sync: datetime | None = None
    unsynced: int = 0
    seconds_left: int = 0  # until the retry (offline, failed) or the resume (throttled)
    reason: str = ""  # why it failed, in the user's words

    def but(self, **changes: object) -> SyncStatus:
        return replace(self, **changes)  # type: ignore[arg-type]


def clock(when: datetime, now: datetime | None = None) -> str:
    """'09:14' today, '2 Dec 09:14' another day."""
    local = when.astimezone() if when.tzinfo else when
    today = (now or datetime.now(local.tzinfo)).date()
    time_of_day = local.strftime("%H:%M")
    return time_of_day if local.date() == today else f"{local.day} {local:%b} {time_of_day}"


def count_known(status: SyncStatus) -> bool:
    """Whether "n of m" means something: a v1 pull is one request (reported as 0 of 1
    until it has arrived), so its count is known only once it is in."""
    return status.total > 1 or (status.total == 1 and status.done == 1)


def _progress(status: SyncStatus) -> str:
    label = _PHASES.get(status.phase, "Syncing with Harvest")
    if count_known(status):
        return f"{label} ({min(status.done, status.total):,} of {status.total:,})"
    return f"{label}…"


def _saved_here(status: SyncStatus) -> str:
    return f", {counted(status.unsynced, 'change')} saved here" if status.unsynced else ""


def _retrying(status: SyncStatus) -> str:
    return f", retrying in {status.seconds_left} s" if status.seconds_left > 0 else ""


def status_text(status: SyncStatus, now: datetime | None = None) -> str:
    kind = status.kind
    if kind == SIGNED_OUT:
        return "Not signed in"
    if kind == SYNCING:
        return _progress(status)
    if kind == OFFLINE:
        return f"Offline{_saved_here(status)}{_retrying(status)}"
    if kind == THROTTLED:
        return f"Throttled by Harvest, resuming in {max(status.seconds_left, 1)} s"
    if kind == SIGN_IN_NEEDED:
        return f"Sign-in needed ({status.reason or 'password changed'})"
    if kind == FAILED:
        return f"Sync failed{_saved_here(status)}{_retrying(status)}"
    return _settled(status, now)


def _settled(status: SyncStatus, now: datetime | None) -> str:
    when = f"last sync {clock(status.last_sync, now)}" if status.last_sync else ""
    if status.kind == UP_TO_DATE and not status.unsynced:
        return f"Up to date, {when}" if when else "Up to date"
    waiting = f"{counted(status.unsynced, 'change')} not sent yet" if status.unsynced else ""
    parts = [part for part in (waiting, when) if part]
    if not status.last_sync:
        parts.append("never synced")
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def status_tooltip(status: SyncStatus) -> str:
    kind = status.kind
    if kind == OFFLINE:
        return (
            "Harvest cannot be reached. Your changes are kept on this computer and "
            "are sent when the connection returns." + _reason(status)
        )
    if kind == THROTTLED:
        return "Harvest asked the app to slow down; syncing resumes by itself."
    if kind == SIGN_IN_NEEDED:
        return "Harvest refused the saved password. Sign in again to keep syncing."
    if kind == FAILED:
        return "The last sync did not finish." + _reason(status)
    if kind == SIGNED_OUT:
        return "Sign in to your Harvest account (File › Sign in…) or try the demo."
    return ""


def _reason(status: SyncStatus) -> str:
    return f"\n\n{status.reason}" if status.reason else ""


def failure_notice(status: SyncStatus) -> str:
    """What a sync the user asked for (F5) and that failed says in the notice bar."""
    kept = ""
    if status.unsynced == 1:
        kept = " Your change stays saved here and goes out when the connection returns."
    elif status.unsynced:
        kept = (
            f" Your {status.unsynced} changes stay saved here and go out when the "
            "connection returns."
        )
    retry = f" The app tries again in {status.seconds_left} s." if status.seconds_left else ""
    if status.kind == OFFLINE:
        why = status.reason or "Harvest cannot be reached (no network, or Harvest is down)"
        return f"Could not sync: {why.rstrip('.')}.{kept}{retry}"
    if status.kind == SIGN_IN_NEEDED:
        return (
            "Could not sync: Harvest refused the saved password. Sign in again (File › Sign in…)."
        )
    if status.kind == SIGNED_OUT:
        return "Could not sync: you are not signed in. Use File › Sign in…, or try the demo."
    why = status.reason or "an unexpected error"
    return f"Could not sync: {why.rstrip('.')}.{kept}{retry}"
