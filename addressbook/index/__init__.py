"""The search and sort index of the contacts table, free of Qt.

The worker builds it off the GUI thread (rows, haystacks, name keys) and the
table model in ui/models wraps it; keeping it here lets both import it without
the worker reaching up into the UI layer.
"""
