"""python -m addressbook.sandbox: prints URL and credentials, serves, stops on Ctrl+C."""

from __future__ import annotations

import base64
import json
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

from addressbook.sandbox import DEMO_EMAIL, DEMO_PASSWORD


def start(*arguments: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "addressbook.sandbox", "--port", "0", "--quiet", *arguments],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def read_banner(process: subprocess.Popen[str]) -> list[str]:
    assert process.stdout is not None
    return [process.stdout.readline().strip() for _ in range(4)]


def test_cli_prints_url_and_credentials_and_serves(tmp_path: Path) -> None:
    with start("--contacts", "5", "--db", str(tmp_path / "cli.sqlite")) as process:
        banner = read_banner(process)
        url = banner[0].rsplit(" ", 1)[-1]
        assert url.startswith("http://127.0.0.1:")
        assert DEMO_EMAIL in banner[1] and DEMO_PASSWORD in banner[2]
        token = base64.b64encode(f"{DEMO_EMAIL}:{DEMO_PASSWORD}".encode()).decode()
        request = urllib.request.Request(
            f"{url}/contacts", headers={"Authorization": f"Basic {token}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200
            assert response.read().count(b"<contact>") == 5
        process.send_signal(signal.SIGINT)  # Ctrl+C
        assert process.wait(timeout=10) == 0
    assert (tmp_path / "cli.sqlite").exists()


def test_cli_does_not_echo_a_chosen_password() -> None:
    with start("--contacts", "0", "--email", "me@example.com", "--password", "hunter2") as process:
        banner = read_banner(process)
        process.terminate()
        assert process.wait(timeout=10) == 0
    assert "me@example.com" in banner[1]
    assert "hunter2" not in " ".join(banner)


def test_cli_refuses_too_many_contacts() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "addressbook.sandbox", "--contacts", "100001"],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert result.returncode == 2 and "--contacts" in result.stderr


def test_cli_prints_the_v2_demo_token_and_account_that_work() -> None:
    with start("--contacts", "3") as process:
        assert process.stdout is not None
        banner: dict[str, str] = {}
        while "Press" not in banner:  # the whole banner, up to "Press Ctrl+C to stop."
            line = process.stdout.readline().strip()
            assert line, "the sandbox ended before its banner"
            banner[line.split(" ", 1)[0].rstrip(":")] = line
        url = banner["Harvest"].rsplit(" ", 1)[-1]
        assert banner["API"].startswith(f"API v2 at {url}/v2")
        token, account = banner["token"].split()[-1], banner["account"].split()[-1]
        request = urllib.request.Request(
            f"{url}/v2/contacts",
            headers={
                "Authorization": f"Bearer {token}",
                "Harvest-Account-Id": account,
                "User-Agent": "CLI test (test@example.com)",
            },
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert len(json.loads(response.read())["contacts"]) == 3
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
