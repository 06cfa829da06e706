"""Where the bundled files are found: in the installed package, or in the checkout it runs from."""

from __future__ import annotations

import pathlib

from newtowns_cli.reading import bundled, store
from newtowns_cli.render.html import geometry


def _package(root: pathlib.Path, *, under: str = "src") -> pathlib.Path:
    package = root / under / "newtowns_cli"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", "utf-8")
    return package


def test_a_wheel_reads_the_copy_inside_the_package(tmp_path: pathlib.Path) -> None:
    """Installed from a wheel: newtowns_cli/data/, even inside a folder that looks like a checkout."""
    package = _package(tmp_path)
    (package / "data").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "newtowns.toml").write_text("", "utf-8")
    assert bundled.folder(str(package)) == str(package / "data")


def test_a_checkout_reads_its_data_folder(tmp_path: pathlib.Path) -> None:
    """Run from src/ (pip install -e ., or src on the path): the checkout's data/, in place."""
    package = _package(tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "newtowns.toml").write_text("", "utf-8")
    assert bundled.folder(str(package)) == str(tmp_path / "data")


def test_nothing_found_names_the_package_folder(tmp_path: pathlib.Path) -> None:
    """A broken install (or a src/ without data/) points at the package, whose message says
    to reinstall; a data/ folder beside any other parent folder is not taken."""
    src = _package(tmp_path / "a")
    assert bundled.folder(str(src)) == str(src / "data")
    site = _package(tmp_path / "b", under="site-packages")
    (tmp_path / "b" / "data").mkdir()
    (tmp_path / "b" / "data" / "newtowns.toml").write_text("", "utf-8")
    assert bundled.folder(str(site)) == str(site / "data")


def test_the_data_the_schema_and_the_map_are_found_wherever_installed() -> None:
    """This install (wheel, sdist or editable) finds all three files in one folder."""
    folder = pathlib.Path(bundled.FOLDER)
    found = (pathlib.Path(store.BUNDLED), pathlib.Path(store.BUNDLED_SCHEMA), geometry.BUNDLED)
    assert found == (
        folder / "newtowns.toml",
        folder / "newtowns.schema.json",
        folder / "map" / "netherlands.geojson",
    )
    assert [path.is_file() for path in found] == [True, True, True]
