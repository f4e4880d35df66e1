"""`--api`: which API the demo signs in with (the sign-in dialog offers both)."""

from __future__ import annotations

import pytest

from addressbook.__main__ import parse_args


def test_api_flag_takes_v1_or_v2_and_defaults_to_none() -> None:
    assert parse_args(["--demo", "--api", "v2"]).api == "v2"
    assert parse_args(["--demo"]).api == ""
    with pytest.raises(SystemExit):
        parse_args(["--api", "v3"])
