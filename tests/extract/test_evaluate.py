"""Scoring the extractor against hand-checked gold files."""

from __future__ import annotations

import pytest

from reportgen.errors import DataError
from reportgen.extract.evaluate import Report, Score, evaluate, format_report, load_gold

ARTICLE = "对外贸易额达360亿元，入驻企业4700余家。"
GOLD = """source: article.txt
date: '2023-05-20'
facts:
- text: 360亿元
  start: 6
  end: 11
  kind: money
  value: 36000000000
  unit: CNY
  qualifier: exact
  subject: 对外贸易额
- text: 4700余家
  start: 16
  end: 22
  kind: count
  value: 4700
  unit: 家
  qualifier: approx
"""


def gold_file(folder, gold: str = GOLD, article: str = ARTICLE):
    (folder / "article.txt").write_text(article, "utf-8")
    path = folder / "g.yaml"
    path.write_text(gold, "utf-8")
    return path


def test_precision_recall_and_f1_count_facts():
    score = Score(true=3, predicted=4, gold=6)
    assert (score.precision, score.recall) == (0.75, 0.5)
    assert score.f1 == pytest.approx(0.6)
    assert (Score().precision, Score().recall) == (1.0, 1.0)  # nothing asked, nothing missed
    assert Score(true=0, predicted=2, gold=2).f1 == 0.0


def test_a_found_fact_with_another_qualifier_is_detected_but_no_full_match(tmp_path):
    report = evaluate(gold_file(tmp_path))
    assert (report.detection.true, report.detection.predicted, report.detection.gold) == (2, 2, 2)
    assert report.full.true == 1  # 4700余家 is "over", the gold says "approx"
    assert (report.qualifier_right, report.qualifier_total) == (1, 2)
    assert (report.subject.true, report.subject.gold) == (1, 1)
    assert report.misses == []


def test_a_fact_at_the_wrong_value_is_a_miss_and_an_extra(tmp_path):
    report = evaluate(gold_file(tmp_path, GOLD.replace("value: 4700", "value: 470")))
    assert report.detection.true == 1
    assert report.misses == [
        "g.yaml: missed '4700余家' (count)",
        "g.yaml: extra '4700余家' (count)",
    ]


def test_reports_pool_fact_by_fact():
    one = Report(detection=Score(1, 1, 2), qualifier_right=1, qualifier_total=1, misses=["a"])
    two = Report(detection=Score(3, 4, 3), qualifier_right=0, qualifier_total=3, misses=["b"])
    one.by_kind["count"] = Score(1, 1, 1)
    two.by_kind["count"] = Score(2, 2, 2)
    two.by_kind["money"] = Score(1, 2, 1)
    one.add(two)
    assert (one.detection.true, one.detection.predicted, one.detection.gold) == (4, 5, 5)
    assert one.by_kind["count"] == Score(3, 3, 3) and one.by_kind["money"] == Score(1, 2, 1)
    assert one.qualifier_accuracy == 0.25
    assert one.misses == ["a", "b"]


def test_the_report_is_one_row_per_score_and_kind():
    report = Report(detection=Score(3, 4, 6), full=Score(2, 4, 6), qualifier_right=3)
    report.qualifier_total = 3
    report.by_kind["count"] = Score(1, 1, 1)
    assert format_report(report, "g.yaml").splitlines() == [
        "g.yaml",
        "  detection      P 0.75  R 0.50  F1 0.60  (3/4 predicted, 3/6 gold)",
        "  full match     P 0.50  R 0.33  F1 0.40  (2/4 predicted, 2/6 gold)",
        "  subject        P 1.00  R 1.00  F1 1.00  (0/0 predicted, 0/0 gold)",
        "  qualifier accuracy 1.00 (3/3)",
        "    count        P 1.00  R 1.00  F1 1.00  (1/1 predicted, 1/1 gold)",
    ]


def problems(path) -> list[str]:
    with pytest.raises(DataError) as error:
        load_gold(path)
    return [str(p) for p in error.value.problems]


def test_a_file_that_is_no_gold_file_is_one_line_per_problem(tmp_path):
    (tmp_path / "list.yaml").write_text("- 1\n- 2\n", "utf-8")
    assert problems(tmp_path / "list.yaml") == [
        f"{tmp_path / 'list.yaml'}: expected a mapping with 'facts'"
    ]
    path = gold_file(tmp_path, GOLD.replace("kind: money", "kind: cash"))
    [problem] = problems(path)
    assert problem.startswith(f"{path}:7: gold file, field 'facts.0.kind': 'cash' is not a kind")


def test_the_source_is_read_beside_the_gold_file_only(tmp_path):
    path = gold_file(tmp_path, GOLD.replace("source: article.txt", "source: /etc/hostname"))
    [problem] = problems(path)
    assert problem.startswith(f"{path}:1: gold file, field 'source': /etc/hostname")
    assert "an absolute path; name it relative to the gold file" in problem
    path = gold_file(tmp_path, GOLD.replace("source: article.txt", "source: missing.txt"))
    [problem] = problems(path)
    assert problem.startswith(f"{path}:1: gold file, field 'source':")


def test_a_gold_file_and_its_text_are_read_together(tmp_path):
    gold, text = load_gold(gold_file(tmp_path))
    assert text == ARTICLE
    assert [text[f.start : f.end] for f in gold.facts] == [f.text for f in gold.facts]


# --- the extended form: labels, roles, periods, topics -----------------------------------

FRAMED = """source: article.txt
date: '2023-05-20'
article:
  title: 外贸
  subject: 上合示范区
facts:
- text: 360亿元
  start: 6
  end: 11
  kind: money
  value: 36000000000
  unit: CNY
  qualifier: exact
  role: level
  label: 对外贸易额
  period: '2023-05'
  topic: trade
- text: 4700余家
  start: 16
  end: 22
  kind: count
  value: 4700
  unit: 家
  qualifier: over
  role: count
  label: 入驻企业
  period: '2023-05'
  period_kind: as_of
  topic: platform
"""


@pytest.mark.parametrize(
    ("label", "broken"),
    [
        ("出口增速", False),
        ("对上合组织国家进出口额", False),
        ("一般贸易占比", False),
        ("和", True),
        ("其中出口和进口分别增长", True),
        ("进出口总值的", True),
        ("占同期进出口", True),
        ("增长近五", True),  # a figure cut inside the label
        ("前4个月进出口", True),
        ("出", True),
    ],
)
def test_a_broken_label_has_a_function_word_at_an_edge_or_a_figure_inside(label, broken):
    from reportgen.extract.evaluate import broken_label

    assert broken_label(label) is broken


def test_label_agreement_is_character_f1():
    from reportgen.extract.evaluate import char_f1

    assert char_f1("出口增速", "出口增速") == 1.0
    assert char_f1("出口", "出口增速") == pytest.approx(2 * 1 * 0.5 / 1.5)
    assert char_f1("进口", "出口增速") == pytest.approx(2 * 0.5 * 0.25 / 0.75)
    assert char_f1("平台", "出口增速") == 0.0


def test_a_gold_metric_needs_label_period_and_topic_and_a_period_has_none(tmp_path):
    with pytest.raises(DataError) as refused:
        load_gold(gold_file(tmp_path, FRAMED.replace("  label: 入驻企业\n", "")))
    assert "needs label, period and topic" in str(refused.value.problems[0])
    with pytest.raises(DataError) as refused:
        load_gold(gold_file(tmp_path, FRAMED.replace("role: count", "role: period")))
    assert "has no label, period or topic" in str(refused.value.problems[0])


def test_framed_gold_scores_labels_roles_periods_and_topics(tmp_path):
    report = evaluate(gold_file(tmp_path, FRAMED))
    frames = report.frames
    assert (frames.files, frames.gold, frames.found) == (1, 2, 2)
    assert frames.role == 2 and frames.topic == 2
    assert 0 < frames.label_f1 <= 2
    assert frames.articles == 1
    text = format_report(report, "g")
    assert "label F1 (chars)" in text and "period accuracy" in text


def test_a_wrong_period_is_counted_and_listed(tmp_path):
    report = evaluate(
        gold_file(
            tmp_path,
            FRAMED.replace("period: '2023-05'\n  topic: trade", "period: '2022'\n  topic: trade"),
        )
    )
    assert report.frames.period == 1
    assert any("period '2023-05', gold '2022'" in miss for miss in report.misses)


ERROR_ANALYSIS = [
    "zone-hb-2023-annual",
    "invest-hd-2024-may",
    "logistics-rb-2024-apr",
    "finance-rd-2024-jun",
    "industry-ia-2024-sep",
    "talent-ic-2024-aug",
    "trade-ha-2024-oct",
    "page-hc-2024-jun",
    "ranking-ra-2024-dec",
    "review-rc-2025-mar",
    "platform-ib-2025-jan",
    "brief-id-2024-nov",
    "customs-ja-2025-h1",
    "port-jb-2024-annual",
    "assess-jc-2025-jan",
    "projects-ka-2025-q1",
    "feature-kb-2024-dec",
    "briefs-kc-2025-mar",
]


def test_drafts_of_the_error_analysis_articles_stay_at_their_level():
    """A regression guard, not a measure: these eighteen were held out once and then studied
    (their notes keep the first scores); the drafts must not fall below what they reach now."""
    from pathlib import Path

    gold = Path(__file__).parent / "gold"
    report = Report()
    for name in ERROR_ANALYSIS:
        evaluate(gold / f"{name}.yaml", report)
    frames = report.frames
    assert frames.files == 18
    assert frames.found / frames.gold >= 0.94
    assert frames.label_f1 / frames.found >= 0.77
    assert frames.broken / frames.drafted <= 0.01
    assert frames.period / frames.found >= 0.91
    assert frames.topic / frames.found >= 0.89
    assert frames.role / frames.found >= 0.97
