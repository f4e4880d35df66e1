"""A second process on one cache file, for tests/hardening/test_single_instance.py.

Usage: cache_child.py MODE URL CACHE_PATH
  create-and-hold  queue a create and sync; with the create claimed for sending, say
                   "on-the-wire" and wait for a line on stdin before it reaches Harvest
  sync             open the cache and sync once (a second copy of the app would)
  hold             open the cache, say "ready", wait for a line on stdin
Prints "in-use: <message>" and exits 3 when the cache refuses it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from addressbook.api import HarvestClient
from addressbook.core.models import Contact
from addressbook.sandbox import DEMO_EMAIL, DEMO_PASSWORD
from addressbook.storage import Cache, CacheInUseError
from addressbook.sync import SyncEngine

IN_USE_EXIT = 3


def say(*words: object) -> None:
    print(*words, flush=True)


def hold_the_request(api: HarvestClient) -> None:
    """The create is claimed and on its way, not yet at Harvest: a lookup finds nothing there."""
    send = api.create_contact

    def wait_then_send(contact: Contact) -> Contact:
        say("on-the-wire")
        sys.stdin.readline()
        return send(contact)

    api.create_contact = wait_then_send  # type: ignore[method-assign]


def run(mode: str, cache: Cache, api: HarvestClient) -> None:
    engine = SyncEngine(api, cache)
    if mode == "hold":
        say("ready")
        sys.stdin.readline()
    elif mode == "create-and-hold":
        assert engine.sync().ok
        client = cache.clients()[0].id
        cache.create_contact(Contact(None, client, "Twice", "Queued", email="twice@example.com"))
        hold_the_request(api)
        report: Any = engine.sync()
        say("synced", report.pushed, report.error or "")
    else:
        report = engine.sync()
        say("synced", report.pushed, report.error or "")


def main(mode: str, url: str, path: str) -> int:
    try:
        cache = Cache.open(Path(path))
    except CacheInUseError as error:
        say("in-use:", error)
        return IN_USE_EXIT
    with cache, HarvestClient(url, DEMO_EMAIL, DEMO_PASSWORD) as api:
        run(mode, cache, api)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
