"""Check a built sdist and wheel: both licence files, the bundled files, what the tests read.

Usage: python .ci/check_dist.py dist/newtowns-X.tar.gz dist/newtowns-X-py3-none-any.whl
"""

from __future__ import annotations

import email.parser
import pathlib
import sys
import tarfile
import zipfile

ROOT = pathlib.Path(__file__).parents[1]
LICENCES = ("LICENSE", "LICENSES/CC-BY-SA-4.0.txt")
IN_SDIST = (
    *LICENCES,
    "PKG-INFO",
    ".ci/run",
    "benchmarks/generate.py",
    "data/newtowns.toml",
    "data/newtowns.schema.json",
    "data/map/netherlands.geojson",
    "docs/index.md",
    "tests/conftest.py",
)
IN_WHEEL = (
    "newtowns_cli/data/newtowns.toml",
    "newtowns_cli/data/newtowns.schema.json",
    "newtowns_cli/data/map/netherlands.geojson",
    "newtowns_cli/render/html/templates/dossier.html.j2",
)


def _check_metadata(text: str, where: str) -> list[str]:
    metadata = email.parser.Parser().parsestr(text)
    problems = []
    if metadata["License-Expression"] != "MIT AND CC-BY-SA-4.0":
        problems.append(f"{where}: License-Expression is {metadata['License-Expression']!r}")
    if sorted(metadata.get_all("License-File") or []) != sorted(LICENCES):
        problems.append(f"{where}: License-File is {metadata.get_all('License-File')}")
    return problems


def check(sdist: pathlib.Path, wheel: pathlib.Path) -> list[str]:
    """Every problem found, as one line each."""
    problems = []
    with tarfile.open(sdist) as archive:
        top = archive.getnames()[0].split("/")[0]
        files = {name.removeprefix(f"{top}/"): name for name in archive.getnames()}
        problems += [f"{sdist.name}: no {name}" for name in IN_SDIST if name not in files]
        for name in LICENCES:
            member = archive.extractfile(files[name]) if name in files else None
            if member is not None and member.read() != (ROOT / name).read_bytes():
                problems.append(f"{sdist.name}: {name} differs from the checkout's")
        if "PKG-INFO" in files:
            member = archive.extractfile(files["PKG-INFO"])
            assert member is not None
            problems += _check_metadata(member.read().decode("utf-8"), sdist.name)
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        info = next(name.split("/")[0] for name in names if name.endswith(".dist-info/METADATA"))
        for name in LICENCES:
            path = f"{info}/licenses/{name}"
            if path not in names:
                problems.append(f"{wheel.name}: no {path}")
            elif archive.read(path) != (ROOT / name).read_bytes():
                problems.append(f"{wheel.name}: {path} differs from the checkout's")
        problems += [f"{wheel.name}: no {name}" for name in IN_WHEEL if name not in names]
        problems += _check_metadata(archive.read(f"{info}/METADATA").decode("utf-8"), wheel.name)
    return problems


if __name__ == "__main__":
    found = check(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]))
    for problem in found:
        print(problem, file=sys.stderr)
    if not found:
        print("dist: both licence files and the bundled files in the sdist and the wheel")
    sys.exit(1 if found else 0)
