"""Finding the rows whose haystack holds a search term, at C speed, two ways.

A Python loop over 100k rows costs more than a frame, so both ways leave the
loop to C:

- per row: ``map(str.__contains__, haystacks, repeat(term))``. Each call has a
  fixed cost (~70 ns), and a one-character term is found by memchr; best when
  most rows match (the scan of a matching row stops at the match).
- one pass over all the rows joined into a single UTF-8 buffer, one line per
  row ending in its position: ``term[^\\n]*\\x1e(\\d+)`` hands back the position
  of each matching row once, skipping the rest of the line. Best when few rows
  match, whatever the term's length.

Which is cheaper depends on how many rows match, so a sample of rows decides.

A term of ASCII digits (a phone number being typed) can only match inside a run
of digits, so it is looked for in each row's digit runs alone: a third of the
text, scanned in a third of the time, and the same rows found.
Substring search on UTF-8 bytes finds exactly what it finds on the text, and a
term never holds a line break or the \\x1e that ends a row (query_terms splits
on them, as on any whitespace). Qt-free.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from itertools import compress, count, repeat

_BREAKS = str.maketrans({"\n": " ", "\x1e": " "})
_SAMPLE_SIZE = 500
# Above this share of matching rows the per-row scan wins (measured at 100k rows).
_BUFFER_SCAN_MAX_SHARE = 0.75
# Above this share of all rows, picking the candidates one by one costs more than
# scanning every row.
NARROWING_MAX_SHARE = 0.6
# Below this many rows a per-row scan takes well under a millisecond: no buffer.
_BUFFER_MIN_ROWS = 5000
_CHUNK_ROWS = 4000
# Digit runs are short: the per-row scan wins down to a lower share of matching rows.
_DIGITS_BUFFER_SCAN_MAX_SHARE = 0.4
_NON_DIGITS = re.compile(r"[^0-9\n]+")


@functools.lru_cache(maxsize=64)
def _row_pattern(term: str) -> re.Pattern[bytes]:
    return re.compile(re.escape(term.encode()) + rb"[^\n]*\x1e(\d+)")


def _joined(haystacks: list[str]) -> bytes:
    """One line per haystack, ending in \x1e and the haystack's position."""
    joined = b"".join(map(_lines, range(0, len(haystacks), _CHUNK_ROWS), repeat(haystacks)))
    if joined.count(b"\n") == joined.count(b"\x1e") == len(haystacks):
        return joined
    # A line break or \x1e typed into a field (rare): blank it so lines stay rows.
    return _joined([text.translate(_BREAKS) for text in haystacks])


def _lines(start: int, haystacks: list[str]) -> bytes:
    # A chunk at a time: one C call over 100k rows would hold the GIL for ~30 ms
    # (this runs on the worker thread) and stall the GUI's event loop.
    texts = map(str.encode, haystacks[start : start + _CHUNK_ROWS])
    return b"".join(map(b"%s\x1e%d\n".__mod__, zip(texts, count(start))))


def _digit_runs(haystacks: list[str]) -> list[str]:
    """Each haystack's runs of ASCII digits, space-separated (a digit term matches
    a haystack exactly when it matches these)."""
    runs: list[str] = []
    for start in range(0, len(haystacks), _CHUNK_ROWS):  # in chunks: see _lines
        chunk = haystacks[start : start + _CHUNK_ROWS]
        lines = _NON_DIGITS.sub(" ", "\n".join(chunk)).split("\n")
        if len(lines) != len(chunk):  # a line break typed into a field (rare)
            lines = [_NON_DIGITS.sub(" ", text.replace("\n", " ")) for text in chunk]
        runs.extend(lines)
    return runs


def _is_digits(term: str) -> bool:
    return term.isascii() and term.isdigit()


class HaystackScan:
    """The haystacks of a table's rows, by storage position, ready to be searched."""

    def __init__(self, haystacks: list[str], *, digits_only: bool = False) -> None:
        self.haystacks = haystacks
        step = max(1, len(haystacks) // _SAMPLE_SIZE)
        self._sample = haystacks[::step]
        large = len(haystacks) >= _BUFFER_MIN_ROWS
        self._buffer = _joined(haystacks) if large else b""
        self._max_buffer_share = (
            _DIGITS_BUFFER_SCAN_MAX_SHARE if digits_only else _BUFFER_SCAN_MAX_SHARE
        )
        # Worth it only where a scan costs milliseconds.
        self._digits = (
            HaystackScan(_digit_runs(haystacks), digits_only=True)
            if large and not digits_only
            else None
        )

    def rows_with(self, term: str) -> list[int]:
        """Ascending positions of every row whose haystack holds term."""
        if self._digits is not None and _is_digits(term):
            return self._digits.rows_with(term)
        if self._buffer and len(term) > 1 and self._share_with(term) <= self._max_buffer_share:
            return list(map(int, _row_pattern(term).findall(self._buffer)))
        haystacks = self.haystacks
        return list(compress(range(len(haystacks)), map(str.__contains__, haystacks, repeat(term))))

    def rows_within(self, term: str, positions: list[int]) -> list[int]:
        """The positions, of those given (ascending), whose haystack holds term."""
        if self._digits is not None and _is_digits(term):
            return self._digits.rows_within(term, positions)
        return narrow(self.haystacks, term, positions, self.rows_with)

    def _share_with(self, term: str) -> float:
        sample = self._sample
        return sum(map(str.__contains__, sample, repeat(term))) / len(sample)


def narrow(
    haystacks: list[str], term: str, positions: list[int], rows_with: Callable[[str], list[int]]
) -> list[int]:
    """The positions, of those given (ascending), whose haystack holds term."""
    if len(positions) <= NARROWING_MAX_SHARE * len(haystacks):
        found = map(str.__contains__, map(haystacks.__getitem__, positions), repeat(term))
        return list(compress(positions, found))
    # Most rows are candidates: a full scan is cheaper than picking them one by one.
    wanted = set(rows_with(term))
    return list(filter(wanted.__contains__, positions))
