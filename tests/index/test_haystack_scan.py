"""HaystackScan finds exactly the rows a plain substring test finds, whichever way it scans."""

from __future__ import annotations

import random

import pytest

from addressbook.index.haystack_scan import HaystackScan

WORDS = [
    "müller",
    "mar",
    "maria",
    "acme",
    "555-1234",
    "5551234",
    "zoë",
    "山田",
    "o'neil",
    "x\ny",
    "a\x1eb",
    "",
    "ma",
    "55",
]


def haystacks(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [
        "\x1f".join(rng.choice(WORDS) + str(rng.randrange(1000)) for _ in range(4))
        for _ in range(count)
    ]


@pytest.mark.parametrize("count", [0, 40, 12_000])  # 12k rows: the joined buffer is used too
@pytest.mark.parametrize("term", ["m", "ma", "55", "555", "ria", "山", "'n", "x", "1", "zz"])
def test_rows_with_a_term_are_the_rows_that_contain_it(count: int, term: str) -> None:
    texts = haystacks(count)
    expected = [i for i, text in enumerate(texts) if term in text]
    assert HaystackScan(texts).rows_with(term) == expected


@pytest.mark.parametrize("share", [0.01, 0.5, 0.9])
def test_rows_within_keeps_only_given_rows_that_match(share: float) -> None:
    texts = haystacks(12_000)
    rng = random.Random(3)
    given = sorted(rng.sample(range(len(texts)), int(len(texts) * share)))
    scan = HaystackScan(texts)
    assert scan.rows_within("ma", given) == [i for i in given if "ma" in texts[i]]


def test_line_breaks_in_a_field_do_not_shift_rows() -> None:
    texts = [f"row {i}" for i in range(12_000)]
    texts[5] = "first line\nsecond 55 line"
    texts[9] = "odd\x1eseparator 55"
    scan = HaystackScan(texts)
    assert scan.rows_with("second 55") == [5]
    assert scan.rows_with("separator") == [9]
    assert scan.rows_with("55") == sorted({5, 9} | {i for i in range(12_000) if "55" in texts[i]})


@pytest.mark.parametrize("share", [0.01, 0.5, 0.9])
@pytest.mark.parametrize("term", ["5", "12", "555", "5551234", "٣"])
def test_digit_terms_are_found_in_the_digit_runs_as_in_the_text(share: float, term: str) -> None:
    # Digits next to letters, split by punctuation, non-ASCII digits, a line break.
    extra = ["a12b", "5-55", "٣55", "1\n2", "x5551234y", "0555"]
    rng = random.Random(5)
    texts = [text + "\x1f" + rng.choice(extra) for text in haystacks(12_000)]
    given = sorted(rng.sample(range(len(texts)), int(len(texts) * share)))
    scan = HaystackScan(texts)
    assert scan.rows_with(term) == [i for i, text in enumerate(texts) if term in text]
    assert scan.rows_within(term, given) == [i for i in given if term in texts[i]]
