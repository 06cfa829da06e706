#!/usr/bin/env bash
# A short smoke run of the installed `newtowns` (first argument: its venv's bin folder) into
# a folder (second argument): help at 60 and 120 columns, list, show, a Tab press and a usage
# error, through the console script and through the typer app. .ci/run runs it under the
# lowest typer we support and under the newest, and compares the two folders byte for byte.
set -uo pipefail
bin="$1" out="$2"
mkdir -p "$out"
lines=(
  "--help" "list --help" "list --region MRA" "show almere" "list --regoin MRA"
  "completion bash" "help show"
)
for columns in 60 120; do
  for line in "${lines[@]}"; do
    name="$columns-${line// /_}"
    # shellcheck disable=SC2086
    COLUMNS=$columns "$bin/newtowns" $line >"$out/$name.out" 2>"$out/$name.err"
    echo "$?" >"$out/$name.code"
  done
done
_NEWTOWNS_COMPLETE=complete_bash COMP_WORDS="newtowns show spi" COMP_CWORD=2 \
  "$bin/newtowns" >"$out/tab.out" 2>&1
COLUMNS=80 "$bin/python" - "$out" "${lines[@]}" <<'PYTHON'
import pathlib, shlex, sys
from typer.testing import CliRunner
from newtowns_cli.cli import app
out = pathlib.Path(sys.argv[1])
for line in sys.argv[2:]:
    result = CliRunner().invoke(app, shlex.split(line), env={"COLUMNS": "80"})
    name = "typer-" + line.replace(" ", "_")
    (out / f"{name}.out").write_text(f"{result.exit_code}\n{result.stdout}\n{result.stderr}")
PYTHON
