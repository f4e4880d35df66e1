"""Print time and peak memory of one client call against every hostile mode.

`python -m tests.hardening.measure_all [MODE ...]`: the figures for the issue's
closing note (not a test; the tests assert generous bounds instead).
"""

from __future__ import annotations

import json
import subprocess
import sys

from .hostile_server import HostileServer

CUTOFF = 120.0


def probe(
    url: str, call: str = "list_contacts", options: str = "{}", cutoff: float = CUTOFF
) -> dict[str, object]:
    command = [sys.executable, "-m", "tests.hardening.child_probe", url, call, options]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=cutoff)
    except subprocess.TimeoutExpired:
        return {"error": f"still running after {cutoff:.0f} s (killed)"}
    lines = done.stdout.strip().splitlines()
    if not lines:
        return {"error": f"child died ({done.returncode}): {done.stderr[-300:]}"}
    return dict(json.loads(lines[-1]))


def main(modes: list[str]) -> None:
    for mode in modes or HostileServer.MODES:
        with HostileServer(mode) as server:
            report = probe(server.url)
        print(mode, json.dumps(report), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
