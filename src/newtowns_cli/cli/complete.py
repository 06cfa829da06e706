"""Tab presses: the shell scripts, and what a Tab press prints, from the table in spec.py.

A shell script (``newtowns completion SHELL``) calls ``newtowns`` back with
_NEWTOWNS_COMPLETE=complete_SHELL and the line in the environment (COMP_WORDS and
COMP_CWORD for bash, _TYPER_COMPLETE_ARGS for zsh and fish: the names scripts saved from
earlier versions use). Ids come from the data file read with tomllib alone (no pydantic),
and a file that cannot be read gives no candidates: a Tab press never prints an error.
"""

from __future__ import annotations

import os

from newtowns_cli.cli.spec import BY_NAME, COMMANDS, COMPLETE_VAR, ENV_DATA, HELP_OPTS, ROOT
from newtowns_cli.model.i18n import _

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

    from newtowns_cli.cli.spec import Param

SCRIPTS = {
    "bash": """_newtowns_complete() {
    local IFS=$'\\n'
    COMPREPLY=( $(env COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD=$COMP_CWORD \\
        %(var)s=complete_bash "$1") )
    return 0
}
complete -o default -F _newtowns_complete newtowns
""",
    "zsh": """#compdef newtowns
_newtowns_complete() {
    eval $(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" %(var)s=complete_zsh newtowns)
}
compdef _newtowns_complete newtowns
""",
    "fish": "complete --command newtowns --no-files --arguments "
    '"(env %(var)s=complete_fish _TYPER_COMPLETE_FISH_ACTION=get-args '
    '_TYPER_COMPLETE_ARGS=(commandline -cp) newtowns)" --condition '
    '"env %(var)s=complete_fish _TYPER_COMPLETE_FISH_ACTION=is-args '
    '_TYPER_COMPLETE_ARGS=(commandline -cp) newtowns"\n',
}
"""The script each shell sources; it calls newtowns back on every Tab press."""


def script(shell: str) -> str:
    return SCRIPTS[shell] % {"var": COMPLETE_VAR}


def line_words(environ: Mapping[str, str]) -> list[str]:
    """The words of the line being completed, whichever shell asks."""
    shell = environ.get(COMPLETE_VAR, "").removeprefix("complete_")
    return _split(environ.get("COMP_WORDS" if shell == "bash" else "_TYPER_COMPLETE_ARGS", ""))


def answer(environ: Mapping[str, str]) -> tuple[str, int]:
    """What a Tab press prints, and its exit code (fish asks "any candidates?" by it)."""
    shell = environ.get(COMPLETE_VAR, "").removeprefix("complete_")
    line = environ.get("COMP_WORDS" if shell == "bash" else "_TYPER_COMPLETE_ARGS", "")
    words = _split(line)
    if shell == "bash":
        position = environ.get("COMP_CWORD", "")
        digits = position.isascii() and position.isdigit()
        cword = int(position) if digits and len(position) < 7 else (len(words) if digits else 0)
        args, incomplete = words[1:cword], (words[cword] if cword < len(words) else "")
    else:
        args = words[1:]
        incomplete = args.pop() if args and not line.endswith(" ") else ""
    items = _items(args, incomplete, environ) if shell in ("bash", "zsh", "fish") else []
    if shell == "bash":
        return "".join(f"{value}\n" for value, _ in items) or "\n", 0
    if shell == "zsh":
        shown = "\n".join(_zsh(value, help) for value, help in items)
        return (f"_arguments '*: :(({shown}))'" if items else "_files") + "\n", 0
    if environ.get("_TYPER_COMPLETE_FISH_ACTION") == "is-args":
        return "", 0 if items else 1
    return "\n".join(f"{value}\t{help}" if help else value for value, help in items) + "\n", 0


def _split(line: str) -> list[str]:
    """The words of the line as the shell quoted them; unbalanced quotes as plain words."""
    if not any(c in "\"'\\" for c in line):
        return line.split()
    import shlex

    try:
        return shlex.split(line)
    except ValueError:
        return line.split()


def _zsh(value: str, help: str) -> str:
    def escape(text: str) -> str:
        text = text.replace('"', '""').replace("'", "''").replace("$", "\\$")
        return text.replace("`", "\\`").replace(":", r"\\:")

    return f'"{escape(value)}":"{escape(help)}"' if help else f'"{escape(value)}"'


def _items(args: list[str], incomplete: str, environ: Mapping[str, str]) -> list[tuple[str, str]]:
    """(word, help) for ``incomplete`` after ``args``: commands, options or values."""
    from newtowns_cli.cli.parse import given_so_far

    if "--" in args or "=" in incomplete:
        return []
    read = given_so_far(ROOT, args, stop_at_word=True)  # the root's options
    if read is None:
        return []
    root, position = read
    if position == len(args):
        if incomplete[:1] == "-":
            return _options(ROOT, {}, incomplete)
        return [(c.name, _(c.summary)) for c in COMMANDS if c.name.startswith(incomplete)]
    command = BY_NAME.get(args[position])
    tokens = args[position + 1 :]
    if command is None:
        return []
    pending = command.param(tokens[-1]) if tokens else None
    if pending is not None and pending.flag:
        pending = None
    read = given_so_far(command, tokens[:-1] if pending else tokens)
    if read is None:
        return []
    given = read[0]
    if incomplete[:1] == "-":
        return _options(command, given, incomplete)
    data = given.get("data", root.get("data"))
    if pending is None:
        pending = next((p for p in command.arguments if p.name not in given or p.multiple), None)
    if pending is None:
        return []
    return _values(pending, command.name, given, data, incomplete, environ)


def _options(command: Any, given: dict[str, Any], incomplete: str) -> list[tuple[str, str]]:
    """Options not given yet (or repeatable), then the help option."""
    names = [
        (opt, _(param.help))
        for param in command.params
        if param.option and (param.multiple or param.name not in given)
        for opt in param.opts
    ]
    names += [(opt, _("Show this help and exit.")) for opt in HELP_OPTS]
    return [(opt, help) for opt, help in names if opt.startswith(incomplete)]


def _values(
    param: Param,
    command: str,
    given: dict[str, Any],
    data: str | None,
    incomplete: str,
    environ: Mapping[str, str],
) -> list[tuple[str, str]]:
    """The values ``param`` takes that start with ``incomplete``."""
    if param.kind == "choice":
        folded = incomplete.lower()
        return [(c, "") for c in param.choices if c.lower().startswith(folded)]
    kind = param.complete
    path = data_path(data, environ)
    if kind in ("town", "group", "source", "research", "organisation"):
        return ids(path, kind, incomplete)
    if kind == "region":
        return ids(path, "group", incomplete, kind="region")
    if kind == "command":
        return [(c.name, _(c.summary)) for c in COMMANDS if c.name.startswith(incomplete)]
    if kind == "province":
        from newtowns_cli.questions.lookup import provinces

        return provinces(incomplete)
    if kind in ("fields", "sort"):
        names = column_names(command, given.get("by"))
        if kind == "sort":
            return [(name, "") for name in names if name.startswith(incomplete)]
        done, _, last = incomplete.rpartition(",")
        prefix, chosen = (f"{done},", set(done.split(","))) if done else ("", set())
        return [(prefix + n, "") for n in names if n.startswith(last) and n not in chosen]
    return []


def data_path(data: str | None, environ: Mapping[str, str] = os.environ) -> str:
    """The file a command would read, as store.locate finds it (an empty --data: none)."""
    from newtowns_cli.reading.bundled import FOLDER

    bundled = os.path.join(FOLDER, "newtowns.toml")
    return data if data is not None else (environ.get(ENV_DATA) or bundled)


def ids(
    path: str | os.PathLike[str], table: str, incomplete: str, *, kind: str | None = None
) -> list[tuple[str, str]]:
    """(id, name or title) of the entries of ``table`` whose id starts with ``incomplete``.

    ``kind``: only the entries of that kind (the regions among the groups).
    """
    from newtowns_cli.reading.tabindex import of_file

    found = of_file(os.fspath(path), os.environ) or {}
    return [
        # zsh and fish show the name beside the id: escaped, as every text for people.
        (entry_id, _visible(name))
        for entry_id, name, entry_kind in found.get(table, ())
        if entry_id.startswith(incomplete)
        and entry_id.isprintable()  # no valid id holds a control character
        and (kind is None or entry_kind == kind)
    ]


def _visible(text: str) -> str:
    """render.text.visible, imported only for a text that is not all printable."""
    if text.isprintable():  # no control, bidi, zero-width or line-separator character
        return text
    from newtowns_cli.render.text import visible

    return visible(text)


def column_names(command: str, by: str | None = None) -> list[str]:
    """The columns of ``command``'s rows (a summary's as grouped ``by``)."""
    from newtowns_cli.render.listings import columns

    return [column.name for column in columns(command, by)[0]]
