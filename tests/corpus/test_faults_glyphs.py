"""Text whose characters the template's font cannot draw (an emoji, an astral CJK ideograph).

validate used to accept it and build failed late, at the output check, after drawing. Now
every displayed text is checked against the template's face when the data is loaded: validate
(against the default template's face) and build (against the template it is given) both fail
with one line naming the file, the entry, the field, the code point and the font.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus.test_bad_input import Case, assert_fails_cleanly, data_case, replace_in

LABEL = "label_en: Foreign trade\n"
EMOJI_LABEL = "label_en: Foreign trade \U0001f600\n"
TITLE = "title_zh: 与某市签订合作协议\n"
ASTRAL_TITLE = "title_zh: 与\U00020000市签订合作协议\n"
NO_GLYPH = "has no glyph in the template's fonts (Noto Sans SC); remove or replace it"
EMOJI_MESSAGE = (
    "metrics.yaml:4: metric 'trade_2023', field 'label_en': "
    f"character U+1F600 GRINNING FACE {NO_GLYPH}"
)
ASTRAL_MESSAGE = (
    "events.yaml:6: event 'agreement_2023_03_05', field 'title_zh': "
    f"character U+20000 CJK UNIFIED IDEOGRAPH-20000 {NO_GLYPH}"
)


def emoji_label(folder: Path) -> None:
    replace_in("metrics.yaml", LABEL, EMOJI_LABEL)(folder)


def astral_title(folder: Path) -> None:
    replace_in("events.yaml", TITLE, ASTRAL_TITLE)(folder)


def both(folder: Path) -> None:
    emoji_label(folder)
    astral_title(folder)


CASES: list[Case] = [
    data_case(f"{what} ({command})", mutate, message, command=command)
    for command in ("validate", "build")
    for what, mutate, message in (
        ("emoji in a metric label", emoji_label, EMOJI_MESSAGE),
        ("astral ideograph in an event title", astral_title, ASTRAL_MESSAGE),
        ("emoji and astral ideograph, first problem", both, ASTRAL_MESSAGE),
        ("emoji and astral ideograph, second problem", both, EMOJI_MESSAGE),
    )
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_glyph_fault_fails_cleanly(case: Case, run, tmp_path, monkeypatch):
    assert_fails_cleanly(case, run, tmp_path, monkeypatch)


def test_several_missing_characters_in_one_text_are_named_together(run, mini):
    replace_in("metrics.yaml", LABEL, "label_en: Trade \U0001f600 \U0001f680\n")(mini)
    result = run("validate", str(mini))
    assert result.code == 1, result.err
    assert (
        "field 'label_en': characters U+1F600 GRINNING FACE, U+1F680 ROCKET have no glyph "
        "in the template's fonts (Noto Sans SC); remove or replace them"
    ) in result.err


def test_a_workbook_alone_draws_nothing_and_keeps_the_text(run, tmp_path, mini, monkeypatch):
    """The glyph rule is about fonts: an xlsx-only build sets no font, so it writes the text."""
    from openpyxl import load_workbook

    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    emoji_label(mini)
    out = tmp_path / "out"
    result = run("build", "--data", str(mini), "--format", "xlsx", "--out", str(out))
    assert result.code == 0, result.err
    (book,) = out.glob("*.xlsx")
    cells = [c.value for ws in load_workbook(book) for row in ws.iter_rows() for c in row]
    assert "Foreign trade \U0001f600" in cells
