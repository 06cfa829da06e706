"""The Dutch catalogue is read without the gettext module (half a `python -c pass` of
imports on every Dutch run), and answers every message as gettext does."""

from __future__ import annotations

import gettext
import io
import os
import pathlib

import pytest
from babel.messages.pofile import read_po
from test_imports import _imported

from newtowns_cli.reading import catalogues
from newtowns_cli.reading.catalogues import Catalogue

# The catalogue in the repository: an installed wheel carries only the compiled .mo.
PO = pathlib.Path(__file__).parents[1] / "src/newtowns_cli/locale/nl/LC_MESSAGES/newtowns.po"


def test_every_message_reads_as_gettext_reads_it() -> None:
    """gettext, ngettext (0, 1, 2 and 5) and pgettext give what GNUTranslations gives."""
    data = catalogues.compile_po(PO.read_text(encoding="utf-8"))
    ours, theirs = Catalogue(data), gettext.GNUTranslations(io.BytesIO(data))
    with PO.open("rb") as file:
        messages = [m for m in read_po(file) if m.id]
    assert len(messages) > 500
    for m in messages:
        if isinstance(m.id, tuple):
            for n in (0, 1, 2, 5):
                assert ours.ngettext(*m.id, n) == theirs.ngettext(*m.id, n)
        elif m.context:
            assert ours.pgettext(m.context, m.id) == theirs.pgettext(m.context, m.id)
        else:
            assert ours.gettext(m.id) == theirs.gettext(m.id)
    assert ours.gettext("not in the catalogue") == "not in the catalogue"
    assert ours.ngettext("{n} thing", "{n} things", 2) == "{n} things"


def test_a_big_endian_file_and_another_plural_rule_read_too() -> None:
    header = "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=3; plural=(n==1 ? 0 : n==2 ? 1 : 2);\n"
    entries = [("", header), ("a", "b"), ("x\0xs", "een\0twee\0veel")]
    keys, values = [k.encode() for k, _ in entries], [v.encode() for _, v in entries]
    position, table = 28 + 16 * len(entries), []
    for texts in (keys, values):
        for text in texts:
            table += [len(text), position]
            position += len(text) + 1
    import struct

    head = struct.pack(">7I", 0x950412DE, 0, len(entries), 28, 28 + 8 * len(entries), 0, 0)
    data = head + struct.pack(f">{len(table)}I", *table)
    data += b"".join(t + b"\0" for t in keys) + b"".join(t + b"\0" for t in values)
    catalogue = Catalogue(data)
    assert catalogue.gettext("a") == "b"
    assert [catalogue.ngettext("x", "xs", n) for n in (1, 2, 3)] == ["een", "twee", "veel"]
    with pytest.raises(ValueError):
        Catalogue(b"\0" * 28)


def test_a_dutch_run_does_not_import_gettext(tmp_path: pathlib.Path) -> None:
    for args in (["--help"], ["list", "-f", "json"], ["list", "--regoin", "x"]):
        modules = _imported(args, tmp_path, NEWTOWNS_LANG="nl")
        assert "gettext" not in modules, args
        assert "newtowns_cli" in modules


def test_an_edited_po_is_read_at_once(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A .po newer than its .mo is compiled in memory; a .mo as new as its .po is read."""
    folder = tmp_path / "nl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "newtowns.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "oud"\n',
        encoding="utf-8",
    )
    (folder / "newtowns.mo").write_bytes(catalogues.compile_po(po.read_text(encoding="utf-8")))
    os.utime(po, (1, 1))
    monkeypatch.setattr(catalogues, "FOLDER", str(tmp_path))
    monkeypatch.setattr(catalogues, "_LOADED", {})
    assert catalogues.catalogue("nl").gettext("a") == "oud"  # type: ignore[union-attr]
    po.write_text(po.read_text(encoding="utf-8").replace("oud", "nieuw"), encoding="utf-8")
    os.utime(po, (2**31, 2**31))
    monkeypatch.setattr(catalogues, "_LOADED", {})
    assert catalogues.catalogue("nl").gettext("a") == "nieuw"  # type: ignore[union-attr]
