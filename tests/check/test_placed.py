"""The check with the content an output was drawn from: each number the content put on a
slide or in the summary is printed there as decided, each source note is there, and a
finding names the file, the place and the fact."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from pptx import Presentation

from reportgen.check import check_bytes
from reportgen.check.findings import Finding
from reportgen.check.placed import (
    derived_values,
    fragments,
    placed_spans,
    read_placed,
    shown_at,
    slide_findings,
    summary_findings,
)
from reportgen.content.model import (
    CITE_CLOSE,
    CITE_OPEN,
    Bullets,
    Citation,
    DocumentInfo,
    KeyFigure,
    Kpis,
    Section,
    Shown,
    Slide,
    SourceList,
    SourceNote,
    Summary,
    Table,
)

SHARE = Shown("share", "22.5%", "（推算）")
TRADE = Shown("trade", "360亿元")
FIRMS = Shown("firms", "4700余家", qualifier="over")


def cite(number: int) -> str:
    return f"{CITE_OPEN}{number}{CITE_CLOSE}"


def test_a_number_is_printed_with_the_mark_and_citation_its_text_carries():
    texts = [f"占比22.5%（推算）{cite(2)}，外贸360亿元{cite(1)}", "22.5%", "无关的文字"]
    assert fragments([SHARE, TRADE, FIRMS], texts) == [
        ("share", "22.5%（推算）[2]"),
        ("share", "22.5%"),  # a table's cell shows the value without its mark
        ("trade", "360亿元[1]"),
    ]
    assert fragments([SHARE], ["占比22.5%（推算）"]) == [("share", "22.5%（推算）")]


def _slide(**fields) -> Slide:
    note = SourceNote("firms", "4700余家", "目前已吸引4700余家国内外企业入驻", "报道")
    base = dict(
        id="k",
        layout="Content",
        title="关键数据",
        blocks=(
            Kpis((KeyFigure("对外贸易额", TRADE),), 1, 1),
            Bullets(("占比22.5%（推算）", "平台4700余家企业"), shown=((SHARE,), (FIRMS,))),
        ),
        sources=(note,),
        speaker_notes=("数据来源：", "4700余家 — “目前已吸引4700余家国内外企业入驻” 《报道》"),
        shown=(TRADE, SHARE, FIRMS),
    )
    return Slide(**{**base, **fields})


def test_a_slide_that_prints_what_the_content_decided_passes():
    drawn = ["关键数据", "360亿元", "对外贸易额", "占比22.5%（推算）\n平台4700余家企业"]
    notes = ["数据来源：", "4700余家 — “目前已吸引4700余家国内外企业入驻” 《报道》"]
    assert slide_findings(_slide(), 3, drawn, notes, "d.pptx", "zh") == []


def test_a_dropped_mark_a_changed_value_and_a_missing_source_are_named_by_fact():
    drawn = ["关键数据", "81亿元", "对外贸易额", "占比22.5%\n平台4700余家企业"]
    assert slide_findings(_slide(), 3, drawn, ["数据来源："], "d.pptx", "zh") == [
        Finding("d.pptx", "slide 3", "trade: 360亿元 is not printed as the content decided"),
        Finding("d.pptx", "slide 3", "share: 22.5%（推算） is not printed as the content decided"),
        Finding("d.pptx", "slide 3 notes", "firms: 4700余家 is not printed as the content decided"),
        Finding("d.pptx", "slide 3 notes", "firms: its source note is missing"),
    ]


def _summary() -> Summary:
    info = DocumentInfo("t", "s", "reportgen", (), "zh", "2023-05")
    notes = (
        Citation(1, "1. 360亿元：“对外贸易额达360亿元”《报道》", SourceNote("trade", "", "", "")),
        Citation(2, "2. 22.5%：按公式推算", SourceNote("share", "", "", "", "", ("share",))),
    )
    figures = Table(("指标", "数值"), (("比重", "22.5%（推算）"),), shown=((None, SHARE),))
    return Summary(
        info=info,
        title="摘要",
        byline="",
        lead=f"外贸360亿元{cite(1)}，比重22.5%（推算）{cite(2)}。",
        sections=(Section("关键数据", (figures,)), Section("注释", (SourceList(notes),))),
        shown=(TRADE, SHARE),
    )


def test_a_summary_proves_marks_citation_numbers_and_notes():
    page = "摘要\n外贸360亿元[1]，比重22.5%（推算）[2]。\n比重\n22.5%（推算）\n"
    notes = "1. 360亿元：“对外贸易额达360亿元”《报道》\n2. 22.5%：按公式推算"
    assert summary_findings(_summary(), [page, notes], "s.pdf") == []
    tampered = page.replace("360亿元[1]", "360亿元").replace("（推算）[2]", "[2]")
    assert summary_findings(_summary(), [tampered, notes.split("\n")[0]], "s.pdf") == [
        Finding("s.pdf", "summary", "trade: 360亿元[1] is not printed as the content decided"),
        Finding(
            "s.pdf", "summary", "share: 22.5%（推算）[2] is not printed as the content decided"
        ),
        Finding("s.pdf", "notes", "share: source note 2 is missing"),
    ]


def test_derived_values_are_the_content_layers_own(seed):
    """Every derived metric, shown with the locale's mark as the content layer shows it (not
    re-spelt by the checker); the content's own numbers take precedence."""
    zh, en = derived_values(seed, "zh"), derived_values(seed, "en")
    derived = {m.id for m in seed.metrics if m.is_derived}
    assert {s.fact for s in zh.values()} == derived == {s.fact for s in en.values()}
    assert zh["22.5%"].mark == "（推算）" and en["22.5%"].mark == " (derived)"
    assert derived_values(seed, "zh", _summary())["22.5%"] is SHARE


# --- real drawn outputs, tampered -------------------------------------------------------------


@pytest.fixture(scope="module")
def drawn(seed, briefing, tmp_path_factory):
    """The seed's deck and summary in both languages: (content, bytes), drawn once."""
    from reportgen.content.deck import build_deck
    from reportgen.content.facts import Facts
    from reportgen.content.summary import build_summary
    from reportgen.render.pdf import render_summary
    from reportgen.render.pptx import render_deck

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        made = {}
        for lang in ("zh", "en"):
            facts = Facts(seed, lang)
            deck = build_deck(seed, briefing, briefing.deck, lang, facts=facts)
            summary = build_summary(seed, briefing, briefing.summary, lang, facts=facts)
            made[("pptx", lang)] = (deck, render_deck(deck, briefing))
            made[("pdf", lang)] = (summary, render_summary(summary, briefing))
    return made


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["pptx", "pdf"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_untampered_output_has_no_findings_with_its_content(drawn, seed, fmt, lang):
    content, data = drawn[(fmt, lang)]
    assert check_bytes(data, fmt, seed, f"out.{fmt}", content) == []


def _deck_edited(data: bytes, number: int, shape: str, old: str, new: str) -> bytes:
    """The deck with ``old`` replaced in one shape's runs (or in the notes: shape "notes")."""
    prs = Presentation(io.BytesIO(data))
    slide = prs.slides[number - 1]
    frame = (
        slide.notes_slide.notes_text_frame
        if shape == "notes"
        else next(s for s in slide.shapes if s.name == shape).text_frame
    )
    runs = [r for p in frame.paragraphs for r in p.runs if old in r.text]
    assert runs, f"no run holds {old!r}"
    for r in runs:
        r.text = r.text.replace(old, new)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


@pytest.mark.slow
def test_a_deck_with_a_dropped_derived_mark_is_found_naming_the_fact(drawn, seed):
    deck, data = drawn[("pptx", "zh")]
    tampered = _deck_edited(data, 4, "Text Placeholder 3", "22.5%（推算）", "22.5%")
    found = check_bytes(tampered, "pptx", seed, "d.pptx", deck)
    fact = "sco_trade_share_2022"
    assert (
        Finding("d.pptx", "slide 4", f"{fact}: 22.5%（推算） is not printed as the content decided")
        in found
    )
    assert (
        Finding(
            "d.pptx",
            "slide 4 'Text Placeholder 3'",
            f"derived value 22.5% of {fact} shown without its mark （推算）",
        )
        in found
    )


@pytest.mark.slow
def test_a_key_figure_swapped_for_another_supported_value_is_found(drawn, seed):
    """81亿元 is data, so the dataset alone cannot tell it is not the figure slide 2 shows;
    the content says that place shows 360亿元."""
    deck, data = drawn[("pptx", "zh")]
    tampered = _deck_edited(data, 2, "Figure 1", "360亿元", "81亿元")
    assert check_bytes(tampered, "pptx", seed, "d.pptx") == []
    assert check_bytes(tampered, "pptx", seed, "d.pptx", deck) == [
        Finding(
            "d.pptx",
            "slide 2",
            "foreign_trade_2022: 360亿元 is not printed as the content decided",
        )
    ]


@pytest.mark.slow
def test_a_source_note_dropped_from_the_speaker_notes_is_found(drawn, seed):
    deck, data = drawn[("pptx", "zh")]
    tampered = _deck_edited(data, 8, "notes", "超过1300亿元 — ", "")
    found = check_bytes(tampered, "pptx", seed, "d.pptx", deck)
    message = "holding_total_assets: its source note is missing"
    assert Finding("d.pptx", "slide 8 notes", message) in found


def _summary_edited(summary: Summary, old: str, new: str) -> Summary:
    """The summary with ``old`` replaced in every text it prints: what a renderer that drew
    something other than the content would put on the page."""

    def edited(block):
        if isinstance(block, Table):
            rows = tuple(tuple(cell.replace(old, new) for cell in row) for row in block.rows)
            return replace(block, rows=rows)
        if isinstance(block, Bullets):
            return replace(block, items=tuple(i.replace(old, new) for i in block.items))
        if isinstance(block, SourceList):
            kept = tuple(c for c in block.citations if c.text != old)
            return replace(block, citations=kept)
        return block

    sections = tuple(
        replace(s, blocks=tuple(edited(b) for b in s.blocks)) for s in summary.sections
    )
    return replace(summary, lead=summary.lead.replace(old, new), sections=sections)


def _pdf_drawn(summary: Summary, briefing) -> bytes:
    from reportgen.render.pdf import render_summary

    return render_summary(summary, briefing)


@pytest.mark.slow
def test_a_summary_with_a_dropped_mark_value_or_citation_is_found(drawn, seed, briefing):
    summary, _ = drawn[("pdf", "zh")]
    share = next(s for s in summary.shown if s.derived)
    tampered = _summary_edited(summary, share.display, share.text)
    found = check_bytes(_pdf_drawn(tampered, briefing), "pdf", seed, "s.pdf", summary)
    message = f"{share.fact}: {share.display} is not printed as the content decided"
    assert Finding("s.pdf", "summary", message) in found

    # 81亿元 is data too: only the content knows the lead's first figure is 360亿元 [1]
    tampered = _summary_edited(summary, f"360亿元{cite(1)}", f"81亿元{cite(1)}")
    data = _pdf_drawn(tampered, briefing)
    assert check_bytes(data, "pdf", seed, "s.pdf") == []
    assert check_bytes(data, "pdf", seed, "s.pdf", summary) == [
        Finding(
            "s.pdf",
            "summary",
            "foreign_trade_2022: 360亿元[1] is not printed as the content decided",
        )
    ]

    note = summary.citations[4]
    data = _pdf_drawn(_summary_edited(summary, note.text, ""), briefing)
    found = check_bytes(data, "pdf", seed, "s.pdf", summary)
    facts = ", ".join(note.note.facts)
    assert Finding("s.pdf", "notes", f"{facts}: source note 5 is missing") in found


def test_a_value_is_found_only_as_a_number_of_its_own():
    from reportgen.check.placed import shown_at

    assert shown_at("威海经开区2023年外贸", "3") is None  # 3 inside 2023 is no 3
    assert shown_at("增长3.5%", "3") is None
    assert shown_at("提升3个位次", "3") == 2
    assert shown_at("1,300亿元和300亿元", "300") == 8


# --- a printed number is read as the fact the content placed there ---------------------------


def test_a_label_that_ends_in_a_hedge_word_is_no_hedge_of_its_value():
    peak = Shown("visitors_peak", "30万人次")
    labels = {"visitors_peak": "单日客流最高"}
    read, problems = read_placed("据报道：单日客流最高30万人次。", [peak], "zh", labels)
    assert problems == [] and "30" not in read
    # the same word written by the template before a value the data gives exactly is the
    # template's hedge, and the message says whose
    read, problems = read_placed("客流最高30万人次。", [peak], "zh", labels)
    assert problems == [
        "visitors_peak: 30万人次 reads as '客流最高30万人次。', a hedge the data does not give "
        "it: the words around it are the template's (template)"
    ]
    # a hedge that is the fact's own reads as decided
    firms = Shown("firms", "4700余家", qualifier="over")
    assert read_placed("入驻4700余家企业", [firms], "zh", {})[1] == []
    trade = Shown("trade", "超过75亿元", qualifier="over")
    assert read_placed("交易额将超过75亿元", [trade], "zh", {})[1] == []


def test_placed_numbers_are_found_whole_and_longest_first():
    exact, hedged = Shown("a", "1000亿元"), Shown("b", "突破1000亿元", qualifier="over")
    assert placed_spans("投资突破1000亿元，另1000亿元", [exact, hedged]) == [
        (2, 10, hedged),
        (12, 18, exact),
    ]
    assert placed_spans("21000亿元", [exact]) == []
    two = Shown("c", "2")
    assert placed_spans("2022\n2", [two]) == [(5, 6, two)]  # not the 2 that ends 2022


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_lead_that_prints_a_label_ending_in_a_hedge_word_builds(tmp_path, briefing, lang):
    """Issue 14: 单日客流最高 before 30万人次 was read as the hedge 最高 and the check blamed
    the data (`最高30: the data has no such hedge for 30`)."""
    from reportgen.data import load_dataset
    from reportgen.render.pdf import render_summary
    from tests.check import drawn
    from tests.check.folders import PEAK, PEAK_METRICS, folder

    data = load_dataset(folder(tmp_path, PEAK, PEAK_METRICS))
    summary = drawn.summary(data, lang)
    pdf = render_summary(summary, briefing)
    assert check_bytes(pdf, "pdf", data, "s.pdf", summary) == []
    assert check_bytes(pdf, "pdf", data, "s.pdf") == []
    # a hedge the template writes is found, with the fact and the template named
    if lang == "zh":
        hedged = drawn.summary(data, lang, lead="客流超过{visitors_peak}")
        found = check_bytes(render_summary(hedged, briefing), "pdf", data, "s.pdf", hedged)
        assert [f.where for f in found] == ["page 1"]
        assert found[0].message.startswith("visitors_peak: 30万人次 reads as")
        assert found[0].message.endswith("(template)")


def test_the_day_of_an_english_date_is_no_value():
    """A derived 15 is not shown by 15 December 2024 (the source line's date)."""
    assert shown_at("Source: Xinhua Daily, 15 December 2024", "15", "en") is None
    assert shown_at("December 15, 2024 saw 15 more", "15", "en") == 22
    assert shown_at("15 routes, 15 December 2024", "15", "en") == 0
