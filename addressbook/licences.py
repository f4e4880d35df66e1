"""The licences of the third-party software the app ships with, for About and the bundle.

Read from each distribution's installed metadata, so what is shown is what is
installed (a frozen bundle carries the same metadata; see packaging/).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata

# What the app imports at run time; the bundle ships these (and Qt inside PySide6).
BUNDLED_DISTRIBUTIONS = (
    "PySide6-Essentials",
    "shiboken6",
    "httpx",
    "httpcore",
    "h11",
    "anyio",
    "idna",
    "certifi",
    "sniffio",
    "xmltodict",
    "keyring",
    "jaraco.classes",
    "jaraco.functools",
    "jaraco.context",
    "more-itertools",
    "platformdirs",
)


@dataclass(frozen=True, slots=True)
class Notice:
    name: str
    version: str
    licence: str  # its SPDX expression or classifier, e.g. "LGPL-3.0-only"
    text: str  # the licence file's text when the distribution ships one


def third_party_notices() -> list[Notice]:
    """One notice per bundled distribution that is installed, in the order above."""
    notices = []
    for name in BUNDLED_DISTRIBUTIONS:
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        notices.append(_notice(distribution))
    return notices


def _notice(distribution: metadata.Distribution) -> Notice:
    meta = distribution.metadata
    licence = meta.get("License-Expression") or _licence_from_classifiers(meta) or ""
    if not licence and len(meta.get("License") or "") < 80:
        licence = meta.get("License") or ""
    return Notice(
        meta["Name"], distribution.version, licence or "see text", _licence_text(distribution)
    )


def _licence_from_classifiers(meta: metadata.PackageMetadata) -> str:
    prefix = "License :: OSI Approved :: "
    names = [
        c.removeprefix(prefix) for c in meta.get_all("Classifier") or [] if c.startswith(prefix)
    ]
    return ", ".join(names)


def _licence_text(distribution: metadata.Distribution) -> str:
    for file in distribution.files or []:
        if any(word in file.name.upper() for word in ("LICENSE", "LICENCE", "COPYING")):
            try:
                return file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
    return ""
