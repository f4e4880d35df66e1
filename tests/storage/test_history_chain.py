"""The reverse-delta chain always rebuilds what was seen: random pulls, local edits,
deletes and undos of one contact, against a plain list of the versions seen."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from addressbook.core.models import Client
from addressbook.storage import Cache

from .conftest import SERVER_TIME, server_contact

titles = st.sampled_from([None, "A", "B", "C"])
emails = st.sampled_from(["x@example.com", "y@example.com", None])
steps = st.lists(
    st.one_of(
        st.tuples(st.just("pull"), titles, emails),
        st.tuples(st.just("edit"), titles, emails),
        st.tuples(st.just("delete_and_undo"), st.none(), st.none()),
    ),
    max_size=12,
)


def values(contact: Any) -> tuple[Any, ...]:
    return (contact.title, contact.email)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps)
def test_history_rebuilds_every_version_seen(script: list[tuple[str, Any, Any]]) -> None:
    with tempfile.TemporaryDirectory() as folder, Cache.open(Path(folder) / "c.sqlite3") as cache:
        cache.apply_clients([Client(1, "Acme")], complete=True)
        first = server_contact(1)
        cache.apply_contacts([first], complete=True)
        seen = [values(first)]
        for number, (kind, title, email) in enumerate(script, start=1):
            if kind == "pull":
                pulled = server_contact(
                    1, title=title, email=email, updated_at=SERVER_TIME + timedelta(minutes=number)
                )
                cache.apply_contacts([pulled], complete=False)
                version = values(pulled)
            elif kind == "edit":
                version = values(cache.update_contact(1, {"title": title, "email": email}))
            else:
                cache.delete_contact(1)
                assert [t.contact.id for t in cache.trash()] == [1]
                cache.discard_pending(cache.pending()[-1].id)
                assert cache.trash() == []
                continue
            if version != seen[-1]:
                seen.append(version)
        assert [values(v.contact) for v in cache.history(1)] == seen
