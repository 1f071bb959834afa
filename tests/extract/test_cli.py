import json
from pathlib import Path

import pytest
import yaml

from tests.conftest import SEED_DIR

RAW = SEED_DIR / "raw" / "000_8bdebe869efda307.txt"


def test_extract_json(run):
    result = run("extract", str(RAW), "--date", "2023-05-20")
    assert result.code == 0, result.err
    facts = json.loads(result.out)
    text = RAW.read_text(encoding="utf-8")
    assert all(text[f["start"] : f["end"]] == f["text"] for f in facts)
    trade = next(f for f in facts if f["text"] == "360亿元")
    assert trade["value"] == 36_000_000_000 and trade["unit"] == "CNY"
    assert "对外贸易额" in trade["subject"]
    assert {
        "text",
        "start",
        "end",
        "kind",
        "value",
        "unit",
        "qualifier",
        "subject",
        "sentence",
    } <= set(facts[0])


def test_extract_yaml_and_csv(run):
    assert run("extract", str(RAW), "--format", "yaml").out.startswith("- text:")
    assert run("extract", str(RAW), "--format", "csv").out.startswith("text,start,end,kind")


def test_draft_data_folder_passes_validate(run, tmp_path):
    draft = tmp_path / "draft"
    result = run("extract", str(RAW), "--date", "2023-05-20", "--to-data", str(draft))
    assert result.code == 0, result.err
    assert "reviewed: false" in result.err
    validated = run("validate", str(draft))
    assert validated.code == 0, validated.err
    assert "reviewed: false" in (draft / "metrics.yaml").read_text(encoding="utf-8")


ARTICLES = sorted((Path(__file__).parent / "articles").glob("*.txt"))


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_every_test_article_drafts_a_valid_folder(run, tmp_path, article):
    """Currencies, rates per 10万 and ‰, 个百分点, 以内 and 最高: whatever the extractor
    finds either validates as drafted or is listed as left out, never written invalid."""
    draft = tmp_path / "draft"
    result = run("extract", str(article), "--date", "2024-06-30", "--to-data", str(draft))
    assert result.code == 0, result.err
    validated = run("validate", str(draft))
    assert validated.code == 0, validated.err


def test_facts_the_schema_cannot_hold_are_listed_not_dropped(run, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("七八家企业参加，数十家媒体报道，企业减少20家，下降3.2个百分点。", "utf-8")
    result = run("extract", str(article), "--date", "2024-01-01", "--to-data", str(tmp_path / "d"))
    assert result.code == 0, result.err
    assert "left out 3 fact(s)" in result.err
    assert "'七八家' (count): a rough range [7, 8]" in result.err
    assert "'数十家'" in result.err and "'减少20家'" in result.err
    metrics = (tmp_path / "d" / "metrics.yaml").read_text(encoding="utf-8")
    assert "value: -3.2" in metrics and "unit: 个百分点" in metrics
    assert run("validate", str(tmp_path / "d")).code == 0


def test_draft_needs_a_date_and_a_new_folder(run, tmp_path):
    assert run("extract", str(RAW), "--to-data", str(tmp_path / "d")).code == 2
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    result = run("extract", str(RAW), "--date", "2023-05-20", "--to-data", str(tmp_path / "full"))
    assert result.code == 2 and "not empty" in result.err
    assert run("extract", str(RAW), "--date", "May 2023").code == 2


def test_unreadable_article(run, tmp_path):
    article = tmp_path / "gbk.txt"
    article.write_bytes("对外贸易额达360亿元".encode("gbk"))
    result = run("extract", str(article))
    assert result.code == 1 and "not UTF-8" in result.err


def test_draft_builds_its_workbook_with_an_unreviewed_warning(run, tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    draft = tmp_path / "draft"
    assert run("extract", str(RAW), "--date", "2023-05-20", "--to-data", str(draft)).code == 0
    result = run("build", "--data", str(draft), "--format", "xlsx", "--out", str(tmp_path / "o"))
    assert result.code == 0, result.err
    assert "not yet reviewed (reviewed: false)" in result.err and "1 warning(s)" in result.err
    assert list((tmp_path / "o").glob("*-tables.xlsx"))


GOLD = Path(__file__).parent / "gold"


def _dated(article: Path) -> tuple[Path, str]:
    gold = yaml.safe_load((GOLD / f"{article.stem}.yaml").read_text(encoding="utf-8"))
    return article, str(gold["date"])


@pytest.mark.parametrize(
    ("article", "date"),
    [
        (RAW, "2023-05-20"),
        *(pytest.param(*_dated(a), marks=pytest.mark.slow, id=a.stem) for a in ARTICLES),
    ],
)
def test_article_to_checked_deck_without_hand_written_plans(
    run, tmp_path, monkeypatch, article, date
):
    """extract -> plan -> build: a new article reaches a checked deck and PDF (health-k has
    rates per 10万 and ‰ and a hedge that wraps in the PDF; invest-j has USD and 最高)."""
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    draft, plan, out = tmp_path / "draft", tmp_path / "plan", tmp_path / "out"
    assert run("extract", str(article), "--date", date, "--to-data", str(draft)).code == 0
    result = run("plan", str(draft), str(plan))
    assert result.code == 0, result.err
    assert {p.name for p in plan.iterdir()} >= {
        "theme.yaml",
        "master.pptx",
        "charts.yaml",
        "deck.yaml",
        "summary.yaml",
    }
    built = run(
        "build",
        "--data",
        str(draft),
        "--template",
        str(plan),
        "--lang",
        "zh,en",
        "--jobs",
        "1",
        "--out",
        str(out),
    )
    assert built.code == 0, built.err
    assert len(list(out.glob("*.pptx"))) == 2 and len(list(out.glob("*.pdf"))) == 2
    assert run("plan", str(draft), str(plan)).code == 2  # never overwrites a template


def test_evaluate_pools_several_gold_files(run):
    result = run("evaluate", str(GOLD / "seed.yaml"), str(GOLD / "port-b-2023.yaml"))
    assert result.code == 0, result.err
    assert result.out.count("detection") == 3  # two files and the pooled total
    pooled = result.out.split("all 2 files, pooled")[1]
    assert "P 1.00  R 1.00" in pooled.splitlines()[1]


def test_draft_labels_tell_a_level_from_its_change(run, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("全市贷款余额30156亿元，同比增长8.7%。", "utf-8")
    assert (
        run("extract", str(article), "--date", "2025-10-24", "--to-data", str(tmp_path / "d")).code
        == 0
    )
    metrics = (tmp_path / "d" / "metrics.yaml").read_text(encoding="utf-8")
    assert "label_zh: 全市贷款余额\n" in metrics and "label_zh: 全市贷款余额同比增长\n" in metrics


@pytest.mark.parametrize("body", ["", "没有数字的文章。", "七八家企业参加。"])
def test_an_article_with_nothing_to_draft_writes_no_folder(run, tmp_path, body):
    article = tmp_path / "a.txt"
    article.write_text(body, "utf-8")
    result = run("extract", str(article), "--date", "2024-01-01", "--to-data", str(tmp_path / "d"))
    assert result.code == 1 and "nothing to draft" in result.err
    assert len(result.err.strip().splitlines()) == 2  # the problem and the summary, no traceback
    assert not (tmp_path / "d").exists()


def test_offsets_count_the_decoded_text_without_its_byte_order_mark(run, tmp_path):
    article = tmp_path / "bom.txt"
    article.write_bytes("\ufeff对外贸易额达360亿元".encode())
    facts = json.loads(run("extract", str(article)).out)
    text = article.read_text(encoding="utf-8-sig")
    assert [text[f["start"] : f["end"]] for f in facts] == ["360亿元"]


def test_event_titles_are_cut_where_a_clause_ends_not_inside_a_figure():
    from reportgen.extract.draft import _title

    sentence = (
        "按照《青岛市空气质量持续改善行动方案（2024—2025年）》，到2025年底，"
        "PM2.5浓度要控制在24微克/立方米以内。"
    )
    assert (
        _title(sentence, limit=50)
        == "按照《青岛市空气质量持续改善行动方案（2024—2025年）》，到2025年底"
    )
    assert _title("短句。") == "短句。"
