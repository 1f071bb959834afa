"""Bad project settings (reportgen.toml, [tool.reportgen] in pyproject.toml) and careless
options: each fails cleanly, naming the file and the key a bad value came from, exit 2."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import MINI_DIR
from tests.corpus.test_bad_input import Case, assert_fails_cleanly, cli_case


def settings_case(
    name: str, content: str | bytes, message: str, file: str = "reportgen.toml"
) -> Case:
    """A settings file in the working folder (the test runs there) and a plain build."""

    def setup(tmp: Path) -> list[str]:
        data = content.encode("utf-8") if isinstance(content, str) else content
        (tmp / file).write_bytes(data)
        return ["build", "--format", "xlsx"]

    return Case(name, setup, 2, message)


def pyproject_case(name: str, content: str, message: str) -> Case:
    return settings_case(name, content, message, "pyproject.toml")


SETTINGS_CASES = [
    # --- the file itself ----------------------------------------------------------------
    settings_case(
        "invalid TOML inside the file",
        'lang = "zh"\njobs = \n',
        "reportgen.toml:2: column 8: not valid TOML: Invalid value",
    ),
    settings_case(
        "TOML that ends inside a value",
        'lang = ["zh",\n',
        "reportgen.toml:2: column 1: not valid TOML: Invalid value (at the end of the file)",
    ),
    settings_case(
        "settings saved as GBK",
        'template = "简报"\n'.encode("gbk"),
        "reportgen.toml:1: not UTF-8 text",
    ),
    settings_case("NUL bytes in the settings", b'lang = "zh"\x00\n', "contains NUL bytes"),
    settings_case(
        "values nested too deeply",
        "lang = " + "[" * 5000 + "]" * 5000 + "\n",
        "reportgen.toml: not valid settings: values nested too deeply",
    ),
    Case(
        "the settings file is a folder",
        lambda tmp: (tmp / "reportgen.toml").mkdir() or ["build", "--format", "xlsx"],
        2,
        "reportgen.toml: is a folder, expected a file",
    ),
    settings_case(
        "a misspelt setting",
        'lnag = "en"\n',
        "reportgen.toml: unknown reportgen setting(s) lnag; known: data, format, jobs",
    ),
    # --- pyproject.toml: read only as far as [tool.reportgen] -----------------------------
    pyproject_case(
        "[tool.reportgen] is a string",
        '[tool]\nreportgen = "yes"\n',
        "pyproject.toml: field 'tool.reportgen': must be a table ([tool.reportgen]) of "
        'settings, not "yes"',
    ),
    pyproject_case(
        "tool is a number",
        "tool = 5\n",
        "pyproject.toml: field 'tool': must be a table ([tool]), not 5",
    ),
    pyproject_case(
        "pyproject is not TOML",
        "[project\nname = 'x'\n",
        "pyproject.toml:1: column 9: not valid TOML",
    ),
    pyproject_case(
        "an empty language list in pyproject",
        "[tool.reportgen]\nlang = []\n",
        "pyproject.toml: field 'tool.reportgen.lang': is empty ([])",
    ),
    # --- each setting: wrong type, empty, unknown value, out of range ---------------------
    settings_case(
        "an empty language list", "lang = []\n", "reportgen.toml: field 'lang': is empty ([])"
    ),
    settings_case("an unknown language", 'lang = "fr"\n', "field 'lang': takes zh, en, not \"fr\""),
    settings_case(
        "a language list with an unknown one",
        'lang = ["zh", "de"]\n',
        'field \'lang\': takes zh, en, not ["zh", "de"]',
    ),
    settings_case(
        "languages as a table",
        "lang = {zh = true}\n",
        "field 'lang': takes a string or a list of strings, not a table",
    ),
    settings_case("a language number", "lang = 5\n", "field 'lang': takes a string or a list"),
    settings_case(
        "an unknown format", 'format = ["docx"]\n', "field 'format': takes pptx, pdf, xlsx"
    ),
    settings_case("an empty format", 'format = ""\n', "field 'format': is empty"),
    settings_case(
        "zero jobs", "jobs = 0\n", "field 'jobs': takes a whole number from 1 to 64, not 0"
    ),
    settings_case("jobs as text", 'jobs = "2"\n', "field 'jobs': takes a whole number"),
    settings_case("jobs as a flag", "jobs = true\n", "not true"),
    settings_case("too many jobs", "jobs = 1000\n", "from 1 to 64, not 1000"),
    settings_case("jobs as a fraction", "jobs = 1.5\n", "not 1.5"),
    settings_case("out is a number", "out = 5\n", "field 'out': takes a path (a string), not 5"),
    settings_case("out is a date", "out = 2023-05-01\n", "not 2023-05-01"),
    settings_case("out is empty", 'out = ""\n', "field 'out': is empty"),
    settings_case(
        "out is an existing file",
        'out = "afile"\n',
        "field 'out': \"afile\" is a file; give the output folder",
    ),
    settings_case(
        "data is a file",
        'data = "afile"\n',
        "field 'data': \"afile\" is a file; give the data folder",
    ),
    settings_case(
        "data folder missing", 'data = ["nowhere"]\n', "field 'data': no data folder \"nowhere\""
    ),
    settings_case("data is an empty list", "data = []\n", "field 'data': is empty"),
    settings_case("data holds a number", "data = [1]\n", "field 'data': takes a string or"),
    settings_case(
        "an unknown template",
        'template = "nosuch"\n',
        "field 'template': no template \"nosuch\" (a name under templates/ or a folder)",
    ),
    settings_case(
        "a template that is a plain file",
        'template = "afile"\n',
        "field 'template': \"afile\" is neither a template folder nor a .pptx/.potx master",
    ),
    settings_case(
        "a missing .pptx master",
        'template = "masters/house.pptx"\n',
        "is neither a template folder nor a .pptx/.potx master",
    ),
    settings_case("a template number", "template = 3\n", "field 'template': takes a path"),
]

OPTION_CASES = [
    cli_case(
        "an empty --lang", ["build", "--lang", "", "--out", "{tmp}/out"], 2, "--lang takes zh, en"
    ),
    cli_case(
        "a --format of commas",
        ["build", "--format", ",", "--out", "{tmp}/out"],
        2,
        "--format takes pptx, pdf, xlsx",
    ),
    cli_case("too many --jobs", ["build", "--jobs", "65", "--out", "{tmp}/out"], 2, "1<=x<=64"),
    cli_case(
        "a chart --lang that is not offered",
        ["charts", "--lang", "zh,de", "--out", "{tmp}/out/charts"],
        2,
        "--lang takes zh, en",
    ),
    cli_case(
        "a data file given to evaluate",
        ["evaluate", str(MINI_DIR / "metrics.yaml")],
        1,
        "metrics.yaml:1: gold file, field 'facts': Field required",
    ),
    cli_case(
        "a plain text given to evaluate",
        ["evaluate", str(MINI_DIR / "articles" / "trade.txt")],
        1,
        "trade.txt: expected a mapping with 'facts'",
    ),
    Case(
        "a gold file whose source is missing",
        lambda tmp: (
            (tmp / "gold.yaml").write_text("source: gone.txt\nfacts: []\n", encoding="utf-8")
            and ["evaluate", str(tmp / "gold.yaml")]
        ),
        1,
        "gold.yaml:1: gold file, field 'source': ",
    ),
    Case(
        "a gold file whose source is an absolute path",
        lambda tmp: (
            (tmp / "gold.yaml").write_text("source: /etc/hostname\nfacts: []\n", encoding="utf-8")
            and ["evaluate", str(tmp / "gold.yaml")]
        ),
        1,
        "field 'source': /etc/hostname: an absolute path; name it relative to the gold file",
    ),
    Case(
        "a gold file whose source is a pipe",
        lambda tmp: (
            os.mkfifo(tmp / "pipe.txt")
            or (
                (tmp / "gold.yaml").write_text("source: pipe.txt\nfacts: []\n", encoding="utf-8")
                and ["evaluate", str(tmp / "gold.yaml")]
            )
        ),
        1,
        "not a regular file",
    ),
    Case(
        "a gold fact of an unknown kind and qualifier",
        lambda tmp: (
            (tmp / "a.txt").write_text("增长5%", encoding="utf-8")
            and (tmp / "gold.yaml").write_text(
                "source: a.txt\nfacts:\n- {text: 增长5%, start: -5, end: 4, kind: nonsense, "
                "value: .nan, unit: '%', qualifier: maybe}\n",
                encoding="utf-8",
            )
            and ["evaluate", str(tmp / "gold.yaml")]
        ),
        1,
        "'nonsense' is not a kind the extractor reports",
    ),
]


@pytest.mark.parametrize("case", SETTINGS_CASES, ids=[case.name for case in SETTINGS_CASES])
def test_bad_settings_fail_cleanly(case: Case, run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # settings are read from the working folder
    assert_fails_cleanly(case, run, tmp_path, monkeypatch)


@pytest.mark.parametrize("case", OPTION_CASES, ids=[case.name for case in OPTION_CASES])
def test_careless_options_fail_cleanly(case: Case, run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert_fails_cleanly(case, run, tmp_path, monkeypatch)
