"""A compiled gettext catalogue (.mo) read without the gettext module.

``import gettext`` brings ``locale`` and ``re`` (about 8 ms, half a ``python -c pass``) to
every Dutch run; a .mo file is a table of offsets, read here with ``struct`` into an index
of raw message ids, each translation decoded when it is asked for. The plural rule is read
from the header; the common ``plural=(n != 1)`` (Dutch, English) needs no parser, any
other goes to gettext's own.
"""

from __future__ import annotations

import struct

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from collections.abc import Callable

_MAGIC = {0x950412DE: "<", 0xDE120495: ">"}


class Catalogue:
    """The translations of one .mo file: gettext, ngettext and pgettext, as
    gettext.GNUTranslations answers them."""

    def __init__(self, data: bytes) -> None:
        order = _MAGIC.get(struct.unpack("<I", data[:4])[0])
        if order is None:
            raise ValueError("not a .mo file")
        count, originals, translations = struct.unpack(order + "3I", data[8:20])
        ids = struct.unpack(f"{order}{2 * count}I", data[originals : originals + 8 * count])
        strs = struct.unpack(f"{order}{2 * count}I", data[translations : translations + 8 * count])
        self._data = data
        self._index: dict[bytes, tuple[int, int]] = {}
        for number in range(count):
            length, offset = ids[2 * number], ids[2 * number + 1]
            key = data[offset : offset + length].split(b"\0", 1)[0]  # the singular of a plural
            self._index[key] = (strs[2 * number + 1], strs[2 * number])
        self._plural = _plural_rule(self._get("") or "")

    def _get(self, key: str) -> str | None:
        found = self._index.get(key.encode("utf-8"))
        if found is None:
            return None
        offset, length = found
        return self._data[offset : offset + length].decode("utf-8")

    def gettext(self, message: str) -> str:
        found = self._get(message)
        return message if found is None or "\0" in found else found

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        found = self._get(singular)
        forms = found.split("\0") if found is not None else []
        index = self._plural(n)
        if 0 <= index < len(forms) and "\0" in (found or ""):
            return forms[index]
        return singular if n == 1 else plural

    def pgettext(self, context: str, message: str) -> str:
        found = self._get(context + "\x04" + message)
        return message if found is None else found


def _plural_rule(header: str) -> Callable[[int], int]:
    """The header's plural rule as a function of n."""
    for line in header.split("\n"):
        if line.lower().startswith("plural-forms:"):
            rule = line.split("plural=", 1)[-1].strip().rstrip(";").strip()
            if rule.replace(" ", "") in ("(n!=1)", "n!=1"):
                return lambda n: int(n != 1)
            import gettext  # any other rule: gettext's own parser

            return gettext.c2py(rule)
    return lambda n: int(n != 1)
