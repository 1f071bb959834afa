"""A corpus of bad inputs: data files, templates, command lines and article texts.

Every case must end in clear one-line errors (no traceback), the documented exit code
(1 invalid data or template, 2 usage, 3 build failure), and an output folder left exactly as
it was. Cases that could exhaust time or memory (a 10 MB article, a zip bomb) are refused by
size before anything is parsed.
"""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import BRIEFING_DIR, MINI_DIR, SEED_DIR, edit

BRIEFING = BRIEFING_DIR


@dataclass
class Case:
    name: str
    setup: Callable[[Path], list[str]]  # prepares files under tmp, returns the CLI arguments
    code: int
    message: str


def data_case(
    name: str,
    mutate: Callable[[Path], None],
    message: str,
    base: Path = MINI_DIR,
    command: str = "validate",
) -> Case:
    def setup(tmp: Path) -> list[str]:
        folder = tmp / "data"
        shutil.copytree(base, folder)
        mutate(folder)
        if command == "validate":
            return ["validate", str(folder)]
        return ["build", "--data", str(folder), "--out", str(tmp / "out")]

    return Case(name, setup, 1, message)


def template_case(name: str, mutate: Callable[[Path], None], message: str, code: int = 1) -> Case:
    def setup(tmp: Path) -> list[str]:
        folder = tmp / "house"
        shutil.copytree(BRIEFING, folder)
        mutate(folder)
        return ["build", "--template", str(folder), "--out", str(tmp / "out")]

    return Case(name, setup, code, message)


def master_case(name: str, write: Callable[[Path], None], message: str) -> Case:
    def setup(tmp: Path) -> list[str]:
        master = tmp / "house.pptx"
        write(master)
        return ["build", "--template", str(master), "--out", str(tmp / "out")]

    return Case(name, setup, 1, message)


def cli_case(name: str, args: list[str], code: int, message: str) -> Case:
    return Case(name, lambda tmp: [a.replace("{tmp}", str(tmp)) for a in args], code, message)


def replace_in(name: str, old: str, new: str) -> Callable[[Path], None]:
    return lambda folder: edit(folder / name, old, new)


def write(name: str, content: bytes) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_bytes(content)


def zip_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("ppt/media/bomb.bin", "w", force_zip64=True) as member:
            block = b"\0" * (1 << 20)
            for _ in range(150):  # 150 MiB of zeros, a few hundred KB packed
                member.write(block)


def remove_titles(folder: Path) -> None:
    """A master none of whose layouts has a title: no slide kind can be served."""
    from pptx import Presentation
    from pptx.enum.shapes import PP_PLACEHOLDER

    prs = Presentation(str(folder / "master.pptx"))
    for layout in prs.slide_layouts:
        for ph in list(layout.placeholders):
            if ph.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
                ph._element.getparent().remove(ph._element)
    prs.save(str(folder / "master.pptx"))


def mini_metrics(text: str) -> Callable[[Path], None]:
    return write("metrics.yaml", text.encode("utf-8"))


CASES = [
    # --- data files -----------------------------------------------------------------------
    data_case(
        "malformed YAML",
        replace_in("metrics.yaml", "    unit: CNY\n", "    unit: [CNY\n"),
        "invalid YAML",
    ),
    data_case(
        "GBK encoded file",
        lambda f: (f / "events.yaml").write_bytes(
            (f / "events.yaml").read_text(encoding="utf-8").encode("gbk")
        ),
        "not UTF-8 text",
    ),
    data_case("NUL bytes", write("rankings.yaml", b"rankings:\x00\n"), "contains NUL bytes"),
    data_case(
        "no metrics at all", mini_metrics("metrics: []\n"), "field 'metrics': has no entries"
    ),
    data_case("empty metrics file", write("metrics.yaml", b""), "metrics.yaml: file is empty"),
    data_case(
        "metrics not a list",
        mini_metrics("metrics: 12\n"),
        "expected a mapping with a 'metrics' list",
    ),
    data_case(
        "missing dataset.yaml",
        lambda f: (f / "dataset.yaml").unlink(),
        "dataset.yaml: file not found",
    ),
    data_case(
        "missing article text",
        lambda f: (f / "articles" / "trade.txt").unlink(),
        "trade.txt: file not found",
    ),
    data_case(
        "value is text",
        replace_in("metrics.yaml", "value: 25\n", "value: twenty-five\n"),
        "Input should be a valid number",
    ),
    data_case(
        "huge value", replace_in("metrics.yaml", "value: 25\n", "value: 1e400\n"), "field 'value'"
    ),
    data_case(
        "NaN value", replace_in("metrics.yaml", "value: 25\n", "value: .nan\n"), "field 'value'"
    ),
    data_case(
        "negative count",
        replace_in("metrics.yaml", "value: 200\n", "value: -200\n"),
        "cannot be negative",
    ),
    data_case(
        "unknown article id",
        replace_in("rankings.yaml", "article: trade", "article: none"),
        "unknown article id 'none'",
    ),
    data_case(
        "quote not in article",
        replace_in("rankings.yaml", "由第三名升至第一名", "由第二名升至第一名"),
        "quote not found in article",
    ),
    data_case(
        "value not in quote",
        replace_in("metrics.yaml", "value: 200\n", "value: 300\n"),
        "300 does not appear in the quote",
    ),
    data_case(
        "duplicate ids",
        replace_in("metrics.yaml", "id: trains_total", "id: trade_2023"),
        "duplicate id",
    ),
    data_case(
        "formula runs code",
        replace_in(
            "metrics.yaml",
            "formula: trade_2023 / (1 + trade_growth_2023 / 100)",
            "formula: __import__('os').system('true')",
        ),
        "only + - * / ( ) numbers and metric ids",
    ),
    data_case(
        "python object tag",
        write("events.yaml", b"events: !!python/object/apply:os.getcwd []\n"),
        "could not determine a constructor",
    ),
    data_case(
        "unknown field",
        replace_in(
            "metrics.yaml", "    topic: logistics\n", "    topic: logistics\n    sorce: x\n"
        ),
        "unknown field (a typo?)",
    ),
    data_case(
        "id escaping the output folder",
        replace_in("dataset.yaml", "id: mini", "id: ../../etc"),
        "field 'id': String should match pattern",
    ),
    data_case(
        "10 MB article",
        write("articles/trade.txt", "示范区".encode() * 3_500_000),
        "file is larger than 2 MiB",
    ),
    data_case("data folder is a file", lambda f: None, "is a file; give the data folder"),
    # --- templates --------------------------------------------------------------------------
    template_case(
        "bad colour",
        replace_in("theme.yaml", 'primary: "#0B3D6B"', 'primary: "blue"'),
        "field 'colors.primary'",
    ),
    template_case(
        "unavailable font",
        replace_in("theme.yaml", "east_asian: Noto Sans SC", "east_asian: SimHei"),
        "font family 'SimHei' is not available",
    ),
    template_case(
        "unknown metric in a chart",
        replace_in("charts.yaml", "metric: staff_masters,", "metric: staff_master,"),
        "unknown metric id 'staff_master'",
    ),
    template_case(
        "slide plan names a missing chart",
        replace_in("deck.yaml", "chart: foreign_trade", "chart: foreign_trades"),
        "no chart 'foreign_trades' in charts.yaml",
    ),
    template_case(
        "unknown layout in the plan",
        replace_in("deck.yaml", "layout: Timeline", "layout: Gantt"),
        "field 'slides.11.layout'",
    ),
    template_case(
        "snippet names an unknown metric",
        replace_in(
            "deck.yaml", "{{ m.foreign_trade_2022 }}，增长", "{{ m.foreign_trade_2021 }}，增长"
        ),
        "no metric 'foreign_trade_2021'",
    ),
    template_case(
        "snippet escapes the sandbox",
        replace_in(
            "deck.yaml", "title: {zh: 关键数据一览,", "title: {zh: \"{{ ''.__class__.__mro__ }}\","
        ),
        "SecurityError",
    ),
    template_case(
        "a master with no titled layout",
        remove_titles,
        "no layout with a title placeholder; the master has: 'Title', 'Section'",
    ),
    master_case(
        "corrupt master",
        lambda p: p.write_bytes(b"PK\x03\x04garbage"),
        "not a readable PowerPoint master",
    ),
    master_case(
        "a picture renamed .pptx",
        lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64),
        "not a readable PowerPoint master",
    ),
    master_case("zip bomb as a master", zip_bomb, "not a plausible PowerPoint master"),
    # --- command lines ----------------------------------------------------------------------
    cli_case("unknown command", ["publish"], 2, "No such command"),
    cli_case(
        "unknown language", ["build", "--lang", "fr", "--out", "{tmp}/out"], 2, "--lang takes"
    ),
    cli_case(
        "unknown format", ["build", "--format", "docx", "--out", "{tmp}/out"], 2, "--format takes"
    ),
    cli_case("zero jobs", ["build", "--jobs", "0", "--out", "{tmp}/out"], 2, "Invalid value"),
    cli_case(
        "missing data folder",
        ["build", "--data", "{tmp}/nowhere", "--out", "{tmp}/out"],
        1,
        "data folder not found",
    ),
    cli_case("check a file that is not there", ["check", "{tmp}/none.pptx"], 2, "does not exist"),
    cli_case("several tables as CSV on stdout", ["tables", "--format", "csv"], 2, "name one"),
    cli_case(
        "output folder is a file",
        ["build", "--format", "xlsx", "--out", "{tmp}/afile"],
        3,
        "cannot write",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_fails_cleanly(case: Case, run, tmp_path, monkeypatch):
    assert_fails_cleanly(case, run, tmp_path, monkeypatch)


def assert_fails_cleanly(case: Case, run, tmp_path: Path, monkeypatch) -> None:
    """The corpus guarantees, shared by every corpus file: the documented exit code, the
    expected one-line message, no traceback, no overlong line, the output folder untouched."""
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "afile").write_text("not a folder", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "good.pptx").write_bytes(b"an earlier good deck")
    args = case.setup(tmp_path)
    if case.name == "data folder is a file":
        args = ["validate", str(tmp_path / "afile")]
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    result = run(*args)
    assert result.code == case.code, result.err
    assert case.message in result.err, result.err
    assert "Traceback" not in result.err and "Error:" not in result.err.replace(
        "SecurityError", ""
    ).replace("Error: No such", "").replace("Error: Invalid", "")
    for line in result.err.strip().splitlines():
        assert len(line) < 2000, line[:200]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_the_corpus_is_big_enough():
    assert len(CASES) >= 30


def test_seed_fixture_untouched():
    assert (SEED_DIR / "metrics.yaml").is_file()
