"""How a page in one language is read back: the shape of each language module's `READING`.

The checker reads every shown number with its hedge and asks whether the data holds it; how a
language prints a number, a hedge and a date is the language module's business, so the
checker only dispatches to ``locale.get(lang).READING``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reportgen.locale import Qualifier


def alternatives(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so 及以上 wins over 以上."""
    return "|".join(sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Reading:
    """How a page in one language prints a number and its hedge."""

    #: Groups: before (hedge), digits, scale, inside (hedge; optional).
    pattern: re.Pattern
    #: The qualifier of a matched number's hedge, from the match and the whole text.
    qualifier: Callable[[re.Match, str], Qualifier | None]
    #: Whether the number ending at an offset is a quantity (followed by its unit), not a
    #: date or a bare operand: only a quantity must show its hedge.
    is_quantity: Callable[[str, int], bool]
    #: The language whose text a page of this one quotes (a Chinese source sentence on an
    #: English page), read that language's way with that language's `run`.
    embedded: str | None = None
    #: Where this language's text runs inside another language's page.
    run: re.Pattern | None = None
    #: Figures are written in words too (八千七百家).
    numerals: bool = False
    #: Dates as this language prints them (15 December 2024): their numbers are no values.
    dates: re.Pattern | None = None
