"""The HTML dossier in a real browser: headless Chromium loads it, offline, from a file.

The test reads the DOM back (--dump-dom) and takes a screenshot that must not be blank.
It skips only when no Chromium can be found (.ci/run installs the Debian package
`chromium` when it is missing).
"""

from __future__ import annotations

import os
import pathlib
import shutil
import struct
import subprocess
import zlib

import pytest

from support import DATA, Runner

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BROWSER = next((found for name in CANDIDATES if (found := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(
    BROWSER is None,
    reason="no browser found (chromium, chromium-browser or google-chrome on PATH): "
    "install the Debian package chromium to run this test",
)


def browser(*args: str, profile: pathlib.Path) -> subprocess.CompletedProcess[bytes]:
    """Headless Chromium with nothing that reaches the network, in its own profile."""
    assert BROWSER is not None
    flags = [
        "--headless",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        f"--user-data-dir={profile}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox
    return subprocess.run([BROWSER, *flags, *args], capture_output=True, timeout=120, check=False)


def dossier(tmp_path: pathlib.Path, *args: str) -> pathlib.Path:
    target = tmp_path / "dossier.html"
    result = Runner()(["report", "-o", str(target), "--force", *args])
    assert result.exit_code == 0, result.output
    return target


def colours(png: bytes) -> set[bytes]:
    """The distinct pixel colours of an 8-bit RGB or RGBA PNG (decoded with zlib)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, header = 8, [], b""
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        kind = png[position + 4 : position + 8]
        body = png[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, colour_type = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour_type in (2, 6), (depth, colour_type)
    size = 4 if colour_type == 6 else 3
    raw = zlib.decompress(b"".join(chunks))
    stride = width * size
    previous = bytearray(stride)
    found: set[bytes] = set()
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up = previous[i]
            corner = previous[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                near = min(
                    (abs(guess - left), 0, left),
                    (abs(guess - up), 1, up),
                    (abs(guess - corner), 2, corner),
                )
                line[i] = (line[i] + near[2]) & 0xFF
        if row % 8 == 0:
            found.update(bytes(line[i : i + size]) for i in range(0, stride, size * 4))
        previous = line
    return found


@pytest.mark.slow
def test_the_bundled_dossier_in_chromium(tmp_path: pathlib.Path) -> None:
    """The map, the charts and every town are in the DOM Chromium built; the page is drawn."""
    page = dossier(tmp_path)
    result = browser("--dump-dom", page.as_uri(), profile=tmp_path / "profile")
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    dom = result.stdout.decode("utf-8")
    assert 'aria-labelledby="map-svg-title map-svg-desc"' in dom
    assert 'aria-labelledby="multiple-1-title multiple-1-desc"' in dom
    assert dom.count("<svg") >= 33 and "<script" not in dom
    towns = Runner()(["list", "--fields", "id,name", "-f", "tsv"]).stdout.splitlines()[1:]
    for row in towns:
        id, name = row.split("\t")
        assert f'id="town-{id}"' in dom and name in dom
    shot = tmp_path / "dossier.png"
    result = browser(
        f"--screenshot={shot}", "--window-size=1200,2000", page.as_uri(), profile=tmp_path / "p2"
    )
    assert result.returncode == 0 and shot.is_file(), result.stderr.decode(errors="replace")[-2000:]
    assert len(colours(shot.read_bytes())) > 20  # text, the map's land, sea and markers


def test_hostile_data_stays_text_in_chromium(tmp_path: pathlib.Path) -> None:
    """Data with markup in it (tests/data/growth.toml) gives no element Chromium would run."""
    page = dossier(tmp_path, "--data", str(DATA / "growth.toml"))
    result = browser("--dump-dom", page.as_uri(), profile=tmp_path / "profile")
    assert result.returncode == 0
    dom = result.stdout.decode("utf-8")
    assert "<script" not in dom and "<b>" not in dom
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert 'id="town-samengevoegd"' in dom and "Zonder &lt;cijfers&gt;" in dom
