"""Draw docs/images/terminal.svg, the README's picture of a terminal view.

    python scripts/readme_picture.py     # with the newtowns to picture installed beside python

The installed ``newtowns list --region MRA`` runs on a pseudo-terminal of 80 columns (in
English, with the bundled data), and rich draws what it printed, escape codes and all, as
an SVG picture of a terminal window. tests/test_readme_picture.py keeps the picture
current: it compares the text lines of the SVG with what the command prints now, so it
does not depend on the bytes one rich version writes.
"""

from __future__ import annotations

import fcntl
import html
import io
import os
import pathlib
import pty
import re
import shutil
import struct
import subprocess
import sys
import termios

ARGS = ("list", "--region", "MRA")
TITLE = "newtowns " + " ".join(ARGS)
WIDTH = 80
OUTPUT = pathlib.Path(__file__).resolve().parents[1] / "docs" / "images" / "terminal.svg"
_DROP = ("NEWTOWNS_DATA", "NEWTOWNS_LANG", "NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES")
_ESCAPE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")
_TEXT = re.compile(r"<text\b([^>]*)>(.*?)</text>", re.DOTALL)
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')


def newtowns() -> str:
    """The newtowns installed beside this Python, else the first on PATH."""
    beside = pathlib.Path(sys.executable).parent / "newtowns"
    return str(beside) if beside.exists() else shutil.which("newtowns") or "newtowns"


def terminal_output() -> str:
    """What the command prints on a terminal of WIDTH columns, escape codes included."""
    english = ("LC_", "LANG")  # LANG, LANGUAGE and the LC_ variables choose a language
    env = {k: v for k, v in os.environ.items() if k not in _DROP and not k.startswith(english)}
    env.update(TERM="xterm-256color", LANG="C.UTF-8")
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, WIDTH, 0, 0))
    process = subprocess.Popen(
        [newtowns(), *ARGS], stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 1 << 16)
        except OSError:  # EIO: the command has ended and closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    if process.wait() != 0:
        raise RuntimeError(f"{TITLE} exited {process.returncode}")
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def plain_lines(ansi: str) -> list[str]:
    """The lines a reader sees: escape codes removed, line ends stripped."""
    return [line.rstrip() for line in _ESCAPE.sub("", ansi).rstrip("\n").split("\n")]


def svg(ansi: str) -> str:
    """The terminal output as rich's SVG picture of a terminal window."""
    from rich.console import Console
    from rich.text import Text

    console = Console(
        record=True, width=WIDTH, file=io.StringIO(), force_terminal=True, color_system="truecolor"
    )
    console.print(Text.from_ansi(ansi.rstrip("\n")), soft_wrap=True)
    return console.export_svg(title=TITLE)


def svg_lines(picture: str) -> list[str]:
    """The text lines of an SVG rich drew: each <text> put at its line and column."""
    lines: dict[int, dict[int, str]] = {}
    for attributes, content in _TEXT.findall(picture):
        found = dict(_ATTRIBUTE.findall(attributes))
        line = re.search(r"-line-(\d+)\)", found.get("clip-path", ""))
        text = html.unescape(content).replace("\xa0", " ")
        if line is None or not text:  # the window's title
            continue
        cell = float(found["textLength"]) / len(text)
        column = round(float(found["x"]) / cell)
        lines.setdefault(int(line.group(1)), {})[column] = text
    shown = []
    for number in range(max(lines, default=-1) + 1):
        row = ""
        for column, text in sorted(lines.get(number, {}).items()):
            row = row.ljust(column) + text
        shown.append(row.rstrip())
    while shown and not shown[-1]:
        shown.pop()
    return shown


def main() -> None:
    ansi = terminal_output()
    picture = svg(ansi)
    if svg_lines(picture) != plain_lines(ansi):
        raise SystemExit("the SVG does not read back as the terminal output; see svg_lines()")
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(picture, encoding="utf-8")
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
