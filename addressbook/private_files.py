"""Files only their owner may read: the cache, logs, settings, snapshot and exports.

They hold client names, emails and phone numbers, so on POSIX they are made
0600 (folders 0700) whatever the user's umask, and files left readable by
earlier versions are tightened when the app starts. On Windows the per-user
profile already keeps other users out, and chmod cannot express more, so
these helpers do nothing there. Qt-free: the storage and exchange layers use it.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700
_POSIX = os.name == "posix"


def make_private_dir(path: Path) -> Path:
    """Create the folder (and parents) if missing; the folder itself becomes 0700."""
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    tighten(path)
    return path


def create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only (existing files are tightened instead)."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        tighten(path)
        return
    os.close(descriptor)
    tighten(path)  # O_CREAT's mode is masked by the umask only ever downwards; set it exactly


def write_private_bytes(path: Path, data: bytes) -> None:
    """path.write_bytes(data), but the file is 0600 before the first byte is in it."""
    create_private_file(path)
    path.write_bytes(data)


def tighten(path: Path) -> bool:
    """Take group and other permissions away from one file or folder; True when it changed.

    A missing path, or one we may not change, is left alone: this never stops the app.
    """
    if not _POSIX:
        return False
    try:
        mode = stat.S_IMODE(os.lstat(path).st_mode)
        if stat.S_ISLNK(os.lstat(path).st_mode) or not mode & 0o077:
            return False
        os.chmod(path, mode & ~0o077)
    except OSError as error:
        if not isinstance(error, FileNotFoundError):
            log.warning("Could not make %s private: %s", path, error)
        return False
    return True


def tighten_all(paths: Iterable[Path]) -> int:
    return sum(tighten(path) for path in paths)


def tighten_folder(folder: Path, patterns: Iterable[str]) -> int:
    """The folder and the app's own files in it (what earlier versions left 0644/0755).

    Only files matching `patterns` (globs): a folder given as --data-dir may hold
    the user's other files, whose modes are not ours to change.
    """
    if not folder.is_dir():
        return 0
    changed = int(tighten(folder))
    try:
        entries = {entry for pattern in patterns for entry in folder.glob(pattern)}
    except OSError:
        return changed
    changed += tighten_all(sorted(entry for entry in entries if entry.is_file()))
    if changed:
        log.info("Made %d file(s) in %s private (owner only)", changed, folder)
    return changed
