"""The folder of the bundled files: data/newtowns.toml, its JSON Schema and map/netherlands.geojson.

Git holds each file once, in the checkout's data/ folder. A wheel (and so an install from
the sdist) carries them inside the package as newtowns_cli/data/ (pyproject.toml). A package
run from a checkout's src/ folder (`pip install -e .`, or src/ on the path) has no such
folder: it reads the checkout's data/ in place, so a change to the data needs no reinstall.
Only os.path: a Tab press imports this (cli/complete.py).
"""

from __future__ import annotations

import os


def folder(package: str) -> str:
    """The bundled files' folder for the package folder ``package``.

    Its own data/ when there is one; else, when it is ``src/newtowns_cli`` beside a data/
    folder holding newtowns.toml, that folder; else its own data/ (missing: reinstall).
    """
    inside = os.path.join(package, "data")
    if os.path.isdir(inside):
        return inside
    source = os.path.dirname(package)
    checkout = os.path.join(os.path.dirname(source), "data")
    if os.path.basename(source) == "src" and os.path.isfile(
        os.path.join(checkout, "newtowns.toml")
    ):
        return checkout
    return inside


FOLDER = folder(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
