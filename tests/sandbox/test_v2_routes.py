"""The sandbox's v2, spoken to with http.client (not addressbook.api) so bugs cannot match."""

from __future__ import annotations

import http.client
import json
from typing import Any

from addressbook.sandbox import SandboxServer
from addressbook.sandbox.v2_documents import ACCOUNT_ID
from addressbook.sandbox.v2_routes import DEMO_TOKEN

HEADERS = {
    "Authorization": f"Bearer {DEMO_TOKEN}",
    "Harvest-Account-Id": str(ACCOUNT_ID),
    "User-Agent": "Sandbox tests (tests@example.com)",
}


def call(
    server: SandboxServer, method: str, path: str, body: Any = None, **overrides: str
) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection(server.host, server.port, timeout=5)
    headers = {key: value for key, value in {**HEADERS, **overrides}.items() if value}
    data = None if body is None else json.dumps(body).encode()
    if data is not None:
        headers["Content-Type"] = "application/json"
    connection.request(method, path, body=data, headers=headers)
    response = connection.getresponse()
    reply = response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    connection.close()
    return reply


def test_a_missing_user_agent_is_a_400(server: SandboxServer) -> None:
    status, _, _ = call(server, "GET", "/v2/users/me", **{"User-Agent": ""})
    assert status == 400


def test_a_missing_account_header_and_a_bad_token_are_401(server: SandboxServer) -> None:
    assert call(server, "GET", "/v2/contacts", **{"Harvest-Account-Id": ""})[0] == 401
    status, headers, body = call(server, "GET", "/v2/contacts", Authorization="Bearer nope")
    assert status == 401 and json.loads(body)["error"] == "invalid_token"
    assert headers["www-authenticate"].startswith("Bearer")


def test_pages_follow_the_cursor_newest_first(server: SandboxServer) -> None:
    seen: list[int] = []
    path = "/v2/contacts?per_page=15"
    while path:
        status, _, body = call(server, "GET", path)
        page = json.loads(body)
        assert status == 200 and page["per_page"] == 15 and page["total_entries"] == 40
        seen += [contact["id"] for contact in page["contacts"]]
        following = page["links"]["next"]
        path = following.split(f":{server.port}", 1)[1] if following else ""
    assert seen == sorted((c.id for c in server.store.contacts()), reverse=True)


def test_contacts_are_shaped_as_harvest_sends_them(server: SandboxServer) -> None:
    target = server.store.contacts()[0]
    status, _, body = call(server, "GET", f"/v2/contacts/{target.id}")
    contact = json.loads(body)
    assert status == 200 and contact["client"]["id"] == target.client_id
    assert contact["updated_at"].endswith("Z") and "client_id" not in contact


def test_errors_by_status(server: SandboxServer) -> None:
    status, headers, body = call(server, "GET", "/v2/contacts/999999")
    assert status == 404 and json.loads(body) == {"status": 404, "error": "Not Found"}
    status, headers, body = call(server, "GET", "/v2/projects//user_assignments")
    assert status == 404 and headers["content-type"].startswith("text/html")
    assert call(server, "GET", "/v2/contacts?per_page=2001")[0] == 422
    status, _, body = call(server, "POST", "/v2/contacts", {"first_name": "No client"})
    assert status == 422 and "Client" in json.loads(body)["message"]


def test_create_answers_201_with_the_object_and_an_api_v2_location(server: SandboxServer) -> None:
    client_id = server.store.clients()[0].id
    status, headers, body = call(
        server,
        "POST",
        "/v2/contacts",
        {"client_id": client_id, "first_name": "Jon", "last_name": "Snow"},
    )
    created = json.loads(body)
    assert status == 201 and created["email"] == "" and created["title"] is None
    assert headers["location"].endswith(f"/api/v2/contacts/{created['id']}")


def test_throttle_is_429_with_an_html_body_and_retry_after() -> None:
    with SandboxServer(clients=1, contacts=2, rate_limit=1) as server:
        assert call(server, "GET", "/v2/users/me")[0] == 200
        status, headers, body = call(server, "GET", "/v2/users/me")
    assert status == 429 and headers["content-type"].startswith("text/html")
    assert int(headers["retry-after"]) > 0 and body.lstrip().startswith(b"<!DOCTYPE html>")


def test_a_throttle_fault_planned_for_v1_paths_answers_v2_in_v2s_way(server: SandboxServer) -> None:
    server.faults.add("throttle", method="PUT", path="/contacts", retry_after=3)
    target = server.store.contacts()[0]
    status, headers, _ = call(server, "PATCH", f"/v2/contacts/{target.id}", {"title": "x"})
    assert status == 429 and headers["retry-after"] == "3"


def test_non_managers_get_403_on_contacts_and_clients_only() -> None:
    with SandboxServer(clients=1, contacts=2, admin=False) as server:
        assert call(server, "GET", "/v2/users/me")[0] == 200
        for path in ("/v2/contacts", "/v2/clients"):
            status, headers, body = call(server, "GET", path)
            assert status == 403 and json.loads(body) == {"message": "Not authorized!"}
            assert headers["hint"] == "Not authorized!"
