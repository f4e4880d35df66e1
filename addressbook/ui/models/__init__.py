"""Qt models for the contacts table and the client sidebar (the index they wrap is
addressbook.index)."""
