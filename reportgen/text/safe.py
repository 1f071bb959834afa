"""The one rule for text a presenter can see: printable characters and spaces, nothing else.

Every string a data folder gives to a deck, a PDF or a workbook (labels, titles, names, notes,
hedges, units, places, parties, quotes) passes ``check_display_text`` when it is validated, so
``build`` never meets a character it cannot draw or one that changes what the reader sees:

- control characters (Cc: tab, newline, ``\\f`` — pdftotext's page break —, ``\\v``,
  ``\\x1f``…): XML (pptx, xlsx) cannot hold most of them and no font has a glyph for them;
- line and paragraph separators (U+2028, U+2029): a line break inside a one-line field;
- invisible format characters (Cf: zero-width spaces and joiners, U+2060, U+FEFF inside a text,
  the soft hyphen, bidi embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069): they
  make the printed text differ from what a reviewer reads in the YAML;
- private-use characters (Co, U+E000…): no standard glyph (a box on the slide), often an
  artefact of PDF extraction, and the renderer's own citation markers are private-use;
- lone surrogates (Cs) and unassigned code points or noncharacters (Cn).

Such a character is refused, not silently removed: the curator sees its code point and fixes
the text. Article and raw-page files are not displayed and may hold anything readable; their
line separators (``\\f``, ``\\v``, U+2028…) are line breaks and other whitespace is ignored,
both for the quote-in-article check and for sentence splitting (``reportgen.text.normalize``).
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportgen.fonts import Face

#: Unicode general categories refused in displayed text, and how an error names each.
REFUSED_CATEGORIES = {
    "Cc": "a control character",
    "Cf": "an invisible format character",
    "Co": "a private-use character",
    "Cs": "a lone surrogate",
    "Cn": "an unassigned code point",
    "Zl": "a line separator",
    "Zp": "a paragraph separator",
}

_NAMES = {"\t": "TAB", "\n": "LINE FEED", "\r": "CARRIAGE RETURN", "\f": "FORM FEED"}
_NAMES["\v"] = "VERTICAL TAB"
_BIDI = {*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C}
_ZERO_WIDTH = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF}


def refused_character(text: str) -> tuple[int, str, str] | None:
    """The first character of ``text`` the rule refuses: (index, character, kind), or None.

    >>> refused_character("对外贸易额/进出口")
    >>> refused_character("a\\u202eb")
    (1, '\\u202e', 'an invisible bidi control')
    """
    for index, char in enumerate(text):
        if char == " ":
            continue
        kind = REFUSED_CATEGORIES.get(unicodedata.category(char))
        if kind is not None:
            code = ord(char)
            if code in _BIDI:
                kind = "an invisible bidi control"
            elif code in _ZERO_WIDTH:
                kind = "an invisible zero-width character"
            return index, char, kind
    return None


def describe_character(char: str) -> str:
    """U+202E RIGHT-TO-LEFT OVERRIDE, as an error names a character (never the character itself,
    which may be invisible or reorder the error line)."""
    name = _NAMES.get(char) or unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def check_drawable(text: str, face: Face | None) -> str:
    """``text`` unchanged if ``face`` has a glyph for each of its characters (or there is no face
    to check against); else a ValueError naming the characters and the font, so a data problem
    is reported on its field instead of a build failing after drawing began."""
    if face is None:
        return text
    from reportgen.fonts import missing_glyphs

    missing = missing_glyphs(text, face)
    if not missing:
        return text
    shown = ", ".join(describe_character(char) for char in missing[:3])
    more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
    raise ValueError(
        f"character{'s' if len(missing) > 1 else ''} {shown}{more} "
        f"{'have' if len(missing) > 1 else 'has'} no glyph in the template's fonts "
        f"({face.family}); remove or replace {'them' if len(missing) > 1 else 'it'}"
    )


def check_display_text(text: str) -> str:
    """``text`` unchanged if every character is printable; a ValueError naming the first that
    is not, where it is and what kind it is.

    >>> check_display_text("进出口/对外贸易额")
    '进出口/对外贸易额'
    """
    found = refused_character(text)
    if found is None:
        return text
    index, char, kind = found
    before = text[max(0, index - 12) : index]
    where = f" after '{before}'" if before else ""
    hint = " (use a space)" if char == "\t" else ""
    raise ValueError(
        f"character {describe_character(char)} at position {index + 1}{where} is {kind}, "
        f"which a slide or page cannot show{hint}; remove or replace it"
    )
