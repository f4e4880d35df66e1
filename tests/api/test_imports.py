"""addressbook.api loads httpx only with HarvestClient, so what needs just its errors
or its URL rules (the sign-in flow, before the first paint) does not pay for httpx.

Run in a fresh interpreter, because this test process has imported httpx already.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
import addressbook.api
from addressbook.api import HarvestError, normalize_base_url
print("httpx" in sys.modules)
from addressbook.api import HarvestClient
print("httpx" in sys.modules, HarvestClient.__module__)
"""


def test_httpx_is_loaded_with_the_client_only() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "addressbook.api.client"]


def test_an_unknown_name_is_still_an_error() -> None:
    import addressbook.api

    try:
        addressbook.api.NoSuchThing  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as error:
        assert "NoSuchThing" in str(error)
    else:
        raise AssertionError("expected an AttributeError")
