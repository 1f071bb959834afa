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
    lines: list[str] = []
    current: list[str] = []
    for token in tokens(text):
        candidate = "".join([*current, token]).rstrip()
        if not current or measure(candidate) <= max_width:
            if current or not token.isspace():
                current.append(token)
            continue
        if token.isspace():
            lines.append("".join(current).rstrip())
            current = []
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
        current = [t for t in carry if not (t.isspace() and not lines[-1:])]
    if current:
        lines.append("".join(current).rstrip())
    return lines or [""]
