"""Run one client call in a child process and report its time and peak memory as JSON.

`python -m tests.hardening.child_probe URL CALL [CLIENT_KWARGS_JSON]`. The peak is
the child's own ru_maxrss, so the server in the parent does not count; `base_mb`
is the peak after the imports, before the call, to compare against.
"""

from __future__ import annotations

import dataclasses
import json
import resource
import sys
import time


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(url: str, call: str, options: str = "{}") -> None:
    from addressbook.api import HarvestClient

    base = _peak_mb()
    started = time.monotonic()
    outcome: dict[str, object] = {"error": None, "message": ""}
    keywords = json.loads(options)
    rate_window = keywords.pop("rate_window", None)  # a Connection setting, for quick tests
    with HarvestClient(url, "demo@example.com", "s3cret-Pa55", **keywords) as client:
        client.connection.retry_delays = (0.01,)
        if rate_window is not None:
            limits = client.connection.limits
            client.connection.limits = dataclasses.replace(limits, rate_window=rate_window)
        try:
            result = getattr(client, call)()
            outcome["result"] = repr(result)[:200]
        except Exception as error:  # the report names whatever came out
            outcome = {"error": type(error).__name__, "message": str(error)[:500]}
    outcome.update(seconds=time.monotonic() - started, peak_mb=_peak_mb(), base_mb=base)
    print(json.dumps(outcome))


if __name__ == "__main__":
    main(*sys.argv[1:])
