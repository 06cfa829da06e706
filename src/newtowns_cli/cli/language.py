"""Which language a run speaks, and its catalogue: --lang, $NEWTOWNS_LANG, the locale.

The order is --lang (the last one given, before or after the command) > $NEWTOWNS_LANG >
the locale as gettext reads it (model/i18n.from_locale) > English.

The catalogues themselves are found and read by reading/catalogues.py.
"""

from __future__ import annotations

from newtowns_cli.model import i18n

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

ENV_LANG = "NEWTOWNS_LANG"


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


def choose(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language of the run: --lang > $NEWTOWNS_LANG > the locale > English.

    A --lang or $NEWTOWNS_LANG that names no language newtowns speaks leaves the choice to
    the next; the parser (--lang) and ``check_environment`` report it.
    """
    for value in (given(argv), environ.get(ENV_LANG)):
        found = i18n.known(value) if value else None
        if found is not None:
            return found
    return i18n.from_locale(environ)


def check_environment(environ: Mapping[str, str]) -> None:
    """$NEWTOWNS_LANG set to a language newtowns does not speak is a usage error."""
    value = environ.get(ENV_LANG, "")
    if value and i18n.known(value) is None:
        from newtowns_cli.model.errors import UsageError

        message = i18n.Phrase("invalid value for ${name}: '{value}'", name=ENV_LANG, value=value)
        raise UsageError(message, hint=i18n._("choose from nl, en; or unset it"))


def use(language: str) -> None:
    """Speak ``language`` for the rest of the run (the catalogue read once per process)."""
    if language == "en":
        i18n.use(language, None)
        return
    from newtowns_cli.reading.catalogues import catalogue

    i18n.use(language, catalogue(language))
