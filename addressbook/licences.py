"""The licences of the third-party software the app ships with, for About and the bundle.

Read from each distribution's installed metadata, so what is shown is what is installed
and bundled: the spec copies the metadata of the same distributions into the frozen app
(see packaging/addressbook.spec). What a distribution's metadata lacks comes from
resources/licences/: PySide6 and Shiboken6 ship no licence file, so Qt's LGPL notice and
the LGPL-3.0 and GPL-3.0 texts are kept there. `addressbook --licences` prints them all.
"""

from __future__ import annotations

import os
import platform
import re
import sys
import sysconfig
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from addressbook.resources import resource_path

APP_DISTRIBUTION = "harvest-contacts"
# Qt ships inside these wheels; their dist-info folders carry no licence text.
QT_DISTRIBUTIONS = frozenset({"pyside6", "pyside6-essentials", "pyside6-addons", "shiboken6"})
QT_NOTICE_FILES = ("licences/Qt-LGPL-NOTICE.txt", "licences/LGPL-3.0.txt", "licences/GPL-3.0.txt")
# The interpreter's own licence: the spec copies it here; from source it is next to the stdlib.
PYTHON_LICENCE_RESOURCE = "licences/Python-LICENSE.txt"
_LICENCE_FILE_WORDS = ("LICENSE", "LICENCE", "COPYING", "NOTICE")


@dataclass(frozen=True, slots=True)
class Notice:
    name: str
    version: str
    licence: str  # its SPDX expression or classifier, e.g. "LGPL-3.0-only"
    text: str  # the licence file's text when the distribution ships one


def third_party_notices() -> list[Notice]:
    """Python's notice, then one per bundled distribution, in dependency order."""
    notices = [python_notice()]
    for name in bundled_distributions():
        notices.append(_notice(metadata.distribution(name)))
    return notices


def bundled_distributions() -> list[str]:
    """The app's run-time dependencies, transitively, that are installed here.

    Optional extras are left out; platform-only requirements (pywin32-ctypes on Windows,
    SecretStorage on Linux) are in exactly where they are installed, which is where they
    are bundled. The spec copies the metadata of this same list into the bundle.
    """
    seen: set[str] = set()
    found: list[str] = []
    pending = _runtime_requirements(APP_DISTRIBUTION)
    while pending:
        name = pending.pop(0)
        key = normalise(name)
        if key in seen:
            continue
        seen.add(key)
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a requirement for another platform or Python
        found.append(distribution.metadata["Name"])
        pending += _runtime_requirements(name)
    return found


def normalise(name: str) -> str:
    """PEP 503 name: 'PySide6_Essentials' and 'pyside6-essentials' are one distribution."""
    return re.sub(r"[-_.]+", "-", name).lower()


def format_notices(notices: list[Notice]) -> str:
    """Plain text of every notice, as `addressbook --licences` prints it."""
    parts = []
    for notice in notices:
        heading = f"{notice.name} {notice.version}: {notice.licence}"
        parts.append(f"{heading}\n{'=' * len(heading)}\n\n{notice.text.strip()}\n")
    return "\n\n".join(parts)


def print_notices() -> int:
    """The --licences command: every notice on standard output."""
    text = format_notices(third_party_notices())
    if sys.stdout is None:  # a windowed Windows build started without a console
        return 1
    sys.stdout.write(text)
    return 0


def python_notice() -> Notice:
    return Notice("Python", platform.python_version(), "PSF-2.0", _python_licence_text())


def _runtime_requirements(name: str) -> list[str]:
    try:
        requirements = metadata.requires(name) or []
    except metadata.PackageNotFoundError:
        return []
    names = []
    for requirement in requirements:
        _, _, marker = requirement.partition(";")
        if re.search(r"\bextra\s*==", marker):
            continue  # only with an optional extra, which the app does not install
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
        if match:
            names.append(match[1])
    return names


def _notice(distribution: metadata.Distribution) -> Notice:
    meta = distribution.metadata
    licence = _field(meta, "License-Expression") or _licence_from_classifiers(meta)
    if not licence and len(_field(meta, "License")) < 80:  # longer: the whole text, not a name
        licence = _field(meta, "License")
    text = _licence_text(distribution)
    if not text and normalise(meta["Name"]) in QT_DISTRIBUTIONS:
        text = _resource_texts(QT_NOTICE_FILES)
    return Notice(meta["Name"], distribution.version, licence or "see text", text)


def _field(meta: metadata.PackageMetadata, name: str) -> str:
    values = meta.get_all(name)
    return str(values[0]) if values else ""


def _licence_from_classifiers(meta: metadata.PackageMetadata) -> str:
    prefix = "License :: OSI Approved :: "
    names = [
        c.removeprefix(prefix) for c in meta.get_all("Classifier") or [] if c.startswith(prefix)
    ]
    return ", ".join(names)


def _licence_text(distribution: metadata.Distribution) -> str:
    """Every licence file the distribution ships (cryptography has three), joined."""
    texts = []
    for file in distribution.files or []:
        if any(word in file.name.upper() for word in _LICENCE_FILE_WORDS):
            try:
                texts.append(file.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                continue
    return "\n\n".join(texts)


def _resource_texts(names: tuple[str, ...]) -> str:
    texts = []
    for name in names:
        try:
            texts.append(resource_path(name).read_text(encoding="utf-8"))
        except OSError:
            continue
    return "\n\n".join(texts)


def python_licence_candidates() -> list[Path]:
    """Where the interpreter's LICENSE.txt is: in the bundle, or beside the stdlib."""
    return [
        resource_path(PYTHON_LICENCE_RESOURCE),
        Path(sysconfig.get_path("stdlib")) / "LICENSE.txt",  # Linux, macOS
        Path(sys.base_prefix) / "LICENSE.txt",  # Windows (python.org installer)
    ]


def _python_licence_text() -> str:
    for path in python_licence_candidates():
        if os.path.isfile(path):
            return path.read_text(encoding="utf-8", errors="replace")
    return ""
