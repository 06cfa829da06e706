"""Rewrite the output under every `$ newtowns …` line of a console block in docs/*.md and
README.md with what the command prints now (run from the repository root, in a tmp dir)."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _run(command: str, cwd: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("NEWTOWNS_DATA", "COLUMNS")}
    env["PATH"] = f"{pathlib.Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    result = subprocess.run(
        ["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.rstrip("\n")


def refresh(path: pathlib.Path) -> None:
    text = path.read_text("utf-8")
    head, *blocks = text.split("```console\n")
    out = [head]
    with tempfile.TemporaryDirectory() as cwd:
        for block in blocks:
            body, sep, rest = block.partition("\n```")
            first, *chunks = ("\n" + body).split("\n$ ")
            new = first
            for chunk in chunks:
                command, _, _ = chunk.partition("\n")
                printed = _run(command, cwd)
                new += "\n$ " + command + ("\n" + printed if printed else "")
            out.append(new[1:] + sep + rest)
    path.write_text("```console\n".join(out), "utf-8")


if __name__ == "__main__":
    for name in sys.argv[1:] or sorted(map(str, (ROOT / "docs").glob("*.md"))):
        refresh(pathlib.Path(name))
