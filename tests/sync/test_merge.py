"""The merge rules as pure functions: no server, no cache."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from addressbook.core.models import Contact
from addressbook.sync import changed_since, find_created, merge_update

SENT = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def server(**fields: object) -> Contact:
    values: dict[str, object] = {"client_id": 1, "first_name": "Ann", "last_name": "Lee"}
    values.update(fields)
    return Contact(id=5, **values)  # type: ignore[arg-type]


def test_field_changed_only_locally_is_sent() -> None:
    merge = merge_update({"title": "CEO"}, {"title": None}, server(email="s@example.com"))
    assert merge.send == {"title": "CEO"} and merge.conflicts == {}


def test_field_changed_only_on_server_is_kept_by_not_sending_it() -> None:
    merge = merge_update({"title": "CEO"}, {"title": None}, server(email="new@example.com"))
    assert "email" not in merge.send


def test_same_change_on_both_sides_is_neither_sent_nor_a_conflict() -> None:
    merge = merge_update({"title": "CEO"}, {"title": None}, server(title="CEO"))
    assert merge.send == {} and merge.conflicts == {}


def test_different_changes_on_both_sides_conflict_and_send_nothing_for_that_field() -> None:
    merge = merge_update(
        {"title": "CEO", "fax": "1"}, {"title": None, "fax": None}, server(title="CTO")
    )
    assert merge.send == {"fax": "1"}
    assert merge.conflicts == {"title": ("CEO", "CTO")}


def test_clearing_a_field_and_empty_string_equivalence() -> None:
    assert merge_update({"fax": None}, {"fax": "9"}, server(fax="9")).send == {"fax": None}
    assert merge_update({"fax": None}, {"fax": "9"}, server(fax="")).send == {}


def test_changed_since_lists_what_the_server_changed_under_a_delete() -> None:
    seen = server(title="A").editable_values()
    assert changed_since(seen, server(title="A")) == {}
    assert changed_since(seen, server(title="B", email="x@example.com")) == {
        "title": "B",
        "email": "x@example.com",
    }


def test_find_created_matches_client_names_email_and_time() -> None:
    wanted = {"client_id": 1, "first_name": "Ann", "last_name": "Lee", "email": "a@example.com"}
    old = Contact(1, 1, "Ann", "Lee", email="a@example.com", created_at=SENT - timedelta(days=1))
    other = Contact(2, 1, "Ann", "Lee", email="b@example.com", created_at=SENT)
    mine = Contact(3, 1, "Ann", "Lee", email="a@example.com", created_at=SENT)
    twin = Contact(
        4, 1, "Ann", "Lee", email="a@example.com", created_at=SENT + timedelta(seconds=1)
    )
    since = SENT - timedelta(minutes=10)
    found = find_created([old, other, twin, mine], wanted, taken=set(), since=since)
    assert found == mine
    assert find_created([old, other, mine, twin], wanted, taken={3}, since=since) == twin
    assert find_created([old, other], wanted, taken=set(), since=since) is None
