"""The benchmark harness: start-up and scaling of `newtowns`, side by side, medians and ratios.

    python benchmarks/run.py                  # start-up, then scaling (40 … 40 000 towns)
    python benchmarks/run.py --startup-only --rounds 21
    python benchmarks/run.py --before /tmp/old/bin --formats json   # side by side

Uses only the standard library and the installed `newtowns`. Commands are run in rounds,
each round running every command once in turn, so a busy machine slows all of them alike;
the median of the rounds is reported with its ratio to `python -c pass` from the same
interpreter. Peak memory is the child's maximum resident set size (wait4). `csvlook` and
`sqlite-utils` are measured on the same 40 rows when they are installed.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pathlib
import platform
import pty
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from generate import data_file

BIN = pathlib.Path(sys.executable).parent
NEWTOWNS = str(BIN / "newtowns")
_LANGUAGE = ("NEWTOWNS_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
ENV = {
    **{k: v for k, v in os.environ.items() if k not in ("NEWTOWNS_DATA", "COLUMNS", "NO_COLOR")},
    **dict.fromkeys(_LANGUAGE, ""),
    "LANG": "C.UTF-8",
}
"""The machine's environment, in English whatever its locale (--dutch measures Dutch)."""
BIG_ROUNDS = 0
"""Rounds above 4 000 towns (--big-rounds); 0: a third of the scaling rounds."""
BEFORE: str | None = None
"""Another installation's newtowns (--before), measured in the same rounds."""
BEFORE_ENV: dict[str, str] = {}
"""Its own cache folder: each version keeps (and prunes) its own entries."""
DUTCH = False
"""--dutch: the common command lines also under NEWTOWNS_LANG=nl, in the same rounds."""
COMMON = [
    "newtowns --help (60 columns)",
    "list --help (60 columns)",
    "Tab press on a town id (zsh)",
    "list --regoin MRA (a typo)",
    "list --format json",
    "list --format tsv",
    "list (terminal table)",
    "show nissewaard",
    "show nissewaard (terminal)",
    "claims (terminal)",
    "growth (terminal table)",
]
"""The command lines measured in Dutch beside English (--dutch)."""


def run_once(
    command: list[str],
    *,
    terminal: bool = False,
    env: dict[str, str] | None = None,
    expect: int = 0,
) -> tuple[float, int]:
    """Wall time in seconds and peak RSS in KiB of one run, output discarded."""
    environment = {**ENV, **(env or {})}
    start = time.perf_counter()
    if terminal:
        master, slave = pty.openpty()
        # A terminal of 120 columns and 40 lines, as a person's window might be.
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        process = subprocess.Popen(
            command, stdin=slave, stdout=slave, stderr=slave, env=environment
        )
        os.close(slave)
        while True:
            try:
                if not os.read(master, 1 << 16):
                    break
            except OSError:
                break
        os.close(master)
    else:
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment
        )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != expect:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}")
    return elapsed, usage.ru_maxrss


def measure(cases: dict[str, dict[str, object]], rounds: int) -> dict[str, tuple[float, int]]:
    """Median seconds and peak KiB per case, running the cases in alternation."""
    times: dict[str, list[float]] = {name: [] for name in cases}
    peaks: dict[str, int] = dict.fromkeys(cases, 0)
    for case in cases.values():  # one warm-up run each: .pyc files, page cache
        run_once(
            case["command"],  # type: ignore[arg-type]
            terminal=bool(case.get("terminal")),
            env=case.get("env"),  # type: ignore[arg-type]
            expect=int(case.get("expect", 0)),  # type: ignore[call-overload]
        )
    for _ in range(rounds):
        for name, case in cases.items():
            seconds, peak = run_once(
                case["command"],  # type: ignore[arg-type]
                terminal=bool(case.get("terminal")),
                env=case.get("env"),  # type: ignore[arg-type]
                expect=int(case.get("expect", 0)),  # type: ignore[call-overload]
            )
            times[name].append(seconds)
            peaks[name] = max(peaks[name], peak)
    return {name: (statistics.median(times[name]), peaks[name]) for name in cases}


def startup(rounds: int, mini: pathlib.Path) -> None:
    complete = {
        "_NEWTOWNS_COMPLETE": "complete_bash",
        "COMP_WORDS": "newtowns show spi",
        "COMP_CWORD": "2",
    }
    zsh = {"_NEWTOWNS_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "newtowns show spi"}
    cases: dict[str, dict[str, object]] = {
        "python -c pass": {"command": [sys.executable, "-c", "pass"]},
        "newtowns --version": {"command": [NEWTOWNS, "--version"]},
        "newtowns --help (60 columns)": {"command": [NEWTOWNS, "--help"], "env": {"COLUMNS": "60"}},
        "newtowns --help (120 columns)": {
            "command": [NEWTOWNS, "--help"],
            "env": {"COLUMNS": "120"},
        },
        "list --help (60 columns)": {
            "command": [NEWTOWNS, "list", "--help"],
            "env": {"COLUMNS": "60"},
        },
        "newtowns (alone: the help on stderr)": {"command": [NEWTOWNS], "expect": 2},
        "Tab press on a town id (bash)": {"command": [NEWTOWNS], "env": complete},
        "Tab press on a town id (zsh)": {"command": [NEWTOWNS], "env": zsh},
        "Tab press on a root option": {
            "command": [NEWTOWNS],
            "env": {**complete, "COMP_WORDS": "newtowns --ver", "COMP_CWORD": "1"},
        },
        "list --regoin MRA (a typo)": {
            "command": [NEWTOWNS, "list", "--regoin", "MRA"],
            "expect": 2,
        },
        "list --format jsn (a bad value)": {
            "command": [NEWTOWNS, "list", "--format", "jsn"],
            "expect": 2,
        },
        "schema": {"command": [NEWTOWNS, "schema"]},
        "list --format json": {"command": [NEWTOWNS, "list", "--format", "json"]},
        "list --format tsv": {"command": [NEWTOWNS, "list", "--format", "tsv"]},
        "list (terminal table)": {"command": [NEWTOWNS, "list"], "terminal": True},
        "show nissewaard": {"command": [NEWTOWNS, "show", "nissewaard", "-f", "json"]},
        "show nissewaard (terminal)": {
            "command": [NEWTOWNS, "show", "nissewaard"],
            "terminal": True,
        },
        "show nissewaard (pipe)": {"command": [NEWTOWNS, "show", "nissewaard"]},
        "claims (terminal)": {"command": [NEWTOWNS, "claims"], "terminal": True},
        "validate": {"command": [NEWTOWNS, "validate"]},
        "validate (NEWTOWNS_NO_CACHE=1)": {
            "command": [NEWTOWNS, "validate"],
            "env": {"NEWTOWNS_NO_CACHE": "1"},
        },
        "summary": {"command": [NEWTOWNS, "summary", "--by", "province", "-f", "tsv"]},
        "timeline": {"command": [NEWTOWNS, "timeline", "-f", "tsv"]},
        "growth --format tsv": {"command": [NEWTOWNS, "growth", "--format", "tsv"]},
        "growth (terminal table)": {"command": [NEWTOWNS, "growth"], "terminal": True},
        "growth --chart (terminal)": {"command": [NEWTOWNS, "growth", "--chart"], "terminal": True},
        "report --format md": {"command": [NEWTOWNS, "report"]},
        "report --format html": {"command": [NEWTOWNS, "report", "--format", "html"]},
    }
    csv_file = mini.with_suffix(".csv")
    subprocess.run(
        [NEWTOWNS, "list", "--data", str(mini), "-f", "csv", "-o", str(csv_file), "--force"],
        check=True,
        env=ENV,
    )
    peers = {
        "csvlook (40 rows)": ["csvlook", str(csv_file)],
        "sqlite-utils memory (40 rows)": [
            "sqlite-utils",
            "memory",
            str(csv_file),
            "select * from towns_40",
        ],
    }
    for name, command in peers.items():
        if shutil.which(command[0]):
            cases[name] = {"command": [shutil.which(command[0]), *command[1:]]}
    cases["newtowns list 40 rows, json"] = {
        "command": [NEWTOWNS, "list", "--data", str(mini), "-f", "json"]
    }
    cases["newtowns list 40 rows, table"] = {
        "command": [NEWTOWNS, "list", "--data", str(mini)],
        "terminal": True,
    }
    cases["--data FILE list --format json"] = {
        "command": [NEWTOWNS, "--data", str(mini), "list", "-f", "json"]
    }
    if BEFORE is not None:
        for name in [
            "newtowns --help (60 columns)",
            "newtowns --help (120 columns)",
            "Tab press on a town id (bash)",
            "list --format json",
            "show nissewaard",
            "list --regoin MRA (a typo)",
            "validate",
            "validate (NEWTOWNS_NO_CACHE=1)",
        ]:
            case = cases[name]
            command = [BEFORE, *case["command"][1:]]  # type: ignore[index]
            env = {**case.get("env", {}), **BEFORE_ENV}  # type: ignore[dict-item]
            cases[f"before: {name}"] = {**case, "command": command, "env": env}
    if DUTCH:
        for name in COMMON:
            case = cases[name]
            env = {**case.get("env", {}), "NEWTOWNS_LANG": "nl"}  # type: ignore[dict-item]
            cases[f"nl: {name}"] = {**case, "env": env}
    results = measure(cases, rounds)
    floor = results["python -c pass"][0]
    print(f"\n## Start-up ({rounds} rounds, medians)\n")
    print("| command | median ms | × python -c pass | peak MiB |")
    print("|---|---:|---:|---:|")
    for name, (seconds, peak) in results.items():
        print(f"| {name} | {seconds * 1000:.1f} | {seconds / floor:.2f} | {peak / 1024:.0f} |")
    if DUTCH:
        print("\n## Dutch beside English (NEWTOWNS_LANG=nl, the same rounds)\n")
        print("| command | English ms | Dutch ms | Dutch − English, × python -c pass |")
        print("|---|---:|---:|---:|")
        for name in COMMON:
            english, dutch = results[name][0], results[f"nl: {name}"][0]
            print(
                f"| {name} | {english * 1000:.1f} | {dutch * 1000:.1f} "
                f"| {(dutch - english) / floor:+.2f} |"
            )
    measured = [name for name in peers if name in results]
    if measured:
        print("\n## Against the peers (same 40 rows; ratio < 1: newtowns is faster)\n")
        print("| peer | median ms | newtowns json ÷ peer | newtowns table ÷ peer |")
        print("|---|---:|---:|---:|")
        ours_json = results["newtowns list 40 rows, json"][0]
        ours_table = results["newtowns list 40 rows, table"][0]
        for name in measured:
            seconds = results[name][0]
            print(
                f"| {name} | {seconds * 1000:.1f} | {ours_json / seconds:.2f} "
                f"| {ours_table / seconds:.2f} |"
            )
    else:
        print("\n(csvlook and sqlite-utils are not on PATH: the peer comparison was skipped)")


FORMATS = {
    "validate": ["validate"],
    "json": ["list", "-f", "json", "--fields", "all"],
    "json-default": ["list", "-f", "json"],  # the default fields: issue 12's command
    "tsv": ["list", "-f", "tsv", "--fields", "all"],
    "md": ["list", "-f", "md", "--fields", "all"],
    "table": ["list", "-f", "table", "--fields", "all"],
    "html": ["report", "--format", "html"],
    "brief-html": ["report", "--brief", "--format", "html"],
    "report-md": ["report", "--format", "md"],
    "brief-md": ["report", "--brief", "--format", "md"],
    "table-pty": ["list"],  # the default columns, on a terminal of 120 columns
}
TERMINAL = {"table-pty"}
"""Columns run on a pseudo-terminal, not a pipe."""
UNCACHED = {"validate"}
"""Columns run with NEWTOWNS_NO_CACHE=1: validate answers an unchanged file from the cache."""
BEFORE_MAX = 4000
"""The largest size --before is measured at (--before-max): an old quadratic dossier of
40 000 towns takes hours."""


def scaling(rounds: int, folder: pathlib.Path, sizes: list[int], chosen: list[str]) -> None:
    print(f"\n## Scaling ({rounds} rounds, medians; seconds and peak MiB)\n")
    formats = {name: FORMATS[name] for name in chosen}
    if BEFORE is not None:
        formats |= {f"{name} (before)": FORMATS[name] for name in chosen}
    print("| towns | " + " | ".join(formats) + " |")
    print("|---:|" + "---:|" * len(formats))
    previous: dict[str, float] = {}
    for size in sizes:
        path = folder / f"towns-{size}.toml"
        path.write_text(data_file(size), encoding="utf-8")
        cases: dict[str, dict[str, object]] = {
            name: {
                "command": [
                    BEFORE if name.endswith("(before)") else NEWTOWNS,
                    *args[:1],
                    "--data",
                    str(path),
                    *args[1:],
                ],
                "env": {
                    **(BEFORE_ENV if name.endswith("(before)") else {}),
                    **({"NEWTOWNS_NO_CACHE": "1"} if name.split()[0] in UNCACHED else {}),
                },
                "terminal": name.split()[0] in TERMINAL,
            }
            for name, args in formats.items()
            if not (name.endswith("(before)") and size > BEFORE_MAX)
        }
        results = measure(cases, rounds if size <= 4000 else (BIG_ROUNDS or max(1, rounds // 3)))
        cells = []
        for name in formats:
            if name not in results:
                cells.append("not run")
                continue
            seconds, peak = results[name]
            growth = f" ({seconds / previous[name]:.1f}×)" if name in previous else ""
            cells.append(f"{seconds:.2f}s{growth}, {peak / 1024:.0f} MiB")
            previous[name] = seconds
        print(f"| {size} | " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--startup-only", action="store_true")
    parser.add_argument("--scaling-only", action="store_true")
    parser.add_argument("--sizes", default="40,400,4000,40000")
    parser.add_argument("--formats", default=",".join(FORMATS), help="scaling columns")
    parser.add_argument("--before", metavar="BIN", help="another venv's bin folder, side by side")
    parser.add_argument("--big-rounds", type=int, default=0, help="rounds above 4 000 towns")
    parser.add_argument("--before-max", type=int, default=4000, help="largest size for --before")
    parser.add_argument("--dutch", action="store_true", help="common lines in Dutch too")
    options = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.platform()}; {time.strftime('%Y-%m-%d')}"
    )
    global BEFORE, BIG_ROUNDS, BEFORE_MAX, DUTCH
    BIG_ROUNDS = options.big_rounds
    BEFORE_MAX = options.before_max
    DUTCH = options.dutch
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        if options.before:
            BEFORE = str(pathlib.Path(options.before) / "newtowns")
            BEFORE_ENV["NEWTOWNS_CACHE_DIR"] = str(folder / "cache-before")
        mini = folder / "towns_40.toml"
        mini.write_text(data_file(40), encoding="utf-8")
        if not options.scaling_only:
            startup(options.rounds, mini)
        if not options.startup_only:
            sizes = [int(s) for s in options.sizes.split(",")]
            chosen = options.formats.split(",")
            scaling(max(3, options.rounds // 3), folder, sizes, chosen)


if __name__ == "__main__":
    main()
