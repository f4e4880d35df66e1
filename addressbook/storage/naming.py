"""Cache file names: a hash of server and email, never the email itself.

Releases before this one named the file `<host>_<email>-<hash>.sqlite3`; the
hash part was the same, so an old file is found by its hash and renamed (with
its -wal/-shm and the copies set aside beside it) without knowing the account.
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

log = logging.getLogger(__name__)

PREFIX = "cache-"
SUFFIX = ".sqlite3"
# <slug>-<16 hex digits>.sqlite3 followed by -wal, -shm, .lock, .corrupt-..., .outbox-....json
_OLD_NAME = re.compile(r"^(?P<slug>.+)-(?P<digest>[0-9a-f]{16})\.sqlite3(?P<tail>.*)$")


# A server on this machine is named without its port: the demo's sandbox falls back to a
# free port when its own is taken, and must still find its cache (and the edits queued in
# it) at the next start. Written as the demo's own port, so caches made before keep names.
_LOOPBACK = re.compile(r"^(https?://(?:127\.0\.0\.1|localhost|\[::1\]))(?::\d+)?(?=/|$)")
_LOOPBACK_NAMED_PORT = "47315"


def account_digest(base_url: str, email: str) -> str:
    url = base_url.strip().rstrip("/").lower()
    url = _LOOPBACK.sub(lambda match: f"{match.group(1)}:{_LOOPBACK_NAMED_PORT}", url)
    address = email.strip().lower()
    return hashlib.sha256(f"{url}\n{address}".encode()).hexdigest()[:16]


def cache_file_name(base_url: str, email: str) -> str:
    return f"{PREFIX}{account_digest(base_url, email)}{SUFFIX}"


def rename_old_cache_files(data_dir: Path) -> int:
    """Give files named by earlier releases the new name; returns how many were renamed.

    Call it before any cache in data_dir is opened. A file and its -wal, -shm and
    copies move together or not at all: when a new name is taken already, the
    whole group stays as it is (and is logged), so nothing is ever overwritten and
    no log file is ever paired with another account's database.
    """
    renamed = 0
    for old_prefix, group in _old_groups(data_dir).items():
        moves = [(entry, entry.with_name(new_name)) for entry, new_name in group]
        taken = [target.name for _, target in moves if target.exists()]
        if taken:
            log.warning("Not renaming %s: %s exists already", old_prefix, ", ".join(taken))
            continue
        for entry, target in moves:
            entry.rename(target)
            renamed += 1
    if renamed:
        log.info("Renamed %d cache file(s) in %s to names without the email", renamed, data_dir)
    return renamed


def _old_groups(data_dir: Path) -> dict[str, list[tuple[Path, str]]]:
    """Old-named files by the old cache name they start with, each with its new name."""
    groups: dict[str, list[tuple[Path, str]]] = {}
    try:
        entries = sorted(data_dir.iterdir())
    except OSError:
        return groups
    for entry in entries:
        match = _OLD_NAME.match(entry.name)
        if match is None or match["slug"] + "-" == PREFIX or not entry.is_file():
            continue
        new_name = f"{PREFIX}{match['digest']}{SUFFIX}{match['tail']}"
        groups.setdefault(f"{match['slug']}-{match['digest']}", []).append((entry, new_name))
    return groups
