"""The plan's quick validity test never lets through what full validation would refuse."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from addressbook.core import Contact
from addressbook.core.validation import validate_contact
from addressbook.exchange.import_plan import _surely_valid

texts = st.one_of(
    st.none(),
    st.text(max_size=300),
    st.sampled_from(["a@b.co", "a@b", "a b@c.de", "x@y.z", "+1 555", "(-)", "Ann", "\x00"]),
)


@settings(max_examples=500, deadline=None)
@given(
    st.integers(-5, 2**64),
    st.text(max_size=300),
    st.text(max_size=20),
    texts,
    texts,
    texts,
    texts,
    texts,
)
def test_surely_valid_implies_valid(  # type: ignore[no-untyped-def]
    client_id, first, last, title, email, office, mobile, fax
) -> None:
    contact = Contact(None, client_id, first, last, title, email, office, mobile, fax)
    if _surely_valid(contact):
        assert validate_contact(contact.editable_values()) == {}
