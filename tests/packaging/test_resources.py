"""The resource lookup, from source and as a frozen bundle sees it, and the icon files."""

from __future__ import annotations

import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImageReader
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from addressbook import resources
from addressbook.resources import ICON_SIZES, icon_png_path, icon_svg_path, resource_path
from addressbook.ui.icons import app_icon

ROOT = Path(__file__).resolve().parents[2]


def png_dimensions(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_resource_path_from_source_points_into_the_repository() -> None:
    assert resources.resources_dir() == ROOT / "resources"
    assert (
        resource_path("icons/harvest-contacts.svg") == ROOT / "resources/icons/harvest-contacts.svg"
    )


def test_resource_path_when_frozen_points_into_the_bundle(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.is_frozen()
    assert resource_path("icons/a.png") == tmp_path / "resources" / "icons" / "a.png"


@pytest.mark.parametrize("name", ["../pyproject.toml", "/etc/passwd", "icons/../../x", ""])
def test_resource_path_refuses_names_outside_resources(name: str) -> None:
    with pytest.raises(ValueError):
        resource_path(name)


def test_svg_icon_is_square_and_renders(qapp: QApplication) -> None:
    svg = icon_svg_path()
    root = ET.parse(svg).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"
    renderer = QSvgRenderer(str(svg))
    assert renderer.isValid()
    assert renderer.defaultSize() == QSize(256, 256)


@pytest.mark.parametrize("size", ICON_SIZES)
def test_png_icon_has_its_size(size: int) -> None:
    assert png_dimensions(icon_png_path(size)) == (size, size)


def test_png_icon_sizes_cover_16_to_512() -> None:
    assert min(ICON_SIZES) == 16 and max(ICON_SIZES) == 512
    with pytest.raises(ValueError):
        icon_png_path(20)


def test_app_icon_offers_every_png_size(qapp: QApplication) -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert icon.availableSizes() == [QSize(size, size) for size in ICON_SIZES]
    for size in (16, 20, 32, 256, 1024):
        side = min(size, 512)  # QIcon never scales up beyond its largest image
        assert icon.pixmap(QSize(size, size)).size() == QSize(side, side)


@pytest.mark.parametrize(
    ("name", "sizes"),
    [
        ("harvest-contacts.ico", [16, 24, 32, 48, 64, 128, 256]),
        ("harvest-contacts.icns", [16, 32, 64, 128, 256, 512, 32, 64, 256, 512, 1024]),
    ],
)
def test_ico_and_icns_are_readable_by_qt(qapp: QApplication, name: str, sizes: list[int]) -> None:
    reader = QImageReader(str(resource_path(f"icons/{name}")))
    found = []
    for _ in range(reader.imageCount()):
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        found.append(image.width())
        reader.jumpToNextImage()
    assert found == sizes
