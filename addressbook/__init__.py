"""Harvest Contacts: a desktop address book for Harvest client contacts."""

# The one version number: pyproject.toml reads it from here (dynamic version), and so do
# --version, About, the PyInstaller spec (Info.plist, Windows installer) and the .deb.
__version__ = "0.1.0"
APP_NAME = "Harvest Contacts"
APP_ID = "HarvestContacts"  # Qt's application name; names the data, log and settings folders
# Reverse-DNS id: the name of the .desktop file, the AppStream metainfo and the installed icon.
DESKTOP_ID = "com.harvestcontacts.HarvestContacts"
ORG_NAME = "HarvestContacts"
