"""The app's dialogs: contact create/edit, sign-in, conflict resolution."""

from .conflict_dialog import ConflictDialog
from .contact_dialog import ContactDialog
from .sign_in_dialog import SignInDialog

__all__ = ["ConflictDialog", "ContactDialog", "SignInDialog"]
