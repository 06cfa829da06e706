"""Shell completion: scripts for bash, zsh and fish; ids, fields and choices completed."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

from support import Runner

SCRIPT = pathlib.Path(sys.executable).parent / "newtowns"


def _complete(words: str, **env: str) -> list[str]:
    environment = {**os.environ, "_NEWTOWNS_COMPLETE": "complete_bash", "COMP_WORDS": words}
    environment["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    environment.pop("NEWTOWNS_DATA", None)
    result = subprocess.run(
        [str(SCRIPT)], env={**environment, **env}, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_prints_a_script(run: Runner, shell: str) -> None:
    """newtowns completion SHELL prints a script that calls back through _NEWTOWNS_COMPLETE."""
    result = run(["completion", shell])
    assert result.exit_code == 0
    assert "_NEWTOWNS_COMPLETE" in result.stdout and "newtowns" in result.stdout


COMPLETIONS = [
    ("newtowns li", ["list"]),
    ("newtowns show spi", ["spijkenisse"]),
    ("newtowns list --region mr", ["mra", "mrdh"]),
    ("newtowns list --fields id,na", ["id,name"]),
    ("newtowns groups --fields me", ["members", "member_count"]),
    ("newtowns list --format js", ["json", "jsonl"]),
    ("newtowns summary --by re", ["region", "relieves"]),
]


MINI_COMPLETIONS = [
    ("newtowns list --region ", ["reg"]),  # Het Netwerk (net) is a network, not a region
    ("newtowns list --group ", ["net", "reg"]),
    ("newtowns timeline --group ", ["net", "reg"]),
    ("newtowns filter --region r", ["reg"]),
    ("newtowns sources ", ["wiki-a", "stats-2024", "news-b"]),
    ("newtowns research ", ["study"]),
    ("newtowns organisations m", ["ministry"]),
    ("newtowns show ", ["aastad", "beedorp"]),
    ("newtowns growth ", ["aastad", "beedorp"]),
    ("newtowns growth aastad b", ["beedorp"]),
]
"""On tests/data/mini.toml, given as --data after the command and before it."""

OTHER_COMPLETIONS = [
    ("newtowns list --province Zu", ["Zuid-Holland"]),
    ("newtowns list --province zu", ["zuid-holland"]),
    ("newtowns list --province Fr", ["Fryslân"]),
    ("newtowns list --province noord-", ["noord-brabant", "noord-holland"]),
    ("newtowns report --province G", ["Gelderland", "Groningen"]),
    ("newtowns timeline --kind mem", ["membership"]),
    ("newtowns timeline --kind p", ["policy", "plan", "publication", "presentation"]),
    ("newtowns claims --sort ver", ["verdict"]),
    ("newtowns growth --sort yea", ["yearly_pct", "yearly_pct_since_first"]),
    (
        "newtowns growth --fields name,era_",
        ["name,era_figure", "name,era_date", "name,era_count", "name,era_source"],
    ),
    (
        "newtowns list --sort population_",
        [
            "population_as_of",
            "population_unit",
            "population_source",
            "population_unit_name",
            "population_gaps",
            "population_origin",
        ],
    ),
    ("newtowns summarise --by province --sort pro", ["province"]),
    ("newtowns summarise --by status --fields status,to", ["status,towns", "status,town_ids"]),
    (
        "newtowns summary --fields ",
        [
            "group",
            "towns",
            "population",
            "share",
            "mean_population",
            "area_km2",
            "density",
            "population_as_of",
            "town_ids",
            "apart_population",
            "apart_town_ids",
        ],
    ),
    ("newtowns su", ["summarise"]),  # not its other name, summary
    ("newtowns fi", ["filter"]),
    ("newtowns filter --re", ["--region", "--relieves"]),
]


@pytest.mark.parametrize(("words", "expected"), COMPLETIONS + OTHER_COMPLETIONS)
def test_completions(words: str, expected: list[str]) -> None:
    """Commands, ids, fields, provinces, kinds and option choices: only what is accepted."""
    assert _complete(words) == expected


@pytest.mark.parametrize(("words", "expected"), MINI_COMPLETIONS)
@pytest.mark.parametrize("where", ["after", "before", "env"])
def test_completions_of_ids_read_the_data_option(
    words: str, expected: list[str], where: str
) -> None:
    """--region offers regions only; sources, research and organisations complete their ids;
    from the file given after the command, before it, or in NEWTOWNS_DATA."""
    from support import MINI

    program, command, *rest = words.split(" ")
    if where == "after":
        line, env = " ".join([program, command, "--data", str(MINI), *rest]), {}
    elif where == "before":
        line, env = " ".join([program, "--data", str(MINI), command, *rest]), {}
    else:
        line, env = words, {"NEWTOWNS_DATA": str(MINI)}
    assert _complete(line, **env) == expected


def test_completion_reads_the_data_option(tmp_path: pathlib.Path) -> None:
    """Ids come from NEWTOWNS_DATA when it is set."""
    from support import MINI

    assert _complete("newtowns show aa", NEWTOWNS_DATA=str(MINI)) == ["aastad"]


def test_completion_is_silent_on_a_broken_file(tmp_path: pathlib.Path) -> None:
    """A Tab press never prints an error: a broken data file gives no candidates."""
    broken = tmp_path / "broken.toml"
    broken.write_text("[[town\n")
    assert _complete("newtowns show a", NEWTOWNS_DATA=str(broken)) == []


def test_completing_does_not_import_pydantic_or_rich_tables() -> None:
    """A completion request imports neither pydantic nor rich's table."""
    environment = {
        **os.environ,
        "_NEWTOWNS_COMPLETE": "complete_bash",
        "COMP_WORDS": "newtowns show spi",
        "COMP_CWORD": "2",
    }
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "newtowns_cli"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    modules = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert result.stdout.split() == ["spijkenisse"]
    assert not {name for name in modules if name.split(".")[0] == "pydantic"}
    assert "rich.table" not in modules


def test_completion_is_silent_on_a_fifo_or_a_directory(tmp_path: pathlib.Path) -> None:
    """A Tab press never waits on a FIFO nor reads a directory: no candidates."""
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    assert _complete("newtowns show a", NEWTOWNS_DATA=str(fifo)) == []
    assert _complete("newtowns show a", NEWTOWNS_DATA=str(tmp_path)) == []
    assert _complete(f"newtowns show --data {fifo} a") == []


@pytest.mark.parametrize("option", [None, "given.toml"])
@pytest.mark.parametrize("env", [None, "", "env.toml"])
def test_completion_reads_the_file_a_command_would_read(
    monkeypatch: pytest.MonkeyPatch, option: str | None, env: str | None
) -> None:
    """--data, else a non-empty NEWTOWNS_DATA, else the bundled file: as store.locate."""
    from newtowns_cli.cli import complete
    from newtowns_cli.reading import store

    if env is None:
        monkeypatch.delenv("NEWTOWNS_DATA", raising=False)
    else:
        monkeypatch.setenv("NEWTOWNS_DATA", env)
    expected = store.locate(option, env).path
    assert pathlib.Path(complete.data_path(option)).resolve() == pathlib.Path(expected).resolve()


def _tab_modules(line: str, cache: pathlib.Path, **env: str) -> tuple[list[str], set[str]]:
    """The candidates of a bash Tab press on ``line``, and the modules it imported."""
    words = line.split()
    environment = {
        **{k: v for k, v in os.environ.items() if k != "NEWTOWNS_DATA"},
        "_NEWTOWNS_COMPLETE": "complete_bash",
        "COMP_WORDS": line,
        "COMP_CWORD": str(len(words) - (0 if line.endswith(" ") else 1)),
        "NEWTOWNS_CACHE_DIR": str(cache),
        **env,
    }
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "newtowns_cli"],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    modules = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    return result.stdout.split(), modules


def test_a_second_tab_press_reads_the_index_instead_of_parsing(tmp_path: pathlib.Path) -> None:
    """The first Tab press parses the file and writes its ids down; the next reads them."""
    first = _tab_modules("newtowns show spi", tmp_path)
    assert first[0] == ["spijkenisse"] and "tomllib" in first[1]
    assert [p.name.startswith("tab-1-") for p in tmp_path.iterdir()] == [True]
    second = _tab_modules("newtowns show spi", tmp_path)
    assert second[0] == ["spijkenisse"] and "tomllib" not in second[1]


@pytest.mark.parametrize(
    "content",
    [b"", b"not json", b"[]", b'{"town": [["x"]]}', b'{"town": 1}', b"\xff" * 10],
)
def test_a_damaged_index_is_a_miss(tmp_path: pathlib.Path, content: bytes) -> None:
    """An index that is not of its shape is ignored: the file is parsed again."""
    _tab_modules("newtowns show spi", tmp_path)
    (index,) = tmp_path.iterdir()
    index.write_bytes(content)
    assert _tab_modules("newtowns show spi", tmp_path)[0] == ["spijkenisse"]


def test_an_index_in_a_folder_others_can_write_is_not_read(tmp_path: pathlib.Path) -> None:
    """The index follows the cache's rules: a folder others can write is not used."""
    _tab_modules("newtowns show spi", tmp_path)
    (index,) = tmp_path.iterdir()
    index.write_text(
        '{"town": [["planted", "", ""]], "group": [], "source": [], '
        '"research": [], "organisation": []}'
    )
    tmp_path.chmod(0o777)
    try:
        offered = _tab_modules("newtowns show ", tmp_path)[0]
        assert "planted" not in offered and "spijkenisse" in offered
    finally:
        tmp_path.chmod(0o700)
    assert _tab_modules("newtowns show ", tmp_path)[0] == ["planted"]


def test_a_changed_file_gets_its_own_index(tmp_path: pathlib.Path) -> None:
    """The index is named after the file's bytes: a changed file is never answered from
    the index of its old content."""
    from support import MINI

    data = tmp_path / "data.toml"
    data.write_bytes(MINI.read_bytes())
    cache = tmp_path / "cache"
    assert _tab_modules("newtowns show ", cache, NEWTOWNS_DATA=str(data))[0] == [
        "aastad",
        "beedorp",
    ]
    data.write_text(MINI.read_text("utf-8").replace('id = "beedorp"', 'id = "ceestad"'))
    assert _tab_modules("newtowns show ", cache, NEWTOWNS_DATA=str(data))[0] == [
        "aastad",
        "ceestad",
    ]
