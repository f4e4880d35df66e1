"""What this build can reach at run time; behind the hidden --list-keyring-backends option.

keyring finds its backends through the 'keyring.backends' entry points of the installed
distributions. A frozen bundle only has those if its spec copied keyring's metadata, and
without them keyring quietly settles for fail.Keyring, so the packaging checks ask the
bundle itself what it knows. Qt-free.
"""

from __future__ import annotations

import importlib.metadata

import keyring
import keyring.backend


def _class_name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def keyring_report() -> list[str]:
    """Lines naming the entry points, every backend class keyring knows, and the active one.

    A known backend may still be unusable here (no Secret Service daemon on a headless
    box): knowing it is what proves the bundle carries the backends.
    """
    entry_points = sorted(e.name for e in importlib.metadata.entry_points(group="keyring.backends"))
    viable = {type(backend) for backend in keyring.backend.get_all_keyring()}  # loads the plugins
    known = sorted(getattr(keyring.backend.KeyringBackend, "_classes", ()), key=_class_name)
    lines = [f"entry points: {', '.join(entry_points) or 'none'}"]
    for cls in known:
        lines.append(f"backend: {_class_name(cls)}{' (viable)' if cls in viable else ''}")
    lines.append(f"active: {_class_name(type(keyring.get_keyring()))}")
    return lines


def print_keyring_backends() -> int:
    """The --list-keyring-backends command: print the report, exit 0."""
    print("\n".join(keyring_report()), flush=True)
    return 0
