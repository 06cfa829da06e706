"""The command line as one table of our own: every command, its parameters and its help.

Everything the command line shows and accepts is declared here once, and read by the
parser (parse.py), the help pages (helptext.py), Tab presses (complete.py), docs/cli.md
(scripts/cli_reference.py) and the typer app (typer_app.py). The command bodies in run*.py
take these parameters by name. Imported on every run, so it stays light: no typing, no enum.
"""

from __future__ import annotations

from newtowns_cli.model.i18n import C_, N_, pgettext
from newtowns_cli.model.vocabulary import TIMELINE_KIND

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from typing import Any

ENV_DATA = "NEWTOWNS_DATA"
COMPLETE_VAR = "_NEWTOWNS_COMPLETE"
"""The environment variable through which a shell asks for completions."""
HELP_OPTS = ("-h", "--help")
FILTERS, OUTPUT, OPTIONS = "Filters", "Output", "Options"
"""The sections of a command's help, in this order."""


METAVARS = (
    C_("metavar", "FILE"), C_("metavar", "CHAR"), C_("metavar", "FIELD"),
    C_("metavar", "FORMAT"), C_("metavar", "NAME"), C_("metavar", "STATUS"),
    C_("metavar", "CITY"), C_("metavar", "YEAR"), C_("metavar", "DATE"), C_("metavar", "TEXT"),
    C_("metavar", "TOWN"), C_("metavar", "ID"), C_("metavar", "KIND"), C_("metavar", "KEY"),
    C_("metavar", "LANG"), C_("metavar", "SHELL"), C_("metavar", "COMMAND"),
)  # fmt: skip
"""Every metavar but N and A,B,... (the same in every language), marked for the catalogue:
help pages and usage errors show them in the run's language."""


class Declared:
    """Fields annotated on the class, with their defaults there too: the ``REQUIRED`` ones
    given in order, the others by keyword (tests/test_cli_paths.py holds every keyword to a
    field). Not a Frozen value: this table is built on every run, and plain attributes cost
    a fraction of the time."""

    REQUIRED: tuple[str, ...] = ()

    def __init__(self, *required: Any, **more: Any) -> None:
        self.__dict__.update(zip(self.REQUIRED, required, strict=True), **more)


class Param(Declared):
    """One option or argument.

    ``opts``: its spellings, none for a positional argument; ``kind``: "str", "int",
    "flag" or "choice" (handed to the command in the choice's own spelling); ``multiple``:
    an option given more than once, or an argument taking the rest;
    ``complete``: what a Tab press completes it to (complete._values).
    """

    REQUIRED = ("name", "opts", "help")
    name: str
    opts: tuple[str, ...]
    help: str
    metavar: str = ""
    kind: str = "str"
    choices: tuple[str, ...] = ()
    multiple: bool = False
    required: bool = False
    minimum: int | None = None
    complete: str = ""
    section: str = OPTIONS

    @property
    def option(self) -> bool:
        return bool(self.opts)

    @property
    def flag(self) -> bool:
        return self.kind == "flag"

    @property
    def shown(self) -> str:
        """The metavar in the run's language: FILE, or BESTAND in Dutch."""
        return pgettext("metavar", self.metavar)

    def label(self) -> str:
        """How the usage line and the help name it: ``--limit N``, ``[TOWN]...``."""
        if not self.option:
            shown = self.shown if self.required else f"[{self.shown}]"
            return shown + ("..." if self.multiple else "")
        names = ", ".join(self.opts)
        return names if self.flag else f"{names} {self.shown}"


class Command(Declared):
    """A command: its name, its help (a summary line, more text, one example) and params."""

    REQUIRED = ("name", "summary", "params")
    name: str
    summary: str
    params: tuple[Param, ...]
    text: str = ""
    example: str = ""
    aliases: tuple[str, ...] = ()

    def param(self, opt: str) -> Param | None:
        """The option spelled ``opt``."""
        return next((p for p in self.params if opt in p.opts), None)

    @property
    def arguments(self) -> list[Param]:
        return [p for p in self.params if not p.option]


def _opt(name: str, help: str, metavar: str = "", **more: Any) -> Param:
    """An option spelled --name (underscores as dashes) unless ``opts`` says otherwise."""
    opts = more.pop("opts", ("--" + name.replace("_", "-"),))
    return Param(name, opts, help, metavar=metavar, **more)


def _flag(name: str, help: str, **more: Any) -> Param:
    return _opt(name, help, kind="flag", **more)


def _choice(name: str, help: str, choices: str, **more: Any) -> Param:
    metavar = more.pop("metavar", "FORMAT")
    return _opt(name, help, metavar, kind="choice", choices=tuple(choices.split()), **more)


def _argument(name: str, metavar: str, help: str, **more: Any) -> Param:
    return Param(name, (), help, metavar=metavar, **more)


# fmt: off
DATA = _opt("data", N_("Data file to read (default: as given before the command, else "
            "$NEWTOWNS_DATA, else the bundled data)."), "FILE")
OUTPUT_FILE = _opt("output", N_("Write to FILE instead of stdout, atomically; never over the "
                   "data file. The extension names the format; - is stdout."), "FILE",
                   opts=("--output", "-o"), section=OUTPUT)
FORCE = _flag("force", N_("Let --output replace a file."), section=OUTPUT)
NO_COLOR = _flag("no_color", N_("Never use colour."), section=OUTPUT)
DELIMITER = _opt("delimiter", N_("With csv: separate values with CHAR instead of a comma (e.g. "
                 "';' for a Dutch spreadsheet's import)."), "CHAR", opts=("--delimiter", "-d"),
                 section=OUTPUT)
LANG = _choice("lang", N_("Language for people: nl (Dutch) or en (English); machine formats are "
              "the same in both (default: $NEWTOWNS_LANG, else the locale, else English)."),
              "nl en", metavar="LANG")
LISTING = (
    _opt("sort", N_("Sort by this column (empty values last)."), "FIELD", complete="sort",
         section=OUTPUT),
    _flag("reverse", N_("Reverse the order."), section=OUTPUT),
    _opt("limit", N_("Show at most N rows."), "N", kind="int", minimum=0, section=OUTPUT),
    _opt("fields", N_("Columns to show, in order; 'all' for every column, 'help' to list them."),
         "A,B,...", complete="fields", section=OUTPUT),
    _choice("fmt", N_("Output format (default: from the --output extension, else table on a "
            "terminal and tsv in a pipe). xlsx is a workbook, written with --output only: "
            "numbers as numbers, full dates as dates, a sheet of the sources cited."),
            "table tsv csv json jsonl md xlsx", opts=("--format", "-f"),
            section=OUTPUT),
    DELIMITER, OUTPUT_FILE, FORCE, NO_COLOR, DATA,
)
"""The output options of every listing, declared once (as sqlite-utils' output_options)."""

TOWN_FILTERS = tuple(
    _opt(name, help, metavar, section=FILTERS, **more)
    for name, metavar, help, more in (
        ("region", "NAME", N_("In this regional cooperation (id, name or alias, e.g. MRA)."),
         {"complete": "region"}),
        ("group", "NAME", N_("Member of this group (id, name or alias)."), {"complete": "group"}),
        ("province", "NAME", N_("In this province (name, or code: ZH or NL-ZH)."),
         {"complete": "province"}),
        ("status", "STATUS", N_("groeikern or groeistad."),
         {"kind": "choice", "choices": ("groeikern", "groeistad")}),
        ("relieves", "CITY", N_("Took the overflow of this city."), {}),
        ("designated_from", "YEAR", N_("First designated in or after YEAR."), {"kind": "int"}),
        ("designated_to", "YEAR", N_("First designated in or before YEAR."), {"kind": "int"}),
        ("min_population", "N", N_("Latest population at least N."), {"kind": "int", "minimum": 0}),
        ("max_population", "N", N_("Latest population at most N."), {"kind": "int", "minimum": 0}),
        ("member_as_of", "DATE",
         N_("With --group or --region: member on DATE (2022, 2022-11 ...)."),
         {}),
        ("search", "TEXT", N_("TEXT in id, name, alias or municipality."), {}),
    )
)
"""The town filters: every one given must hold."""
_ONE = tuple(
    p for p in LISTING if p.name in ("fmt", "delimiter", "output", "force", "no_color", "data")
)
"""The output options of one item shown in full."""


def _listing(name: str, summary: str, wanted: str, complete: str, example: str) -> Command:
    """groups, research, organisations and sources: every item as rows, or one in full."""
    argument = _argument("wanted", "ID", wanted, complete=complete)
    return Command(name, summary, (argument, *LISTING), example=example)


COMMANDS: tuple[Command, ...] = (
    Command("list", N_("List the New Towns, one row per town; filters combine (AND)."),
            (*TOWN_FILTERS, *LISTING),
            example="newtowns list --region MRA --sort population --reverse --format json"),
    Command("filter",
            N_("Write the towns the filters select as a new data file, with what they cite."),
            (*TOWN_FILTERS, OUTPUT_FILE, FORCE, DATA),
            text=N_("The result is a valid data file (TOML: what export --format toml writes) "
            "of the selected towns and the groups, research, organisations, events, claims and "
            "sources about them; read it with --data."),
            example="newtowns filter --region MRA -o mra.toml"),
    Command("show", N_("Show every fact about one town, with the source behind each figure."),
            (_argument("town", "TOWN",
                       N_("Town id, name, alias or municipality (e.g. Nissewaard)."),
                       required=True, complete="town"),
             _flag("notes", N_("Also show the curation notes: where one looked, what was not "
                   "re-read, the gaps' search queries.")),
             *_ONE),
            example="newtowns show nissewaard --format md"),
    _listing("groups",
             N_("List the alliances, networks, programmes and regions, or show one with its "
                "members."),
             N_("Group id, name or alias: show it in full."), "group",
             'newtowns groups "New Towns Alliantie"'),
    _listing("research",
             N_("List the research about the New Towns, or show one study with its findings."),
             N_("Research id or title: show it in full."), "research",
             "newtowns research zorgen-voor-new-towns"),
    _listing("organisations",
             N_("List the ministries, institutes and bureaus involved, or show one in full."),
             N_("Organisation id, name or alias: show it in full."), "organisation",
             "newtowns organisations platform31"),
    _listing("sources", N_("List the sources, or show one with every fact that cites it."),
             N_("Source id: show it in full."), "source", "newtowns sources mra-2023-12-04"),
    Command("timeline", N_("Every dated fact in one chronological list, derived from the data."),
            (_opt("start", N_("From DATE (a year, month or day)."), "DATE", opts=("--from",)),
             _opt("end", N_("Up to DATE (a year, month or day)."), "DATE", opts=("--to",)),
             _opt("town", N_("Only entries about this town."), "NAME", complete="town"),
             _opt("group", N_("Only entries about this group."), "NAME", complete="group"),
             _opt("kind", N_("Only this kind of entry; repeat for more."), "KIND",
                  multiple=True, kind="choice", choices=TIMELINE_KIND),
             _flag("chart", N_("Draw the entries on a decade axis instead.")),
             *LISTING),
            text=N_("Entries on the same date come in a fixed order of kind; a year-only date "
            "comes before the months and days of that year."),
            example="newtowns timeline --from 2020 --chart"),
    Command("summarise",
            N_("Count the towns and add up population and area, in total or grouped --by."),
            (_choice("by", N_("Group the towns by this."),
                     "province region group status decade relieves",
                     metavar="KEY"),
             *TOWN_FILTERS, *LISTING),
            text=N_("--sort, --reverse and --limit order and cut the groups; the total counts "
            "every town."),
            example="newtowns summarise --by province", aliases=("summary",)),
    Command("growth",
            N_("How much each place grew: first, designation-era and latest municipal figure."),
            (_argument("towns", "TOWN",
                       N_("Only these towns (id, name, alias or municipality), in this order."),
                       multiple=True, complete="town"),
             _flag("chart", N_("Draw the municipal series on the terminal instead.")),
             _flag("log", N_("With --chart: a log scale (equal steps, equal factors).")),
             _flag("latest", N_("End at each place's newest municipal figure instead of the "
                   "reference figure every other view shows.")),
             *TOWN_FILTERS, *LISTING),
            text=N_("Growth is counted from the designation: the earliest official one, else "
            "the earliest dated decision, founding or policy. The era figure is the municipal "
            "figure nearest it, within 10 years; growth, factor (latest / era) and compound "
            "yearly rate run from there to the reference figure every view shows (--latest: "
            "the newest). Every place with two figures also has its growth since the first "
            "one. Municipal figures only; the note names the mergers a factor spans and says "
            "why a row has no factor. --chart draws the series: one chart for up to four "
            "places, else one small chart per place."),
            example="newtowns growth almere lelystad --chart --log"),
    Command("claims", N_("Hold each published figure against the data: consistent, not "
            "consistent or not comparable."), LISTING, example="newtowns claims --format md"),
    Command("report", N_("Write the data set (or the towns the filters select) as one "
            "document."),
            (_choice("fmt", N_("md or html (default: from the --output extension, else md)."),
                     "md html", opts=("--format", "-f"),
                     section=OUTPUT),
             _flag("brief", N_("The essentials on two printed A4 pages: the map, the towns with "
                   "their designation, population and growth, the claims and the sources."),
                   section=OUTPUT),
             _flag("open", N_("Write the HTML page to a private temporary file (or to "
                   "--output), open it in your browser and print its path."), section=OUTPUT),
             _flag("no_pager",
                   N_("On a terminal, print the rendered report without a pager.")),
             *TOWN_FILTERS, OUTPUT_FILE, FORCE, NO_COLOR, DATA),
            text=N_("Every figure links to a numbered list of sources. Markdown by default; on "
            "a terminal it is shown rendered, through a pager ($PAGER, else less) when longer "
            "than the screen. --format html (or -o NAME.html) writes one self-contained page "
            "with a map and growth charts, to open offline or print; it goes to a file or a "
            "pipe, never to a terminal (--open shows it in your browser)."),
            example="newtowns report --brief -o brief.html"),
    Command("validate",
            N_("Check a data file and report every problem as file:line:col: path: message."),
            (_argument("file", "FILE", N_("Data file to check (default: as --data).")),
             _choice("fmt", N_("Report format."), "text json",
                     opts=("--format", "-f")),
             _flag("gaps", N_("Also list the decades with no municipal figure and where one "
                   "looked.")),
             DATA),
            text=N_("Exit 0 when the file is valid, 1 when it has problems. With --gaps and "
            "--format json, an object with the problems and the gaps."),
            example="newtowns validate data/newtowns.toml --format json"),
    Command("export",
            N_("Export the data set, or the towns the filters select, for other tools."),
            (_choice("fmt", N_("Format (default: from the --output extension, else toml)."),
                     "toml json csv geojson sqlite xlsx",
                     opts=("--format", "-f"), section=OUTPUT),
             DELIMITER, *TOWN_FILTERS, OUTPUT_FILE, FORCE, DATA),
            text=N_("toml: a new, self-contained data file that validates; json: the same as "
            "JSON; csv: the towns with every field; geojson: one point per town; sqlite: every "
            "field in a database, a table per entity, with views that keep municipal figures "
            "apart (needs --output); xlsx: a workbook with a sheet per table, the columns "
            "the listings have, numbers as numbers and full dates as dates (needs --output)."),
            example="newtowns export --format sqlite -o newtowns.db"),
    Command("schema", N_("Print the JSON Schema of the data file, for editors and CI."),
            (_flag("generate", N_("Generate it from the code instead (slower).")), OUTPUT_FILE,
             FORCE),
            text=N_("The data file names it in its first line (#:schema), so Taplo-based "
            "editors check and complete as you type."),
            example="newtowns schema -o newtowns.schema.json"),
    Command("completion",
            N_("Print the shell completion script; no startup file is changed."),
            (_choice("shell", N_("bash, zsh or fish."), "bash zsh fish",
                     metavar="SHELL", opts=(), required=True),),
            text=N_("Save it where the shell looks for it, then open a new shell: for bash "
            "~/.local/share/bash-completion/completions/newtowns, for zsh a folder in $fpath "
            "as _newtowns, for fish ~/.config/fish/completions/newtowns.fish."),
            example="newtowns completion fish > ~/.config/fish/completions/newtowns.fish"),
    Command("help", N_("Print the help of a command, as COMMAND --help does."),
            (_argument("topic", "COMMAND", N_("The command to explain."), complete="command"),),
            example="newtowns help list"),
)
"""Every command, in the order of the help."""
# fmt: on
for _command in COMMANDS:  # --lang after the command too, where it wins over one before it
    _command.params = (*_command.params, LANG)

BY_NAME: dict[str, Command] = {c.name: c for c in COMMANDS} | {
    alias: c for c in COMMANDS for alias in c.aliases
}
"""Every command by its name and its other names."""

ROOT = Command(
    "newtowns",
    N_("Query the sourced data set about the Dutch New Towns (groeikernen)."),
    (
        _flag("version", N_("Print the version and exit.")),
        _opt(
            "data",
            N_(
                "Data file every command reads (default: $NEWTOWNS_DATA, else the bundled "
                "data); a command's own --data wins."
            ),
            "FILE",
        ),
        LANG,
    ),
    text=N_(
        "Data goes to stdout, messages to stderr. Exit codes: 0 success; 1 invalid data, or "
        "an output that cannot be written; 2 usage error; 3 not found; 130 interrupted."
    ),
)
"""The options before the command."""
