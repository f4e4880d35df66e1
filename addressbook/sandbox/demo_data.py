"""Deterministic, believable demo data: the same seed always gives the same account.

The data is chosen to exercise a client: non-ASCII names in several scripts,
'&', '<' and quotes in company names, missing emails and phones, phone numbers
typed every which way, inactive clients and a client with no contacts. It is
fast enough to make 100,000 contacts in well under two seconds.
"""

from __future__ import annotations

import random
import unicodedata
from datetime import datetime, timedelta

from addressbook.core.models import Client, Contact

# The first four always lead, so even a tiny account shows the awkward characters.
NOTABLE_COMPANIES = (
    "Bücher & Söhne GmbH",
    "Smith <Design> Ltd",
    "Café Østerbro",
    "O'Neil & Partners",
)
MORE_COMPANIES = (
    "Nordlicht Analytics AB",
    "Zoë's Bakery",
    "Łódź Logistics Sp. z o.o.",
    "株式会社 佐藤商事",
    "Ñandú Viajes S.L.",
    "Acme Widgets Inc.",
    "Fjord & Fell AS",
    "Müller-Lüdenscheidt KG",
    "Blue Harbour Consulting",
    "Crème de la Code SARL",
    "Dvořák Audio s.r.o.",
    "Quantum Pickle LLC",
    'The "Good" Coffee Co.',
    "Kowalski Brothers",
    "São Paulo Ventures Ltda.",
    "Brightside Media",
    "Ægir Marine ApS",
    "100% Organic Farms",
    "Ivanov & Sons",
    "Greenleaf Architects",
    "Hôtel du Lac",
    "Papier & Co",
    "Atlas Engineering",
    "Little Owl Studio",
)
_COMPANY_SUFFIXES = ("Ltd", "GmbH", "AB", "LLC", "S.A.", "& Co", "Group", "Partners")

FIRST_NAMES = (
    "Zoë",
    "Łukasz",
    "José",
    "François",
    "Øyvind",
    "Søren",
    "Björn",
    "Chloé",
    "Siobhán",
    "Ana",
    "花子",
    "太郎",
    "Jürgen",
    "Małgorzata",
    "Ángel",
    "Noémie",
    "Ólafur",
    "Jane",
    "John",
    "Mary",
    "Aisha",
    "Raj",
    "Mei",
    "Olga",
    "Pål",
    "Renée",
    "Dmitri",
    "Fatma",
    "Ingrid",
    "Kwame",
)
LAST_NAMES = (
    "Ñúñez",
    "佐藤",
    "Müller",
    "O'Brien",
    "Smith-Jones",
    "Dvořák",
    "Kowalski",
    "Østergaard",
    "García",
    "Lefèvre",
    "Håkansson",
    "Nguyễn",
    "van der Berg",
    "Doe",
    "Brown",
    "Çelik",
    "Papadopoulos",
    "Schröder",
    "Wiśniewska",
    "Ivanova",
    "D'Angelo",
    "McAllister",
    "Öztürk",
    "Jensen",
    "Kim",
    "Rossi",
    "Fernández",
    "Andersson",
    "Novák",
    "Chen",
)
TITLES = (
    "CEO",
    "Office Manager",
    "Head of Purchasing",
    "President",
    "Mrs",
    "Accounts Payable",
    "Director of R&D",
    "Project Lead",
    "Geschäftsführerin",
    "CTO",
    "Assistant",
    "Partner",
)
PHONE_FORMATS = (
    "555.555.{a:04d}",
    "+49 30 {b:07d}",
    "({c:03d}) 555-{a:04d}",
    "+1 555 123 {a:04d} ext. 12 (ask Jenny)",
    "020 7946 {a:04d}",
    "+45 33 12 {d:02d} {e:02d}",
    "0171/{b:07d}",
    "+33 1 42 {d:02d} {e:02d} 10",
    "+81 3-1234-{a:04d}",
    "{c:03d}-555-{a:04d} (mornings only)",
    "+48 22 {c:03d} {d:02d} {e:02d}",
)
CURRENCIES = (
    ("United States Dollar - USD", "$"),
    ("Euro - EUR", "€"),
    ("British Pound - GBP", "£"),
    ("Danish Krone - DKK", "kr"),
)

_DAY = 86_400
# Letters NFKD cannot split into an ASCII base letter plus accents.
_ASCII_LOOKALIKES = str.maketrans(
    {"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Æ": "AE", "æ": "ae", "ß": "ss", "Đ": "D", "đ": "d"}
)


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_ASCII_LOOKALIKES))
    return decomposed.encode("ascii", "ignore").decode()


def company_names(count: int, rng: random.Random) -> list[str]:
    others = list(MORE_COMPANIES)
    rng.shuffle(others)
    names = list(NOTABLE_COMPANIES) + others
    while len(names) < count:  # beyond the curated list: unique surname-based firms
        candidate = f"{rng.choice(LAST_NAMES)} {rng.choice(_COMPANY_SUFFIXES)} {len(names) + 1}"
        names.append(candidate)
    return names[:count]


def email_domain(company: str) -> str:
    slug = "".join(ch for ch in ascii_fold(company).lower() if ch.isalnum())[:20]
    return f"{slug or 'company'}.example"


def generate_clients(count: int, rng: random.Random, now: datetime, first_id: int) -> list[Client]:
    clients = []
    for index, name in enumerate(company_names(count, rng)):
        currency, symbol = rng.choice(CURRENCIES)
        created = now - timedelta(seconds=rng.randrange(60 * _DAY, 900 * _DAY))
        updated = created + timedelta(seconds=rng.randrange(0, 50 * _DAY))
        clients.append(
            Client(
                id=first_id + index,
                name=name,
                active=index % 5 != 3,  # every fifth client (the 4th, 9th, ...) is archived
                currency=currency,
                currency_symbol=symbol,
                details=f"{index + 1} Harbour Street\r\nSuite {rng.randrange(1, 400)}"
                if index % 3
                else "",
                highrise_id=None,
                cache_version=0,
                created_at=created,
                updated_at=updated,
            )
        )
    return clients


def _phone(rng: random.Random) -> str | None:
    if rng.random() < 0.2:
        return None
    template = PHONE_FORMATS[int(rng.random() * len(PHONE_FORMATS))]
    digits = int(rng.random() * 10_000_000)
    return template.format(
        a=digits % 10_000, b=digits, c=digits % 900 + 100, d=digits % 100, e=digits // 100 % 100
    )


def _email(first: str, last: str, domain: str, serial: int, rng: random.Random) -> str | None:
    if rng.random() < 0.15:
        return None
    folded = ascii_fold(f"{first}.{last}").lower()
    local = "".join(ch for ch in folded if ch.isalnum() or ch == ".").strip(".")
    return f"{local or 'contact'}{serial}@{domain}"


def generate_contacts(
    count: int, clients: list[Client], rng: random.Random, now: datetime, first_id: int
) -> list[Contact]:
    """Contacts spread unevenly over every client but the last, which keeps none."""
    owners = clients[:-1] if len(clients) > 1 else clients
    if not owners:
        return []
    domains = [email_domain(client.name) for client in owners]
    weights = [1.0 / (1 + index % 7) for index in range(len(owners))]
    picks = rng.choices(range(len(owners)), weights=weights, k=count)
    contacts = []
    random_fraction = rng.random
    for index, owner in enumerate(picks):
        first = FIRST_NAMES[int(random_fraction() * len(FIRST_NAMES))]
        last = LAST_NAMES[int(random_fraction() * len(LAST_NAMES))]
        age = int(random_fraction() * 700 * _DAY) + 2 * _DAY
        created = now - timedelta(seconds=age)
        contacts.append(
            Contact(
                id=first_id + index,
                client_id=owners[owner].id,
                first_name=first,
                last_name=last,
                title=TITLES[index % len(TITLES)] if random_fraction() < 0.7 else None,
                email=_email(first, last, domains[owner], index, rng),
                phone_office=_phone(rng),
                phone_mobile=_phone(rng),
                fax=_phone(rng) if random_fraction() < 0.2 else None,
                created_at=created,
                updated_at=created + timedelta(seconds=int(random_fraction() * (age - _DAY))),
            )
        )
    return contacts


def generate(
    seed: int,
    clients: int,
    contacts: int,
    now: datetime,
    first_client_id: int,
    first_contact_id: int,
) -> tuple[list[Client], list[Contact]]:
    """Demo clients and contacts, all dated in the past relative to `now`."""
    rng = random.Random(seed)
    client_rows = generate_clients(clients, rng, now, first_client_id)
    return client_rows, generate_contacts(contacts, client_rows, rng, now, first_contact_id)
