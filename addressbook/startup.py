"""A process-wide saving on the way to the first paint, applied by main() only.

The cyclic garbage collector runs about fifty passes (~10-20 ms) while the modules
load and the window is built; nothing built then is garbage worth a pass. It is paused
until the first paint, then what exists is frozen (never scanned again, as the worker
does after its bulk loads) and the collector runs as usual.

Not done, on purpose: PySide6 reads back the source of every module imported after it
to look for ``__feature__`` use (~15-30 ms before the first paint). Skipping that means
replacing a private PySide6 function, which a PySide6 upgrade could silently break.
"""

from __future__ import annotations

import gc
from collections.abc import Callable


def pause_collector() -> Callable[[], None]:
    """Pause the garbage collector; the function returned freezes the heap and resumes it."""
    was_enabled = gc.isenabled()
    gc.disable()

    def resume() -> None:
        if was_enabled and not gc.isenabled():
            gc.freeze()
            gc.enable()

    return resume
