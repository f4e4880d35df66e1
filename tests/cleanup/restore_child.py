"""Child process for the restore crash test: restores trashed contacts and syncs until killed.

Usage: restore_child.py URL CACHE_PATH SEED
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from addressbook.api import HarvestClient
from addressbook.sandbox import DEMO_EMAIL, DEMO_PASSWORD
from addressbook.storage import Cache
from addressbook.sync import SyncEngine


def main(url: str, path: str, seed: str) -> None:
    rng = random.Random(int(seed))
    with Cache.open(Path(path)) as cache, HarvestClient(url, DEMO_EMAIL, DEMO_PASSWORD) as api:
        engine = SyncEngine(api, cache)
        print("ready", flush=True)
        while True:
            trashed = cache.trash()
            if trashed:
                cache.restore_from_trash(rng.choice(trashed).contact.id or 0)
            engine.sync(full=rng.random() < 0.3)


if __name__ == "__main__":
    main(*sys.argv[1:4])
