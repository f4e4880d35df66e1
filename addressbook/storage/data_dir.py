"""What the app keeps in its data folder, made private and brought up to date on start.

Run by the worker before it opens any cache (SyncWorker.start): the folder and what
earlier versions left in it become the user's alone (0700/0600), and cache files named
with the email are renamed.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)

# What the app keeps in its data folder: caches (with journals, locks, copies set aside and
# exports of their outboxes, under old names too), the start-up snapshot, the demo's server.
DATA_FILES = ("*.sqlite3*", "startup-snapshot.json*", "instance.lock")


def prepare_data_dir(data_dir: Path) -> None:
    """Before any cache is opened: the folder and what earlier versions left in it become
    the user's alone (0700/0600), and cache files named with the email are renamed."""
    from addressbook.private_files import make_private_dir, tighten_folder

    from .naming import rename_old_cache_files

    try:
        make_private_dir(data_dir)
        tighten_folder(data_dir, DATA_FILES)
        rename_old_cache_files(data_dir)
    except OSError as error:  # opening the cache will say what is wrong, in the window
        log.warning("Could not prepare the data folder %s: %s", data_dir, error)
