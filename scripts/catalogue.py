"""The gettext catalogues: extract the messages with Babel, update the .po files, check them.

    python scripts/catalogue.py extract   # src/ → src/newtowns_cli/locale/newtowns.pot
    python scripts/catalogue.py update    # extract, then merge the .pot into every .po
    python scripts/catalogue.py check     # exit 1 when a catalogue is stale or incomplete

``update`` adds new messages untranslated and marks changed ones fuzzy (Babel's update,
as ``pybabel update``); translate them in the .po (by hand, Poedit or Weblate) and run
``check``. The same extraction with pybabel itself:

    pybabel extract --add-location=file --sort-by-file -k N_ -k C_:1c,2 -k phrase \\
        -k Phrase -o src/newtowns_cli/locale/newtowns.pot src
    pybabel update -D newtowns -d src/newtowns_cli/locale -i src/newtowns_cli/locale/newtowns.pot

Babel is a development tool (the test extra) and a build requirement (hatch_build.py
compiles the .mo files into the wheel); the installed tool reads .mo files with the
standard library's gettext, or a checkout's .po (reading/catalogues.py).
"""

from __future__ import annotations

import datetime
import io
import pathlib
import sys

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src"
LOCALE = SOURCE / "newtowns_cli" / "locale"
TEMPLATE = LOCALE / "newtowns.pot"
DOMAIN = "newtowns"
KEYWORDS = {
    **DEFAULT_KEYWORDS,
    "N_": None,
    "C_": ((1, "c"), 2),
    "phrase": None,
    "Phrase": None,
}
"""model/i18n.py's markers: _, N_ and ngettext as gettext has them, C_ with a context
(column headers), and a Phrase (a text machine formats keep in English)."""


def extract() -> Catalog:
    """Every marked message in src/, as a template."""
    catalog = Catalog(project="newtowns", domain=DOMAIN, charset="utf-8", fuzzy=False)
    method_map = [("**.py", "python"), ("**/templates/**.j2", "jinja2.ext:babel_extract")]
    for filename, lineno, message, comments, context in extract_from_dir(
        str(SOURCE), method_map, keywords=KEYWORDS, comment_tags=("Translators:",)
    ):
        catalog.add(
            message,
            None,
            [(filename, lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def po_files() -> list[pathlib.Path]:
    return sorted(LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def text(catalog: Catalog) -> bytes:
    """A catalogue as written to disk: files named without line numbers, sorted by file,
    no creation date (a template that changes only when a message does)."""
    catalog.creation_date = catalog.revision_date = _EPOCH
    out = io.BytesIO()
    write_po(out, catalog, width=100, sort_by_file=True, include_lineno=False)
    return out.getvalue()


def keys(catalog: Catalog) -> set[tuple[object, str | None]]:
    return {(message.id, message.context) for message in catalog if message.id}


def problems() -> list[str]:
    """What is stale or missing: the template against a fresh extraction, each .po against
    the template, and every message of each .po translated (not fuzzy, not empty)."""
    found: list[str] = []
    fresh = extract()
    with TEMPLATE.open("rb") as file:
        template = read_po(file)
    for key in sorted(keys(fresh) - keys(template), key=str):
        found.append(f"{TEMPLATE.name}: missing {key!r} (run: python scripts/catalogue.py update)")
    for key in sorted(keys(template) - keys(fresh), key=str):
        found.append(f"{TEMPLATE.name}: no longer in the code {key!r} (run: ... update)")
    for path in po_files():
        with path.open("rb") as file:
            po = read_po(file)
        name = path.relative_to(LOCALE)
        for key in sorted(keys(template) - keys(po), key=str):
            found.append(f"{name}: missing {key!r} (run: python scripts/catalogue.py update)")
        for key in sorted(keys(po) - keys(template), key=str):
            found.append(f"{name}: not in the template {key!r}")
        for message in po:
            if not message.id:
                continue
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if message.fuzzy or not all(strings):
                found.append(f"{name}: untranslated or fuzzy: {message.id!r}")
        if po.obsolete:
            found.append(f"{name}: {len(po.obsolete)} obsolete entries (delete them)")
    return found


def main(argv: list[str]) -> int:
    action = argv[0] if argv else "check"
    if action in ("extract", "update"):
        template = extract()
        TEMPLATE.write_bytes(text(template))
        if action == "update":
            for path in po_files():
                with path.open("rb") as file:
                    po = read_po(file, locale=path.parent.parent.name)
                po.update(template, no_fuzzy_matching=True)
                po.obsolete.clear()
                path.write_bytes(text(po))
        return 0
    found = problems()
    for problem in found:
        print(problem, file=sys.stderr)
    return 1 if found else 0


_EPOCH = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
