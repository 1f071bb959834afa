"""`reportgen plan`'s files: the template it writes builds with exactly the command it prints,
down to a data folder with a single figure; the plans are the planner's models, serialised."""

from __future__ import annotations

import shlex
import shutil

import pytest
import yaml

from reportgen.data import load_dataset
from reportgen.template import load_template, planner
from reportgen.template.write import (
    chart_fields,
    plan_files,
    renamed_theme,
    write_plan,
    written_fields,
)
from tests.conftest import BRIEFING_DIR, MINI_DIR

BRIEFING = BRIEFING_DIR

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
        "shifanqu-2023-06-tables.xlsx",
        "shifanqu-2023-06_new-zone-sources_zh.html",
        "shifanqu-2023-06_new-zone-summary_zh.pdf",
        "shifanqu-2023-06_new-zone_zh.pptx",
    ]
    documents = [
        str(tmp_path / "output" / name) for name in outputs if name.endswith((".pdf", ".pptx"))
    ]
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
    shutil.copytree(BRIEFING_DIR, base)
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


def test_written_fields_use_yaml_names_and_leave_defaults_out():
    timeline = planner.events_chart(["2023-03-05", "2023-05-01"])
    assert written_fields(timeline) == {
        "id": "events",
        "kind": "timeline",
        "title_zh": "重点活动·2023年3月至2023年5月",
        "title_en": "Events · March 2023 – May 2023",
        "events": {"from": "2023-03-05", "to": "2023-05-01"},  # no basis, no precise_only
    }


def test_a_rank_chart_names_its_table_before_its_titles():
    assert list(chart_fields(planner.ranking_chart())) == [
        "id",
        "kind",
        "table",
        "title_zh",
        "title_en",
    ]
    key = planner.plan_template(load_dataset(MINI_DIR)).charts[0]
    assert list(chart_fields(key)) == ["id", "kind", "title_zh", "title_en", "metrics"]


def test_plan_files_are_the_plans_as_yaml():
    plans = planner.plan_template(load_dataset(MINI_DIR))
    files = plan_files(plans)
    assert sorted(files) == ["charts.yaml", "deck.yaml", "summary.yaml"]
    deck = yaml.safe_load(files["deck.yaml"])
    assert [s["id"] for s in deck["slides"]] == [s.id for s in plans.deck.slides]
    sources = deck["slides"][-1]
    assert sources["table"] == {
        "source": "articles",
        "columns": [
            {"field": "title", "heading": {"zh": "标题", "en": "Title"}},
            {"field": "outlet", "heading": {"zh": "媒体", "en": "Outlet"}},
            {"field": "date", "heading": {"zh": "日期", "en": "Date"}},
        ],
    }
    summary = files["summary.yaml"].decode("utf-8")
    assert "events:\n  from: '2023-01-01'\n  to: '2023-12-31'\n" in summary


def test_renamed_theme_changes_only_the_name_line(tmp_path):
    theme = "# a comment\nname: briefing\nfonts:\n  name: kept\n"
    assert renamed_theme(theme, tmp_path / "New Zone") == (
        "# a comment\nname: New-Zone\nfonts:\n  name: kept\n"
    )


def test_written_template_loads_with_the_data_it_was_planned_for(tmp_path):
    dataset = load_dataset(MINI_DIR)
    counts = write_plan(dataset, BRIEFING, tmp_path / "house")
    assert counts == {"charts": 2, "slides": 4}
    template = load_template(tmp_path / "house", {m.id for m in dataset.metrics})
    assert template.name == "house"
    assert template.deck == planner.plan_template(dataset).deck
    assert (tmp_path / "house" / "master.pptx").read_bytes() == (
        BRIEFING / "master.pptx"
    ).read_bytes()


def test_a_folder_that_is_not_empty_is_not_written_into(tmp_path):
    target = tmp_path / "house"
    target.mkdir()
    (target / "mine.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(FileExistsError, match="not empty"):
        write_plan(load_dataset(MINI_DIR), BRIEFING, target)
    assert sorted(p.name for p in target.iterdir()) == ["mine.txt"]


def test_many_figures_still_make_a_deck_that_holds(tmp_path):
    """600 figures: the story takes what a deck holds (sections, key figures, at most
    ``CONTENT_SLIDES`` section slides), not a table slide for every ten figures."""
    import dataclasses

    dataset = load_dataset(MINI_DIR)
    first = dataset.metrics[0]
    many = tuple(
        first.model_copy(update={"id": f"figure_{n}", "topic": topic})
        for n, topic in zip(range(600), ["trade", "logistics", "investment"] * 200, strict=False)
    )
    counts = write_plan(dataclasses.replace(dataset, metrics=many), BRIEFING, tmp_path / "house")
    assert 4 <= counts["slides"] <= planner.CONTENT_SLIDES + 6
