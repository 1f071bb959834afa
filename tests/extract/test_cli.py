import json
import re
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


#: Articles of two other kinds that run by default beside the seed; the rest are ``slow``.
DEFAULT_ARTICLES = ("health-k-2025-sep", "invest-j-2024-mar")


def test_the_default_articles_are_test_articles():
    assert set(DEFAULT_ARTICLES) <= {a.stem for a in ARTICLES}


@pytest.mark.parametrize(
    ("article", "date"),
    [
        (RAW, "2023-05-20"),
        *(
            pytest.param(
                *_dated(a),
                marks=() if a.stem in DEFAULT_ARTICLES else pytest.mark.slow,
                id=a.stem,
            )
            for a in ARTICLES
        ),
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


HELD_OUT = sorted((Path(__file__).resolve().parents[1] / "deck" / "held_out").glob("*.txt"))


@pytest.mark.slow
@pytest.mark.parametrize("article", HELD_OUT, ids=[a.stem for a in HELD_OUT])
def test_every_held_out_article_builds_checked_decks_with_no_plan(
    run, tmp_path, monkeypatch, article
):
    """The deck articles (measured once, error analysis since): extract -> build, as a
    scheduled run does (its own date for articles that state none), in both languages."""
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    draft, out = tmp_path / "draft", tmp_path / "out"
    assert run("extract", str(article), "--date", "2024-12-15", "--to-data", str(draft)).code == 0
    built = run("build", "--data", str(draft), "--lang", "zh,en", "--jobs", "1", "--out", str(out))
    assert built.code == 0, built.err
    assert len(list(out.glob("*.pptx"))) == 2 and len(list(out.glob("*.pdf"))) == 2


def test_a_folder_with_no_plan_builds_the_story_plan_would_write(run, tmp_path, monkeypatch):
    """build on a draft with the default template (planned for the seed's figures): the deck
    follows the draft's own story, slide for slide what `plan` writes."""
    from pptx import Presentation

    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    draft, plan = tmp_path / "draft", tmp_path / "plan"
    article = next(a for a in ARTICLES if a.stem == DEFAULT_ARTICLES[0])
    assert (
        run("extract", str(article), "--date", _dated(article)[1], "--to-data", str(draft)).code
        == 0
    )
    assert run("plan", str(draft), str(plan)).code == 0
    for name, extra in (("own", ["--template", str(plan)]), ("default", [])):
        args = ["build", "--data", str(draft), *extra, "--format", "pptx", "--jobs", "1"]
        built = run(*args, "--out", str(tmp_path / name))
        assert built.code == 0, built.err
    [own] = (tmp_path / "own").glob("*.pptx")
    [default] = (tmp_path / "default").glob("*.pptx")
    titles = [
        [s.shapes.title.text if s.shapes.title else "" for s in Presentation(deck).slides]
        for deck in (own, default)
    ]
    assert titles[0] == titles[1] and len(titles[0]) >= 4


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
    # 全市 is the article's own subject: a presenter's label does not repeat it
    assert "label_zh: 贷款余额\n" in metrics and "label_zh: 贷款余额增速\n" in metrics


@pytest.mark.parametrize("body", ["", "没有数字的文章。", "七八家企业参加。"])
def test_an_article_with_nothing_to_draft_writes_no_folder(run, tmp_path, body):
    article = tmp_path / "a.txt"
    article.write_text(body, "utf-8")
    result = run("extract", str(article), "--date", "2024-01-01", "--to-data", str(tmp_path / "d"))
    expected = "empty: no article text" if not body else "nothing to draft"
    assert result.code == 1 and expected in result.err
    assert len(result.err.strip().splitlines()) == 2  # the problem and the summary, no traceback
    assert not (tmp_path / "d").exists()


def test_offsets_count_the_decoded_text_without_its_byte_order_mark(run, tmp_path):
    article = tmp_path / "bom.txt"
    article.write_bytes("\ufeff对外贸易额达360亿元".encode())
    facts = json.loads(run("extract", str(article)).out)
    text = article.read_text(encoding="utf-8-sig")
    assert [text[f["start"] : f["end"]] for f in facts] == ["360亿元"]


LIST_ITEMS = (
    "进出口总额 {a}亿元",
    "同比增长 {b}%",
    "- 新增企业 {c}家",
    "{i}. 开行中欧班列 {c}列",
    "实际使用外资：{b}亿美元",
    "• 新增就业 {c}人",
    "（{i}）港口货物吞吐量 {a}万吨",
)


def list_article(size: int = 8192) -> str:
    """An article that lists one figure per line, none ending with a 。 (about 290 lines)."""
    lines, i = ["上合示范区主要经济指标", ""], 0
    while len("\n".join(lines).encode("utf-8")) < size:
        i += 1
        item = LIST_ITEMS[i % len(LIST_ITEMS)]
        lines.append(item.format(i=i, a=100 + i, b=f"{i % 50}.{i % 7 + 1}", c=1000 + 7 * i))
    return "\n".join(lines) + "\n"


def test_a_list_article_drafts_one_metric_per_line_and_builds(run, tmp_path, monkeypatch):
    """Sentences used to run to the next 。: every fact of an 8 KB list quoted the whole list,
    and the draft's metrics.yaml grew to 3 MB, over validate's limit. Each item is now its own
    quote, the file is a small multiple of the article, and it validates and builds."""
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    article = tmp_path / "list.txt"
    text = list_article()
    article.write_text(text, encoding="utf-8")
    draft = tmp_path / "draft"
    result = run("extract", str(article), "--date", "2024-06-30", "--to-data", str(draft))
    assert result.code == 0, result.err
    items = [re.sub(r"\s+", "", line) for line in text.splitlines()[2:]]
    metrics = yaml.safe_load((draft / "metrics.yaml").read_text(encoding="utf-8"))["metrics"]
    assert [m["quote"] for m in metrics] == items  # one metric per line, quoting its line
    # a growth line takes the label of the level on the line before it
    assert "label_zh: 进出口总额增速\n" in (draft / "metrics.yaml").read_text(encoding="utf-8")
    assert (draft / "metrics.yaml").stat().st_size <= 12 * article.stat().st_size
    validated = run("validate", str(draft))
    assert validated.code == 0, validated.err
    out = tmp_path / "out"
    built = run("build", "--data", str(draft), "--format", "xlsx", "--out", str(out))
    assert built.code == 0, built.err
    assert list(out.glob("*-tables.xlsx"))


@pytest.mark.slow
def test_a_list_article_reaches_a_checked_deck(run, tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    article = tmp_path / "list.txt"
    article.write_text(list_article(), encoding="utf-8")
    draft, plan, out = tmp_path / "draft", tmp_path / "plan", tmp_path / "out"
    assert run("extract", str(article), "--date", "2024-06-30", "--to-data", str(draft)).code == 0
    assert run("plan", str(draft), str(plan)).code == 0
    built = run(
        "build", "--data", str(draft), "--template", str(plan), "--jobs", "1", "--out", str(out)
    )
    assert built.code == 0, built.err
    assert len(list(out.glob("*.pptx"))) == 1 and len(list(out.glob("*.pdf"))) == 1


def test_csv_of_table_like_text_is_a_bounded_multiple_of_it(run, tmp_path):
    """77 KB of tab-separated rows used to make a 588 MB CSV (every fact carried every row
    before it). Each row is now its facts' sentence."""
    rows = ["指标\t2022年\t2023年\t增长"]
    names = ("进出口总额", "出口额", "进口额", "实际使用外资", "新增企业", "开行班列")
    i = 0
    while len("\n".join(rows).encode("utf-8")) < 77 * 1024:
        rows.append(
            f"{names[i % 6]}{i}\t{100 + i % 900}亿元\t{200 + i % 700}亿元\t{i % 50}.{i % 9}%"
        )
        i += 1
    article = tmp_path / "table.txt"
    article.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run("extract", str(article), "--format", "csv")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert len(lines) >= 3 * (len(rows) - 1)  # three figures a row, all found
    assert len(result.out.encode("utf-8")) <= 10 * article.stat().st_size
    assert "进出口总额0281亿元" not in result.out  # no sentence runs into the next row


@pytest.mark.slow
def test_a_draft_over_the_data_file_limit_is_refused_whole(run, tmp_path):
    """100 KB of labelled figures without a 。 makes thousands of metrics, a metrics.yaml of
    megabytes that validate would refuse: the draft says so in one line and writes no folder."""
    article = tmp_path / "soup.txt"
    article.write_text(
        "".join(f"出口增长{i}.{i % 9 + 1}% 产值{i + 1}万元 " for i in range(3600)), "utf-8"
    )
    result = run("extract", str(article), "--date", "2024-06-30", "--to-data", str(tmp_path / "d"))
    assert result.code == 1
    assert re.search(
        r"soup.txt: the draft's metrics.yaml would be \d+\.\d MiB \(\d{4} metrics\)", result.err
    )
    assert not (tmp_path / "d").exists()


def test_the_readme_example_drafts_what_the_readme_shows(run, tmp_path):
    examples = Path(__file__).resolve().parents[2] / "examples" / "articles-2023-06"
    result = run("extract", str(examples), "--to-data", str(tmp_path / "d"))
    assert result.code == 0, result.err
    assert "(dataset shangheshifanqu-2023-06)" in result.err
    metrics = {
        m["id"]: m
        for m in yaml.safe_load((tmp_path / "d" / "metrics.yaml").read_text("utf-8"))["metrics"]
    }
    shown = {
        "trade_01": ("对外贸易额", "2023-01/2023-05", "level"),
        "trade_02": ("对外贸易额增速", "2023-01/2023-05", "change"),
        "trade_03": ("出口增速", "2023-01/2023-05", "change"),
        "trade_04": ("进口增速", "2023-01/2023-05", "change"),
        "platform_05": ("入驻企业", "2023-06", "count"),
        "logistics_08": ("通达国家", "2023-05", "count"),
    }
    for ident, (label, period, role) in shown.items():
        assert (metrics[ident]["label_zh"], metrics[ident]["period"], metrics[ident]["role"]) == (
            label,
            period,
            role,
        )
    assert metrics["trade_01"]["also_in"] == ["b_xinhua"]
    assert metrics["trade_02"]["change_of"] == "trade_01"
    assert metrics["platform_05"]["period_kind"] == "as_of"
    articles = yaml.safe_load((tmp_path / "d" / "articles.yaml").read_text("utf-8"))["articles"]
    assert [(a["outlet_zh"], a["reporter_zh"], a["date"]) for a in articles] == [
        ("青岛日报", "王五", "2023-06-28"),
        ("新华社", "李明", "2023-06-20"),
    ]
    assert run("validate", str(tmp_path / "d")).code == 0


def test_an_assessment_of_several_entities_builds_a_checked_rank_table(run, tmp_path, monkeypatch):
    from pptx import Presentation

    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    article = tmp_path / "rank.txt"
    article.write_text(
        "title: 全省开发区考核结果发布\noutlet: 大众日报\ndate: 2024-03-05\n---\n"
        "全省开发区考核结果发布\n\n在2023年度全省开发区综合发展水平考核中，"
        "甲区、乙区、丙区分别位列第18、23、35位。甲区外贸额达120亿元，增长8.2%。"
        "乙区外贸额达95亿元，增长6.1%。\n",
        encoding="utf-8",
    )
    draft, out = tmp_path / "draft", tmp_path / "out"
    assert run("extract", str(article), "--to-data", str(draft)).code == 0
    built = run(
        "build",
        "--data",
        str(draft),
        "--format",
        "pptx",
        "--lang",
        "zh,en",
        "--jobs",
        "1",
        "--out",
        str(out),
    )
    assert built.code == 0, built.err
    deck = Presentation(next(out.glob("*_zh.pptx")))
    tables = [
        [[c.text for c in row.cells] for row in shape.table.rows]
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_table
    ]
    ranked = next(t for t in tables if t[0][-1] == "名次")
    assert [row[0] for row in ranked[1:]] == ["甲区", "乙区", "丙区"]
    assert [row[-1] for row in ranked[1:]] == ["第18名", "第23名", "第35名"]
