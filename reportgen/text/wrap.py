"""Line breaking for mixed Chinese and Latin text, with the usual Chinese punctuation rules.

Chinese breaks between any two characters, Latin words and numbers stay whole, no line starts
with closing punctuation (，。、；：？！）》」』” …) and no line ends with opening punctuation
(（《「『“ …). Widths come from a ``measure`` callable so the caller decides the font and
size (``reportgen.fonts.text_width``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

NO_LINE_START = set("，。、；：？！）》」』”’〉】〕…—·%,.;:?!)]}") | {"％"}
NO_LINE_END = set("（《「『“‘〈【〔([{")
# Units that must not be split: a Latin word or number (with its sign, decimals, %),
# or a single other character.
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,+\-/%'’]*|\s+|.", re.S)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def wrap(text: str, max_width: float, measure: Callable[[str], float]) -> list[str]:
    """Break ``text`` into lines no wider than ``max_width`` where the rules allow.

    A single token wider than the line (a very long number or word) is put on its own line
    and left to the caller to shrink; explicit newlines are kept.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, max_width, measure))
    return lines


def _wrap_paragraph(text: str, max_width: float, measure: Callable[[str], float]) -> list[str]:
    widths: dict[str, float] = {}

    def width_of(token: str) -> float:
        if token not in widths:
            widths[token] = measure(token)
        return widths[token]

    lines: list[str] = []
    current: list[str] = []
    used = 0.0  # width of ``current`` without trailing spaces (advances add up: no kerning)
    pending = 0.0  # width of trailing spaces in ``current``
    for token in tokens(text):
        if token.isspace():
            if current:
                current.append(token)
                pending += width_of(token)
            continue
        if not current or used + pending + width_of(token) <= max_width:
            current.append(token)
            used += pending + width_of(token)
            pending = 0.0
            continue
        # The token does not fit: break before it, moving punctuation that may not start a
        # line (and opening punctuation that may not end one) along with it.
        carry: list[str] = [token]
        while current and (carry[0] in NO_LINE_START or current[-1] in NO_LINE_END):
            if len(current) == 1:
                break
            carry.insert(0, current.pop())
        if token in NO_LINE_START and carry == [token] and current:
            # Nothing could move: keep the punctuation on this line rather than start with it.
            current.append(token)
            carry = []
        lines.append("".join(current).rstrip())
        current = [t for t in carry if not t.isspace()] if carry and carry[0].isspace() else carry
        used = sum(width_of(t) for t in current)
        pending = 0.0
    if current:
        lines.append("".join(current).rstrip())
    return lines or [""]
