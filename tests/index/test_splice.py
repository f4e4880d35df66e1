"""Splice: every list kept by row position follows a delta the same way."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from addressbook.index.splice import Splice


@st.composite
def splices(draw: st.DrawFn) -> tuple[Splice, list[int]]:
    """A splice over a list of ints; below and above the size where it copies the list."""
    length = draw(st.integers(0, 300))
    removed = sorted(draw(st.sets(st.integers(0, length - 1), max_size=length))) if length else []
    added = draw(st.integers(0, 120))
    new_length = length - len(removed) + added
    inserted = (
        sorted(
            draw(
                st.lists(
                    st.integers(0, new_length - 1), unique=True, min_size=added, max_size=added
                )
            )
        )
        if added
        else []
    )
    return Splice(length, removed, inserted), list(range(length))


def reference(splice: Splice, items: list[int], values: list[int]) -> list[int]:
    kept = [item for position, item in enumerate(items) if position not in splice.removed]
    for position, value in zip(splice.inserted, values, strict=True):
        kept.insert(position, value)
    return kept


@given(splices())
def test_apply_removes_then_inserts(case: tuple[Splice, list[int]]) -> None:
    splice, items = case
    values = [-position - 1 for position in splice.inserted]
    expected = reference(splice, items, values)
    assert splice.apply(list(items), values) == expected
    assert len(expected) == splice.new_length


@given(splices(), st.data())
def test_positions_follow_their_rows(case: tuple[Splice, list[int]], data: st.DataObject) -> None:
    splice, items = case
    after = splice.apply(list(items), [-1] * len(splice.inserted))
    new_position = {item: position for position, item in enumerate(after) if item >= 0}
    assert splice.old_to_new == [new_position.get(item, -1) for item in items]
    some = sorted(data.draw(st.sets(st.sampled_from(items))) if items else [])
    expected = [new_position[item] for item in some if item in new_position]
    assert splice.remap_ascending(some) == expected
    order = data.draw(st.permutations(items))
    assert splice.remap_order(order) == [new_position[i] for i in order if i in new_position]
