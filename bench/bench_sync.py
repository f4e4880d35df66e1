"""Cache and sync benchmark: first sync, incremental sync, loading from the cache, file size.

Every figure is printed beside its baseline from the same run (these machines are
shared and noisy): the first sync against `list_contacts()` alone, the rest
against the issue's absolute targets.
"""

from __future__ import annotations

import functools
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from addressbook.api import HarvestClient
from addressbook.sandbox import DEMO_EMAIL, DEMO_PASSWORD, SandboxServer
from addressbook.storage import Cache
from addressbook.sync import SyncEngine

CHANGED = 100


def _client(server: SandboxServer) -> HarvestClient:
    return HarvestClient(server.url, DEMO_EMAIL, DEMO_PASSWORD, requests_per_window=10**6)


def _verdict(value: float, target: float) -> str:
    return "ok" if value <= target else "OVER TARGET"


def _time(action: Callable[[], Any]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def first_sync(server: SandboxServer, path: Path, size: int) -> None:
    with _client(server) as api, Cache.open(path) as cache:
        baseline = _time(api.list_contacts)
        seconds = _time(lambda: SyncEngine(api, cache).sync())
        baseline = min(baseline, _time(api.list_contacts))
        assert len(cache.contacts()) == size
    ratio = seconds / baseline
    print(
        f"first sync {size:>7,}: {seconds:6.2f} s  {size / seconds:8,.0f} contacts/s  "
        f"list_contacts alone {baseline:6.2f} s  ratio {ratio:.2f}x "
        f"(target <= 1.30x: {_verdict(ratio, 1.3)})"
    )


def _timed_calls(api: HarvestClient, spent: list[float]) -> None:
    """Wrap the API calls so the time spent waiting on the server can be subtracted."""
    for name in ("list_clients", "list_contacts", "get_contact", "update_contact"):
        original = getattr(api, name)

        @functools.wraps(original)
        def timed(*args: Any, _original: Any = original, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - started

        setattr(api, name, timed)


def incremental_sync(server: SandboxServer, path: Path) -> None:
    for contact in server.store.contacts()[:: len(server.store.contacts()) // CHANGED][:CHANGED]:
        server.store.update_contact(contact.id, title="Changed for the benchmark")
    spent = [0.0]
    with _client(server) as api, Cache.open(path) as cache:
        _timed_calls(api, spent)
        cpu = time.thread_time()
        total = _time(lambda: print_pulled(SyncEngine(api, cache).sync()))
        cpu = time.thread_time() - cpu
    own_ms = (total - spent[0]) * 1000
    print(
        f"incremental sync, {CHANGED} changed of 100k: total {total * 1000:6.1f} ms, "
        f"waiting on the sandbox {spent[0] * 1000:6.1f} ms, our own {own_ms:6.1f} ms "
        f"(target <= 100 ms: {_verdict(own_ms, 100)}); this thread's CPU incl. XML parsing "
        f"{cpu * 1000:6.1f} ms"
    )


def print_pulled(report: Any) -> None:
    print(f"  (pulled {report.pulled_contacts} contacts, full sweep: {report.full_sweep})")


_COLD_LOAD = """
import sys, time
from addressbook.storage import Cache
with Cache.open(sys.argv[1]) as cache:
    started = time.perf_counter()
    count = len(cache.contacts())
    print(time.perf_counter() - started, count)
"""


def load_contacts(path: Path) -> None:
    """In a fresh process, as the app starts (cold), then again in this one (warm heap)."""
    command = [sys.executable, "-c", _COLD_LOAD, str(path)]
    cold = []
    for _ in range(3):
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        cold.append(float(output.split()[0]) * 1000)
    with Cache.open(path) as cache:
        warm = _time(cache.contacts) * 1000
        again = _time(cache.contacts) * 1000
    best = min(cold)
    print(
        f"load 100k contacts from the cache: new process {', '.join(f'{t:.0f}' for t in cold)} ms "
        f"(best {best:.0f} ms, target <= 300 ms: {_verdict(best, 300)}); "
        f"in this process {warm:.0f} ms, repeated with nothing changed {again:.1f} ms"
    )


def bytes_per_contact(path: Path, size: int) -> None:
    with Cache.open(path) as cache:
        cache._db.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    total = sum(file.stat().st_size for file in path.parent.glob(f"{path.name}*"))
    print(f"cache size: {total / 2**20:.1f} MiB, {total / size:.0f} bytes per contact")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for size in (10_000, 100_000):
            path = Path(folder) / f"bench-{size}.sqlite3"
            with SandboxServer(clients=200, contacts=size, rate_limit=10**9) as server:
                first_sync(server, path, size)
                if size == 100_000:
                    incremental_sync(server, path)
        load_contacts(path)  # the sandbox is gone: only the cache is measured
        bytes_per_contact(path, 100_000)


if __name__ == "__main__":
    main()
