"""The import plan: which client each row goes to, what is refused, what looks duplicated."""

from __future__ import annotations

from addressbook.core import Client, Contact
from addressbook.exchange.import_plan import RowStatus, build_plan
from addressbook.exchange.records import ImportRecord

CLIENTS = [
    Client(1, "Émile & Fils"),
    Client(2, "Acme Corp"),
    Client(3, "Old Co", active=False),
    Client(4, "Twin"),
    Client(5, "twin"),
    Client(6, "Fallback Ltd"),
]
EXISTING = [Contact(100, 2, "Jane", "Doe", email="jane@acme.example")]


def record(where: str = "line 2", **values: str) -> ImportRecord:
    values = {"first_name": "Ann", "last_name": "Lee", **values}
    return ImportRecord(where, **values)


def test_company_matches_an_active_client_ignoring_case_accents_and_spaces() -> None:
    plan = build_plan([record(company="  EMILE   &  fils ")], CLIENTS, [])
    [row] = plan.rows
    assert (row.status, row.client, row.contact.client_id) == (RowStatus.NEW, CLIENTS[0], 1)


def test_unmatched_companies_need_the_client_the_user_picks() -> None:
    records = [
        record(company="Nobody Inc"),
        record(company="", first_name="Bo"),
        record(company="Old Co", first_name="Cy"),
    ]
    plan = build_plan(records, CLIENTS, [])
    assert [row.status for row in plan.rows] == [RowStatus.PROBLEM] * 3
    assert "No active client is called “Nobody Inc”" in plan.rows[0].reason
    assert "No company given" in plan.rows[1].reason
    assert "“Old Co”" in plan.rows[2].reason  # inactive clients take no new contacts
    picked = build_plan(records, CLIENTS, [], fallback_client=CLIENTS[5])
    assert [row.contact.client_id for row in picked.rows] == [6, 6, 6]
    assert [row.status for row in picked.rows] == [RowStatus.NEW] * 3


def test_a_company_two_clients_share_is_not_guessed() -> None:
    plan = build_plan([record(company="TWIN")], CLIENTS, [], fallback_client=CLIENTS[5])
    [row] = plan.rows
    assert row.status is RowStatus.PROBLEM and "Several active clients" in row.reason


def test_invalid_rows_are_problems_with_every_reason_and_nothing_is_fixed() -> None:
    bad = record(
        first_name=" ", email="not an address", phone_office="ask Jenny", company="Acme corp"
    )
    plan = build_plan([bad], CLIENTS, [])
    [row] = plan.rows
    assert row.status is RowStatus.PROBLEM
    assert "First name is required." in row.reason
    assert "Email does not look like an address" in row.reason
    assert "Office phone must contain at least one digit." in row.reason
    assert row.contact.email == "not an address"
    assert plan.contacts_to_create() == []


def test_values_are_trimmed_and_empty_optional_fields_become_none() -> None:
    plan = build_plan([record(first_name=" Ann ", title="  ", company="acme corp")], CLIENTS, [])
    contact = plan.rows[0].contact
    assert (contact.id, contact.first_name, contact.title) == (None, "Ann", None)


def test_duplicates_of_existing_contacts_and_of_earlier_rows_are_skipped_by_default() -> None:
    records = [
        record("line 2", first_name="J", last_name="D", email="JANE@acme.example "),
        record("line 3", first_name="Jane", last_name="Doe", company="ACME CORP"),
        record("line 4", first_name="Bob", last_name="Ray", company="Acme Corp"),
        record("line 5", first_name="Robert", last_name="Ray", email="", company="acme corp"),
        record("line 6", first_name="bob", last_name="RAY", company="Acme Corp"),
        record("line 7", first_name="Bob", last_name="Ray", company="Émile & Fils"),
    ]
    plan = build_plan(records, CLIENTS, EXISTING, fallback_client=CLIENTS[5])
    statuses = [row.status for row in plan.rows]
    assert statuses == [
        RowStatus.EXISTING_DUPLICATE,  # same email, whatever the name
        RowStatus.EXISTING_DUPLICATE,  # same name at the same client
        RowStatus.NEW,
        RowStatus.NEW,
        RowStatus.FILE_DUPLICATE,  # the same person as line 4
        RowStatus.NEW,  # the same name at another client is another person
    ]
    assert "Jane Doe at Acme Corp (jane@acme.example)" in plan.rows[0].reason
    assert plan.rows[4].reason == "Same person as line 4."
    assert [c.first_name for c in plan.contacts_to_create()] == ["Bob", "Robert", "Bob"]
    assert plan.summary() == "3 contacts will be added, 3 duplicates skipped"
    included = build_plan(
        records, CLIENTS, EXISTING, fallback_client=CLIENTS[5], include_duplicates=True
    )
    assert len(included.contacts_to_create()) == 6
    assert included.summary() == "6 contacts will be added, 3 duplicates included"


def test_a_problem_row_does_not_make_a_later_twin_a_duplicate() -> None:
    records = [record(email="bad", company="Acme Corp"), record(company="Acme Corp")]
    plan = build_plan(records, CLIENTS, [])
    assert [row.status for row in plan.rows] == [RowStatus.PROBLEM, RowStatus.NEW]


def test_summary_counts() -> None:
    records = [record(company="Acme Corp"), record(first_name="", company="Acme Corp")]
    assert build_plan(records, CLIENTS, []).summary() == "1 contact will be added, 1 with problems"
    assert build_plan([], CLIENTS, []).summary() == "0 contacts will be added"
