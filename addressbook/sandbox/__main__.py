"""python -m addressbook.sandbox: run a Harvest-compatible demo account until Ctrl+C."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Sequence

from .server import DEMO_EMAIL, DEMO_PASSWORD, SandboxServer, is_loopback
from .v2_documents import ACCOUNT_ID
from .v2_routes import ACCOUNTS_PATH, DEMO_TOKEN

PASSWORD_VARIABLE = "HARVEST_SANDBOX_PASSWORD"


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m addressbook.sandbox",
        description="A local Harvest-compatible server (API v1, v2) with demo data.",
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to bind (default: loopback; others need --allow-remote)",
    )
    parser.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow a --host other machines can reach: the sandbox speaks plain http, so "
        "its password crosses the network readable by anyone on it",
    )
    parser.add_argument("--port", type=int, default=0, help="port (default 0: any free port)")
    parser.add_argument("--clients", type=int, default=12, help="demo clients (default 12)")
    parser.add_argument("--contacts", type=int, default=150, help="demo contacts, 0..100000")
    parser.add_argument("--seed", type=int, default=1, help="seed for the demo data")
    parser.add_argument("--db", help="SQLite file that keeps the data across restarts")
    parser.add_argument("--email", default=DEMO_EMAIL, help="account email to accept")
    parser.add_argument(
        "--password",
        help=f"account password to accept; better set ${PASSWORD_VARIABLE} instead, since "
        "a command line is visible to every user of the machine (ps) "
        "(default: the demo password)",
    )
    parser.add_argument(
        "--rate-limit", type=int, default=100, help="requests per 15 s before 503 (0: no throttle)"
    )
    parser.add_argument("--non-admin", action="store_true", help="sign in as a non-admin user")
    parser.add_argument("--quiet", action="store_true", help="do not log each request")
    arguments = parser.parse_args(argv)
    if not 0 <= arguments.contacts <= 100_000:
        parser.error("--contacts must be between 0 and 100000")
    if not is_loopback(arguments.host) and not arguments.allow_remote:
        parser.error(
            f"--host {arguments.host} can be reached from other machines; "
            "add --allow-remote if that is really meant"
        )
    return arguments


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    password = arguments.password or os.environ.get(PASSWORD_VARIABLE) or DEMO_PASSWORD
    server = SandboxServer(
        host=arguments.host,
        port=arguments.port,
        clients=arguments.clients,
        contacts=arguments.contacts,
        seed=arguments.seed,
        db_path=arguments.db,
        email=arguments.email,
        password=password,
        rate_limit=arguments.rate_limit,
        admin=not arguments.non_admin,
        verbose=not arguments.quiet,
        allow_remote=arguments.allow_remote,
    )
    if not is_loopback(arguments.host):
        print(
            f"WARNING: serving on {arguments.host}: plain http, so the email and password "
            "can be read by anyone on the network. Use it for testing only.",
            file=sys.stderr,
            flush=True,
        )
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    with server:
        print(f"Harvest sandbox running at {server.url}", flush=True)
        print(f"  email:    {arguments.email}", flush=True)
        # Only the public demo password is echoed; a password the user chose stays unprinted.
        shown = password if password == DEMO_PASSWORD else "(as given)"
        print(f"  password: {shown}", flush=True)
        print(
            f"API v2 at {server.url}/v2 (accounts list at {server.url}{ACCOUNTS_PATH})", flush=True
        )
        print(f"  token:      {DEMO_TOKEN}", flush=True)
        print(f"  account id: {ACCOUNT_ID}", flush=True)
        print("Press Ctrl+C to stop.", flush=True)
        try:
            while not stopped.wait(0.5):
                pass
        except KeyboardInterrupt:
            pass
    print("Sandbox stopped.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
