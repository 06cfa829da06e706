"""Which language a run speaks, and its catalogue: --lang, $NEWTOWNS_LANG, the locale.

The order is --lang (the last one given, before or after the command) > $NEWTOWNS_LANG >
the locale as gettext reads it (the first of $LANGUAGE, $LC_ALL, $LC_MESSAGES and $LANG
that is set; $LANGUAGE may list several, "fr:nl") > English. The system's locale data is
never used: only the variables' names of a language are read, and numbers and dates are
written by model/i18n.py.

The Dutch catalogue is gettext's compiled .mo file, built from the .po file when the wheel
is built, and into the checkout by an editable install (hatch_build.py), and read by
cli/mofile.py (the gettext module costs half a ``python -c pass``). A .po newer than its
.mo (a translation edited in a checkout) is compiled here, in memory, on the run that
needs it, so an edited translation shows at once.
"""

from __future__ import annotations

import os

from newtowns_cli.model import i18n

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from newtowns_cli.cli.mofile import Catalogue

ENV_LANG = "NEWTOWNS_LANG"
LOCALE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
"""gettext's order (the standard library's gettext.find)."""
DOMAIN = "newtowns"
FOLDER = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "locale")
"""The catalogues: FOLDER/nl/LC_MESSAGES/newtowns.mo (a wheel) or .po (a checkout)."""
_LOADED: dict[str, Catalogue] = {}


def given(argv: Sequence[str]) -> str | None:
    """The value of the last --lang on the line (before a lone --), as typed; None: none."""
    found = None
    for position, token in enumerate(argv):
        if token == "--":
            break
        if token == "--lang" and position + 1 < len(argv):
            found = argv[position + 1]
        elif token.startswith("--lang="):
            found = token.removeprefix("--lang=")
    return found


def from_locale(environ: Mapping[str, str]) -> str:
    """The language the locale variables name: Dutch for one starting with nl, else English."""
    for name in LOCALE_VARS:
        value = environ.get(name, "")
        if not value:
            continue
        for item in value.split(":"):
            if item.startswith("nl"):
                return "nl"
            if item.startswith(("en", "C.")) or item in ("C", "POSIX"):
                return "en"
        return "en"  # gettext stops at the first variable set
    return "en"


def known(value: str) -> str | None:
    """``value`` as one of the languages (nl, NL, nl_NL.UTF-8 → nl); None: not one."""
    folded = value.strip().lower()
    return next((lang for lang in i18n.LANGUAGES if folded[:2] == lang), None)


def choose(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language of the run: --lang > $NEWTOWNS_LANG > the locale > English.

    A --lang or $NEWTOWNS_LANG that names no language newtowns speaks leaves the choice to
    the next; the parser (--lang) and ``check_environment`` report it.
    """
    for value in (given(argv), environ.get(ENV_LANG)):
        found = known(value) if value else None
        if found is not None:
            return found
    return from_locale(environ)


def check_environment(environ: Mapping[str, str]) -> None:
    """$NEWTOWNS_LANG set to a language newtowns does not speak is a usage error."""
    value = environ.get(ENV_LANG, "")
    if value and known(value) is None:
        from newtowns_cli.model.errors import UsageError

        raise UsageError(
            i18n.Phrase("invalid value for ${name}: '{value}'", name=ENV_LANG, value=value),
            hint=i18n._("choose from nl, en; or unset it"),
        )


def use(language: str) -> None:
    """Speak ``language`` for the rest of the run (the catalogue read once per process)."""
    i18n.use(language, catalogue(language) if language != "en" else None)


def catalogue(language: str) -> Catalogue | None:
    """The compiled catalogue of ``language``; None when there is none (English shows).

    The .mo file when it is at least as new as the .po beside it (a wheel has only the
    .mo; an editable install compiles one into the checkout, hatch_build.py); else the
    .po, compiled in memory, so an edited translation shows at once."""
    if language in _LOADED:
        return _LOADED[language]
    from newtowns_cli.cli.mofile import Catalogue

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
