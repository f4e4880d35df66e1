"""--list-keyring-backends, which the bundle checks use to prove keyring's entry points."""

from __future__ import annotations

import subprocess
import sys

from addressbook.diagnostics import keyring_report


def test_report_names_entry_points_backends_and_the_active_one() -> None:
    lines = keyring_report()
    assert lines[0].startswith("entry points: ") and "SecretService" in lines[0]
    assert "backend: keyring.backends.SecretService.Keyring" in "\n".join(lines)
    assert lines[-1] == "active: tests.conftest.MemoryKeyring"  # the autouse test keyring


def test_hidden_option_prints_the_report_and_exits_zero() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "addressbook", "--list-keyring-backends"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "backend: keyring.backends.SecretService.Keyring" in result.stdout
