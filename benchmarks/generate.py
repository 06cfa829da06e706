"""Write a valid data file with N towns, shaped like the real ones, for scaling runs.

python benchmarks/generate.py 4000 > /tmp/towns-4000.toml
"""

from __future__ import annotations

import sys

PROVINCES = ["Flevoland", "Noord-Holland", "Zuid-Holland", "Utrecht", "Gelderland", "Noord-Brabant"]


def data_file(towns: int) -> str:
    """A data file with ``towns`` towns, 12 region groups and 3 sources; every id unique."""
    parts = [
        "[dataset]",
        'title = "Generated"',
        'description = "Generated for the benchmarks."',
        'version = "1"',
        "updated = 2024-11-13",
        'licence = "CC0-1.0"',
        "",
    ]
    for source in ("wiki", "cbs", "news"):
        parts += [
            "[[source]]",
            f'id = "{source}"',
            f'title = "Source {source}"',
            'publisher = "Publisher"',
            'kind = "news"',
            'language = "nl"',
            f'url = "https://example.org/{source}"',
            "",
        ]
    for n in range(towns):
        province = PROVINCES[n % len(PROVINCES)]
        parts += [
            "[[town]]",
            f'id = "town-{n}"',
            f'name = "Town {n}"',
            f'aliases = ["Plaats {n}"]',
            f'municipality = "Gemeente {n}"',
            f'cbs_code = "GM{n % 10000:04d}"',
            f'province = "{province}"',
            'status = "groeikern"',
            'sources = ["wiki"]',
            'relieves = [{ city = "Amsterdam", source = "news" }]',
            f'designation = [{{ date = {1960 + n % 25}, source = "news", quote = "aangewezen" }}]',
            f'population = {{ count = {10000 + n * 7 % 200000}, as_of = 2024-01-01, source = "wiki", original = "cbs" }}',
            f'population_history = [{{ count = {5000 + n % 9000}, as_of = 1980, source = "wiki" }}]',
            f'area = [{{ total = {10 + n % 90}.5, land = {9 + n % 90}.5, water = 1.0, source = "wiki" }}]',
            f'location = [{{ lat = {51 + (n % 200) / 100:.3f}, lon = {4 + (n % 250) / 100:.3f}, source = "wiki" }}]',
            f'history = [{{ date = {1970 + n % 40}, kind = "construction", what = "First houses", source = "news" }}]',
            "",
        ]
    for g in range(12):
        members = ", ".join(
            f'{{ town = "town-{n}", source = "news" }}' for n in range(g, towns, 12)
        )
        parts += [
            "[[group]]",
            f'id = "region-{g}"',
            f'name = "Regio {g}"',
            'kind = "region"',
            'sources = ["news"]',
            f"members = [{members}]",
            "",
        ]
    return "\n".join(parts)


if __name__ == "__main__":
    sys.stdout.write(data_file(int(sys.argv[1])))
