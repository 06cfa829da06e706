"""A table of the pages as HTML, written here rather than by a template macro.

A page of thousands of towns has hundreds of thousands of cells, and a Jinja2 loop over
them (a macro call, an unpacked tuple and a handful of tests per cell) was a third of the
dossier's time. This writes exactly what the macro wrote, escaping every text as the
template's autoescaping does (markupsafe's ``escape``, after ``shown``: control
characters and noncharacters as visible escapes), and hands the page the table as markup.
Nothing from the data is ever marked safe unescaped.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup, escape

from newtowns_cli.model import i18n
from newtowns_cli.render.html.context import Cell, Table


def table(t: Table, id: str = "", *, shown: Callable[[object], object]) -> Markup:
    """``t`` as ``<div class="table-wrap"><table>…</table></div>`` and a newline, each text
    passed through ``shown`` (the environment's finalize) and escaped."""

    def said(value: object) -> str:
        if type(value) is str and value.isprintable():
            return _escaped(value)  # what ``shown`` passes as it is
        return escape(shown(value))

    links: dict[int, str] = {}

    def link(n: int) -> str:
        found = links.get(n)
        if found is None:
            label = said(i18n._("source {n}").format(n=n))
            found = links[n] = f'<a class="cite" href="#source-{n}" aria-label="{label}">[{n}]</a>'
        return found

    out = ['<div class="table-wrap">\n<table']
    if id:
        out.append(f' id="{said(id)}"')
    out.append(f">\n<caption>{said(t.caption)}</caption>\n<thead><tr>")
    out += [f'<th scope="col">{said(h)}</th>' for h in t.header]
    out.append("</tr></thead>\n<tbody>\n")
    for row in t.rows:
        out.append("<tr>")
        for number, c in enumerate(row):
            out.append(_opening(number, c, said))
            text = said(c.text) if c.text else ""
            out.append(f'<a href="{said(c.href)}">{text}</a>' if c.href else text)
            for index, n in enumerate(c.cites):
                out.append(f" {link(n)}" if text or index else link(n))
            if c.via:
                out.append(" via")
                out += [f" {link(n)}" for n in c.via]
            out.append("</th>" if number == 0 else "</td>")
        out.append("</tr>\n")
    out.append("</tbody>\n</table>\n</div>\n")
    return Markup("".join(out))


def _opening(number: int, c: Cell, said: Callable[[object], str]) -> str:
    """A cell's opening tag: ``th`` for a row's first, else ``td`` with its class."""
    lang = f' lang="{said(c.lang)}"' if c.lang else ""
    if number == 0:
        return f'<th scope="row"{lang}>'
    kind = "num" if c.numeric else "nowrap" if c.nowrap else ""
    return f'<td class="{kind}"{lang}>' if kind else f"<td{lang}>"


def _escaped(text: str) -> str:
    """``text`` escaped as markupsafe's ``escape`` does (``& < > " '``), as a plain str:
    a third of the time of making a ``Markup`` for each of a page's many cells."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&#34;")
    if "'" in text:
        text = text.replace("'", "&#39;")
    return text
