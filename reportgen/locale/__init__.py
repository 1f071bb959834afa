"""Everything that differs by language, one module per language.

A language module holds the words a number is hedged with, how numbers, units, dates and
periods are written, and the fixed strings every output shares (the derived mark, headings,
the page label, the language tag). Nothing else in reportgen spells these: the extractor, the
validator, the formatter, the builders, the renderers and the checker all read them here, so
adding a language means adding one module here (and its texts in the data).
"""

from __future__ import annotations

from types import ModuleType
from typing import Literal

Lang = Literal["zh", "en"]
#: Every language reportgen writes, the default first.
LANGS: tuple[Lang, ...] = ("zh", "en")

#: What a hedge word says about the true value, whatever the language it is written in.
Qualifier = Literal["exact", "approx", "over", "at_least", "under", "at_most"]


def get(lang: str) -> ModuleType:
    """The module of one language (``reportgen.locale.zh``, ``reportgen.locale.en``)."""
    if lang == "zh":
        from reportgen.locale import zh

        return zh
    if lang == "en":
        from reportgen.locale import en

        return en
    raise ValueError(f"unknown language {lang!r}; known: {', '.join(LANGS)}")
