"""What the HTML dossier shows, as plain values for its template (render/html/templates/).

Pure: a catalog in, dataclasses of text out. Nothing here writes HTML: the template does,
with autoescaping, so every text from the data is escaped there. A figure is a ``Cell``:
its text and the numbers of its sources, numbered in order of first citation, as in the
Markdown report (render/report.py); the numbering follows the order of the page, so the
parts are built in that order. The parts with a row or an item per town are built as the
page is written (a table's rows, a list of parts: generators), so a page of 40 000 towns
never holds them all; they are read once, in the order of the page.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from newtowns_cli.model import i18n
from newtowns_cli.model.dates import PartialDate
from newtowns_cli.model.frozen import Frozen
from newtowns_cli.model.i18n import _, say
from newtowns_cli.model.records import Population, Town
from newtowns_cli.questions.claims import check_all
from newtowns_cli.questions.comparable import relation_words
from newtowns_cli.questions.growth import unit_words
from newtowns_cli.questions.lookup import Catalog
from newtowns_cli.questions.select import anchor
from newtowns_cli.questions.summary import summarize
from newtowns_cli.questions.timeline import entries
from newtowns_cli.render.documents import report_series


class Cell(Frozen):
    """A table cell: text, and the source numbers it cites (links to #source-n)."""

    text: str = ""
    cites: tuple[int, ...] = ()
    numeric: bool = False
    nowrap: bool = False
    """A date or an id: kept on one line."""
    href: str = ""
    """A link within the page (a town's section)."""
    via: tuple[int, ...] = ()
    """The sources a figure was read through, after its origin (``cites``)."""
    lang: str = ""
    """The text's language where it is not the page's (``en`` for a data text with no
    Dutch, in a Dutch page)."""

    def __init__(
        self,
        text: str = "",
        cites: tuple[int, ...] = (),
        numeric: bool = False,
        nowrap: bool = False,
        href: str = "",
        via: tuple[int, ...] = (),
        lang: str = "",
    ) -> None:
        # Frozen's shared __init__ reads the fields one by one; a page of thousands of
        # towns makes hundreds of thousands of cells, and this is a tenth of the time.
        setter = object.__setattr__
        setter(self, "text", text)
        setter(self, "cites", cites)
        setter(self, "numeric", numeric)
        setter(self, "nowrap", nowrap)
        setter(self, "href", href)
        setter(self, "via", via)
        setter(self, "lang", lang)


class Citations:
    """Numbers sources in order of first citation."""

    def __init__(self) -> None:
        self.order: dict[str, int] = {}

    def __call__(self, text: object, *sources: str, numeric: bool = False) -> Cell:
        order = self.order
        if len(sources) == 1:  # most figures cite one source
            numbers: tuple[int, ...] = (order.setdefault(sources[0], len(order) + 1),)
        else:
            numbers = tuple(
                order.setdefault(source, len(order) + 1) for source in dict.fromkeys(sources)
            )
        if type(text) is not str:
            text = "" if text is None else str(i18n.say(text))
        return Cell(text, numbers, numeric)

    def figure(self, text: str, figure: Population) -> Cell:
        """A figure citing its origin first, then 'via' the source it was read through."""
        if figure.original is None:
            return self(text, figure.source, numeric=True)
        cell = self(text, figure.original, numeric=True)
        return Cell(cell.text, cell.cites, True, via=self("", figure.source).cites)


class Table(Frozen):
    """A table: its caption, header and rows of cells; ``numeric`` columns align right.
    The rows may be a generator, built as the table is written (read them once)."""

    caption: str
    header: tuple[str, ...]
    rows: Iterable[tuple[Cell, ...]]


class Part(Frozen):
    """A titled part of a section (a group, a study): a line of facts, a table, a list."""

    title: str
    facts: tuple[Cell, ...] = ()
    description: str = ""
    table: Table | None = None
    items: tuple[str, ...] = ()
    anchor: str = ""


def plain(value: object) -> Cell:
    if type(value) is str:
        return Cell(value)
    return Cell("" if value is None else str(i18n.say(value)))


def prose(value: object) -> Cell:
    """A free text of the data in the run's language; English in a Dutch page (the data
    gives no Dutch) is marked as English."""
    return Cell(
        "" if value is None else str(i18n.say(value)),
        lang="en" if i18n.untranslated(value) else "",
    )


def day(value: object) -> Cell:
    """A date (or a kind): never broken over lines."""
    if type(value) is str:
        return Cell(value, (), False, True)
    return Cell("" if value is None else str(i18n.say(value)), nowrap=True)


def number(value: float | None) -> str:
    """A figure for people: 12,345 or 12.5."""
    if value is None:
        return ""
    return i18n.number(value, "," if isinstance(value, int) else ",.1f")


def date(value: PartialDate | None) -> str:
    return "" if value is None else str(value)


def figures(town: Town) -> list[Population]:
    given = (town.population, *town.population_history) if town.population else ()
    return sorted(given or town.population_history, key=lambda p: p.as_of.key())


def unit(figure: Population) -> str:
    if figure.unit == "municipality" and figure.unit_name is None:
        return str(i18n.say(unit_words("municipality")))
    return f"{i18n.say(unit_words(figure.unit))} {figure.unit_name or ''}".strip()


def towns_table(towns: Sequence[Town], cite: Citations) -> Table:
    header = (_("Town"), _("Municipality"), _("Province"), _("Status"), _("Designated"),
              _("Population"), _("As of"), _("Area km²"))  # fmt: skip
    return Table(
        _("The towns, with their reference population figure (the one totals add)"),
        header,
        _town_rows(towns, cite),
    )


def _town_rows(towns: Sequence[Town], cite: Citations) -> Iterator[tuple[Cell, ...]]:
    for town in towns:
        first = anchor(town)
        population = town.population
        shown = ""
        if population is not None:
            shown = number(population.count)
            if population.unit != "municipality":
                shown += f" ({unit(population)})"
        area = town.area[0] if town.area and town.area[0].total is not None else None
        yield (
            Cell(town.name, href=f"#town-{town.id}"),
            plain(town.municipality),
            plain(town.province),
            plain(town.status),
            cite(say(first.label()), first.source) if first else Cell(),
            cite.figure(shown, population) if population else Cell(numeric=True),
            day(date(population.as_of) if population else ""),
            cite(number(area.total), area.source, numeric=True) if area else Cell(numeric=True),
        )  # fmt: skip


def designations(towns: Sequence[Town], cite: Citations) -> Table:
    """Every designation fact; a town's undated mentions (a source calling it designated,
    with no date, act or policy) as one row citing each such source."""
    return Table(
        _("What each source says about a town's designation"),
        (_("Town"), _("Date"), _("Kind"), _("Policy"), _("Source")),
        _designation_rows(towns, cite),
    )


def _designation_rows(towns: Sequence[Town], cite: Citations) -> Iterator[tuple[Cell, ...]]:
    for t in towns:
        mentions = []
        for d in report_series.by_date(t):
            if d.kind == "mention" and d.date is None and not d.policy:
                mentions.append(d.source)
                continue
            yield (
                plain(t.name),
                day(date(d.date)),
                day(d.kind),
                plain(d.policy),
                cite("", d.source),
            )
        if mentions:
            yield (plain(t.name), day(""), day("mention"), plain(""), cite("", *mentions))


def series(town: Town, cite: Citations) -> Table:
    """A town's figures by date: municipal figures and other units in separate columns."""
    rows = []
    for figure in figures(town):
        qualifier = f"{i18n.say(relation_words(figure.qualifier))} " if figure.qualifier else ""
        count = cite.figure(qualifier + number(figure.count), figure)
        municipal = figure.unit == "municipality"
        rows.append((
            day(date(figure.as_of)),
            count if municipal else Cell(numeric=True),
            Cell(numeric=True) if municipal else count,
            plain(unit(figure)),
        ))  # fmt: skip
    return Table(
        _("Population figures of {name}").format(name=town.name),
        (_("As of"), _("Municipality"), _("Other unit"), _("Unit")),
        tuple(rows),
    )


def groups(catalog: Catalog, chosen: set[str], cite: Citations) -> Iterator[Part]:
    for group in catalog.dataset.group:
        members = [m for m in group.members if m.town in chosen]
        if not members:
            continue
        facts = [plain(i18n.pgettext("group kind", group.kind))]
        if group.founded:
            founded = _("founded {date}").format(date=i18n.date(group.founded.date))
            facts.append(cite(founded, group.founded.source))
        facts.append(cite(_("sources"), *group.sources))
        rows = tuple(
            (
                plain(catalog.towns[m.town].name),
                day(date(m.since)),
                day(date(m.until)),
                day(date(m.as_of)),
                cite("", m.source),
            )
            for m in members
        )
        header = (_("Town"), _("Since"), _("Until"), _("Named as member on"), _("Source"))
        table = Table(_("Members of {name}").format(name=group.name), header, rows)
        yield Part(
            group.name, tuple(facts), group.description or "", table, anchor=f"group-{group.id}"
        )


def research(catalog: Catalog, chosen: set[str], cite: Citations) -> Iterator[Part]:
    organisations = {o.id: o.name for o in catalog.dataset.organisation}

    def name(ref: str) -> str:
        found = organisations.get(ref)
        return found or (catalog.groups[ref].name if ref in catalog.groups else ref)

    for study in catalog.dataset.research:
        if study.towns and not set(study.towns) & chosen:
            continue
        facts = []
        if study.performed_by:
            names = ", ".join(name(o) for o in study.performed_by)
            facts.append(plain(_("By {names}").format(names=names)))
        if study.commissioned_by:
            names = ", ".join(name(o) for o in study.commissioned_by)
            facts.append(plain(_("Commissioned by {names}").format(names=names)))
        if study.published:
            when = i18n.date(study.published.date)
            facts.append(cite(_("Published {date}").format(date=when), study.published.source))
        if study.presented:
            when = i18n.date(study.presented.date)
            facts.append(cite(_("Presented {date}").format(date=when), study.presented.source))
        facts.append(cite(_("sources"), *study.sources))
        yield Part(
            study.title, tuple(facts), items=tuple(study.findings), anchor=f"study-{study.id}"
        )


def timeline(catalog: Catalog, chosen: set[str], filtered: bool, cite: Citations) -> Table:
    def rows() -> Iterator[tuple[Cell, ...]]:
        for e in entries(catalog.dataset):
            if not filtered or not e.towns or set(e.towns) & chosen:
                yield (day(str(e.date)), day(e.kind), prose(e.what), cite("", *e.sources))

    header = (_("Date"), _("Kind"), _("What"), _("Sources"))
    return Table(_("Every dated fact, in order"), header, rows())


def summary(catalog: Catalog, towns: Sequence[Town]) -> tuple[list[Table], tuple[str, ...]]:
    tables = []
    for by in ("province", "status"):
        result = summarize(catalog, towns, by)
        rows = tuple(
            (
                plain(r.key),
                Cell(str(len(r.towns)), numeric=True),
                Cell(number(r.population), numeric=True),
                Cell(number(r.share), numeric=True),
                Cell(number(r.area_km2), numeric=True),
                Cell(number(r.density), numeric=True),
            )
            for r in (*result.rows, result.total)
        )
        by_name = _("Province") if by == "province" else _("Status")
        header = (by_name, _("Towns"), _("Population"), _("Share %"), _("Area km²"), _("Per km²"))
        caption = (
            _("Towns, population and area by province")
            if by == "province"
            else _("Towns, population and area by status")
        )
        tables.append(Table(caption, header, rows))
    return tables, summarize(catalog, towns).notes


def claims(catalog: Catalog, cite: Citations) -> Table:
    rows = (
        (
            cite(f"“{c.claim.statement}”", c.claim.source),
            Cell(
                f"{i18n.say(relation_words(c.claim.relation))} {number(c.claim.value)}", nowrap=True
            ),
            Cell(number(c.computed), numeric=True),
            day(c.verdict),
            plain(c.why),
        )
        for c in check_all(catalog)
    )
    header = (_("Claim"), _("Claimed"), _("Computed"), _("Verdict"), _("Why"))
    return Table(_("Published figures held against the data"), header, rows)
