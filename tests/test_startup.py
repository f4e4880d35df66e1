"""The process-wide start-up savings that main() applies (addressbook.startup)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from addressbook.startup import pause_collector


@pytest.fixture
def collector_restored() -> Iterator[None]:
    was_enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if was_enabled:
        gc.enable()


def test_the_collector_is_paused_until_resumed_then_runs_over_a_frozen_heap(
    collector_restored: None,
) -> None:
    gc.enable()
    resume = pause_collector()
    assert not gc.isenabled()
    resume()
    assert gc.isenabled() and gc.get_freeze_count() > 0
    resume()  # a second call (main() calls it again when the window never painted) is harmless
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off(collector_restored: None) -> None:
    gc.disable()
    pause_collector()()
    assert not gc.isenabled()
