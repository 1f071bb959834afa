"""The command line as a user meets it: exit codes, one-line errors, nothing half-written."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys

import pytest

from reportgen.errors import ReportgenError
from tests.conftest import MINI_DIR, ROOT, SEED_DIR, edit


def test_validate_seed_is_clean(run):
    result = run("validate", str(SEED_DIR))
    assert result.code == 0
    assert "valid" in result.out and "47 reported" in result.out


def test_validate_defaults_to_the_seed_data(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # not the checkout: falls back to the bundled data
    assert run("validate").code == 0


def test_validate_reports_every_problem_and_exits_1(run, mini):
    edit(mini / "metrics.yaml", "value: 200\n", "value: 210\n")
    edit(mini / "rankings.yaml", "rank: 1\n", "rank: 2\n")
    result = run("validate", str(mini))
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert len(lines) == 3  # two problems and the summary
    assert "metrics.yaml:25: metric 'trains_total', field 'value'" in lines[0]
    assert "rankings.yaml:6: ranking 'rank_2023', field 'rank'" in lines[1]
    assert "Traceback" not in result.err


def test_usage_errors_exit_2(run):
    assert run("validate", "a", "b").code == 2
    assert run("tables", "slides").code == 2
    assert run("no-such-command").code == 2


def test_tables_metrics_csv_to_stdout(run):
    result = run("tables", "metrics", "--format", "csv")
    assert result.code == 0
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert set(
        [
            "id",
            "label_zh",
            "label_en",
            "value",
            "unit",
            "qualifier",
            "period",
            "topic",
            "article",
            "quote",
            "derived",
        ]
    ) <= set(rows[0])
    assert len(rows) >= 52
    trade = next(r for r in rows if r["id"] == "foreign_trade_2022")
    assert (trade["value"], trade["unit"], trade["derived"]) == ("36000000000", "CNY", "False")


def test_tables_csv_of_several_tables_needs_out(run):
    result = run("tables", "--format", "csv")
    assert result.code == 2
    assert "name one" in result.err


def test_tables_write_files(run, mini, tmp_path):
    out = tmp_path / "out"
    result = run("tables", "--data", str(mini), "--format", "xlsx", "--out", str(out))
    assert result.code == 0
    assert [p.name for p in out.iterdir()] == ["mini-tables.xlsx"]


def test_bad_data_writes_nothing(run, mini, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "mini-tables.xlsx").write_bytes(b"a good file from an earlier run")
    edit(mini / "metrics.yaml", "value: 200\n", "value: 210\n")
    result = run("tables", "--data", str(mini), "--format", "xlsx", "--out", str(out))
    assert result.code == 1
    assert "nothing was written" in result.err
    assert [p.name for p in out.iterdir()] == ["mini-tables.xlsx"]
    assert (out / "mini-tables.xlsx").read_bytes() == b"a good file from an earlier run"


def test_unreadable_yaml_is_one_line_not_a_traceback(run, mini):
    (mini / "events.yaml").write_bytes("events:\n  - id: 坏\n".encode("gbk"))
    result = run("validate", str(mini))
    assert result.code == 1
    assert "events.yaml:2: not UTF-8 text" in result.err
    assert "Traceback" not in result.err


def test_python_dash_m_and_version():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "reportgen", "--version"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("reportgen, version ")


def test_help_does_not_import_heavy_libraries():
    code = (
        "import sys; from reportgen.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('pandas', 'matplotlib', 'reportlab', 'pptx') if m in sys.modules]\n"
        "print(heavy)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.stdout.strip().endswith("[]"), result.stdout + result.stderr


@pytest.mark.slow
def test_extract_and_plan_import_no_drawing_or_table_library(tmp_path):
    """The first two steps of the monthly path read text and write YAML: they must not pay
    for matplotlib, reportlab, python-pptx, pandas or openpyxl (about the floor's whole
    start-up) in their own processes."""
    article = ROOT / "tests" / "extract" / "articles" / "zone-hb-2023-annual.txt"
    data, plan = tmp_path / "data", tmp_path / "plan"
    for args in (["extract", str(article), "--to-data", str(data)], ["plan", str(data), str(plan)]):
        code = (
            "import sys, runpy\n"
            f"sys.argv = ['reportgen', *{args!r}]\n"
            "try:\n    runpy.run_module('reportgen', run_name='__main__')\n"
            "except SystemExit as exc:\n    assert not exc.code, exc.code\n"
            "heavy = ('matplotlib', 'reportlab', 'pptx', 'pandas', 'openpyxl')\n"
            "print('HEAVY', [m for m in heavy if m in sys.modules], file=sys.stderr)"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
        )
        assert "HEAVY []" in result.stderr, result.stderr[-500:]
    assert (plan / "deck.yaml").is_file()


def test_charts_command_writes_both_languages(run, tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "charts"
    result = run("charts", "--lang", "zh,en", "--format", "png", "--out", str(out))
    assert result.code == 0, result.err
    names = sorted(p.name for p in out.iterdir())
    assert "foreign_trade.zh.png" in names and "foreign_trade.en.png" in names
    assert "charts.zh.json" in names and "charts.en.json" in names
    again = run("charts", "--lang", "zh", "--format", "png", "--out", str(out))
    from reportgen.template import load_template

    planned = len(load_template().charts)
    assert f"{planned} files in" in again.err and f"({planned} from cache)" in again.err


def test_charts_rejects_unknown_language(run):
    result = run("charts", "--lang", "fr")
    assert result.code == 2
    assert "--lang takes zh, en" in result.err


def test_build_writes_deck_and_summary(run, tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "out"
    result = run("build", "--lang", "en", "--out", str(out))
    assert result.code == 0, result.err
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert names == [
        "qingdao-sco-2023-05-tables.xlsx",
        "qingdao-sco-2023-05_briefing-sources_en.html",
        "qingdao-sco-2023-05_briefing-summary_en.pdf",
        "qingdao-sco-2023-05_briefing_en.pptx",
    ]
    assert "14 slides" in result.err and " pages, " in result.err


def test_build_with_bad_data_writes_nothing(run, mini, tmp_path):
    edit(mini / "metrics.yaml", "value: 200\n", "value: 210\n")
    out = tmp_path / "out"
    result = run("build", "--data", str(mini), "--out", str(out))
    assert result.code == 1
    assert not out.exists()


def test_build_with_a_broken_master_is_a_template_error(run, tmp_path):
    master = tmp_path / "house.pptx"
    master.write_bytes(b"PK\x03\x04 not really a zip")
    result = run("build", "--template", str(master), "--out", str(tmp_path / "out"))
    assert result.code == 1
    assert "not a readable PowerPoint master" in result.err
    assert "Traceback" not in result.err


def _reportgen(args: list[str], tmp_path, **streams) -> subprocess.CompletedProcess:
    """reportgen in its own process, as a shell runs it, with the given standard streams."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "REPORTGEN_CACHE_DIR": str(tmp_path / "cache")}
    return subprocess.run(
        [sys.executable, "-m", "reportgen", *args], env=env, cwd=tmp_path, check=False, **streams
    )


def _closed(command: str, tmp_path) -> subprocess.CompletedProcess:
    """A shell command line run in tmp_path, `$RG` standing for reportgen."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "REPORTGEN_CACHE_DIR": str(tmp_path / "cache")}
    env["RG"] = f"{sys.executable} -m reportgen"
    return subprocess.run(
        ["sh", "-c", command], env=env, cwd=tmp_path, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    "args",
    [
        ["tables", "metrics", "--format", "csv"],  # fails while writing
        ["validate", str(SEED_DIR)],  # one line, fails when flushed at the end
    ],
)
def test_a_reader_that_left_ends_the_command_quietly(args, tmp_path):
    """`reportgen tables ... | head -1`: no message, and the status a Unix tool stopped by
    SIGPIPE has (141), not success and not an exit code that means bad data."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has already left: every write fails, no race
    try:
        result = _reportgen(args, tmp_path, stdout=write_end, stderr=subprocess.PIPE)
    finally:
        os.close(write_end)
    assert result.stderr == b""
    assert result.returncode == 141


def test_a_reader_that_leaves_part_way_through_a_large_output_is_no_success(tmp_path):
    """One large write to a pipe whose reader leaves mid-way is cut short without an error:
    `reportgen extract big.txt --format csv | head -c 100` must not report success."""
    article = tmp_path / "big.txt"
    article.write_text(
        "。".join(f"新增企业{i}家，增长{i % 50}.{i % 9}%" for i in range(20000)), encoding="utf-8"
    )
    result = subprocess.run(
        [
            "bash",
            "-c",
            '$RG extract big.txt --format csv | head -c 100 >/dev/null; echo "${PIPESTATUS[0]}"',
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT), "RG": f"{sys.executable} -m reportgen"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.stdout.strip() == "141", result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_a_closed_standard_output_is_one_line_and_non_zero(tmp_path):
    for command in ("$RG tables metrics --format csv >&-", f"$RG validate {SEED_DIR} >&-"):
        result = _closed(command, tmp_path)
        assert result.returncode == 3, result.stderr
        assert result.stderr == (
            "reportgen: cannot write to standard output: it is closed; "
            "redirect it to a file or /dev/null\n"
        )


def test_a_closed_standard_output_does_not_stop_what_prints_nothing_there(tmp_path):
    result = _closed(f"$RG tables --data {MINI_DIR} --format md --out tables >&-", tmp_path)
    assert result.returncode == 0, result.stderr
    files = sorted(p.name for p in (tmp_path / "tables").iterdir())
    assert files == ["mini-articles.md", "mini-events.md", "mini-metrics.md", "mini-rankings.md"]
    assert (tmp_path / "tables" / "mini-metrics.md").read_text(encoding="utf-8").startswith("|")


def test_a_closed_standard_error_keeps_progress_off_standard_output(tmp_path):
    result = _closed(f"$RG build --data {MINI_DIR} --format xlsx --out out 2>&-", tmp_path)
    assert result.returncode == 0
    assert result.stdout == ""  # the progress lines went nowhere, not into the output
    assert (tmp_path / "out" / "mini-tables.xlsx").is_file()


@pytest.mark.parametrize(
    ("raised", "code", "message"),
    [
        (
            RuntimeError("a bug"),
            3,
            "reportgen: internal error: RuntimeError: a bug "
            "(set REPORTGEN_DEBUG=1 for a traceback)",
        ),
        (
            PermissionError(13, "Permission denied", "x.yaml"),
            3,
            "reportgen: cannot write or read x.yaml: Permission denied",
        ),
        (BrokenPipeError(32, "Broken pipe"), 141, ""),
        (
            ReportgenError("soffice failed: Warning: no java\nError: cannot load\n"),
            3,
            "reportgen: soffice failed: Warning: no java / Error: cannot load",
        ),
        (KeyboardInterrupt(), 130, "reportgen: interrupted"),
    ],
)
def test_every_command_reports_failures_the_same_way(
    run, monkeypatch, tmp_path, raised, code, message
):
    import reportgen.data

    def fail(*args, **kwargs):
        raise raised

    monkeypatch.setattr(reportgen.data, "load_dataset", fail)
    (tmp_path / "summary.pdf").write_bytes(b"%PDF-1.4")
    for args in (["validate"], ["tables", "metrics"], ["check", str(tmp_path / "summary.pdf")]):
        result = run(*args)
        assert result.code == code, (args, result.err)
        assert result.err == (message + "\n" if message else ""), args


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "--jobs", "abc"], "Invalid value for '--jobs'"),
        (["build", "--bogus"], "No such option"),
        (["publish"], "No such command 'publish'"),
        (["tables", "METRICS"], "'METRICS' is not one of"),
        (["extract", "--format", "xml", "x.txt"], "Invalid value for '--format'"),
        (["evaluate"], "Missing argument"),
    ],
)
def test_option_errors_are_one_line_like_every_other_error(run, args, message):
    result = run(*args)
    assert result.code == 2
    assert result.err.count("\n") == 1 and result.err.startswith("reportgen: "), result.err
    assert message in result.err and "--help)" in result.err


def test_build_of_the_workbook_alone_reports_its_sheets(run, mini, tmp_path):
    out = tmp_path / "out"
    result = run("build", "--data", str(mini), "--format", "xlsx", "--out", str(out), "-j", "1")
    assert result.code == 0, result.err
    assert [p.name for p in out.iterdir() if not p.name.startswith(".")] == ["mini-tables.xlsx"]
    assert "reportgen: 1 file(s) in" in result.err and "5 sheets" in result.err


@pytest.mark.slow
def test_check_command_and_build_refusing_a_bad_output(run, tmp_path, seed, monkeypatch):
    from pptx import Presentation
    from pptx.util import Inches

    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "out"
    assert run("build", "--format", "pptx", "--out", str(out)).code == 0
    deck = next(out.glob("*.pptx"))
    assert run("check", str(deck)).code == 0
    prs = Presentation(str(deck))
    box = prs.slides[1].shapes.add_textbox(Inches(1), Inches(1), Inches(2), Inches(1))
    box.text_frame.text = "999"
    prs.save(deck)
    result = run("check", str(deck))
    assert result.code == 1
    assert "run without an East Asian typeface" in result.err
    assert "number 999 is not in the dataset" in result.err


def test_evaluate_deck_options_go_with_deck_only(run, tmp_path):
    gold = ROOT / "tests" / "extract" / "gold" / "seed.yaml"
    result = run("evaluate", str(gold), "--json")
    assert result.code == 2 and "--json go(es) with --deck" in result.err
    result = run("evaluate", "--deck", "--show-misses", str(gold))
    assert result.code == 2 and "does not go with --deck" in result.err
    result = run("evaluate", str(tmp_path))
    assert result.code == 2 and "gold files are files, not folders" in result.err
    result = run("evaluate", "--deck", "--date", "29.5.2023", str(gold))
    assert result.code == 2 and "--date takes YYYY-MM-DD" in result.err
    result = run("evaluate", "--deck", str(tmp_path))
    assert result.code == 2 and "no .txt articles" in result.err


@pytest.mark.slow
def test_evaluate_deck_measures_an_article_and_exits_0_whatever_it_finds(run, tmp_path):
    import json

    article = tmp_path / "trade.txt"
    article.write_text(
        "date: 2023-06-28\n---\n前5个月上合示范区外贸增长21.5%\n\n"
        "前5个月，上合示范区对外贸易额达150亿元，增长21.5%；其中出口和进口分别增长25.1%和9.8%。\n",
        encoding="utf-8",
    )
    broken = tmp_path / "empty.txt"
    broken.write_text("date: 2023-06-28\n---\n没有数字的文章。\n", encoding="utf-8")
    result = run(
        "evaluate", "--deck", str(article), str(broken), "--json", "--keep", str(tmp_path / "k")
    )
    assert result.code == 0, result.err
    good, bad = json.loads(result.out)["decks"]
    assert good["built"] and good["slides"]["zh"] == good["slides"]["en"] > 1
    assert good["figures"] > 0
    assert not bad["built"] and bad["failure"].startswith("extract exit")
    assert (tmp_path / "k" / "01-trade" / "out").is_dir()


def test_a_command_runs_with_rare_garbage_collections_and_restores_the_callers(monkeypatch):
    """The cycle collector ran hundreds of times in a build for nothing (what a command
    allocates mostly lives as long as it): a command runs with far higher thresholds, and a
    caller running commands in its own process (a test, a notebook) gets its own back."""
    import gc

    from reportgen import cli as module

    seen = []
    monkeypatch.setattr(module, "_run", lambda args: seen.append(gc.get_threshold()) or 0)
    before = gc.get_threshold()
    with pytest.raises(SystemExit) as stopped:
        module.main(["validate"])
    assert stopped.value.code == 0
    assert seen[0][0] >= 10 * before[0] and seen[0][0] >= 10_000
    assert gc.get_threshold() == before


def test_check_and_preview_take_folders(run, tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "out"
    assert run("build", "--format", "pptx,pdf", "--lang", "en", "--out", str(out)).code == 0
    checked = run("check", str(out))
    assert checked.code == 0, checked.err
    assert "2 file(s) checked, no findings" in checked.err  # the deck and the PDF, not the rest
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("x", encoding="utf-8")
    for verb in ("check", "preview"):
        result = run(verb, str(empty))
        assert result.code == 2
        assert f"nothing to {verb} in " in result.err and "no .pptx and .pdf files" in result.err
    assert "Example: reportgen check output/" in run("check", "--help").out


def test_every_commands_help_shows_an_example(run):
    from reportgen.cli import cli

    for name in cli.commands:
        shown = run(name, "--help")
        assert shown.code == 0
        assert "Example" in shown.out, name


def test_the_shell_gets_completions(monkeypatch, capsys):
    from reportgen.cli import COMPLETE_VAR, _run

    monkeypatch.setenv(COMPLETE_VAR, "bash_complete")
    monkeypatch.setenv("COMP_WORDS", "reportgen tem")
    monkeypatch.setenv("COMP_CWORD", "1")
    assert _run([]) == 0
    assert capsys.readouterr().out.strip() == "plain,templates"


def test_check_reads_each_output_against_the_data_folder_that_made_it(run, mini, tmp_path):
    """Without --data, the output folder's record names each file's data folder, so a
    project of several folders checks clean; the seed example would not match mini's deck."""
    out = tmp_path / "out"
    built = run("build", "--data", str(mini), "--format", "pptx", "--lang", "en", "--out", str(out))
    assert built.code == 0, built.err
    assert run("check", str(out)).code == 0
    seed = run("check", str(out), "--data", str(SEED_DIR))
    assert seed.code == 1 and "is not in the dataset" in seed.err


def test_validate_takes_a_folder_of_data_folders_and_reports_all_problems(run, mini, tmp_path):
    parent = tmp_path / "data"
    shutil.copytree(mini, parent / "a")
    shutil.copytree(mini, parent / "b")
    assert run("validate", str(parent)).out.count(": valid — ") == 2
    edit(parent / "a" / "metrics.yaml", "value: 200\n", "value: 210\n")
    result = run("validate", str(parent))
    assert result.code == 1 and "210 does not appear in the quote" in result.err
    assert f"{parent / 'b'}: valid" in result.out


def test_a_command_of_one_dataset_asks_which_when_settings_name_several(
    run, mini, tmp_path, monkeypatch
):
    shutil.copytree(mini, tmp_path / "data" / "a")
    shutil.copytree(mini, tmp_path / "data" / "b")
    (tmp_path / "reportgen.toml").write_text('data = ["data"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("tables", "metrics", "--format", "csv")
    assert result.code == 2
    assert "reportgen.toml names 2 data folders" in result.err and "--data" in result.err
    assert run("tables", "metrics", "--format", "csv", "--data", "data/a").code == 0
    assert run("validate").out.count(": valid — ") == 2  # validate takes them all
