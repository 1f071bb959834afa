"""The content model's own rules: shown values, block kinds and what each prints."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from reportgen.content.model import (
    CITATION,
    CITATION_MARK,
    CITE_CLOSE,
    CITE_OPEN,
    Block,
    Bullets,
    Chart,
    Citation,
    KeyFigure,
    Kpis,
    Prose,
    Shown,
    SourceList,
    SourceNote,
    Table,
    citation_mark,
)


def test_a_shown_value_displays_with_its_mark():
    assert Shown("m", "22.5%", "（推算）").display == "22.5%（推算）"
    assert Shown("m", "22.5%", "（推算）").derived
    assert not Shown("m", "360亿元").derived


def test_every_block_kind_is_registered():
    for kind in (Kpis, Chart, Table, Bullets, Prose, SourceList):
        assert kind in Block.kinds


def test_a_new_block_kind_registers_itself():
    before = list(Block.kinds)
    try:

        @dataclass(frozen=True)
        class Quote(Block):
            text: str

            def texts(self) -> tuple[str, ...]:
                return (self.text,)

        assert Block.kinds[-1] is Quote
    finally:
        Block.kinds[:] = before


def test_blocks_list_what_they_print():
    figure = KeyFigure("企业", Shown("m", "4700余家"))
    assert Kpis((figure,), 1, 1).texts() == ("4700余家", "企业")
    table = Table(("甲", "乙"), (("1", "2"),))
    assert table.texts() == ("甲", "乙", "1", "2")
    assert Bullets(("a", "b"), "h").texts() == ("h", "a", "b")
    note = SourceNote("m", "1", None, None, "d")
    assert SourceList((Citation(1, "1. x", note),)).texts() == ("1. x",)


def test_a_citation_mark_is_its_number_in_brackets_and_the_check_pattern_finds_it():
    assert citation_mark(17) == "[17]"
    page = f"企业60多个{citation_mark(17)}，投资{citation_mark(3)}"
    assert CITATION_MARK.findall(page) == ["[17]", "[3]"]
    assert CITATION_MARK.sub("", page) == "企业60多个，投资"  # 60 never reads as 6017


def test_a_citation_marker_in_a_text_carries_its_number():
    text = f"60多个{CITE_OPEN}17{CITE_CLOSE}"
    assert [int(n) for n in CITATION.findall(text)] == [17]


def test_a_kpi_grid_must_hold_its_figures():
    figure = KeyFigure("企业", Shown("m", "4700余家"))
    assert (Kpis((figure,) * 6, 2, 3).rows, Kpis((figure,) * 6, 2, 3).cols) == (2, 3)
    with pytest.raises(ValueError, match="2 x 2 grid cannot hold 5 figures"):
        Kpis((figure,) * 5, 2, 2)


def test_every_block_kind_says_what_the_check_reads():
    for kind in (Kpis, Chart, Table, Bullets, Prose, SourceList):
        assert kind.checked_texts is not Block.checked_texts, kind.__name__
    figure = KeyFigure("企业", Shown("m", "4700余家"))
    assert Kpis((figure,), 1, 1).checked_texts() == ("4700余家",)  # labels hold no numbers
    assert Prose("共60多个").checked_texts() == ("共60多个",)


def test_a_block_kind_that_does_not_say_what_the_check_reads_fails_loudly():
    before = list(Block.kinds)
    try:

        @dataclass(frozen=True)
        class Quote(Block):
            text: str

        with pytest.raises(NotImplementedError, match="Quote does not say"):
            Quote("x").checked_texts()
    finally:
        Block.kinds[:] = before
