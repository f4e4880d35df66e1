"""The clean-up view, the Trash and the contact's History: showing addressbook.cleanup
and the cache's history and trash, with every fix an undo step."""
