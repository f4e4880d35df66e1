"""Harvest Contacts: a desktop address book for Harvest client contacts."""

__version__ = "0.1.0"
APP_NAME = "Harvest Contacts"
APP_ID = "HarvestContacts"
ORG_NAME = "HarvestContacts"
