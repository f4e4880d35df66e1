"""build_contact is Contact(...) at half the cost: same values, equal, hashable, frozen."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from addressbook.core.contact_builder import CONTACT_FIELD_ORDER, build_contact
from addressbook.core.models import Contact

texts = st.none() | st.text(max_size=8)
moments = st.none() | st.datetimes(timezones=st.just(UTC))


@given(
    st.tuples(
        st.none() | st.integers(1, 2**40),
        st.integers(1, 2**40),
        st.text(max_size=8),
        st.text(max_size=8),
        texts,
        texts,
        texts,
        texts,
        texts,
        moments,
        moments,
    )
)
def test_built_contacts_equal_constructed_ones(values: tuple[object, ...]) -> None:
    built = build_contact(*values)  # type: ignore[arg-type]
    made = Contact(*values)  # type: ignore[arg-type]
    assert built == made and hash(built) == hash(made) and repr(built) == repr(made)


def test_a_built_contact_stays_frozen() -> None:
    contact = build_contact(1, 2, "Ann", "Lee", None, None, None, None, None, None, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        contact.first_name = "Bob"  # type: ignore[misc]
    assert contact.with_changes({"title": "Dr"}).title == "Dr"
    moment = datetime(2026, 12, 4, tzinfo=UTC)
    assert build_contact(1, 2, "A", "B", None, None, None, None, None, moment, None).created_at == (
        moment
    )


def test_the_field_order_is_contacts() -> None:
    assert tuple(field.name for field in dataclasses.fields(Contact)) == CONTACT_FIELD_ORDER
