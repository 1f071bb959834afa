"""Bad input about what a data folder or template names, bounded reads and file-level
messages: names outside the folder, links out, pipes and devices, huge files, alias bombs,
merge keys, UTF-16, numbers YAML reads as text. Each fails cleanly (see test_bad_input)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MINI_DIR, edit
from tests.corpus.test_bad_input import (
    BRIEFING,
    Case,
    assert_fails_cleanly,
    data_case,
    replace_in,
    template_case,
    write,
)

SECRET = "MACHINE-SECRET: a line of a file outside the data folder"


def outside_file(folder: Path) -> Path:
    """A file beside the data or template folder, never to be read or printed."""
    path = folder.parent / "secret.txt"
    path.write_text(f"{SECRET}\n" * 3, encoding="utf-8")
    return path


def link_out(name: str) -> Callable[[Path], None]:
    def mutate(folder: Path) -> None:
        (folder / name).unlink()
        (folder / name).symlink_to(outside_file(folder))

    return mutate


def link_to(name: str, target: str) -> Callable[[Path], None]:
    def mutate(folder: Path) -> None:
        if (folder / name).exists() or (folder / name).is_symlink():
            (folder / name).unlink()
        (folder / name).symlink_to(target)

    return mutate


def fifo(name: str) -> Callable[[Path], None]:
    def mutate(folder: Path) -> None:
        if (folder / name).exists():
            (folder / name).unlink()
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(folder / name)

    return mutate


def article_file(name: str) -> Callable[[Path], None]:
    def mutate(folder: Path) -> None:
        outside_file(folder)
        edit(folder / "articles.yaml", "file: articles/trade.txt", f"file: {name}")

    return mutate


def absolute_article(folder: Path) -> None:
    edit(folder / "articles.yaml", "file: articles/trade.txt", f"file: {outside_file(folder)}")


def billion_laughs(prefix: str = "x", levels: int = 9) -> str:
    """Nine lines that expand to 9**9 strings in whatever walks the result."""
    lines = [f'{prefix}0: &{prefix}0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, levels + 1):
        lines.append(f"{prefix}{n}: &{prefix}{n} [" + ", ".join([f"*{prefix}{n - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def alias_bomb_in_a_label(folder: Path) -> None:
    text = (folder / "metrics.yaml").read_text(encoding="utf-8")
    label = text.replace("label_en: Foreign trade\n", "label_en: *x9\n", 1)
    (folder / "metrics.yaml").write_text(billion_laughs() + label, encoding="utf-8")


def house_case(name: str, mutate: Callable[[Path], None], args: list[str], message: str) -> Case:
    """A command other than build given a template folder that names files badly."""

    def setup(tmp: Path) -> list[str]:
        house = tmp / "house"
        shutil.copytree(BRIEFING, house)
        mutate(house)
        return [a.replace("{house}", str(house)).replace("{tmp}", str(tmp)) for a in args]

    return Case(name, setup, 1, message)


def extract_case(name: str, prepare: Callable[[Path], Path], message: str) -> Case:
    return Case(name, lambda tmp: ["extract", str(prepare(tmp))], 1, message)


def make_fifo(tmp: Path) -> Path:
    os.mkfifo(tmp / "article.txt")
    return tmp / "article.txt"


def make_huge(tmp: Path) -> Path:
    path = tmp / "article.txt"
    with path.open("wb") as handle:  # sparse: 4 GiB on paper, nothing on disk
        handle.truncate(4 * 2**30)
    return path


CASES = [
    # --- names that leave the data folder ----------------------------------------------------
    data_case(
        "article file is an absolute path",
        absolute_article,
        "secret.txt: an absolute path; name the file relative to",
    ),
    data_case(
        "article file climbs out with ..",
        article_file("../secret.txt"),
        "field 'file': ../secret.txt: goes up with '..'",
    ),
    data_case(
        "article file is a symlink out of the folder",
        link_out("articles/trade.txt"),
        "field 'file': articles/trade.txt: a symlink that leads outside",
    ),
    data_case(
        "raw source is an absolute path",
        replace_in("dataset.yaml", "file: raw/page.txt", "file: /etc/hostname"),
        "raw source 'page', field 'file': /etc/hostname: an absolute path",
    ),
    data_case(
        "raw source is a symlink out of the folder",
        link_out("raw/page.txt"),
        "raw source 'page', field 'file': raw/page.txt: a symlink that leads outside",
    ),
    data_case(
        "metrics.yaml is a symlink to /dev/zero",
        link_to("metrics.yaml", "/dev/zero"),
        "metrics.yaml: a symlink that leads outside",
    ),
    data_case(
        "dataset.yaml is a symlink out of the folder",
        link_out("dataset.yaml"),
        "dataset.yaml: a symlink that leads outside",
    ),
    # --- pipes, devices, folders, sizes ---------------------------------------------------------
    data_case("metrics.yaml is a FIFO", fifo("metrics.yaml"), "metrics.yaml: not a regular file"),
    data_case(
        "article file is a FIFO",
        fifo("articles/trade.txt"),
        "field 'file': articles/trade.txt: not a regular file",
    ),
    data_case(
        "article file is a folder",
        lambda f: ((f / "articles" / "trade.txt").unlink(), (f / "articles" / "trade.txt").mkdir()),
        "field 'file': articles/trade.txt: is a folder, expected a file",
    ),
    extract_case("extract /dev/zero", lambda tmp: Path("/dev/zero"), "not a regular file"),
    extract_case("extract a FIFO", make_fifo, "not a regular file"),
    extract_case("extract a 4 GiB article", make_huge, "file is larger than 20 MiB"),
    # --- YAML constructs a data file has no need for ----------------------------------------------
    data_case(
        "alias bomb in a label",
        alias_bomb_in_a_label,
        "YAML aliases (*name) are not supported",
    ),
    data_case(
        "merge key in an entry",
        lambda f: (f / "events.yaml").write_text(
            "base: &base {status: held}\n"
            + (f / "events.yaml")
            .read_text(encoding="utf-8")
            .replace("    status: held\n", "    <<: *base\n", 1),
            encoding="utf-8",
        ),
        "YAML merge keys (<<) are not supported",
    ),
    # --- file-level messages --------------------------------------------------------------------
    data_case(
        "UTF-16 file",
        lambda f: (f / "events.yaml").write_bytes(
            (f / "events.yaml").read_text(encoding="utf-8").encode("utf-16")
        ),
        "events.yaml: UTF-16 text; save it as UTF-8",
    ),
    data_case(
        "a value YAML reads as text",
        replace_in("metrics.yaml", "value: 10000000000\n", "value: 1.0e10\n"),
        "YAML reads 1.0e10 as text, not a number; write 1.0e+10 or 10000000000",
    ),
    data_case(
        "articles file unreadable",
        write("articles.yaml", b"articles: [\n"),
        "articles.yaml:2: invalid YAML",
    ),
    # --- template files ---------------------------------------------------------------------------
    template_case(
        "theme.yaml is a symlink out of the template",
        link_out("theme.yaml"),
        "theme.yaml: a symlink that leads outside",
    ),
    template_case("deck.yaml is a FIFO", fifo("deck.yaml"), "deck.yaml: not a regular file"),
    template_case("master is a FIFO", fifo("master.pptx"), "master.pptx: not a regular file"),
    template_case(
        "master is a symlink out of the template",
        link_out("master.pptx"),
        "master.pptx: a symlink that leads outside",
    ),
    template_case("a font file is a FIFO", fifo("fonts/House.ttf"), "House.ttf: not a regular"),
    template_case(
        "fonts folder links out of the template",
        lambda f: (f / "fonts").symlink_to("/usr/share"),
        "fonts: a symlink that leads outside",
    ),
    house_case(
        "plan from a template whose theme links out",
        link_out("theme.yaml"),
        ["plan", str(MINI_DIR), "{tmp}/new", "--from", "{house}"],
        "theme.yaml: a symlink that leads outside",
    ),
    house_case(
        "list a template whose master is a FIFO",
        fifo("master.pptx"),
        ["templates", "{house}"],
        "master.pptx: not a regular file",
    ),
    template_case(
        "charts.yaml unreadable: the plans naming its charts are not reported again",
        replace_in("charts.yaml", "kind: ", "kind: ["),
        "charts.yaml:7: invalid YAML",
    ),
    template_case(
        "a chart that fails its checks: the slide naming it is not reported again",
        replace_in(
            "charts.yaml", "  - id: foreign_trade\n", "  - id: foreign_trade\n    colour: red\n"
        ),
        "chart 'foreign_trade', field 'colour': unknown field",
    ),
    template_case(
        "alias in a slide plan",
        replace_in("deck.yaml", "slides:\n", "x: &x [1]\ny: *x\nslides:\n"),
        "YAML aliases (*name) are not supported",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_path_and_read_faults_fail_cleanly(case: Case, run, tmp_path, monkeypatch):
    assert_fails_cleanly(case, run, tmp_path, monkeypatch)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_the_cause_is_one_line_and_nothing_of_a_refused_file_is_printed(
    case: Case, run, tmp_path, monkeypatch
):
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    result = run(*case.setup(tmp_path))
    assert "MACHINE-SECRET" not in result.err + result.out
    problems = [line for line in result.err.splitlines() if not line.startswith("reportgen:")]
    assert len(problems) == 1, result.err  # the cause, and no knock-on lines


def test_an_anchor_without_an_alias_still_validates(run, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(MINI_DIR, folder)
    edit(folder / "events.yaml", "events:\n", "shared: &s {status: held}\nevents:\n")
    result = run("validate", str(folder))
    assert "unknown top-level key" in result.err  # the key is unknown; the anchor is fine
    assert "alias" not in result.err


def test_extract_reads_a_symlink_the_user_names(run, tmp_path):
    """The command line's own file may be a link: the user chose it."""
    article = tmp_path / "article.txt"
    article.write_text("示范区对外贸易额达100亿元，增长25%。\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(article)
    result = run("extract", str(link))
    assert result.code == 0, result.err
    assert "10000000000" in result.out


def test_the_corpus_covers_every_kind_of_fault():
    assert len(CASES) >= 25


def test_plan_copies_nothing_from_a_base_template_that_links_out(run, tmp_path):
    house = tmp_path / "house"
    shutil.copytree(BRIEFING, house)
    link_out("master.pptx")(house)
    result = run("plan", str(MINI_DIR), str(tmp_path / "new"), "--from", str(house))
    assert result.code == 1, result.err
    assert "master.pptx: a symlink that leads outside" in result.err
    assert not (tmp_path / "new").exists()
