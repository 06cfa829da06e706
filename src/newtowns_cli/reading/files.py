"""Reading a data file: a regular file, bounded, never waiting on a FIFO (no imports but os).

Used by the loader (store.py) and by completion on every Tab press (complete.py).
"""

from __future__ import annotations

import os
import stat

_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0)


_STEP = 64 * 1024


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes | None:
    """At most ``limit + 1`` bytes of ``path``; None when what is opened is not a regular file.

    Checked on the opened file: one replaced by a FIFO after an earlier check would block
    the read for ever (it is opened without blocking), and one grown past the limit (or a
    /proc file that says it is empty) is not read whole: more than ``limit`` bytes back
    means too large. OSError when it cannot be opened or read.

    The first read asks for the size the file says it has (and one byte more, to see that
    it ends there): read() allocates what it is asked for, so asking for the limit would
    cost the limit. A file that holds more than it says is read on in growing steps; one
    that gave less than asked has ended (a read only stops short at the end), and is not
    asked again: that would allocate as much again for nothing (and a large block freed
    makes glibc keep the next ones, such as the decoded text, after they are freed).
    """
    with os.fdopen(os.open(path, _FLAGS), "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):
            return None
        asked = min(info.st_size, limit) + 1
        parts = [stream.read(asked)]
        total = len(parts[0])
        while total <= limit and len(parts[-1]) == asked:
            asked = min(max(total, _STEP), limit + 1 - total)
            more = stream.read(asked)
            if not more:
                break
            parts.append(more)
            total += len(more)
        return parts[0] if len(parts) == 1 else b"".join(parts)
