"""Naming the system library Qt's X11 plugin misses, before Qt aborts without saying."""

from __future__ import annotations

from pathlib import Path

from addressbook.qt_libraries import XCB_LIBRARIES, missing_libraries, missing_message, uses_xcb

README = Path(__file__).resolve().parent.parent / "README.md"


def fake_cache(tmp_path: Path, names: list[str]) -> Path:
    cache = tmp_path / "ld.so.cache"
    cache.write_bytes(
        b"glibc-ld.so.cache1.1\0"
        + b"".join(
            name.encode() + b"\0/usr/lib/x86_64-linux-gnu/" + name.encode() + b"\0"
            for name in names
        )
    )
    return cache


def test_the_missing_library_and_its_package_are_named(tmp_path: Path) -> None:
    present = [name for name in XCB_LIBRARIES if name != "libxcb-icccm.so.4"]
    missing = missing_libraries({}, fake_cache(tmp_path, present))
    assert missing == ["libxcb-icccm.so.4"]
    message = missing_message(missing)
    assert "libxcb-icccm.so.4 is missing" in message
    assert "apt-get install libxcb-icccm4" in message


def test_a_library_on_ld_library_path_counts(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "libxcb-keysyms.so.1").write_bytes(b"")
    present = [name for name in XCB_LIBRARIES if name != "libxcb-keysyms.so.1"]
    env = {"LD_LIBRARY_PATH": str(folder)}
    assert missing_libraries(env, fake_cache(tmp_path, present)) == []


def test_no_linker_cache_means_no_guess(tmp_path: Path) -> None:
    assert missing_libraries({}, tmp_path / "absent") == []


def test_only_where_the_xcb_plugin_runs() -> None:
    assert uses_xcb({"DISPLAY": ":0"}, "linux")
    assert not uses_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not uses_xcb({"DISPLAY": ":0"}, "darwin")
    assert not uses_xcb({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "linux")


def test_the_readme_apt_line_lists_every_package() -> None:
    text = README.read_text(encoding="utf-8")
    apt = text[text.index("sudo apt-get install") :]
    apt = apt[: apt.index("```")]
    for package in XCB_LIBRARIES.values():
        assert package in apt.split(), package
