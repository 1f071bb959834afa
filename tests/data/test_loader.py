"""What a data folder names is read from inside it only; problems are reported once, at
their cause, on the entry and field that name the file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from reportgen.data import load_dataset, validate_folder
from reportgen.data.loader import read_folder
from tests.conftest import SEED_DIR, edit

SECRET = "THE-MACHINE-SECRET line that must never be printed"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(f"{SECRET}\n{SECRET}\n", encoding="utf-8")
    return path


def lines(folder: Path) -> list[str]:
    return [str(problem) for problem in validate_folder(folder)]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("{outside}", "an absolute path; name the file relative to"),
        ("../secret.txt", "goes up with '..'; name the file by its path inside"),
        ("articles/../../secret.txt", "goes up with '..'"),
    ],
)
def test_an_article_file_outside_the_folder_is_refused_on_its_entry(mini, outside, name, reason):
    name = name.format(outside=outside)
    edit(mini / "articles.yaml", "file: articles/trade.txt", f"file: {name}")
    problems = lines(mini)
    assert len(problems) == 1, problems
    assert problems[0].startswith(
        f"{mini}/articles.yaml:4: article 'trade', field 'file': {name}: "
    )
    assert reason in problems[0]
    assert "MACHINE-SECRET" not in problems[0]


def test_an_article_symlink_out_of_the_folder_is_refused_and_never_printed(mini, outside):
    target = mini / "articles" / "trade.txt"
    target.unlink()
    target.symlink_to(outside)
    problems = lines(mini)
    assert problems == [
        f"{mini}/articles.yaml:4: article 'trade', field 'file': articles/trade.txt: "
        f"a symlink that leads outside {mini}; refused"
    ]


def test_a_symlink_that_stays_inside_the_folder_is_followed(mini):
    copy = mini / "texts" / "trade.txt"
    copy.parent.mkdir()
    shutil.move(mini / "articles" / "trade.txt", copy)
    (mini / "articles" / "trade.txt").symlink_to(Path("..") / "texts" / "trade.txt")
    assert lines(mini) == []


def test_a_raw_source_outside_the_folder_is_refused_on_its_entry(mini, outside):
    edit(mini / "dataset.yaml", "file: raw/page.txt", f"file: {outside}")
    problems = lines(mini)
    assert len(problems) == 1, problems
    assert problems[0].startswith(
        f"{mini}/dataset.yaml:9: raw source 'page', field 'file': {outside}: an absolute path"
    )


@pytest.mark.parametrize("name", ["metrics.yaml", "articles/trade.txt", "raw/page.txt"])
def test_a_fifo_or_device_in_the_folder_is_refused_without_reading(mini, name):
    (mini / name).unlink()
    os.mkfifo(mini / name)  # reading it would wait for a writer forever
    problems = lines(mini)
    assert len(problems) == 1, problems
    assert "not a regular file (a pipe, device or socket); refused" in problems[0]


def test_a_data_file_linked_to_dev_zero_is_refused(mini):
    (mini / "events.yaml").unlink()
    (mini / "events.yaml").symlink_to("/dev/zero")
    assert lines(mini) == [f"{mini}/events.yaml: a symlink that leads outside {mini}; refused"]


def test_an_invalid_article_is_reported_once_not_again_for_every_quote(mini):
    edit(mini / "articles.yaml", "kind: news", "kind: newz")
    problems = lines(mini)
    assert len(problems) == 1, problems
    assert "article 'trade', field 'kind'" in problems[0]


def test_an_unreadable_articles_file_is_the_only_line(mini):
    edit(mini / "articles.yaml", "kind: news", "kind: [news")
    problems = lines(mini)
    assert len(problems) == 1, problems
    assert "articles.yaml" in problems[0] and "invalid YAML" in problems[0]


def test_an_unreadable_metrics_file_does_not_make_events_name_unknown_metrics(tmp_path):
    folder = tmp_path / "seed"
    shutil.copytree(SEED_DIR, folder)
    edit(folder / "metrics.yaml", "unit: CNY", "unit: [CNY")
    problems = lines(folder)
    assert len(problems) == 1, problems
    assert "metrics.yaml" in problems[0] and "invalid YAML" in problems[0]


def test_an_invalid_metric_is_not_reported_again_by_the_events_that_name_it(tmp_path):
    folder = tmp_path / "seed"
    shutil.copytree(SEED_DIR, folder)
    edit(folder / "metrics.yaml", "id: xian_talks_days\n", "id: xian_talks_days\n    sorce: x\n")
    problems = lines(folder)
    assert len(problems) == 1, problems
    assert "metric 'xian_talks_days', field 'sorce': unknown field" in problems[0]


def test_a_missing_article_file_is_one_line_on_its_entry(mini):
    (mini / "articles" / "trade.txt").unlink()
    assert lines(mini) == [
        f"{mini}/articles.yaml:4: article 'trade', field 'file': articles/trade.txt: file not found"
    ]


def test_the_source_digest_covers_what_was_read_and_nothing_else(mini):
    before = load_dataset(mini).source_digest
    (mini / "raw" / "notes.txt").write_text("a reviewer's notes", encoding="utf-8")
    assert load_dataset(mini).source_digest == before  # not named by the dataset
    text = (mini / "articles" / "trade.txt").read_text(encoding="utf-8")
    (mini / "articles" / "trade.txt").write_text(text + "\n", encoding="utf-8")
    assert load_dataset(mini).source_digest != before


def test_every_file_the_loader_reads_is_in_the_digest(mini):
    raw = read_folder(mini)
    named = {
        "dataset.yaml",
        "articles.yaml",
        "metrics.yaml",
        "rankings.yaml",
        "events.yaml",
        "articles/trade.txt",
        "raw/page.txt",
    }
    assert set(raw.digests) == named


@pytest.mark.parametrize(
    ("file", "old", "where"),
    [
        (
            "dataset.yaml",
            "title_en: Small test data set",
            "dataset.yaml:3: dataset, field 'title_en'",
        ),
        (
            "rankings.yaml",
            "assessment_en: Annual assessment",
            "rankings.yaml:2: field 'assessment_en'",
        ),
        ("metrics.yaml", "label_en: Foreign trade\n", "metrics.yaml:4: metric 'trade_2023'"),
    ],
)
def test_with_the_templates_face_every_displayed_text_must_have_glyphs(mini, file, old, where):
    """Given the face outputs set text in, a character it lacks is a problem on its field;
    without one (the tables, which set no font) the text is loaded as written."""
    from reportgen.template import display_face

    new = old.rstrip("\n") + " \U0001f600" + ("\n" if old.endswith("\n") else "")
    edit(mini / file, old, new)
    assert load_dataset(mini) is not None
    problems = [str(p) for p in validate_folder(mini, display_face())]
    assert len(problems) == 1, problems
    assert where in problems[0] and "U+1F600 GRINNING FACE has no glyph" in problems[0]
