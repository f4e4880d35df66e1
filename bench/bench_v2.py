"""Harvest v2 benchmarks, each against a baseline measured in the same run.

1. list_contacts() of 20,000 contacts in 10 pages of 2,000, against fetching the same
   10 pages with a bare httpx client and json.loads (target <= 1.3x); and, the network
   left out, the codec over the same page bodies against json.loads alone.
2. A first sync of 100,000 contacts over v2 against the same over v1 (same sandbox data).
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from addressbook.api import HarvestClient, HarvestV2Client
from addressbook.api.v2 import codec
from addressbook.api.v2.client import USER_AGENT
from addressbook.sandbox import DEMO_EMAIL, DEMO_PASSWORD, SandboxServer
from addressbook.sandbox.v2_documents import ACCOUNT_ID
from addressbook.sandbox.v2_routes import DEMO_TOKEN
from addressbook.storage import Cache
from addressbook.sync import SyncEngine

PAGE = 2000
ROUNDS = 5


def _best(action: Callable[[], Any], rounds: int = ROUNDS) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best


def _verdict(ratio: float, target: float) -> str:
    return "ok" if ratio <= target else "OVER TARGET"


def _v2(server: SandboxServer, page_size: int | None = PAGE) -> HarvestV2Client:
    return HarvestV2Client(
        DEMO_TOKEN, ACCOUNT_ID, base_url=server.url, page_size=page_size, requests_per_window=10**9
    )


def _bare_pages(server: SandboxServer, http: httpx.Client) -> list[bytes]:
    """The same pages list_contacts() asks for, on one kept-alive httpx client, each body
    read whole and json.loads'ed once (the baseline: no checks, no records)."""
    bodies, url = [], f"{server.url}/v2/contacts?per_page={PAGE}"
    while url:
        body = http.get(url).content
        bodies.append(body)
        url = json.loads(body)["links"]["next"]
    return bodies


def list_contacts_vs_json_loads() -> None:
    headers = {
        "Authorization": f"Bearer {DEMO_TOKEN}",
        "Harvest-Account-Id": str(ACCOUNT_ID),
        "User-Agent": USER_AGENT,
        "Accept": "application/json",
    }
    with (
        SandboxServer(clients=100, contacts=20_000, rate_limit=0) as server,
        _v2(server) as api,
        httpx.Client(headers=headers) as http,
    ):
        assert len(api.list_contacts()) == 20_000  # warm both ends once
        bodies = _bare_pages(server, http)
        assert len(bodies) == 10
        ours = _best(api.list_contacts)
        bare = _best(lambda: _bare_pages(server, http))
    ratio = ours / bare
    print(
        f"list_contacts 20,000 in 10 pages: {ours:6.3f} s   httpx + json.loads of the same "
        f"pages {bare:6.3f} s   ratio {ratio:.2f}x (target <= 1.30x: {_verdict(ratio, 1.3)})"
    )
    decode = _best(
        lambda: [
            codec.contact_from_json(item)
            for body in bodies
            for item in codec.page_items(codec.load_json(body, "b"), "contacts")[0]
        ]
    )
    loads = _best(lambda: [json.loads(body) for body in bodies])
    print(
        f"  network left out: codec {decode:6.3f} s   json.loads alone {loads:6.3f} s   "
        f"ratio {decode / loads:.2f}x (building 20,000 Contact records is the difference)"
    )


def first_sync_v2_vs_v1() -> None:
    with (
        tempfile.TemporaryDirectory() as folder,
        SandboxServer(clients=200, contacts=100_000, rate_limit=0) as server,
    ):

        def sync(api: Any, name: str) -> float:
            with api, Cache.open(Path(folder) / f"{name}.sqlite3") as cache:
                started = time.perf_counter()
                report = SyncEngine(api, cache).sync()
                seconds = time.perf_counter() - started
                assert report.ok and len(cache.contacts()) == 100_000, report
            return seconds

        v1 = sync(
            HarvestClient(server.url, DEMO_EMAIL, DEMO_PASSWORD, requests_per_window=10**9), "v1"
        )
        v2 = sync(_v2(server, None), "v2")
    print(
        f"first sync 100,000 over v2: {v2:6.2f} s ({100_000 / v2:8,.0f} contacts/s)   "
        f"over v1 {v1:6.2f} s   ratio {v2 / v1:.2f}x"
    )


def main() -> None:
    list_contacts_vs_json_loads()
    first_sync_v2_vs_v1()


if __name__ == "__main__":
    main()
