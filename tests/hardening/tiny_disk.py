"""A real filesystem a few MB big that tests can fill (tmpfs with size=, mounted as root).

Where the machine does not allow mounting (not root, not Linux, no tmpfs), the
tests that need it are skipped with the reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

TINY_DISK_BYTES = 4 * 2**20
LEFT_FREE = 16 * 1024


def _mount_tiny(path: Path) -> str | None:
    """Mounts it; returns why it could not be, or None."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0 or not shutil.which("mount"):
        return "needs root on Linux to mount a tmpfs with a size limit"
    path.mkdir()
    size = f"size={TINY_DISK_BYTES // 1024}k"
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", size, "tmpfs", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    return None if done.returncode == 0 else f"mount refused: {done.stderr.strip()}"


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on a 4 MB filesystem of its own."""
    path = tmp_path / "tiny"
    reason = _mount_tiny(path)
    if reason is not None:
        pytest.skip(reason)
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def free_bytes(path: Path) -> int:
    stats = os.statvfs(path)
    return stats.f_bavail * stats.f_frsize


def fill_disk(path: Path) -> Path:
    """Take all but a few KB of the free space (a cache's next small write still fits)."""
    filler = path / "filler"
    filler.write_bytes(b"\0" * max(free_bytes(path) - LEFT_FREE, 0))
    return filler
