"""list_contacts() against the bare parsers it is built on, and against the wire itself.

Targets (issue 2 §6): list_contacts() at most 1.3x a bare xmltodict.parse of the
same bytes, and on a 2 MB/s link at most 1.15x the transfer time alone, because
the body is parsed while it arrives.

The sandbox runs in a child process, as a real server would be on another
machine: in this process its thread would compete with the parser for the GIL.
"""

from __future__ import annotations

import gc
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from xml.parsers import expat

import httpx
import xmltodict

from addressbook.api import HarvestClient
from addressbook.sandbox import DEMO_EMAIL, DEMO_PASSWORD

SERVE = """
import sys
from addressbook.sandbox import SandboxServer
server = SandboxServer(clients=200, contacts=int(sys.argv[1]), seed=3, rate_limit=0)
bandwidth = int(sys.argv[2])
server.faults.bandwidth = bandwidth or None
with server:
    print(server.url, flush=True)
    sys.stdin.read()  # serve until the parent closes our stdin
"""
LINK_BYTES_PER_SECOND = 2_000_000


@contextmanager
def sandbox(contacts: int, bandwidth: int = 0) -> Iterator[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", SERVE, str(contacts), str(bandwidth)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        yield child.stdout.readline().strip()
    finally:
        assert child.stdin is not None
        child.stdin.close()
        child.wait(timeout=60)
        if child.stdout is not None:
            child.stdout.close()


def best_of(runs: int, action: Callable[[], Any]) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def peak_mib(action: Callable[[], Any]) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        result = action()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    del result
    return peak / 2**20


def bare_expat(body: bytes) -> None:
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = lambda name, attributes: None
    parser.EndElementHandler = lambda name: None
    parser.CharacterDataHandler = lambda data: None
    parser.Parse(body, True)


def fetch(url: str) -> bytes:
    auth = (DEMO_EMAIL, DEMO_PASSWORD)
    with httpx.Client(base_url=url, auth=auth, headers={"Accept": "application/xml"}) as http:
        response = http.get("/contacts")
        response.raise_for_status()
        return response.content


def transfer_only(url: str) -> int:
    """The body read and thrown away: the time the link alone needs."""
    auth = (DEMO_EMAIL, DEMO_PASSWORD)
    received = 0
    with httpx.Client(base_url=url, auth=auth) as http, http.stream("GET", "/contacts") as reply:
        for chunk in reply.iter_bytes():
            received += len(chunk)
    return received


def compare_parsers(contacts: int, runs: int) -> None:
    with (
        sandbox(contacts) as url,
        HarvestClient(url, DEMO_EMAIL, DEMO_PASSWORD, requests_per_window=10_000) as api,
    ):
        body = fetch(url)  # also warms the sandbox's rendered-list cache
        results: list[int] = []
        listed = best_of(runs, lambda: results.append(len(api.list_contacts())))
        assert results == [contacts] * runs
        parsed = best_of(runs, lambda: xmltodict.parse(body))
        expat_only = best_of(runs, lambda: bare_expat(body))
        memory_listed = peak_mib(api.list_contacts)
        memory_parsed = peak_mib(lambda: xmltodict.parse(body))
    print(f"{contacts:>7} contacts, {len(body) / 2**20:.1f} MiB body (best of {runs})")
    print(
        f"  list_contacts()      {listed:7.3f} s  {listed / parsed:5.2f}x xmltodict"
        f"  {listed / expat_only:5.2f}x expat   (target <= 1.30x xmltodict)"
    )
    print(f"  xmltodict.parse      {parsed:7.3f} s  {parsed / expat_only:5.2f}x expat")
    print(f"  bare pyexpat         {expat_only:7.3f} s")
    print(
        f"  peak traced memory: list_contacts {memory_listed:.0f} MiB, "
        f"xmltodict.parse {memory_parsed:.0f} MiB (+ the {len(body) / 2**20:.0f} MiB body "
        f"it needs in hand; list_contacts never holds the body)"
    )


def compare_with_link(contacts: int) -> None:
    with (
        sandbox(contacts, LINK_BYTES_PER_SECOND) as url,
        HarvestClient(url, DEMO_EMAIL, DEMO_PASSWORD, requests_per_window=10_000) as api,
    ):
        size = transfer_only(url)  # warms the sandbox's cache too
        transfer = best_of(1, lambda: transfer_only(url))
        listed = best_of(2, api.list_contacts)
    print(
        f"{contacts:>7} contacts over a {LINK_BYTES_PER_SECOND / 1e6:.0f} MB/s link "
        f"({size / 1e6:.1f} MB)"
    )
    print(f"  transfer alone       {transfer:7.3f} s")
    print(
        f"  list_contacts()      {listed:7.3f} s  {listed / transfer:5.2f}x transfer"
        f"   (target <= 1.15x)"
    )


def main() -> None:
    compare_parsers(10_000, runs=3)
    compare_parsers(100_000, runs=1)
    compare_with_link(10_000)


if __name__ == "__main__":
    main()
