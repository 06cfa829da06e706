"""The HTML dossier: one self-contained page with a map, growth charts and every table.

Rendered by Jinja2 from render/html/templates/dossier.html.j2 with autoescaping on: every text
from the data reaches the page through the template and is escaped there, never marked
safe. The SVG pictures (svgmap, svgchart) are our own markup, built with every text in
them escaped (render/svgtext.py), and are the only strings inserted as markup. No script,
font, image or style sheet is fetched: CSS and SVG are inline. Jinja2 and the SVG modules
are imported on this path only.
"""

from __future__ import annotations

import pathlib
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from newtowns_cli.model import i18n
from newtowns_cli.model.i18n import Phrase, _
from newtowns_cli.model.records import City, Source, Town
from newtowns_cli.questions import municipal
from newtowns_cli.questions.growth import Growth
from newtowns_cli.questions.lookup import Catalog
from newtowns_cli.render import curation, lines
from newtowns_cli.render.formats import markdown
from newtowns_cli.render.html import context as parts
from newtowns_cli.render.html import geometry, svgchart, svgmap, svgtext
from newtowns_cli.render.html.context import Cell, Citations, Table

if TYPE_CHECKING:
    import jinja2

TEMPLATES = pathlib.Path(__file__).parent / "templates"


def render(catalog: Catalog, towns: Sequence[Town], *, filtered: bool) -> Iterator[str]:
    """The dossier of ``towns`` as one HTML document, in pieces of about 64 KiB, each made
    as it is asked for: a page of 40 000 towns is a quarter of a gigabyte, written as it
    is made rather than held whole."""
    template = environment().get_template("dossier.html.j2")
    return pieces(template.generate(**context(catalog, towns, filtered=filtered)))


def pieces(parts: Iterable[str], size: int = 1 << 16) -> Iterator[str]:
    """``parts`` joined into pieces of at least ``size`` characters (the last may be less)."""
    batch: list[str] = []
    held = 0
    for part in parts:
        batch.append(part)
        held += len(part)
        if held >= size:
            yield "".join(batch)
            batch, held = [], 0
    if batch:
        yield "".join(batch)


def environment() -> jinja2.Environment:
    """The Jinja2 environment of the pages (dossier, brief): autoescaping on, strict."""
    import functools

    import jinja2
    import markupsafe

    from newtowns_cli.render.html import markup

    found = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_shown,
    )
    found.tests["web_address"] = markdown.is_web_address
    # Tables are written in Python (render/html/markup.py), escaped as the template would.
    found.globals["table"] = functools.partial(markup.table, shown=_shown)
    # Words for people from the catalogue (scripts/catalogue.py extracts _() from templates);
    # {lang} on <html>, dates in prose the run's way.
    found.globals.update(_=i18n._, ngettext=i18n.ngettext, lang=i18n.language())
    found.filters["prose_date"] = i18n.date
    found.filters["say"] = lambda value: str(i18n.say(value))
    # ' lang="en"' after a tag holding a data text that has no Dutch in a Dutch page.
    found.filters["lang"] = lambda value: (
        markupsafe.Markup(' lang="en"') if i18n.untranslated(value) else ""
    )
    return found


def context(catalog: Catalog, towns: Sequence[Town], *, filtered: bool) -> dict[str, object]:
    """Everything the template shows. What cites a source is built as the page is written
    (generators: context.py), in the order of the page, so sources are numbered in order
    of first citation; the list of sources is read last, when every number is given."""
    cite = Citations()
    chosen = {town.id for town in towns}
    grown = [municipal.of(town) for town in towns]
    series = [lines.from_figures(row.town.name, row.figures) for row in grown]
    relieved = {r.city for town in towns for r in town.relieves}
    cities = [c for c in catalog.dataset.city if relieved & {c.name, *c.aliases}]
    charts = map(svg, svgchart.panels([line for line in series if line.points]))
    page: dict[str, object] = {
        "meta": catalog.dataset.dataset,
        "filtered": filtered,
        "count": len(towns),
        "map": [svg(part) for part in town_map(catalog, towns, cities)],
        "towns": parts.towns_table(towns, cite),
        "charts": charts,
        "growth": _growth_table(grown, cite),
        "designations": parts.designations(towns, cite),
        "places": _places(towns, grown, series, cite),
        "cities": _cities(cities, cite),
        "any_cities": bool(cities),
        "groups": parts.groups(catalog, chosen, cite),
        "research": parts.research(catalog, chosen, cite),
        "timeline": parts.timeline(catalog, chosen, filtered, cite),
    }
    page["summary"], page["notes"] = parts.summary(catalog, towns)
    page["claims"] = None if filtered else parts.claims(catalog, cite)
    page["sources"] = cited(catalog, cite)
    return page


def cited(catalog: Catalog, cite: Citations) -> Iterator[tuple[int, Source]]:
    """Each source cited, by its number: read when the page reaches its list of sources."""
    by_id = {source.id: source for source in catalog.dataset.source}
    yield from ((number, by_id[id]) for id, number in cite.order.items())


def _places(
    towns: Sequence[Town],
    grown: Sequence[municipal.PlaceGrowth],
    series: Sequence[lines.Line],
    cite: Citations,
) -> Iterator[dict[str, object]]:
    """Each town's section: its mini chart (of its line in ``series``), its figures by date
    and the decades with none."""
    for town, row, line in zip(towns, grown, series, strict=True):
        title = _("{name}: municipal population").format(name=town.name)
        mini = svgchart.mini(line, title=title, ident=f"mini-{town.id}") if row.figures else None
        yield {
            "town": town,
            "anchor": f"town-{town.id}",
            "mini": None if mini is None else svg(mini),
            "note": row.note,
            "tables": [parts.series(town, cite)],
            "gaps": curation.gap_decades(town),
        }  # fmt: skip


def _shown(value: object) -> object:
    """Every text the template writes, before it is escaped: control characters and
    noncharacters as visible escapes, as in SVG text (raw, they are parse errors, and
    browsers drop NUL); tab and newline stay, which HTML reads as white space. The SVG
    pictures (markup already made safe) pass as they are, and so does printable text. A
    Phrase is said in the run's language."""
    if isinstance(value, Phrase):
        value = value.say()
    if type(value) is str and not value.isprintable():
        return svgtext.safe(value, keep="\t\n")
    return value


def svg(markup: str) -> object:
    """An SVG picture of ours as markup: built by svgmap/svgchart, every text in it escaped
    (render/svgtext.py; tests/test_svgmap.py and test_svgchart.py try hostile text)."""
    from markupsafe import Markup

    return Markup(markup)


def town_map(
    catalog: Catalog, towns: Sequence[Town], cities: Sequence[City], width: float = 560
) -> tuple[str, str]:
    """The map of ``towns``, each marked by the city it relieves (``cities``, as stars), and
    its legend as a picture of its own (beside the map, or under it on a narrow screen)."""
    names = {}
    for city in catalog.dataset.city:
        for name in (city.name, *city.aliases):
            names[name] = city.name
    places = [
        svgmap.Place(
            town.name,
            town.location[0].lat,
            town.location[0].lon,
            names.get(town.relieves[0].city, town.relieves[0].city) if town.relieves else None,
        )
        for town in towns
        if town.location
    ]
    marked = [
        svgmap.City(city.name, city.location[0].lat, city.location[0].lon)
        for city in catalog.dataset.city
        if city in cities and city.location
    ]
    # "map-svg": the section heading has the id "map-title" (ids are unique in a page).
    shape = geometry.load()
    return (
        svgmap.render(shape, places, marked, width=width, ident="map-svg", legend=False),
        svgmap.key(shape, places, marked, width=width, ident="map-key"),
    )


def _growth_table(grown: Sequence[municipal.PlaceGrowth], cite: Citations) -> Table:
    header = (
        _("Town"),
        _("First"),
        _("Designation era"),
        _("Latest"),
        _("Factor"),
        _("Yearly %"),
        _("Since the first"),
        _("Note"),
    )
    return Table(
        _("Growth from municipal figures: first, designation-era and latest figure"),
        header,
        _growth_rows(grown, cite),
    )


def _growth_rows(
    grown: Sequence[municipal.PlaceGrowth], cite: Citations
) -> Iterator[tuple[Cell, ...]]:
    for row in grown:
        result = row.result
        cells = [Cell(row.town.name, href=f"#town-{row.town.id}")]
        if isinstance(result, Growth):
            for figure in (result.first, result.era, result.latest):
                if figure is None:
                    cells.append(Cell(numeric=True))
                else:
                    text = f"{parts.number(figure.count)} ({figure.date})"
                    cells.append(cite(text, *figure.sources, numeric=True))
            factor = "" if result.factor is None else "×" + i18n.number(result.factor, ".2f")
            rate = "" if result.rate is None else i18n.number(result.rate * 100, ".2f")
            first = result.factor_since_first
            year = result.first.date.year
            since = "" if first is None else f"×{i18n.number(first, '.2f')} ({year})"
            cells += [Cell(factor, numeric=True), Cell(rate, numeric=True)]
            cells.append(Cell(since, numeric=True))
        else:
            cells += [Cell(numeric=True)] * 6
        cells.append(parts.plain(row.note))
        yield tuple(cells)


def _cities(cities: Sequence[City], cite: Citations) -> Table:
    return Table(
        _("The relieved cities and where they are"),
        (_("City"), _("Location"), _("Note")),
        _city_rows(cities, cite),
    )


def _city_rows(cities: Sequence[City], cite: Citations) -> Iterator[tuple[Cell, ...]]:
    for city in cities:
        where = city.location[0] if city.location else None
        yield (
            parts.plain(city.name),
            cite(
                _("{lat}, {lon}").format(lat=i18n.count(where.lat), lon=i18n.count(where.lon)),
                where.source,
            )
            if where
            else Cell(),
            parts.prose(city.note),
        )  # fmt: skip
