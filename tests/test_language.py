"""The language of a run: --lang > $NEWTOWNS_LANG > the locale > English, and the catalogues
(every message translated, none stale, the .po compiled as msgfmt would)."""

from __future__ import annotations

import gettext
import io
import pathlib
import subprocess
import sys

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from newtowns_cli.cli import language
from newtowns_cli.model import i18n
from newtowns_cli.reading import catalogues

from support import Runner

ROOT = pathlib.Path(__file__).resolve().parent.parent
PO = ROOT / "src" / "newtowns_cli" / "locale" / "nl" / "LC_MESSAGES" / "newtowns.po"
DUTCH_USAGE = "Gebruik: newtowns [OPTIES] OPDRACHT [ARGUMENTEN]..."
ENGLISH_USAGE = "Usage: newtowns [OPTIONS] COMMAND [ARGS]..."


@pytest.mark.parametrize(
    ("argv", "env", "expected"),
    [
        ([], {}, "en"),
        ([], {"LANG": "nl_NL.UTF-8"}, "nl"),
        ([], {"LANG": "nl_BE.UTF-8"}, "nl"),
        ([], {"LANG": "de_DE.UTF-8"}, "en"),
        ([], {"LC_ALL": "nl_NL.UTF-8", "LANG": "en_GB.UTF-8"}, "nl"),
        ([], {"LC_MESSAGES": "nl_NL", "LANG": "en_GB.UTF-8"}, "nl"),
        ([], {"LANGUAGE": "fr:nl", "LANG": "en_GB.UTF-8"}, "nl"),
        ([], {"LANGUAGE": "en:nl", "LANG": "nl_NL.UTF-8"}, "en"),
        ([], {"LC_ALL": "C", "LANG": "nl_NL.UTF-8"}, "en"),
        ([], {"NEWTOWNS_LANG": "nl"}, "nl"),
        ([], {"NEWTOWNS_LANG": "en", "LANG": "nl_NL.UTF-8"}, "en"),
        ([], {"NEWTOWNS_LANG": "", "LANG": "nl_NL.UTF-8"}, "nl"),
        (["--lang", "en", "list"], {"NEWTOWNS_LANG": "nl", "LANG": "nl_NL.UTF-8"}, "en"),
        (["list", "--lang=nl"], {}, "nl"),
        (["--lang", "en", "list", "--lang", "nl"], {}, "nl"),
        (["list", "--", "--lang", "nl"], {}, "en"),
        (["--lang", "NL", "list"], {}, "nl"),
    ],
)
def test_the_language_is_chosen_in_gettexts_order(
    argv: list[str], env: dict[str, str], expected: str
) -> None:
    """--lang (the last one) > $NEWTOWNS_LANG > LANGUAGE, LC_ALL, LC_MESSAGES, LANG > English."""
    assert language.choose(argv, env) == expected


@pytest.mark.parametrize(
    "env",
    [{"NEWTOWNS_LANG": "nl"}, {"LANG": "nl_NL.UTF-8"}, {"LC_ALL": "nl_NL.UTF-8"}],
)
def test_the_help_speaks_dutch_when_the_environment_says_so(
    run: Runner, env: dict[str, str]
) -> None:
    """NEWTOWNS_LANG=nl or a Dutch locale: the help page in Dutch; --lang en overrides both."""
    result = run(["--help"], env=env)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == DUTCH_USAGE
    assert "  -h, --help      Toon deze hulp en stop.\n" in result.stdout
    english = run(["--lang", "en", "--help"], env={**env, "NEWTOWNS_LANG": "nl"})
    assert english.stdout.splitlines()[0] == ENGLISH_USAGE


def test_lang_after_the_command_is_read_too(run: Runner) -> None:
    """--lang nl after the command gives the command's help in Dutch."""
    result = run(["list", "--help", "--lang", "nl"])
    assert result.stdout.splitlines()[0] == "Gebruik: newtowns list [OPTIES]"
    assert "  --region NAAM           In dit regionale samenwerkingsverband (id, naam of" in (
        result.stdout
    )


def test_an_unknown_lang_is_a_usage_error(run: Runner) -> None:
    result = run(["--lang", "de", "list"])
    assert result.exit_code == 2
    assert result.stderr == (
        "newtowns: error: invalid value for --lang: 'de'\nnewtowns: hint: choose from nl, en\n"
    )


def test_an_unknown_newtowns_lang_is_a_usage_error_unless_lang_is_given(run: Runner) -> None:
    result = run(["list"], env={"NEWTOWNS_LANG": "de"})
    assert result.exit_code == 2
    assert result.stderr == (
        "newtowns: error: invalid value for $NEWTOWNS_LANG: 'de'\n"
        "newtowns: hint: choose from nl, en; or unset it\n"
    )
    assert run(["--lang", "en", "--version"], env={"NEWTOWNS_LANG": "de"}).exit_code == 0


def test_the_console_script_speaks_dutch_under_a_dutch_locale() -> None:
    """The installed script, with LANG=nl_NL.UTF-8 and no locale data needed."""
    script = pathlib.Path(sys.executable).parent / "newtowns"
    result = subprocess.run(
        [str(script), "--help"],
        env={"LANG": "nl_NL.UTF-8", "COLUMNS": "80", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == DUTCH_USAGE


def test_the_catalogues_are_fresh_and_complete() -> None:
    """A fresh extraction (Babel) matches the template and every .po; each message has a
    translation that is not fuzzy (scripts/catalogue.py check)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import catalogue
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    assert catalogue.problems() == []


def test_the_po_compiled_in_memory_is_what_babel_compiles() -> None:
    """A checkout's .po, read at run time, gives the catalogue the wheel's .mo gives."""
    with PO.open("rb") as file:
        catalog = read_po(file, locale="nl")
    built = io.BytesIO()
    write_mo(built, catalog, use_fuzzy=False)
    built.seek(0)
    expected = gettext.GNUTranslations(built)
    ours = gettext.GNUTranslations(io.BytesIO(catalogues.compile_po(PO.read_text("utf-8"))))
    assert ours._catalog == expected._catalog  # type: ignore[attr-defined]
    assert ours.plural(1) == 0 and ours.plural(2) == 1  # type: ignore[attr-defined]


def test_compile_po_reads_escapes_contexts_plurals_and_skips_fuzzy() -> None:
    text = r"""msgid ""
msgstr "Content-Type: text/plain; charset=utf-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "a \"quoted\"\n"
"line"
msgstr "een \"geciteerde\"\n"
"regel"

#, fuzzy
msgid "guess"
msgstr "gok"

msgctxt "column"
msgid "name"
msgstr "naam"

msgid "{n} town"
msgid_plural "{n} towns"
msgstr[0] "{n} groeikern"
msgstr[1] "{n} groeikernen"

msgid "empty"
msgstr ""
"""
    found = gettext.GNUTranslations(io.BytesIO(catalogues.compile_po(text)))
    assert found.gettext('a "quoted"\nline') == 'een "geciteerde"\nregel'
    assert found.gettext("guess") == "guess"
    assert found.pgettext("column", "name") == "naam"
    assert found.ngettext("{n} town", "{n} towns", 1) == "{n} groeikern"
    assert found.ngettext("{n} town", "{n} towns", 3) == "{n} groeikernen"
    assert found.gettext("empty") == "empty"


@pytest.mark.parametrize(
    ("value", "english", "dutch"),
    [
        (1335119, "1,335,119", "1.335.119"),
        (0, "0", "0"),
        (-4500, "-4,500", "-4.500"),
    ],
)
def test_numbers_are_written_without_the_systems_locale(
    value: int, english: str, dutch: str
) -> None:
    try:
        i18n.use("en")
        assert i18n.number(value) == english
        i18n.use("nl")
        assert i18n.number(value) == dutch
    finally:
        i18n.use("en")


def test_percentages_and_dates_in_dutch() -> None:
    from newtowns_cli.model.dates import PartialDate

    try:
        i18n.use("nl")
        assert i18n.percent(17.26) == "17,3 %"
        assert i18n.number(1234.5, ",.2f") == "1.234,50"
        assert i18n.date(PartialDate(2024, 1, 1)) == "1 januari 2024"
        assert i18n.date(PartialDate(1976, 5)) == "mei 1976"
        assert i18n.date(PartialDate(1972)) == "1972"
        i18n.use("en")
        assert i18n.percent(17.26) == "17.3%"
        assert i18n.date(PartialDate(2024, 1, 1)) == "2024-01-01"
    finally:
        i18n.use("en")
