"""The clean-up scan at 100,000 contacts (target: within 1 s), on the worker.

Baseline: building the New contact dialog's duplicate index over the same
contacts, the cheapest pass that looks at every contact's email and name.
Also: what the phone preview costs per number (it parses, so it runs on
demand over at most PREVIEW_LIMIT numbers, not in the scan).
"""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import UTC, datetime

from addressbook.cleanup import scan
from addressbook.cleanup.phones import candidates, preview_candidates
from addressbook.core.duplicates import DuplicateIndex
from addressbook.sandbox.demo_data import generate

CONTACTS = 100_000


def _best(run: object, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    clients, contacts = generate(11, 400, CONTACTS, datetime(2026, 1, 1, tzinfo=UTC), 1, 1)
    # One contact in fifty typed twice (another email case, same name at the client).
    contacts += [
        replace(c, id=c.id + CONTACTS, email=(c.email or "").upper() or None)  # type: ignore[operator]
        for c in contacts[::50]
    ]
    baseline = _best(lambda: DuplicateIndex.build(contacts))
    took = _best(lambda: scan(contacts, clients))
    report = scan(contacts, clients)
    found = candidates(contacts)[:2000]
    per_number = _best(lambda: preview_candidates(found, "GB"), repeat=1) / len(found)
    print(
        f"clean-up scan of {len(contacts):,} contacts: {took * 1000:.0f} ms "
        f"({took / baseline:.1f}x the duplicate index, {baseline * 1000:.0f} ms; "
        f"target <= 1000 ms): {len(report.duplicates):,} duplicate groups, "
        f"{len(report.phones):,} phone values to look at, {len(report.incomplete):,} "
        f"incomplete, {len(report.inactive):,} at inactive clients"
    )
    print(
        f"phone preview: {per_number * 1e6:.0f} µs a number "
        f"({per_number * 2000:.2f} s for a preview of 2,000)"
    )


if __name__ == "__main__":
    main()
