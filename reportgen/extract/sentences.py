"""Where the sentences of an article end, so that each fact can carry the sentence it is in.

A fact's sentence becomes the quote of a drafted metric and is printed with every fact, so it
must be the sentence a reader sees, and never more than a bounded stretch of text: if sentences
could grow with the input, an article that lists one figure per line (no 。 anywhere) would give
every fact the whole list, and the output would grow with the square of the input.

**Line breaks.** Two kinds of text end lines without sentence punctuation, and they need
opposite treatment:

- *wrapped text* (PDF columns, such as the seed page) breaks lines at the column width, in the
  middle of a sentence: the lines must be joined;
- a *list* (one item per line, a table, a heading above its text) breaks at each item: each line
  is its own sentence.

A line break ends a sentence when the line before it does not end with sentence punctuation and
one of these holds:

1. the next line opens an item: a bullet (• ● ■ □ ◆ ▶ ※ √, or - * + and a space), a number or a
   counter with its mark (1. 2、 3) (4) （五） 六、 ⑦);
2. either line is a table row: fields separated by a tab or by two or more spaces (PDF text
   puts at most one space around a figure);
3. the line is short in its paragraph: narrower than two thirds of the paragraph's typical
   (upper median) line, counting a character outside ASCII as two columns. Wrapped lines fill
   their column, so they vary by a few characters at most (the seed's by under a quarter); a
   heading, a label or a short item does not fill it;
4. the line is in a run of two or more lines that end with a figure: a label-and-figure list
   (进出口总额 360亿元 / 同比增长 38.3%) ends line after line at a figure; wrapped text ends a line
   exactly at a figure now and then, but two lines in a row almost never. The line above such a
   run is its heading, and ends too, if it has no clause mark (，、；：): a wrapped line that
   runs on into an item ("…其中对上合组织国家进出" / "口额达81亿元") nearly always has one.

It never does when the next line starts with punctuation that continues a sentence (，、）” %…),
or, for rules 3 and 4 and blank lines, when the line ends with one that opens a clause
(，、：“《（— -).

**Blank lines.** A blank line ends a one-line paragraph (a headline, a dateline, a paragraph
written on one line). After a longer paragraph it is read like a line break: PDF text puts
blank lines at column and page breaks too, in mid-sentence (the seed's "共同打开与中亚五国和",
blank line, "“一带一路”沿线国家…"), and there the line before it fills its column.

**Length.** Whatever the rules decide, no sentence is longer than ``MAX_SENTENCE`` characters:
a longer stretch is cut at the last clause mark (，；：、 or a space) in the second half of the
allowed length, else at the limit. A fact that straddles a cut carries both pieces, so a
sentence is at most twice the limit plus the fact itself, and the extractor's output grows
linearly with its input whatever the input is (the constant is the sentence length over the
spacing of figures: news has a figure every few dozen characters).
"""

from __future__ import annotations

import bisect
import re
from statistics import median_high

MAX_SENTENCE = 200  # characters; the longest sentence in the test articles and seed has 146

_SENTENCE_END = re.compile(r"[。！？!?；;]")
_SENTENCE_PUNCT = "。！？!?；;"
_CLAUSE_MARK = re.compile(r"[，；：、,;:\s]")
_CLAUSE_INSIDE = re.compile(r"[，；：、,;:]")
ITEM_START = re.compile(
    r"[ \t\u3000]*(?:"
    r"[•●○◆◇■□▪▫►▶※√✓]"  # a bullet
    r"|[-*+](?=[ \t\u3000])"  # an ASCII bullet and its space (not -5, not +RCEP)
    r"|\d{1,3}[.．、)）](?![\d.．])"  # 1. 2、 3): not 1.5, not 2022.
    r"|[(（](?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）]"  # (4) （五）
    r"|[一二三四五六七八九十]{1,3}、"  # 六、
    r"|[\u2460-\u2473\u2776-\u277f]"  # ① … ⑳, ❶ … ❿
    r")"
)
_TABLE_ROW = re.compile(r"\S(?:[ \u3000]*\t|[ \u3000]{2})[ \t\u3000]*\S")
_CONTINUES = frozenset("，、。；：！？）)」』”’》〉%‰…—,.;:!?")
_OPENS = frozenset("，、：:（(「『“‘《〈—-")
SHORT_LINE = 2 / 3  # a line narrower than this share of its paragraph's lines is not wrapped


def _width(line: str) -> int:
    """Columns the line takes: a character outside ASCII (CJK, full-width marks) counts two."""
    return 2 * len(line) - len(line.encode("ascii", "ignore"))


def sentence_bounds(
    text: str, figure_ends: set[int], breaks: frozenset[int] = frozenset()
) -> list[int]:
    """The sorted offsets where sentences end in ``text`` (see the module docstring).

    ``figure_ends`` are the offsets where the facts found in ``text`` end (rule 4); ``breaks``
    are ends the layout knows (a header block, a byline), counted before long sentences are cut
    so that a header running into the lead does not make the lead's sentence too long."""
    bounds = {m.end() for m in _SENTENCE_END.finditer(text)} | set(breaks)
    lines: list[tuple[int, str]] = []  # (offset, line without trailing spaces), not blank
    paragraph: list[int] = []  # the paragraph each line is in: lines without a blank between
    offset, number = 0, 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((offset, line.rstrip()))
            paragraph.append(number)
        else:
            number += 1
        offset += len(line) + 1
    widths: dict[int, list[int]] = {}
    for (_, line), p in zip(lines, paragraph, strict=True):
        widths.setdefault(p, []).append(_width(line))
    typical = {p: median_high(w) for p, w in widths.items()}
    figure = [start + len(line) in figure_ends for start, line in lines]
    listed = [  # in a run of two or more lines that end with a figure
        figure[i] and ((i > 0 and figure[i - 1]) or (i + 1 < len(lines) and figure[i + 1]))
        for i in range(len(lines))
    ]
    for i in range(len(lines) - 1):
        line, following = lines[i][1], lines[i + 1][1].lstrip(" \t\u3000")
        if line[-1] in _SENTENCE_PUNCT or following[0] in _CONTINUES:
            continue  # punctuation decides: ended already, or the next line continues it
        p = paragraph[i]
        if (
            ITEM_START.match(following)
            or _TABLE_ROW.search(line)
            or _TABLE_ROW.search(following)
            or (
                line[-1] not in _OPENS
                and (
                    (p != paragraph[i + 1] and len(widths[p]) == 1)
                    or _width(line) < SHORT_LINE * typical[p]
                    or listed[i]
                    or (listed[i + 1] and not _CLAUSE_INSIDE.search(line))
                )
            )
        ):
            bounds.add(lines[i + 1][0])
    return _capped(text, sorted(b for b in bounds if 0 < b < len(text)))


def _capped(text: str, bounds: list[int]) -> list[int]:
    """``bounds`` with cuts added so that no sentence is longer than MAX_SENTENCE: at the last
    clause mark in the second half of the allowed length, else at the length itself."""
    marks = [m.end() for m in _CLAUSE_MARK.finditer(text)]
    out: list[int] = []
    left = 0
    for right in [*bounds, len(text)]:
        while right - left > MAX_SENTENCE:
            i = bisect.bisect_right(marks, left + MAX_SENTENCE) - 1
            cut = marks[i] if i >= 0 and marks[i] > left + MAX_SENTENCE // 2 else None
            left = cut or left + MAX_SENTENCE
            out.append(left)
        if right < len(text):
            out.append(right)
        left = right
    return out


def sentence_of(text: str, start: int, end: int, bounds: list[int]) -> tuple[int, int]:
    """The span of the sentence around ``text[start:end]``: from the last end at or before
    ``start`` to the first at or after ``end``."""
    i = bisect.bisect_right(bounds, start)
    j = bisect.bisect_left(bounds, end)
    return (bounds[i - 1] if i else 0), (bounds[j] if j < len(bounds) else len(text))
