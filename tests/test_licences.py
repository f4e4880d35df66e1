"""The third-party notices shown in About and printed by --licences."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from addressbook import licences
from addressbook.licences import bundled_distributions, normalise, third_party_notices


def notices_by_name() -> dict[str, licences.Notice]:
    return {normalise(notice.name): notice for notice in third_party_notices()}


def test_every_runtime_library_is_named_with_its_licence() -> None:
    notices = notices_by_name()
    for name in ("pyside6-essentials", "shiboken6", "httpx", "httpcore", "xmltodict", "keyring",
                 "platformdirs", "certifi", "idna"):  # fmt: skip
        assert name in notices, name
        assert notices[name].licence and notices[name].version
        assert notices[name].text.strip(), f"{name} has no licence text"
    assert "LGPL" in notices["pyside6-essentials"].licence
    assert "copyright" in notices["httpx"].text.lower()


def test_qt_notice_says_lgpl_and_where_the_source_is() -> None:
    text = notices_by_name()["pyside6-essentials"].text
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "Version 3" in text
    assert "GNU GENERAL PUBLIC LICENSE" in text  # LGPL-3.0 is read with the GPL-3.0
    assert "https://download.qt.io/official_releases/" in text


def test_python_itself_is_credited() -> None:
    notice = notices_by_name()["python"]
    assert notice.licence == "PSF-2.0"
    assert "PYTHON SOFTWARE FOUNDATION LICENSE" in notice.text


def test_test_tools_and_extras_are_not_listed() -> None:
    names = {normalise(name) for name in bundled_distributions()}
    assert not names & {"pytest", "hypothesis", "mypy", "ruff", "pyinstaller", "sphinx"}
    if sys.platform.startswith("linux"):
        assert "secretstorage" in names  # keyring's Linux backend needs it


def test_a_bundle_reads_the_texts_it_carries(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bundled = tmp_path / "resources" / "licences"
    bundled.mkdir(parents=True)
    (bundled / "Python-LICENSE.txt").write_text("bundled Python licence", encoding="utf-8")
    (bundled / "Qt-LGPL-NOTICE.txt").write_text("bundled Qt notice", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    notices = notices_by_name()
    assert notices["python"].text == "bundled Python licence"
    assert notices["shiboken6"].text == "bundled Qt notice"  # the LGPL texts are not there


def test_licences_option_prints_every_notice() -> None:
    # In a child process: main() pauses the garbage collector until a first paint.
    result = subprocess.run(
        [sys.executable, "-m", "addressbook", "--licences"],
        capture_output=True, text=True, encoding="utf-8", timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    printed = result.stdout
    for notice in third_party_notices():
        assert f"{notice.name} {notice.version}: {notice.licence}" in printed
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in printed
