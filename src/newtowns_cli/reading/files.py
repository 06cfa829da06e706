"""Reading a data file: a regular file, bounded, never waiting on a FIFO (no imports but os).

Used by the loader (store.py) and by completion on every Tab press (complete.py).
"""

from __future__ import annotations

import os
import stat

_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0)


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes | None:
    """At most ``limit + 1`` bytes of ``path``; None when what is opened is not a regular file.

    Checked on the opened file: one replaced by a FIFO after an earlier check would block
    the read for ever (it is opened without blocking), and one grown past the limit (or a
    /proc file that says it is empty) is not read whole: more than ``limit`` bytes back
    means too large. OSError when it cannot be opened or read.
    """
    with os.fdopen(os.open(path, _FLAGS), "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            return None
        return stream.read(limit + 1)
