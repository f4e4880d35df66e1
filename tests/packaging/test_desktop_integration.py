"""The Linux .desktop entry and AppStream metainfo agree with each other and with the app."""

from __future__ import annotations

import configparser
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import addressbook
from addressbook.resources import DESKTOP_ID, resource_path

ROOT = Path(__file__).resolve().parents[2]


def desktop_entry() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(resource_path(f"{DESKTOP_ID}.desktop"), encoding="utf-8")
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def metainfo() -> ET.Element:
    return ET.parse(resource_path(f"{DESKTOP_ID}.metainfo.xml")).getroot()


def entry_point_name() -> str:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    (name,) = project["gui-scripts"]
    return str(name)


def test_desktop_entry_has_the_required_keys() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == addressbook.APP_NAME
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";") and "ContactManagement" in entry["Categories"]
    assert entry["Keywords"].endswith(";")


def test_desktop_entry_starts_the_installed_command_with_the_installed_icon() -> None:
    entry = desktop_entry()
    assert entry["Exec"].split()[0] == entry_point_name() == "addressbook"
    assert entry["Icon"] == DESKTOP_ID  # the name the icon is installed under in hicolor


def test_metainfo_describes_this_app() -> None:
    root = metainfo()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == DESKTOP_ID
    assert root.findtext("name") == addressbook.APP_NAME
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("launchable") == f"{DESKTOP_ID}.desktop"
    assert root.findtext("provides/binary") == entry_point_name()


def test_metainfo_lists_the_current_version() -> None:
    versions = [release.get("version") for release in metainfo().iter("release")]
    assert versions[0] == addressbook.__version__
