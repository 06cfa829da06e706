"""Words for people in the chosen language: gettext's catalogue, Dutch numbers and dates.

English is the source language: an English run reads no catalogue, and every message is
its own text. The command line decides the language (--lang, $NEWTOWNS_LANG, the locale)
and hands it here with ``use``; nothing below the command line reads the environment.

Strings are marked for Babel's extraction (scripts/catalogue.py) in three ways:
``_("…")`` translates now; ``N_("…")`` only marks a text translated later with ``_``
(help texts, column descriptions); ``C_("column", "…")`` marks a column header, translated
by ``header``. A text that also feeds machine formats is a ``Phrase``: a str holding the
English sentence (what JSON, CSV, TSV, SQLite and workbooks carry, the same in every
language) that ``say`` gives in the run's language, its numbers and dates written as that
language writes them. Numbers and dates are formatted here, never by the system's locale.

Imported on every run: no module beyond the standard library's already loaded ones.
"""

from __future__ import annotations

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Protocol

    class GNUTranslations(Protocol):  # gettext's, or reading.catalogues.Catalogue
        def gettext(self, message: str, /) -> str: ...
        def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...
        def pgettext(self, context: str, message: str, /) -> str: ...

    class PartialDate(Protocol):  # model.dates.PartialDate, which imports this module
        year: int
        month: int | None
        day: int | None


LANGUAGES = ("en", "nl")
"""The languages newtowns speaks; English is the source language of every message."""
LOCALE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
"""gettext's order (the standard library's gettext.find)."""
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
"""The Dutch names of the months, for dates in prose (1 januari 2024)."""


class _State:
    language = "en"
    catalogue: GNUTranslations | None = None


def use(language: str, catalogue: GNUTranslations | None = None) -> None:
    """Speak ``language`` from now on, with ``catalogue`` (None: the messages as written)."""
    _State.language = language
    _State.catalogue = catalogue if language != "en" else None


def language() -> str:
    """The language of this run: "en" or "nl"."""
    return _State.language


def from_locale(environ: Mapping[str, str]) -> str:
    """The language the locale variables name: Dutch for one starting with nl, else English.

    The first of $LANGUAGE, $LC_ALL, $LC_MESSAGES and $LANG that is set decides; $LANGUAGE
    may list several ("fr:nl"). The system's locale data is never used: only the names of
    a language are read, and numbers and dates are written here.
    """
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
    return next((lang for lang in LANGUAGES if folded[:2] == lang), None)


def _(message: str) -> str:
    """``message`` in the run's language."""
    catalogue = _State.catalogue
    return message if catalogue is None or not message else catalogue.gettext(message)


gettext = _


def N_(message: str) -> str:  # noqa: N802 (gettext's own name for it)
    """Marks ``message`` for the catalogue; it is translated where it is shown."""
    return message


def C_(context: str, message: str) -> str:  # noqa: N802
    """Marks ``message`` for the catalogue under ``context``; shown with ``pgettext``."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or the plural of a message for ``count``, in the run's language."""
    catalogue = _State.catalogue
    if catalogue is None:
        return singular if count == 1 else plural
    return catalogue.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` in the run's language, as meant in ``context``."""
    catalogue = _State.catalogue
    return message if catalogue is None else catalogue.pgettext(context, message)


def header(name: str) -> str:
    """A column's header for people: its field name in English, a Dutch word in Dutch."""
    return pgettext("column", name)


def number(value: float, spec: str = ",") -> str:
    """``value`` as the run's language writes it: 1,335,119 and 17.3, or 1.335.119 and 17,3.

    ``spec`` is Python's format specification written the English way (",", ",.1f").
    """
    text = format(value, spec)
    if _State.language == "nl":
        return text.translate(_DUTCH_MARKS)
    return text


_DUTCH_MARKS = str.maketrans({",": ".", ".": ","})


def count(value: float) -> str:
    """A number in a document: as Python writes it in English (1335119, 37.05), grouped
    with a decimal comma in Dutch (1.335.119, 37,05)."""
    return number(value) if _State.language == "nl" else str(value)


def percent(value: float, digits: int = 1) -> str:
    """A percentage: 17.3% in English, 17,3 % in Dutch (a space before the sign)."""
    shown = number(value, f",.{digits}f")
    return f"{shown} %" if _State.language == "nl" else f"{shown}%"


def date(value: PartialDate) -> str:
    """A date in prose at its own precision: ISO in English, "1 januari 2024" in Dutch."""
    if _State.language != "nl" or value.month is None:
        return str(value)
    month = MONTHS[value.month - 1]
    if value.day is None:
        return f"{month} {value.year}"
    return f"{value.day} {month} {value.year}"


class _Shown:
    """An argument of a Phrase as the run's language writes it: ``{n:n}`` groups a number
    the language's way (an English Phrase keeps it as it was: 1335119); a date is prose in
    Dutch; a tuple is its items, comma-separated."""

    __slots__ = ("english", "value")

    def __init__(self, value: object, english: bool) -> None:
        self.value, self.english = value, english

    def __format__(self, spec: str) -> str:
        value = self.value
        if isinstance(value, Phrase):
            return str(value) if self.english else value.say()
        if isinstance(value, tuple):
            return ", ".join(format(_Shown(item, self.english), spec) for item in value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            if spec == "n":
                return str(value) if self.english else number(value)
            if self.english:
                return format(value, spec)
            return format(value, spec).translate(_DUTCH_MARKS)
        if not self.english and type(value).__name__ == "PartialDate":
            return date(value)  # type: ignore[arg-type]
        return format(str(value), spec)


class Phrase(str):
    """A sentence for people that machine formats carry in English.

    The str itself is the English text, built from ``message`` and its arguments exactly
    as an f-string would (so machine formats keep it, byte for byte, in every language);
    ``say`` is the same sentence in the run's language: ``message`` translated, its
    arguments written the language's way (see _Shown). An argument may be a Phrase, a
    tuple (its items comma-separated), a number, a PartialDate or any text.
    """

    message: str
    args: dict[str, object]

    def __new__(cls, message: str, /, **args: object) -> Phrase:
        text = (
            message.format_map({k: _Shown(v, True) for k, v in args.items()}) if args else message
        )
        made = super().__new__(cls, text)
        made.message, made.args = message, args
        return made

    def say(self) -> str:
        """The sentence in the run's language."""
        if _State.catalogue is None:
            return str(self)
        translated = _(self.message)
        if not self.args:
            return translated
        return translated.format_map({k: _Shown(v, False) for k, v in self.args.items()})

    def __reduce__(self) -> tuple[object, ...]:
        return (_phrase, (self.message, self.args))


def _phrase(message: str, args: dict[str, object]) -> Phrase:
    return Phrase(message, **args)


class Joined(Phrase):
    """Phrases (or texts) joined by ``separator``, each said in the run's language."""

    parts: tuple[str, ...]
    separator: str

    def __new__(cls, separator: str, parts: tuple[str, ...]) -> Joined:
        made = str.__new__(cls, separator.join(parts))
        made.message, made.args = separator.join(parts), {}
        made.parts, made.separator = parts, separator
        return made

    def say(self) -> str:
        return self.separator.join(str(say(part)) for part in self.parts)

    def __reduce__(self) -> tuple[object, ...]:
        return (Joined, (self.separator, self.parts))


class Bilingual(Phrase):
    """A free text of the data file in English and Dutch (``{ en = "…", nl = "…" }``).

    The str itself is the English text, as a plain string field holds it; ``nl`` the Dutch.
    ``say`` gives the Dutch text in a Dutch run. Machine formats that carry whole records
    (export, show --format json, SQLite) carry both, as stored (``as_data``).
    """

    nl: str

    def __new__(cls, en: str, nl: str) -> Bilingual:
        made = str.__new__(cls, en)
        made.message, made.args, made.nl = en, {}, nl
        return made

    def say(self) -> str:
        return self.nl if _State.language == "nl" else str(self)

    def as_data(self) -> dict[str, str]:
        """The stored form: ``{"en": …, "nl": …}``."""
        return {"en": str(self), "nl": self.nl}

    def __reduce__(self) -> tuple[object, ...]:
        return (Bilingual, (str(self), self.nl))


def joined(separator: str, parts: Sequence[str]) -> str:
    """``parts`` joined: a Phrase when any part is one, so each is said in its language."""
    if any(isinstance(part, Phrase) for part in parts):
        return Joined(separator, tuple(parts))
    return separator.join(parts)


def phrase(message: str, /, **args: object) -> Phrase:
    """A Phrase of ``message`` (marked for the catalogue by this name)."""
    return Phrase(message, **args)


def untranslated(value: object) -> bool:
    """True for a free text of the data shown in English in a Dutch run: a plain string
    (no ``{ en, nl }``) where Dutch is asked for. Pages mark it ``lang="en"``."""
    return (
        _State.language != "en" and isinstance(value, str) and bool(value)
        and not isinstance(value, Phrase)
    )  # fmt: skip


def say(value: object) -> object:
    """A value for people: a Phrase in the run's language, a tuple item by item, else as is."""
    if isinstance(value, Phrase):
        return value.say()
    if isinstance(value, tuple) and any(isinstance(item, Phrase) for item in value):
        return tuple(say(item) for item in value)
    return value
