"""JSON text as every machine format writes it: non-ASCII kept, line-break look-alikes escaped.

Never NaN or Infinity, which are not JSON (``JSON.parse`` throws on them): a number that
is not finite raises ValueError here. Every number computed for output is finite or absent
(``None``), so this is a bug caught, never a result.
"""

from __future__ import annotations

import json

# Characters that some readers take for line breaks (str.splitlines, JavaScript): written
# as JSON escapes, so one JSON Lines record is always one line.
_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def dumps(value: object, *, indent: int | None = None) -> str:
    """json.dumps keeping non-ASCII text readable, but line-break look-alikes escaped; a
    number that is not finite raises ValueError."""
    return json.dumps(value, ensure_ascii=False, indent=indent, allow_nan=False).translate(_BREAKS)
