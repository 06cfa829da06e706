"""Which language a run speaks, and its catalogue: --lang, $NEWTOWNS_LANG, the locale.

The order is --lang (the last one given, before or after the command) > $NEWTOWNS_LANG >
the locale as gettext reads it (the first of $LANGUAGE, $LC_ALL, $LC_MESSAGES and $LANG
that is set; $LANGUAGE may list several, "fr:nl") > English. The system's locale data is
never used: only the variables' names of a language are read, and numbers and dates are
written by model/i18n.py.

The catalogues themselves are found and read by reading/catalogues.py.
"""

from __future__ import annotations

from newtowns_cli.model import i18n

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

ENV_LANG = "NEWTOWNS_LANG"
LOCALE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
"""gettext's order (the standard library's gettext.find)."""


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
    if language == "en":
        i18n.use(language, None)
        return
    from newtowns_cli.reading.catalogues import catalogue

    i18n.use(language, catalogue(language))
