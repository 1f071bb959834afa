"""`reportgen plan`: the template it writes builds with exactly the command it prints, down to
a data folder with a single figure."""

from __future__ import annotations

import shlex
import shutil

from tests.conftest import MINI_DIR, ROOT

ONE_FIGURE = "示范区对外贸易额再创新高\n\n本报记者 张三\n\n2023年，示范区对外贸易额达100亿元。\n"


def _printed_build(err: str) -> list[str]:
    """The build command `plan` tells the user to run next."""
    command = err.split("then: ", 1)[1].strip()
    words = shlex.split(command)
    assert words[:2] == ["reportgen", "build"], command
    return words[1:]


def test_one_figure_folder_builds_and_checks_with_the_printed_command(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "article.txt").write_text(ONE_FIGURE, encoding="utf-8")
    assert run("extract", "article.txt", "--date", "2023-06-28", "--to-data", "draft").code == 0
    assert (tmp_path / "draft" / "metrics.yaml").read_text(encoding="utf-8").count("- id:") == 1
    planned = run("plan", "draft", "new zone")  # a space: the printed command quotes it
    assert planned.code == 0, planned.err
    assert (tmp_path / "new zone" / "summary.yaml").is_file()
    built = run(*_printed_build(planned.err))
    assert built.code == 0, built.err
    outputs = sorted(p.name for p in (tmp_path / "output").iterdir() if p.suffix != ".json")
    # the outputs carry the new template's name, not the name of the one it was copied from
    assert outputs == [
        "article-tables.xlsx",
        "article_new-zone-summary_zh.pdf",
        "article_new-zone_zh.pptx",
    ]
    documents = [str(tmp_path / "output" / name) for name in outputs if name != outputs[0]]
    checked = run("check", *documents, "--data", "draft")
    assert checked.code == 0, checked.out + checked.err


def test_a_folder_without_figures_gets_no_plan(run, tmp_path):
    """A data folder needs a figure to validate, so there is nothing to plan: a clean data
    error and no template folder, never a template that cannot build."""
    data = tmp_path / "data"
    shutil.copytree(MINI_DIR, data)
    (data / "metrics.yaml").write_text("metrics: []\n", encoding="utf-8")
    result = run("plan", str(data), str(tmp_path / "plan"))
    assert result.code == 1
    assert "field 'metrics': has no entries" in result.err
    assert not (tmp_path / "plan").exists()


def test_missing_plan_is_named_by_the_template_the_user_gave(run, tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    plan = tmp_path / "house"
    assert run("plan", str(MINI_DIR), str(plan)).code == 0
    (plan / "summary.yaml").unlink()
    result = run("build", "--data", str(MINI_DIR), "--template", str(plan), "--out", "x")
    assert result.code == 2
    assert f"template '{plan}' has no summary.yaml for --format pdf" in result.err


def test_a_base_template_in_another_encoding_is_one_line_and_writes_nothing(run, tmp_path):
    base = tmp_path / "base"
    shutil.copytree(ROOT / "templates" / "briefing", base)
    theme = (base / "theme.yaml").read_text(encoding="utf-8") + "# café\n"
    (base / "theme.yaml").write_bytes(theme.encode("latin-1", errors="replace"))
    result = run("plan", str(MINI_DIR), str(tmp_path / "new"), "--from", str(base))
    assert result.code == 1, result.err
    assert "theme.yaml:32: not UTF-8 text" in result.err and "internal error" not in result.err
    assert not (tmp_path / "new").exists()


def test_new_templates_are_named_after_their_folder_with_a_valid_theme_name():
    from pydantic import TypeAdapter

    from reportgen.theme import Name, theme_name

    names = {folder: theme_name(folder) for folder in ("new zone (2023)", "..", "青岛", "x" * 99)}
    assert names["new zone (2023)"] == "new-zone-2023"
    assert names[".."] == names["青岛"] == "template"
    assert names["x" * 99] == "x" * 64
    for name in names.values():
        TypeAdapter(Name).validate_python(name)


def test_planned_notes_are_whole_sentences(run, tmp_path):
    import yaml

    assert run("plan", str(MINI_DIR), str(tmp_path / "new")).code == 0
    slides = yaml.safe_load((tmp_path / "new" / "deck.yaml").read_text(encoding="utf-8"))
    notes = [n for s in slides["slides"] for n in (s.get("notes") or {}).get("zh", [])]
    assert notes and all("共篇" not in note for note in notes)
    assert "本简报所依据的报道。" in notes
