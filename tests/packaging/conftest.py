"""Helpers for the packaging tests: packaging/ is not a package (and its name is taken by
the PyPI 'packaging' distribution), so its modules are loaded from their files."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def load_packaging_module(name: str) -> ModuleType:
    """Import packaging/<name>.py (name may hold a folder: 'linux/build_deb') privately."""
    module_name = f"_harvest_packaging_{name.replace('/', '_')}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def bundle_filters() -> ModuleType:
    return load_packaging_module("bundle_filters")


@pytest.fixture(scope="session")
def make_icons() -> ModuleType:
    return load_packaging_module("make_icons")


@pytest.fixture(scope="session")
def platform_bundle() -> ModuleType:
    return load_packaging_module("platform_bundle")


@pytest.fixture(scope="session")
def build_deb() -> ModuleType:
    return load_packaging_module("linux/build_deb")
