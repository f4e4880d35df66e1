"""Child process for the crash-safety test: edits and syncs in a loop until it is killed.

Usage: crash_child.py URL CACHE_PATH SEED FIRST_NUMBER SEEDED_IDS API_VERSION
Every edit is announced on stdout before the call ("intent ...") and confirmed after
it returns ("done ..."), so the parent knows which edits the cache has promised to keep.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from addressbook.core.models import Contact
from addressbook.storage import Cache
from addressbook.sync import SyncEngine

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script: find tests/
from tests.api_versions import make_api  # noqa: E402


def say(*words: object) -> None:
    print(*words, flush=True)


def edit(cache: Cache, rng: random.Random, number: int, seeded: list[int], client: int) -> None:
    choice = rng.random()
    if choice < 0.4:
        marker = f"Crash{number}"
        say("intent", "create", marker)
        cache.create_contact(Contact(None, client, "Kid", marker, email=f"{marker}@example.com"))
        say("done", "create", marker)
    elif choice < 0.8:
        target, title = rng.choice(seeded), f"T{number}"
        say("intent", "update", target, title)
        cache.update_contact(target, {"title": title})
        say("done", "update", target, title)
    else:
        mine = [c for c in cache.contacts() if c.last_name.startswith("Crash")]
        if mine:
            victim = rng.choice(mine)
            say("intent", "delete", victim.last_name)
            cache.delete_contact(victim.id or 0)
            say("done", "delete", victim.last_name)


def main(url: str, path: str, seed: str, first: str, seeded_ids: str, version: str) -> None:
    rng = random.Random(int(seed))
    seeded = [int(text) for text in seeded_ids.split(",")]
    with Cache.open(Path(path)) as cache, make_api(url, version) as api:
        engine = SyncEngine(api, cache)
        client = cache.clients()[0].id if cache.clients() else 1
        say("ready")
        number = int(first)
        while True:
            edit(cache, rng, number, seeded, client)
            number += 1
            if rng.random() < 0.5:
                engine.sync()


if __name__ == "__main__":
    main(*sys.argv[1:7])
