"""The one rule for displayed text: printable characters and spaces, nothing else."""

from __future__ import annotations

import pytest

from reportgen.text.safe import check_display_text, describe_character, refused_character

REFUSED = {
    "\t": "control",
    "\n": "control",
    "\f": "control",  # pdftotext's page break
    "\v": "control",
    "\x1f": "control",
    "\x7f": "control",
    "\u0085": "control",
    "\u2028": "line separator",
    "\u2029": "paragraph separator",
    "\u200b": "zero-width",
    "\u200c": "zero-width",
    "\u200d": "zero-width",
    "\u2060": "zero-width",
    "\ufeff": "zero-width",
    "\u00ad": "format",
    "\u202a": "bidi",
    "\u202e": "bidi",
    "\u2066": "bidi",
    "\u2069": "bidi",
    "\ue000": "private-use",
    "\ue001": "private-use",
    "\U000f0000": "private-use",
    "\ud800": "surrogate",
    "\uffff": "unassigned",
}


@pytest.mark.parametrize("char", REFUSED, ids=[f"U+{ord(c):04X}" for c in REFUSED])
def test_invisible_and_unprintable_characters_are_refused_by_code_point(char):
    with pytest.raises(ValueError) as error:
        check_display_text(f"对外贸易{char}额")
    message = str(error.value)
    assert f"U+{ord(char):04X}" in message and REFUSED[char] in message
    assert "position 5" in message
    assert char not in message  # the error line never carries the character itself


@pytest.mark.parametrize(
    "text",
    [
        "进出口/对外贸易额",
        "Foreign trade \\ a\\b \\g<0> \\1",
        '=HYPERLINK("http://x")',
        "全角　空格",  # U+3000 ideographic space
        "no\u00a0break",
        "PM2.5 μg/m³ ‰ ℃ ²",
        "Ünïcödé — “quotes” 《书名》",
        "𠮷野家",  # outside the BMP, assigned
        "e\u0301",  # a combining mark
    ],
)
def test_printable_text_is_kept_exactly(text):
    assert check_display_text(text) == text
    assert refused_character(text) is None


def test_describe_names_characters_without_showing_them():
    assert describe_character("\t") == "U+0009 TAB"
    assert describe_character("\u202e") == "U+202E RIGHT-TO-LEFT OVERRIDE"
    assert describe_character("\ue000") == "U+E000"
