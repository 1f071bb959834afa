"""The summary's content model for the seed and the default template: sections, key figures,
citations and numbered notes, before anything is drawn."""

from __future__ import annotations

import pytest

from reportgen.content.model import CITATION, Bullets, Chart, Prose, SourceList, Table
from reportgen.content.summary import build_summary


@pytest.fixture(scope="module")
def summaries(seed, briefing):
    return {lang: build_summary(seed, briefing, briefing.summary, lang) for lang in ("zh", "en")}


def test_sections_and_their_blocks(summaries):
    summary = summaries["zh"]
    assert summary.title == "上合示范区：三年迈上三个台阶"
    assert [s.title for s in summary.sections] == [
        "关键数据",
        "图表",
        "大事记",
        "要点",
        "资料来源与注释",
    ]
    kinds = [[type(b) for b in s.blocks] for s in summary.sections]
    assert kinds == [
        [Table],
        [Chart, Chart, Chart],
        [Table],
        [Bullets, Bullets, Bullets],
        [Prose, SourceList],
    ]
    assert summaries["en"].sections[0].title == "Key figures"


def test_the_key_figures_are_the_plans_with_value_change_period_and_notes(summaries):
    table = summaries["zh"].sections[0].blocks[0]
    assert table.columns == ("指标", "数值", "变化", "时期", "注")
    assert table.rows[0] == ("对外贸易额", "360亿元", "38.3%", "2022年", "1")
    assert table.rows[1] == ("对上合组织国家进出口额", "81亿元", "100.3%", "2022年", "2")
    share = table.rows[2]
    assert share[1] == "22.5%（推算）" and share[2] == ""  # derived: marked
    assert table.rows[3][1:4] == ("4700余家", "", "截至2023年5月")
    assert table.numeric == (False, True, True, False, False)
    value, change = table.shown[0][1], table.shown[0][2]
    assert (value.fact, change.fact) == ("foreign_trade_2022", "foreign_trade_growth_2022")
    assert table.shown[2][1].fact == "sco_trade_share_2022" and table.shown[2][2] is None


def test_the_lead_cites_each_number_by_its_note(summaries):
    summary = summaries["zh"]
    cited = [int(n) for n in CITATION.findall(summary.lead)]
    assert cited == [1, 1, 2, 2, 3, 4]  # 360亿元 and 38.3% share one sentence, so one note
    plain = CITATION.sub("", summary.lead)
    assert "2022年对外贸易额360亿元、增长38.3%" in plain


def test_notes_are_numbered_in_order_and_worded_once(summaries):
    citations = summaries["zh"].citations
    assert [c.number for c in citations] == list(range(1, len(citations) + 1))
    first = citations[0]
    assert first.note.facts == ("foreign_trade_2022", "foreign_trade_growth_2022")
    assert first.text == (
        "1. 360亿元、38.3%：“2022年，上合示范区对外贸易额达360亿元，增长38.3%”"
        "《万众一心向前冲，“上合人”激活“新动能”》"
    )
    derived = next(c for c in citations if c.note.facts == ("sco_trade_share_2022",))
    assert derived.text.startswith(f"{derived.number}. 22.5%：对上合组织国家进出口占对外贸易比重")
    english = summaries["en"].citations[0].text
    assert english.startswith("1. CNY 36 bn, 38.3%: “2022年")
    assert english.endswith('(All together forward — the "SCO people" unlock "new momentum")')


def test_every_cited_number_has_a_note(summaries):
    summary = summaries["zh"]
    bullets = [b for s in summary.sections for b in s.blocks if isinstance(b, Bullets)]
    texts = [summary.lead, *(item for b in bullets for item in b.items)]
    cited = {int(n) for text in texts for n in CITATION.findall(text)}
    assert cited <= {c.number for c in summary.citations}


def test_the_notes_section_explains_derived_values_first(summaries):
    prose, _ = summaries["zh"].sections[-1].blocks
    assert prose.text.startswith("标注“推算”的数值由报道中的数据计算得出")


def test_every_number_shown_names_its_metric_once(summaries, seed):
    shown = summaries["zh"].shown
    facts = [s.fact for s in shown]
    assert len(facts) == len(set(facts))
    known = {m.id for m in seed.metrics} | {r.id for r in seed.rankings}
    assert set(facts) <= known
    assert {"foreign_trade_2022", "staff_average_age", "rank_2022"} <= set(facts)


def test_events_fall_in_the_plans_window(summaries):
    events = summaries["zh"].sections[2].blocks[0]
    assert events.columns == ("日期", "活动", "地点")
    assert events.rows and all(len(row) == 3 for row in events.rows)
    assert events.striped


def test_byline_and_info(summaries):
    summary = summaries["zh"]
    assert summary.byline.startswith("青岛日报/观海新闻 · ")
    assert summary.info.keywords == (
        "qingdao-sco-2023-05",
        "foreign_trade",
        "ranking_climb",
        "staff_by_degree",
    )
