"""A background job shortens the GIL switch interval while it runs, and puts it back."""

from __future__ import annotations

import sys

import pytest

from addressbook.workers.gui_first import JOB_SWITCH_INTERVAL, gui_first


def test_the_interval_is_short_during_the_job_and_restored_after_even_on_error() -> None:
    before = sys.getswitchinterval()
    with pytest.raises(RuntimeError), gui_first():
        assert sys.getswitchinterval() == pytest.approx(min(before, JOB_SWITCH_INTERVAL))
        raise RuntimeError("the job failed")
    assert sys.getswitchinterval() == before
