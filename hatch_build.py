"""Compiles the gettext catalogues (.po) into the wheel as .mo files, with Babel.

Git holds only the .po files (src/newtowns_cli/locale/*/LC_MESSAGES/newtowns.po), which
translators edit; the .mo files the installed tool reads are built here, never committed
or edited by hand. An editable install compiles them into the checkout beside the .po
files (ignored by git): the package, run from src/, reads a .mo that is not older than its
.po, and compiles a newer .po in memory (src/newtowns_cli/reading/catalogues.py), so an edited
translation shows without a reinstall and a fresh one loads as fast as from a wheel.
"""

from __future__ import annotations

import pathlib
import shutil
import tempfile
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

LOCALE = pathlib.Path("src", "newtowns_cli", "locale")


class CatalogueHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        editable = version == "editable"
        self._folder = pathlib.Path(tempfile.mkdtemp(prefix="newtowns-mo-"))
        for po in sorted(pathlib.Path(self.root, LOCALE).glob("*/LC_MESSAGES/*.po")):
            language = po.parent.parent.name
            with po.open("rb") as file:
                catalog = read_po(file, locale=language)
            compiled = (po.parent if editable else self._folder / language) / f"{po.stem}.mo"
            compiled.parent.mkdir(parents=True, exist_ok=True)
            with compiled.open("wb") as file:
                write_mo(file, catalog, use_fuzzy=False)
            if not editable:
                inside = f"newtowns_cli/locale/{language}/LC_MESSAGES/{compiled.name}"
                build_data["force_include"][str(compiled)] = inside

    def finalize(self, version: str, build_data: dict[str, Any], artifact: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
