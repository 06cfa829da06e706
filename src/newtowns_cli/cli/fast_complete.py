"""Tab presses without typer: what the fast path (fast.py) answers for bash, zsh and fish.

Imported only on a Tab press. Like fast.py, it answers only where it is sure to print
exactly what typer (click, with rich for zsh and fish help texts) would, and returns
None otherwise, for typer to answer.
"""

from __future__ import annotations

import os

from newtowns_cli.cli.fast import parse, split_root, with_root
from newtowns_cli.cli.params import COMPLETE_VAR

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

SHELL_SPACE = " \t\r\n"
"""What click's split_arg_string (shlex) splits COMP_WORDS on."""


Item = tuple[str, "str | None"]
"""A completion: the word, and its help for zsh and fish (None: no help)."""


def complete(environ: Mapping[str, str], described: dict[str, Any]) -> tuple[str, int] | None:
    """What a Tab press prints and its exit code, as typer's click gives them; None when unsure.

    Taken: command names, option names, option values (choices, ids, fields) and the
    argument of show and the listing commands, on a line of known options, for bash,
    zsh and fish. Left to typer: quotes and escapes, root options, `=`, `--`, and a help
    text rich would do more to than wrap (markup, an emoji code, a wide character).
    """
    shell = _SHELLS.get(environ.get(COMPLETE_VAR, ""))
    line = environ.get("COMP_WORDS" if shell == "bash" else "_TYPER_COMPLETE_ARGS", "")
    if shell is None or any(c in "\"'\\" or (c.isspace() and c not in SHELL_SPACE) for c in line):
        return None
    words = line.split()
    if shell == "bash":
        position = environ.get("COMP_CWORD", "")
        if not (position.isascii() and position.isdigit()) or int(position) < 1:
            return None
        cword = int(position)
        args, incomplete = words[1:cword], (words[cword] if cword < len(words) else "")
    else:
        args = words[1:]
        incomplete = args.pop() if args and not line.endswith(" ") else ""
    items = _items(args, incomplete, described)
    if items is None:
        return None
    if shell == "bash":
        return "".join(f"{value}\n" for value, _ in items) or "\n", 0
    try:
        if shell == "zsh":
            shown = [_zsh(value, help, environ) for value, help in items]
            joined = "\n".join(shown)
            return (f"_arguments '*: :(({joined}))'" if shown else "_files") + "\n", 0
        shown = [f"{value}\t{_rendered(help, environ)}" if help else value for value, help in items]
    except _UnsureError:
        return None
    action = environ.get("_TYPER_COMPLETE_FISH_ACTION", "")
    if action == "is-args":
        return "", 0 if shown else 1
    return ("\n".join(shown) if action == "get-args" and shown else "") + "\n", 0


_SHELLS = {"complete_bash": "bash", "complete_zsh": "zsh", "complete_fish": "fish"}


SINGLE_CELL = frozenset(
    [chr(c) for c in range(0xA1, 0xAD)] + [chr(c) for c in range(0xAE, 0x300)] + list("…–—‘’“”")
)
"""Non-ASCII characters one cell wide in rich (Latin letters, a few punctuation marks)."""


class _UnsureError(Exception):
    """A help text typer would render through rich: left to typer."""


def _zsh(value: str, help: str | None, environ: Mapping[str, str]) -> str:
    """typer's ZshComplete.format_completion."""

    def escape(text: str) -> str:
        text = text.replace('"', '""').replace("'", "''").replace("$", "\\$")
        return text.replace("`", "\\`").replace(":", r"\\:")

    if help:
        return f'"{escape(value)}":"{_rendered(escape(help), environ)}"'
    return f'"{escape(value)}"'


def _rendered(help: str, environ: Mapping[str, str]) -> str:
    """``help`` as typer prints it through rich: wrapped at the console's width.

    Taken only where rich would change nothing else: printable text of one cell per
    character (SINGLE_CELL), no markup brackets, nothing that could be an emoji code
    (:name:). Else _UnsureError.
    """
    import re

    plain = help.isprintable() and "[" not in help and "]" not in help
    if not plain or not all(c < "\x7f" or c in SINGLE_CELL for c in help):
        raise _UnsureError
    if re.search(r":\S*:", help):
        raise _UnsureError
    return _wrap(help, _rich_width(environ))


def _wrap(text: str, width: int) -> str:
    """rich's word wrap (rich._wrap.divide_line, Text.wrap) for printable ASCII text."""
    import re

    breaks: list[int] = []
    offset = 0
    for match in re.finditer(r"\s*\S+\s*", text):
        start, word = match.start(), match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:  # a word longer than a line is folded
            chunks = [word[i : i + width] for i in range(0, len(word), width)]
            for index, chunk in enumerate(chunks):
                if start:
                    breaks.append(start)
                if index == len(chunks) - 1:
                    offset = len(chunk)
                else:
                    start += len(chunk)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    # A line longer than the width (a word's trailing spaces) is cut at the width.
    ends = zip([0, *breaks], [*breaks, len(text)], strict=True)
    return "\n".join(text[begin:stop][:width] for begin, stop in ends).rstrip("\n")


def _rich_width(environ: Mapping[str, str]) -> int:
    """The width of the rich console typer renders completion help with (rich.Console.size).

    A dumb terminal, a width of 0 or one that is not plain digits: _UnsureError.
    """
    if environ.get("TERM", "").lower() in ("dumb", "unknown"):
        raise _UnsureError
    for name in ("TERMINAL_WIDTH", "COLUMNS"):
        value = environ.get(name, "")
        if value.isascii() and value.isdigit() and 0 < len(value.lstrip("0")) <= 6:
            return int(value)
        if value:
            raise _UnsureError
    for descriptor in (0, 1, 2):
        try:
            return os.get_terminal_size(descriptor).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


def _items(args: list[str], incomplete: str, described: dict[str, Any]) -> list[Item] | None:
    """The completions of ``incomplete`` after ``args``, in click's order; None when unsure."""
    if "=" in incomplete or "--" in args:
        return None
    commands: dict[str, Any] = described["commands"]
    split = split_root(args, described)
    if split is None:
        return None
    root, args = split
    if not args:
        if incomplete[:1] == "-":
            return None  # the root's own options
        return [
            (name, c["short_help"])
            for name, c in commands.items()
            if name.startswith(incomplete) and not c["hidden"]
        ]
    name, tokens = args[0], args[1:]
    if name not in commands:
        return None
    params: list[dict[str, Any]] = commands[name]["params"]
    by_option = {opt: param for param in params if param["option"] for opt in param["opts"]}
    pending = by_option.get(tokens[-1]) if tokens else None
    if pending is not None and pending["flag"]:
        pending = None
    given = parse(params, tokens[:-1] if pending else tokens, partial=True)
    if given is None:
        return None
    if incomplete[:1] == "-":
        return _option_names(params, given, described, incomplete)
    given = with_root(given, root, params)  # ids from the file given before the command
    if pending is not None:
        return _values(pending, name, given, incomplete)
    for param in params:
        if not param["option"] and (param["name"] not in given or param.get("variadic")):
            return _values(param, name, given, incomplete)
    return []


def _option_names(
    params: list[dict[str, Any]], given: dict[str, Any], described: dict[str, Any], incomplete: str
) -> list[Item]:
    """Options not given yet (or given and repeatable), then the help option."""
    names = [
        (opt, param["help"])
        for param in params
        if param["option"] and (param["multiple"] or param["name"] not in given)
        for opt in [*param["opts"], *param["secondary"]]
    ]
    names += [(opt, described["help_option_help"]) for opt in described["help_options"]]
    return [(opt, help) for opt, help in names if opt.startswith(incomplete)]


def _values(
    param: dict[str, Any], command: str, given: dict[str, Any], incomplete: str
) -> list[Item]:
    """The values ``param`` completes to: its completion function's, else its choices."""
    kind = param.get("complete")
    if kind is not None:
        from newtowns_cli import complete as candidates

        by = given.get("by")
        found = candidates.candidates(
            kind, incomplete, command=command, data=given.get("data"), by=by and str(by)
        )
        return [(word, help or None) for word, help in found]
    if param["type"] != "choice":
        return []
    if param["case_sensitive"]:
        chosen = [choice for choice in param["choices"] if choice.startswith(incomplete)]
    else:
        lowered = incomplete.lower()
        chosen = [choice for choice in param["choices"] if choice.lower().startswith(lowered)]
    return [(choice, None) for choice in chosen]
