"""SplicedScan: after any run of deltas, a search finds exactly what a scan built
afresh over the same rows finds; past many changes it rebuilds itself unseen."""

from __future__ import annotations

import random

import pytest

from addressbook.index.haystack_scan import HaystackScan
from addressbook.index.splice import Splice
from addressbook.index.spliced_scan import SplicedScan

TERMS = ["a", "ab", "ba", "c", "abc", "12", "2", "x"]


def haystack(rng: random.Random) -> str:
    return "".join(rng.choice("abc12 ") for _ in range(rng.randrange(0, 8)))


def random_splice(rng: random.Random, length: int, size: int) -> tuple[Splice, list[str]]:
    removed = sorted(rng.sample(range(length), min(length, rng.randrange(0, size + 1))))
    added = rng.randrange(0, size + 1)
    new_length = length - len(removed) + added
    inserted = sorted(rng.sample(range(new_length), added))
    return Splice(length, removed, inserted), [haystack(rng) for _ in inserted]


@pytest.mark.parametrize("seed", range(12))
def test_searches_after_deltas_match_a_fresh_scan(seed: int) -> None:
    rng = random.Random(seed)
    haystacks = [haystack(rng) for _ in range(rng.randrange(0, 300))]
    scan = SplicedScan(list(haystacks))
    # Small deltas, then big ones that pass the point where the base is rebuilt.
    for size in [1, 3, 1, 20, 2, 1200, 5, 1500, 1]:
        splice, inserted = random_splice(rng, len(haystacks), size)
        haystacks = splice.apply(haystacks, inserted)
        scan.splice(splice, inserted)
        assert scan.haystacks == haystacks
        fresh = HaystackScan(list(haystacks))
        for term in TERMS:
            assert scan.rows_with(term) == fresh.rows_with(term)
            some = sorted(rng.sample(range(len(haystacks)), len(haystacks) // 3))
            assert scan.rows_within(term, some) == fresh.rows_within(term, some)
