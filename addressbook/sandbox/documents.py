"""The sandbox's fixed bodies: account documents and the error pages Harvest sent."""

from __future__ import annotations

from addressbook.core.models import Client

from . import wire
from .throttle import ThrottleStatus
from .wire import boolean_element, datetime_element, integer_element, text_element

COMPANY_NAME = "Harvest Contacts Sandbox"
COMPANY_DOMAIN = "sandbox.harvestapp.com"
USER_ID = 1
TIMEZONE = "Eastern Time (US & Canada)"

THROTTLED_TEXT = "This request has been throttled."
ACCESS_DENIED_TEXT = "HTTP Basic: Access denied.\n"

BAD_GATEWAY_HTML = """<!DOCTYPE html>
<html>
<head><title>We're sorry, but something went wrong (502)</title></head>
<body>
<div class="dialog">
  <h1>We're sorry, but something went wrong.</h1>
  <p>We've been notified about this issue and we'll take a look at it shortly.</p>
</div>
<hr><center>nginx</center>
</body>
</html>
"""

SERVER_ERROR_HTML = """<!DOCTYPE html>
<html>
<head><title>We're sorry, but something went wrong (500)</title></head>
<body>
<div class="dialog">
  <h1>We're sorry, but something went wrong.</h1>
</div>
</body>
</html>
"""

NOT_FOUND_HTML = """<!DOCTYPE html>
<html>
<head><title>The page you were looking for doesn't exist (404)</title></head>
<body>
<div class="dialog">
  <h1>The page you were looking for doesn't exist.</h1>
  <p>You may have mistyped the address or the page may have moved.</p>
</div>
</body>
</html>
"""

# Every HTML error page the sandbox sends, by status.
ERROR_PAGES = {404: NOT_FOUND_HTML, 500: SERVER_ERROR_HTML, 502: BAD_GATEWAY_HTML}

# Cut in the middle of an element: what a proxy dying mid-reply leaves behind.
MALFORMED_XML = (
    wire.XML_DECLARATION
    + '<contacts type="array">\n  <contact>\n    <id type="integer">1</id>\n    <first-na'
)


def who_am_i(email: str, admin: bool) -> bytes:
    """GET /account/who_am_i: the company and the signed-in user, as in the Accounts doc."""
    company = "".join(
        [
            "  <company>\n",
            text_element("base-uri", f"https://{COMPANY_DOMAIN}", "    "),
            text_element("full-domain", COMPANY_DOMAIN, "    "),
            text_element("name", COMPANY_NAME, "    "),
            boolean_element("active", True, "    "),
            text_element("week-start-day", "Monday", "    "),
            text_element("time-format", "hours_minutes", "    "),
            text_element("clock", "24h", "    "),
            text_element("decimal-symbol", ".", "    "),
            text_element("thousands-separator", ",", "    "),
            text_element("color-scheme", "orange", "    "),
            "    <modules>\n",
            *(
                boolean_element(name, True, "      ")
                for name in ("expenses", "invoices", "estimates", "approval")
            ),
            "    </modules>\n",
            "  </company>\n",
        ]
    )
    user = "".join(
        [
            "  <user>\n",
            integer_element("id", USER_ID, "    "),
            text_element("email", email, "    "),
            text_element("first-name", "Demo", "    "),
            text_element("last-name", "User", "    "),
            boolean_element("admin", admin, "    "),
            text_element("timezone", TIMEZONE, "    "),
            integer_element("timezone-utc-offset", -18000, "    "),
            text_element("avatar-url", "/assets/profile_images/big_ben.png", "    "),
            boolean_element("timestamp-timers", False, "    "),
            "  </user>\n",
        ]
    )
    return wire.document(f"<hash>\n{company}{user}</hash>\n")


def rate_limit_status(status: ThrottleStatus) -> bytes:
    # Unlike the resources, this document wrote its time with an offset (harvested's
    # over_limit.xml fixture: 2010-04-02T01:34:59+00:00); clients must take both.
    last_access = datetime_element("last-access-at", status.last_access_at, "  ")
    return wire.document(
        "".join(
            [
                "<hash>\n",
                last_access.replace("Z</", "+00:00</"),
                integer_element("count", status.count, "  "),
                integer_element("timeframe-limit", round(status.window), "  "),
                integer_element("max-calls", status.limit, "  "),
                integer_element("lockout-seconds", status.lockout_seconds, "  "),
                "</hash>\n",
            ]
        )
    )


def client(record: Client) -> bytes:
    return wire.document(wire.render_client(record))


def clients(records: list[Client]) -> bytes:
    return wire.array_document("clients", (wire.render_client(c, "  ").encode() for c in records))
