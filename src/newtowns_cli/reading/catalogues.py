"""The gettext catalogues: found, compiled when a checkout has only the .po, and read.

The Dutch catalogue is gettext's compiled .mo file, built from the .po file when the wheel
is built, and into the checkout by an editable install (hatch_build.py). A .po newer than
its .mo (a translation edited in a checkout) is compiled here, in memory, on the run that
needs it, so an edited translation shows at once.

A .mo file is read without the gettext module: ``import gettext`` brings ``locale`` and
``re`` (about 8 ms, half a ``python -c pass``) to every Dutch run. A .mo file is a table of
offsets, read here with ``struct`` into an index of raw message ids, each translation
decoded when it is asked for. The plural rule is read from the header; the common
``plural=(n != 1)`` (Dutch, English) needs no parser, any other goes to gettext's own.
"""

from __future__ import annotations

import os
import struct

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from collections.abc import Callable

DOMAIN = "newtowns"
FOLDER = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "locale")
"""The catalogues: FOLDER/nl/LC_MESSAGES/newtowns.mo (a wheel) or .po (a checkout)."""
_LOADED: dict[str, Catalogue] = {}


def catalogue(language: str) -> Catalogue | None:
    """The compiled catalogue of ``language``; None when there is none (English shows).

    The .mo file when it is at least as new as the .po beside it (a wheel has only the
    .mo; an editable install compiles one into the checkout, hatch_build.py); else the
    .po, compiled in memory, so an edited translation shows at once."""
    if language in _LOADED:
        return _LOADED[language]
    base = os.path.join(FOLDER, language, "LC_MESSAGES", DOMAIN)
    compiled, source = _modified(base + ".mo"), _modified(base + ".po")
    if compiled is not None and (source is None or source <= compiled):
        with open(base + ".mo", "rb") as file:
            data = file.read()
    elif source is not None:
        with open(base + ".po", encoding="utf-8") as file:
            data = compile_po(file.read())
    else:
        return None
    found = Catalogue(data)
    _LOADED[language] = found
    return found


def _modified(path: str) -> float | None:
    try:
        return os.stat(path).st_mtime
    except FileNotFoundError:
        return None


def compile_po(text: str) -> bytes:
    """A .po file's text as .mo bytes (GNU's format, as msgfmt writes it, without the hash
    table): for a checkout, whose catalogues are not compiled. Fuzzy entries and empty
    translations are left out, as msgfmt leaves them out."""
    import struct

    messages: dict[str, str] = {}
    for entry in _entries(text):
        key = entry.get("msgid", "")
        if "msgctxt" in entry:
            key = entry["msgctxt"] + "\x04" + key
        if "msgid_plural" in entry:
            key += "\x00" + entry["msgid_plural"]
            forms = sorted((k for k in entry if k.startswith("msgstr[")), key=lambda k: k[7:-1])
            value = "\x00".join(entry[k] for k in forms)
        else:
            value = entry.get("msgstr", "")
        if value.replace("\x00", "") or not key:
            messages[key] = value
    keys = sorted(messages, key=lambda k: k.encode("utf-8"))
    encoded = [(k.encode("utf-8"), messages[k].encode("utf-8")) for k in keys]
    position = 7 * 4 + 16 * len(keys)
    table: list[int] = []
    for which in (0, 1):
        for pair in encoded:
            table += [len(pair[which]), position]
            position += len(pair[which]) + 1
    header = struct.pack("<7I", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + 8 * len(keys), 0, 0)
    body = b"".join(k + b"\0" for k, _ in encoded) + b"".join(v + b"\0" for _, v in encoded)
    return header + struct.pack(f"<{len(table)}I", *table) + body


def _entries(text: str) -> list[dict[str, str]]:
    """The entries of a .po file that are neither fuzzy nor obsolete, as field: text."""
    found: list[dict[str, str]] = []
    entry: dict[str, str] = {}
    field, fuzzy = "", False
    for line in [*text.splitlines(), ""]:
        line = line.strip()
        if line.startswith('"'):
            entry[field] += _unquote(line)
            continue
        if (
            not line
            or line.startswith(("#", "msgctxt"))
            or (line.startswith("msgid ") and "msgid" in entry)
        ):
            if "msgid" in entry and not fuzzy:
                found.append(entry)
            if "msgid" in entry or not line:
                entry, fuzzy = {}, False
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line and not line.startswith("#"):
            field, _, rest = line.partition(" ")
            entry[field] = _unquote(rest)
    return found


_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    '"': '"',
    "\\": "\\",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
}


def _unquote(quoted: str) -> str:
    """A .po string's text: the quotes taken off, C's escapes read."""
    body = quoted.strip()[1:-1]
    if "\\" not in body:
        return body
    out, position = [], 0
    while position < len(body):
        char = body[position]
        if char == "\\" and position + 1 < len(body):
            out.append(_ESCAPES.get(body[position + 1], body[position + 1]))
            position += 2
        else:
            out.append(char)
            position += 1
    return "".join(out)


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
