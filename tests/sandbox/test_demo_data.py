"""Demo data: deterministic per seed, varied enough to trip a careless client, and fast."""

from __future__ import annotations

from datetime import UTC, datetime

from addressbook.core.models import Client, Contact
from addressbook.sandbox import SandboxServer
from addressbook.sandbox.demo_data import generate

from .support import Wire

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def demo(
    seed: int = 1, clients: int = 12, contacts: int = 300
) -> tuple[list[Client], list[Contact]]:
    return generate(seed, clients, contacts, NOW, 1001, 50001)


def test_same_seed_same_data_other_seed_other_data() -> None:
    assert demo(5) == demo(5)
    assert demo(5)[1] != demo(6)[1]


def test_servers_with_the_same_seed_and_clock_serve_identical_bytes() -> None:
    def fixed() -> datetime:
        return NOW

    bodies = []
    for _ in range(2):
        with SandboxServer(seed=9, clock=fixed) as server:
            bodies.append((Wire(server).get("/clients").body, Wire(server).get("/contacts").body))
    assert bodies[0] == bodies[1]


def test_companies_have_awkward_characters_and_inactive_members() -> None:
    clients, contacts = demo()
    names = [client.name for client in clients]
    assert {
        "Bücher & Söhne GmbH",
        "Smith <Design> Ltd",
        "Café Østerbro",
        "O'Neil & Partners",
    } <= set(names)
    assert len(set(names)) == len(names)
    assert any(not client.active for client in clients)
    assert any(client.active for client in clients)
    owners = {contact.client_id for contact in contacts}
    assert [c.id for c in clients if c.id not in owners] == [clients[-1].id]  # exactly one empty
    assert owners <= {client.id for client in clients}


def test_people_are_varied() -> None:
    _, contacts = demo()
    text = " ".join(f"{c.first_name} {c.last_name}" for c in contacts)
    assert any(ord(ch) > 0x2E80 for ch in text)  # CJK
    assert any(0x80 <= ord(ch) < 0x250 for ch in text)  # accented Latin
    assert "'" in text
    assert any(c.email is None for c in contacts) and any(c.email for c in contacts)
    assert all(c.email is None or (c.email.isascii() and "@" in c.email) for c in contacts)
    assert any(c.phone_office is None for c in contacts)
    assert any(c.phone_office and "ext." in c.phone_office for c in contacts)
    assert len({c.title for c in contacts}) > 5 and any(c.title is None for c in contacts)
    assert len({c.id for c in contacts}) == len(contacts)
    for contact in contacts:
        assert contact.created_at and contact.updated_at
        assert contact.created_at <= contact.updated_at < NOW


def test_extremes() -> None:
    assert demo(clients=0, contacts=10) == ([], [])
    clients, contacts = demo(clients=1, contacts=4)
    assert len(clients) == 1 and len(contacts) == 4  # a lone client keeps its contacts
    clients, _ = demo(clients=60, contacts=0)
    assert len({client.name for client in clients}) == 60


def test_hundred_thousand_contacts() -> None:
    """The largest account the issue asks for; how fast it is made is bench_api's business."""
    _, contacts = demo(contacts=100_000)
    assert len(contacts) == 100_000
    assert len({contact.id for contact in contacts}) == 100_000
