"""The duplicate warning's index at 100,000 contacts: built when New contact opens,
asked at every keystroke. Baseline: a plain dict by id over the same contacts."""

from __future__ import annotations

import time

from addressbook.core import Contact
from addressbook.core.duplicates import DuplicateIndex

CONTACTS = 100_000


def _contacts() -> list[Contact]:
    return [
        Contact(
            i,
            i % 500,
            f"First{i}",
            f"Läst{i}" if i % 20 == 0 else f"Last{i}",
            email=f"person{i}@example.com",
        )
        for i in range(CONTACTS)
    ]


def _best(run: object, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    contacts = _contacts()
    baseline = _best(lambda: {contact.id: contact for contact in contacts})
    build = _best(lambda: DuplicateIndex.build(contacts))
    index = DuplicateIndex.build(contacts)
    lookups = 10_000
    per_key = (
        _best(
            lambda: [
                index.matches(7, "first7", "last7", "PERSON99999@example.com")
                for _ in range(lookups)
            ]
        )
        / lookups
    )
    print(
        f"duplicate index of {CONTACTS:,} contacts: built in {build * 1000:.0f} ms "
        f"({build / baseline:.1f}x a dict by id, {baseline * 1000:.1f} ms; target < 100 ms); "
        f"one keystroke's lookup {per_key * 1e6:.2f} µs"
    )


if __name__ == "__main__":
    main()
