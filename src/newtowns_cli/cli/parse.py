"""Reading a command line against the table in spec.py: values, a help request, or an error.

The one parser of every path: the console script, the typer app (which checks a line here
before click reads it) and Tab presses (``partial``). Every mistake is a UsageError of our
own wording, with the closest option, command or value suggested.
"""

from __future__ import annotations

from newtowns_cli.cli.spec import BY_NAME, HELP_OPTS, ROOT, Command, Declared, Param
from newtowns_cli.model.i18n import _

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any


class Line(Declared):
    """A command line read: the command (None: the root) and the values given, by name.

    ``help``: print a help page instead, of ``command`` (None: the root's); ``version``:
    print the version; ``name``: the command as typed (an alias shows as typed).
    """

    REQUIRED = ("command", "values")
    command: Command | None
    values: dict[str, Any]
    help: bool = False
    version: bool = False
    name: str = ""


def usage_error(message: str, hint: str | None = None, **values: Any) -> Exception:
    """errors.usage, imported only when something is wrong."""
    from newtowns_cli.model.errors import usage

    return usage(message, hint, **values)


def closest(word: str, candidates: Sequence[str]) -> str | None:
    """The candidate closest to ``word``, if any is close; candidates are few here."""
    import difflib

    found = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return found[0] if found else None


def parse(argv: Sequence[str]) -> Line:
    """``argv`` (without the program name) read; a mistake raises UsageError."""
    root, position = _options(ROOT, argv, stop_at_word=True)
    rest = list(argv[position:])
    if root.pop("version", False):
        return Line(None, {}, version=True)
    if root.pop("help", False):
        return Line(None, {}, help=True)
    if not rest:
        raise usage_error(_("missing command"), _("'newtowns --help' lists the commands"))
    name = rest[0]
    command = BY_NAME.get(name)
    if command is None:
        guess = closest(name, [c.name for c in BY_NAME.values()])
        hint = _("'newtowns --help' lists the commands")
        raise usage_error(_("no such command: {name}"), hint, name=name, guess=guess)
    values, _end = _options(command, rest[1:])
    values.pop("lang", None)
    if values.pop("help", False):
        return Line(command, {}, help=True, name=name)
    if command.name == "help":
        topic = values.get("topic")
        if topic is None:
            return Line(None, {}, help=True)
        if topic not in BY_NAME:
            guess = closest(topic, list(BY_NAME))
            hint = _("'newtowns --help' lists them")
            raise usage_error(_("no such command: {name}"), hint, name=topic, guess=guess)
        return Line(BY_NAME[topic], {}, help=True, name=topic)
    if "data" in root and "data" not in values and command.param("--data") is not None:
        values["data"] = root["data"]
    # --lang was read before the line (cli.language.given): no command takes it.
    values.pop("lang", None)
    root.pop("lang", None)
    return Line(command, values, name=name)


def _options(
    command: Command, tokens: Sequence[str], *, stop_at_word: bool = False, partial: bool = False
) -> tuple[dict[str, Any], int]:
    """The values of ``tokens`` for ``command``, and where reading stopped.

    ``stop_at_word``: stop at the first word that is not an option (the root's command).
    ``partial``: a line being completed, where a required argument may still be missing.
    A help option anywhere before ``--`` asks for the help, whatever else is wrong.
    """
    if not partial and any(t in HELP_OPTS for t in _before_dashes(tokens, stop_at_word)):
        return {"help": True}, len(tokens)
    values: dict[str, Any] = {}
    words: list[str] = []
    position = 0
    dashes = False
    while position < len(tokens):
        token = tokens[position]
        if dashes or token == "-" or token[:1] != "-":
            if stop_at_word:
                break
            words.append(token)
            position += 1
            continue
        position += 1
        if token == "--":
            dashes = True
            continue
        if token in HELP_OPTS:
            values["help"] = True
            continue
        name, attached = _split(token)
        param = command.param(name)
        if param is None:
            raise _no_such_option(command, name)
        if param.flag:
            if attached is not None:
                raise usage_error(
                    _("{option} takes no value"), _("write {option} alone"), option=name
                )
            values[param.name] = True
            continue
        if attached is None:
            following = tokens[position] if position < len(tokens) else None
            if following is None or following in HELP_OPTS or command.param(following):
                hint = _("give it as {option} {metavar}")
                raise usage_error(
                    _("{option} needs a value"), hint, option=name, metavar=param.shown
                )
            attached = following
            position += 1
        value = convert(param, attached, name)
        if param.multiple:
            values.setdefault(param.name, []).append(value)
        else:
            values[param.name] = value
    _arguments(command, words, values, partial)
    return values, position


def _before_dashes(tokens: Sequence[str], stop_at_word: bool) -> list[str]:
    """The tokens that may be options: before ``--`` (and the command, for the root)."""
    found: list[str] = []
    for token in tokens:
        if token == "--" or (stop_at_word and token[:1] != "-"):
            break
        found.append(token)
    return found


def _split(token: str) -> tuple[str, str | None]:
    """``--name=value`` or ``-fvalue`` as the option and its attached value (None: none)."""
    if token.startswith("--"):
        name, equals, value = token.partition("=")
        return name, value if equals else None
    return token[:2], token[2:] or None


def _no_such_option(command: Command, name: str) -> Exception:
    spellings = [opt for p in command.params for opt in p.opts] + list(HELP_OPTS)
    guess = closest(name, spellings)
    hint = _("'{where}' lists the options")
    owners = [c.name for c in BY_NAME.values() if c.param(name)] if command is ROOT else []
    if owners and name.startswith("--"):
        hint, guess = _("{option} belongs after the command: newtowns {command} {option} ..."), None
    elif name == "--version" and command is not ROOT:
        hint, guess = _("--version comes before the command: newtowns --version"), None
    message = _("no such option: {option}")
    if command is not ROOT:
        message = _("no such option for {command}: {option}")
    where = "newtowns --help" if command is ROOT else f"newtowns {command.name} --help"
    named = owners[0] if owners else command.name
    return usage_error(message, hint, guess=guess, option=name, command=named, where=where)


def _arguments(command: Command, words: list[str], values: dict[str, Any], partial: bool) -> None:
    """Hand the words to the command's arguments; the last may take the rest."""
    for param in command.arguments:
        if not words:
            if param.required and not partial:
                hint = _("'newtowns {command} --help' says what it takes")
                message = _("missing argument {metavar}")
                raise usage_error(message, hint, metavar=param.shown, command=command.name)
            continue
        if param.multiple:
            values[param.name] = [convert(param, word, param.shown) for word in words]
            words = []
        else:
            values[param.name] = convert(param, words.pop(0), param.shown)
    if words:
        hint = _("'newtowns {command} --help' says what it takes")
        message = _("unexpected argument: {word}")
        raise usage_error(message, hint, word=repr(words[0]), command=command.name)


def convert(param: Param, text: str, name: str) -> Any:
    """``text`` as ``param`` takes it: an integer, or the canonical spelling of a choice."""
    if param.kind == "int":
        digits = text[1:] if text[:1] in "+-" else text
        number = int(text) if digits.isascii() and digits.isdigit() and len(digits) < 19 else None
        if number is None:
            message = _("invalid value for {option}: {value} is not a whole number")
            hint = _("give it as {option} {metavar}, e.g. {option} 10")
            raise usage_error(message, hint, option=name, value=repr(text), metavar=param.shown)
        if param.minimum is not None and number < param.minimum:
            message = _("invalid value for {option}: {value} is below {minimum}")
            hint = _("give a whole number of {minimum} or more")
            raise usage_error(message, hint, option=name, value=number, minimum=param.minimum)
        return number
    if param.kind == "choice":
        folded = text.casefold()
        found = next((c for c in param.choices if c.casefold() == folded), None)
        if found is None:
            message, hint = _("invalid value for {option}: {value}"), _("choose from {choices}")
            guess, choices = closest(folded, param.choices), ", ".join(param.choices)
            raise usage_error(
                message, hint, option=name, value=repr(text), choices=choices, guess=guess
            )
        return found
    return text


def given_so_far(
    command: Command, tokens: Sequence[str], *, stop_at_word: bool = False
) -> tuple[dict[str, Any], int] | None:
    """The values given so far on a line being completed, and where reading stopped (see
    ``_options``); None when it cannot be read."""
    try:
        return _options(command, tokens, stop_at_word=stop_at_word, partial=True)
    except Exception as exc:  # errors.py is imported only when something is wrong
        from newtowns_cli.model.errors import UsageError

        if isinstance(exc, UsageError):
            return None
        raise
