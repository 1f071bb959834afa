"""The structure of an article file: header, headlines, bylines, captions, body, and pieces.

A figure's quote must be a sentence of the body, never a headline glued to the lead or a photo
caption glued to the next paragraph; a newspaper page holds several articles, each with its own
headline, reporter and outlet. ``read_layout`` tells these apart and gives the offsets where a
sentence must end (``Layout.breaks``, for ``facts.extract``), whether an offset is body text
(``Layout.body``) and the pieces of the file with their title, kicker, outlet, author and date.
It raises only ``HeaderError``, for a malformed header block (``header``); any other text, empty
or odd, gives a layout with at least one piece.

**Lines.** A line's shape says what it is when it is an editor's line, a caption, a byline, an
opener or a dateline (``bylines``). The rest is text, and text is *title-like* when it has no
sentence punctuation (。；, and ！？ only last and with no comma before), is at most ``TITLE_MAX``
characters with three Chinese ones at least (360亿元 alone is a figure), does not end with a
mark that opens a clause (，、：“ — but ``——`` or ``：`` ends a kicker), does not open a turn of
an interview (``记者：``), does not open a list item (``1.``, ``•``), starts a sentence (the text
before it ended one, or was no text) and is not carried on by what follows (，。）…; a dash
opening the next line starts a subtitle instead). Everything else is body.

*Column-wrapped* text (PDF: most lines that have a next line in their paragraph end inside a
sentence) breaks lines at the column width: there a title-like line inside a paragraph must
also be narrower than two thirds of its paragraph's lines, and a paragraph run of up to three
title-like lines without any 。 is one title, its lines joined with a space
(``中外重点航空项目签约`` / ``共建“空中丝绸之路”``), a line ending with ``——`` or a line opening
with a dash keeping its own; a letter-spaced line (``上 合 搭 桥``) loses its spaces. In plain
text each title-like line is a title of its own.

**Heads.** A *head* is a group of up to three title lines directly followed by a byline or
dateline, with the bylines, datelines, editor lines and up to two more title lines (a banner)
that follow before the body; a ``本报讯``/``…电``/□ opener with no title above is a head too (a
brief without a headline); a reporter's line after body without a title above is a footer. The
title lines at the top of the text, before any body, are a head even without a byline. In a
head with a byline the headline is the last title line above it, the line above that is the
kicker (引题; earlier ones and banners below are kickers too, but not the piece's), a line
opening with a dash is the subtitle (副题). In the top head without a byline the first title
line is the headline (unless it ends with ``——``/``：`` and another follows: then the kicker)
and later ones are subheads.

**Blocks and pieces.** A *block* is the stretch between two heads; it makes a piece when it
holds body (editor lines or captions alone between two heads belong to no piece). Inside a
block a title line is a subhead (``heading``) when it stands on one line, alone in its paragraph
(two or more together are a list), with body after it in the block; otherwise it is body.

In plain text (and in wrapped text with one head) a head heads the block right below it. A
page out of order is paired by content: PDF text of a newspaper page loses the reading order
(the seed prints its main feature before its headline, and one piece's headline above another
piece's body), so in column-wrapped text with two to ``MATCH_HEADS`` heads each head is scored
against each block: the share of its headline's (and subtitle's) two-character sequences found
in the block, plus 0.3 when the head stands right above the block and 0.1 right below it.
The kicker does not count: it gives the context, which a page's pieces share (the seed's kicker
is the first sentence of the feature's sidebar). Pairs are taken best first, each head and
block once, none under 0.3, heads with a byline before top lines without one (which may be a
subhead the extraction put first, and may only head the block right below them). So a head
right above a block always qualifies and moves only for a clearly better block. A block that
gets no head is a piece without a title (the seed's sidebar); top lines that lose their block
become its first subheads.

A piece's ``start``/``end`` cover its block and its head when the head is next to it; a head
printed elsewhere stays outside and ``Piece.headline`` says where it is (``Layout.piece_at``
finds the piece of an offset either way). Pieces are in text order.

**Outlet, author, date.** Read off the piece's head, then its block (footers), in order: the
first outlet (``本报`` means the outlet the page names most, ties to the first), the names of
every byline (roles dropped), the first date: a full date (发布时间), or a dateline's month and
day in the year of ``article_date`` (or of the header's date), the year before when that would
fall after it. A piece without any byline or dateline on a page of several takes the page's
outlet. The header's title, outlet, author and date win for the first piece; its outlet and
date are the default of the others.

The lines are read once, each with a bounded number of regexes; pairing compares at most
``MATCH_HEADS`` heads with the blocks; so the time is linear in the text.
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from statistics import median_high
from typing import NamedTuple

from reportgen.extract.bylines import (
    BLANK,
    CLOSERS,
    HAN,
    SENTENCE_END,
    Credit,
    ends_sentence,
    read_line,
)
from reportgen.extract.header import Header, HeaderError, read_header
from reportgen.extract.lexicon import QA_SPEAKERS

__all__ = ["KINDS", "Header", "HeaderError", "Layout", "Piece", "Segment", "read_layout"]

#: Segment kinds, in no particular order.
KINDS = (
    "header",
    "kicker",
    "headline",
    "byline",
    "dateline",
    "heading",
    "caption",
    "editor",
    "body",
)
TITLE_MAX = 48  # characters, spaces not counted; the seed's kicker has 35, headlines < 30
MATCH_HEADS = 24  # heads paired by content at most; more are paired by position only
_NEAR_BEFORE, _NEAR_AFTER, _PAIR_MIN = 0.3, 0.1, 0.3


@dataclass(frozen=True)
class Segment:
    """A stretch of text (no blank line at either edge) and what it is (one of ``KINDS``)."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Piece:
    """One article of the file."""

    start: int
    end: int
    title: str
    kicker: str | None
    outlet: str | None
    author: str | None
    date: datetime.date | None
    headings: tuple[Segment, ...]
    subtitle: str | None = None
    #: Where the title is printed: inside start..end, or elsewhere on a page out of order.
    headline: Segment | None = None


@dataclass(frozen=True)
class Layout:
    """What each part of an article file is, and the pieces it holds."""

    header: Header | None
    pieces: tuple[Piece, ...]
    segments: tuple[Segment, ...]
    _starts: list[int] = field(default_factory=list, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [s.start for s in self.segments])

    def breaks(self) -> frozenset[int]:
        """Offsets where a sentence must end: every edge of a segment that is not body."""
        return frozenset(
            edge for s in self.segments if s.kind != "body" for edge in (s.start, s.end)
        )

    def body(self, offset: int) -> bool:
        """Whether ``offset`` is in body text, where a quote may come from."""
        segment = self.segment_at(offset)
        return segment is not None and segment.kind == "body"

    def segment_at(self, offset: int) -> Segment | None:
        """The segment holding ``offset``, None between segments (blank lines)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.segments[i].end:
            return self.segments[i]
        return None

    def piece_at(self, offset: int) -> Piece | None:
        """The piece an offset belongs to: the one whose range holds it, or whose headline
        (printed away from its body on a page out of order) does."""
        for piece in self.pieces:
            if piece.start <= offset < piece.end:
                return piece
            if piece.headline and piece.headline.start <= offset < piece.headline.end:
                return piece
        return None


def read_layout(text: str, article_date: datetime.date | None = None) -> Layout:
    """The layout of ``text`` (see the module docstring); raises only ``HeaderError``."""
    header, header_span = read_header(text)
    begin = header.end if header else 0
    lines = _lines(text, begin)
    wrapped = _is_wrapped(lines)
    items = _items(text, lines, wrapped)
    heads = _heads(items)
    blocks = _blocks(items, heads)
    pairs = _pair(text, items, heads, blocks, wrapped)
    reference = article_date or (header.date if header else None)
    pieces, kinds = _pieces(items, heads, blocks, pairs, header, reference)
    segments = _segments(items, kinds)
    if not pieces:  # no body anywhere (empty, a headline alone, captions only): one piece
        pieces = [_whole_piece(text, begin, segments, header)]
    if header_span:
        segments.insert(0, Segment(header_span[0], header_span[1], "header"))
    return Layout(header, tuple(pieces), tuple(segments))


def _whole_piece(text: str, begin: int, segments: list[Segment], header: Header | None) -> Piece:
    """The one piece of a text in which no head and body were found."""
    headline = next((s for s in segments if s.kind == "headline"), None)
    title = _unspace(text[headline.start : headline.end]) if headline else ""
    return Piece(
        start=segments[0].start if segments else begin,
        end=segments[-1].end if segments else begin,
        title=(header.title if header else None) or title,
        kicker=None,
        outlet=header.outlet if header else None,
        author=header.author if header else None,
        date=header.date if header else None,
        headings=(),
        headline=headline,
    )


@dataclass
class _Line:
    start: int  # offset of the first character that is not blank
    end: int  # offset after the last one
    text: str
    para: int  # lines with no blank line between share a paragraph


_CONTINUES = frozenset("，、。；：！？）)」』”’》〉%‰…—,.;:!?")
_OPENS = frozenset("，、：:（(「『“‘《〈-")


def _lines(text: str, begin: int) -> list[_Line]:
    out: list[_Line] = []
    offset, para = begin, 0
    for raw in text[begin:].split("\n"):
        body = raw.strip(BLANK)
        if body:
            lead = len(raw) - len(raw.lstrip(BLANK))
            out.append(_Line(offset + lead, offset + lead + len(body), body, para))
        else:
            para += 1
        offset += len(raw) + 1
    return out


def _width(line: str) -> int:
    """Columns the line takes: a character outside ASCII counts two."""
    return 2 * len(line) - len(line.encode("ascii", "ignore"))


def _is_wrapped(lines: list[_Line]) -> bool:
    """Column-wrapped text: most lines that have a next line in their paragraph end inside a
    sentence (PDF text); plain text ends its lines with its paragraphs."""
    inner = [a for a, b in itertools.pairwise(lines) if a.para == b.para]
    mid = sum(1 for line in inner if not ends_sentence(line.text))
    return len(inner) >= 4 and mid >= len(inner) / 2


# --- items: each line, or part of a line, with what it is ----------------------------------


@dataclass
class _Item:
    kind: str  # title body byline dateline editor caption; 'text' until told title or body
    start: int
    end: int
    para: int
    first: int  # index of its first line
    last: int  # index of its last line
    credit: Credit | None = None
    opener: bool = False  # a byline that starts a piece's text (not a footer, not 来源)
    strong: bool = False  # 讯 / 电 / □: starts a piece even without a headline
    text: str = ""  # a title's text, its lines joined


_DASH_START = re.compile(r"[—－–]{1,2}|-{2}")
_KICKER_END = ("——", "—", "：", ":")
_QA = re.compile("(?:" + "|".join(map(re.escape, QA_SPEAKERS)) + r")[ \t]*[：:]")
_LIST_ITEM = re.compile(r"[•●○◆◇▪►▶※√✓*+]|\d{1,3}[.．、)）](?![\d.．])")


def _items(text: str, lines: list[_Line], wrapped: bool) -> list[_Item]:
    """Each line split into parts by its shape (``bylines``), then text told title or body."""
    items: list[_Item] = []
    caption_open = False  # a caption opened by ■ or 图为 runs on to the end of its sentence
    for n, line in enumerate(lines):
        prev = lines[n - 1] if n else None
        fresh = (  # the line starts a sentence: an opener or a caption may stand here
            prev is None
            or prev.para != line.para
            or items[-1].kind not in ("text", "body")
            or ends_sentence(prev.text)
        )
        if caption_open and prev is not None and prev.para == line.para:
            items.append(_Item("caption", line.start, line.end, line.para, n, n))
            caption_open = not ends_sentence(line.text)
            continue
        parts = read_line(line.text, fresh)
        for part in parts:
            items.append(
                _Item(
                    part.kind,
                    line.start + part.start,
                    line.start + part.end,
                    line.para,
                    n,
                    n,
                    credit=part.credit,
                    opener=part.opener,
                    strong=part.strong,
                )
            )
        caption_open = len(parts) == 1 and parts[0].kind == "caption" and not parts[0].photo_credit
        caption_open = caption_open and not ends_sentence(line.text)
        if parts[-1].photo_credit:
            _caption_above(items, line.para)
    _texts(text, items, lines, wrapped)
    return items


def _caption_above(items: list[_Item], para: int) -> None:
    """A credit closes a caption: the short paragraph above it (up to four lines of text and
    nothing else, 160 characters at most) is that caption."""
    run: list[int] = []
    j = len(items) - 2
    while j >= 0 and items[j].para == para:
        if items[j].kind != "text" or len(run) == 4:
            return
        run.append(j)
        j -= 1
    if sum(items[i].end - items[i].start for i in run) <= 160:
        for i in run:
            items[i].kind = "caption"


def _title_like(line: str) -> bool:
    """No sentence inside, short, and not a clause, a turn of an interview or a list item."""
    core = re.sub(r"\s+", "", line)
    tail = core.rstrip(CLOSERS)
    if not tail or len(core) > TITLE_MAX:
        return False
    if len(re.findall(f"[{HAN}]", core)) < 3:  # 360亿元 is a figure, not a title
        return False
    if any(c in tail[:-1] for c in SENTENCE_END) or tail[-1] in "。；;":
        return False
    if tail[-1] in "！？!?" and re.search(r"[，,]", tail):
        return False
    if tail[-1] in _OPENS and not tail.endswith(_KICKER_END):
        return False
    return not (_QA.match(core) or _LIST_ITEM.match(core))


def _unspace(line: str) -> str:
    """A display line as a title: letter-spacing (上 合 搭 桥) dropped, spaces made single."""
    line = re.sub(r"\s+", " ", line.strip())
    if re.fullmatch(rf"(?:[{HAN}“”\"] ){{2,}}[{HAN}“”\"]", line):
        return line.replace(" ", "")
    return line


def _join(parts: list[str]) -> str:
    """The lines of a title as one: a space between them, none at a mark that binds."""
    out = ""
    for part in parts:
        if out and not (out[-1] in "，、：“《（—-" or part[0] in "，、：”》）—"):
            out += " "
        out += part
    return out


def _continues(following: str) -> bool:
    """Whether the text after a line carries on its sentence (a comma, a closing mark); a
    dash opening a line starts a subtitle instead (——前三季度…)."""
    return bool(following) and following[0] in _CONTINUES and not _DASH_START.match(following)


def _texts(text: str, items: list[_Item], lines: list[_Line], wrapped: bool) -> None:
    """Tell the text items title or body, a paragraph's run of text lines at a time."""
    widths: dict[int, list[int]] = {}
    for line in lines:
        widths.setdefault(line.para, []).append(_width(line.text))
    typical = {para: median_high(w) for para, w in widths.items()}
    i = 0
    while i < len(items):
        if items[i].kind != "text":
            i += 1
            continue
        j = i
        while (
            j + 1 < len(items)
            and items[j + 1].kind == "text"
            and items[j + 1].para == items[i].para
        ):
            j += 1
        i = _run(text, items, lines, i, j, wrapped, typical)


def _run(
    text: str,
    items: list[_Item],
    lines: list[_Line],
    i: int,
    j: int,
    wrapped: bool,
    typical: dict[int, int],
) -> int:
    """Items i..j, consecutive text lines of one paragraph, told title or body; the index of
    the item after them (a wrapped title of several lines becomes one item)."""
    run = items[i : j + 1]
    before = items[i - 1] if i else None
    after = items[j + 1] if j + 1 < len(items) else None
    following = text[after.start : after.start + 2] if after else ""
    fresh = (
        before is None
        or before.kind not in ("text", "body")
        or ends_sentence(text[before.start : before.end])
    )
    texts = [text[item.start : item.end] for item in run]
    whole = [
        item.start == lines[item.first].start and item.end == lines[item.first].end for item in run
    ]
    if (
        wrapped
        and fresh
        and all(whole)
        and len(run) <= 3
        and all(_title_like(t) for t in texts)
        and not _continues(following)
    ):
        groups: list[list[int]] = [[0]]
        for k in range(1, len(run)):
            if texts[k - 1].endswith(_KICKER_END) or _DASH_START.match(texts[k]):
                groups.append([k])
            else:
                groups[-1].append(k)
        titles = [
            _Item(
                "title",
                run[g[0]].start,
                run[g[-1]].end,
                run[g[0]].para,
                run[g[0]].first,
                run[g[-1]].last,
                text=_join([_unspace(texts[k]) for k in g]),
            )
            for g in groups
        ]
        items[i : j + 1] = titles
        return i + len(titles)
    for k, item in enumerate(run):
        t = texts[k]
        title = (
            fresh
            and whole[k]
            and _title_like(t)
            and not _continues(texts[k + 1][:2] if k + 1 < len(run) else following)
            and (not wrapped or _width(t) < 2 / 3 * typical[item.para])
        )
        item.kind, item.text = ("title", _unspace(t)) if title else ("body", "")
        fresh = title or ends_sentence(t)
    return j + 1


# --- heads, blocks and pieces -----------------------------------------------------------------


@dataclass
class _Head:
    first: int  # item indices, inclusive
    last: int
    anchor: int | None  # the byline or dateline that makes it a head
    titles: list[int] = field(default_factory=list)


def _heads(items: list[_Item]) -> list[_Head]:
    heads: list[_Head] = []
    taken = -1  # the last item index inside a head
    seen_body = False
    for a, item in enumerate(items):
        if item.kind in ("body", "caption"):
            seen_body = True
        if a <= taken or item.kind not in ("byline", "dateline"):
            continue
        previous = items[a - 1] if a else None
        if not (item.opener or (previous is not None and previous.kind == "title")):
            continue
        g = a
        while g - 1 > taken and items[g - 1].kind == "title" and a - g < 3:
            g -= 1
        if g == a and not item.strong and seen_body:
            continue  # a reporter's name after the text: a footer
        e = a
        after_titles = 0
        while e + 1 < len(items) and items[e + 1].kind in ("byline", "dateline", "editor", "title"):
            if items[e + 1].kind == "title":
                nxt = items[e + 2] if e + 2 < len(items) else None
                if after_titles >= 2 or (nxt is not None and nxt.kind in ("byline", "dateline")):
                    break
                if nxt is not None and nxt.kind == "title":
                    break
                after_titles += 1
            e += 1
        heads.append(_Head(g, e, a, [k for k in range(g, e + 1) if items[k].kind == "title"]))
        taken = e
    # the title lines at the very top, before any body, head the first piece
    top = 0
    while top < len(items) and items[top].kind in ("title", "editor", "byline", "dateline"):
        top += 1
    if top and (not heads or heads[0].first > 0):
        end = min(top, heads[0].first if heads else top) - 1
        titles = [k for k in range(0, end + 1) if items[k].kind == "title"]
        if titles:
            heads.insert(0, _Head(0, end, None, titles))
    return heads


@dataclass
class _Block:
    first: int
    last: int


def _blocks(items: list[_Item], heads: list[_Head]) -> list[_Block]:
    """The stretches between heads; only those that hold body make pieces (a stretch of editor
    lines or captions alone between two heads belongs to no piece)."""
    inside = [False] * len(items)
    for head in heads:
        for k in range(head.first, head.last + 1):
            inside[k] = True
    blocks: list[_Block] = []
    k = 0
    while k < len(items):
        if inside[k]:
            k += 1
            continue
        start = k
        while k + 1 < len(items) and not inside[k + 1]:
            k += 1
        if any(items[i].kind == "body" for i in range(start, k + 1)):
            blocks.append(_Block(start, k))
        k += 1
    return blocks


def _grams(s: str) -> set[str]:
    """The two-character sequences of ``s``, within its runs of letters and digits."""
    out: set[str] = set()
    for run in re.findall(r"[^\W_]+", s):
        out.update(run[i : i + 2] for i in range(len(run) - 1))
    return out


def _head_grams(items: list[_Item], head: _Head) -> set[str]:
    """The sequences of a head's headline and subtitle: what its piece is about. The kicker is
    left out: it gives the context, which the pieces of a page share (the seed's kicker is
    the first sentence of the feature's sidebar)."""
    roles = _title_roles(items, head)
    return _grams(
        " ".join(items[k].text for k in (roles.headline, roles.subtitle) if k is not None)
    )


def _pair(
    text: str,
    items: list[_Item],
    heads: list[_Head],
    blocks: list[_Block],
    wrapped: bool,
) -> dict[int, int]:
    """Block index -> head index (see the module docstring)."""
    before = {}  # block -> head right above it
    after = {}  # block -> head right below it
    for h, head in enumerate(heads):
        for b, block in enumerate(blocks):
            if block.first == head.last + 1:
                before[b] = h
            if head.first == block.last + 1:
                after[b] = h
    if not wrapped or len(heads) < 2 or len(heads) > MATCH_HEADS:
        return dict(before)
    grams = [
        _grams("".join(text[items[i].start : items[i].end] for i in range(b.first, b.last + 1)))
        for b in blocks
    ]
    scored = []
    for h, head in enumerate(heads):
        own = _head_grams(items, head)
        for b in range(len(blocks)):
            score = len(own & grams[b]) / len(own) if own else 0.0
            if before.get(b) == h:
                score += _NEAR_BEFORE
            elif head.anchor is None or not score:
                continue  # top lines without a byline head only the block below them
            elif after.get(b) == h:
                score += _NEAR_AFTER
            # heads with a byline first: top lines without one may be a subhead put first
            scored.append((head.anchor is None, -score, b, h))
    scored.sort()
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, negative, b, h in scored:
        if -negative < _PAIR_MIN or b in pairs or h in used:
            continue
        pairs[b] = h
        used.add(h)
    return pairs


class _Roles(NamedTuple):
    """Item indices of a head's titles by role."""

    headline: int | None
    kicker: int | None
    subtitle: int | None
    others: list[int]  # more kickers: above the kicker, or a banner below the byline
    subheads: list[int]  # top lines without a byline, after the headline


def _title_roles(items: list[_Item], head: _Head) -> _Roles:
    """What each title of a head is (see the module docstring)."""
    above = [k for k in head.titles if head.anchor is None or k < head.anchor]
    subtitle = next(
        (k for k in head.titles[1:] if _DASH_START.match(items[k].text)),
        None,
    )
    main = [k for k in above if subtitle is None or k < subtitle]
    rest = [k for k in head.titles if k not in main and k != subtitle]
    if not main:
        return _Roles(None, None, subtitle, rest, [])
    if head.anchor is None:
        if len(main) > 1 and items[main[0]].text.endswith(_KICKER_END):
            return _Roles(main[1], main[0], subtitle, [], [*main[2:], *rest])
        return _Roles(main[0], None, subtitle, [], [*main[1:], *rest])
    kicker = main[-2] if len(main) > 1 else None
    return _Roles(main[-1], kicker, subtitle, [*main[:-2], *rest], [])


def _resolve_day(day: tuple[int, int], reference: datetime.date | None) -> datetime.date | None:
    if reference is None:
        return None
    try:
        found = datetime.date(reference.year, *day)
        if found > reference:
            found = datetime.date(reference.year - 1, *day)
    except ValueError:
        return None
    return found


@dataclass
class _Page:
    """What the pieces of a text share."""

    items: list[_Item]
    header: Header | None
    outlet: str | None  # the outlet the page names most: 本报's, and a byline-less piece's
    reference: datetime.date | None  # the year of a dateline's month and day
    several: bool  # more than one piece


def _pieces(
    items: list[_Item],
    heads: list[_Head],
    blocks: list[_Block],
    pairs: dict[int, int],
    header: Header | None,
    reference: datetime.date | None,
) -> tuple[list[Piece], dict[int, str]]:
    """The pieces, and the final kind of every title item (kicker headline heading body)."""
    kinds, absorbed = _head_kinds(items, heads, blocks, pairs)
    named = Counter(i.credit.outlet for i in items if i.credit is not None and i.credit.outlet)
    page = _Page(
        items,
        header,
        named.most_common(1)[0][0] if named else None,
        reference,
        len(blocks) > 1,
    )
    pieces: list[Piece] = []
    for b, block in enumerate(blocks):
        head = heads[pairs[b]] if b in pairs else None
        top = heads[absorbed[b]] if b in absorbed else None
        pieces.append(_piece(page, block, head, top, kinds, first=not pieces))
    return pieces, kinds


def _head_kinds(
    items: list[_Item], heads: list[_Head], blocks: list[_Block], pairs: dict[int, int]
) -> tuple[dict[int, str], dict[int, int]]:
    """The kind of each title in a head, and the top heads without a byline that lost their
    block (block -> head): their titles are that block's first subheads."""
    kinds: dict[int, str] = {}
    absorbed: dict[int, int] = {}
    used = set(pairs.values())
    for h, head in enumerate(heads):
        roles = _title_roles(items, head)
        for k in head.titles:
            kinds[k] = "kicker"
        for k in (roles.headline, roles.subtitle):
            if k is not None:
                kinds[k] = "headline"
        for k in roles.subheads:
            kinds[k] = "heading"
        if h in used or head.anchor is not None:
            continue
        for b, block in enumerate(blocks):
            if block.first == head.last + 1:
                absorbed[b] = h
                kinds.update((k, "heading") for k in head.titles)
    return kinds, absorbed


def _piece(
    page: _Page,
    block: _Block,
    head: _Head | None,
    top: _Head | None,
    kinds: dict[int, str],
    first: bool,
) -> Piece:
    """The piece of a block with its head (if any) and an absorbed top head (if any)."""
    items = page.items
    start, end = block.first, block.last
    if head is not None and head.last + 1 == block.first:
        start = head.first
    if head is not None and head.first == block.last + 1:
        end = head.last
    headings = list(top.titles) if top is not None else []
    if top is not None:
        start = top.first
    last_body = max(k for k in range(block.first, block.last + 1) if items[k].kind == "body")
    for k in range(block.first, block.last + 1):
        if items[k].kind == "title":
            kinds[k] = _subhead_kind(items, k, body_after=k < last_body)
            if kinds[k] == "heading":
                headings.append(k)
    title, kicker, subtitle, printed = "", None, None, None
    if head is not None:
        roles = _title_roles(items, head)
        if roles.headline is not None:
            title = items[roles.headline].text
            printed = Segment(items[roles.headline].start, items[roles.headline].end, "headline")
        kicker = items[roles.kicker].text if roles.kicker is not None else None
        subtitle = items[roles.subtitle].text if roles.subtitle is not None else None
        headings += roles.subheads
    sources = [*range(head.first, head.last + 1)] if head is not None else []
    sources += range(block.first, block.last + 1)
    outlet, author, day = _credits(items, sources, page.outlet, page.reference)
    credited = any(items[k].credit is not None for k in sources)
    if not credited and page.several:
        outlet = page.outlet  # a sidebar, a caption column: the page's
    header = page.header
    if header is not None and first:
        title = header.title or title
        outlet, author, day = header.outlet or outlet, header.author or author, header.date or day
    elif header is not None:
        outlet, day = outlet or header.outlet, day or header.date
    return Piece(
        start=items[start].start,
        end=items[end].end,
        title=title,
        kicker=kicker,
        outlet=outlet,
        author=author,
        date=day,
        headings=tuple(Segment(items[k].start, items[k].end, "heading") for k in sorted(headings)),
        subtitle=subtitle,
        headline=printed,
    )


def _subhead_kind(items: list[_Item], k: int, body_after: bool) -> str:
    """A title line inside a block: a subhead when alone in its paragraph (two or more title
    lines together are a list) on one line, with body after it in the block."""
    crowded = any(
        0 <= j < len(items) and items[j].kind == "title" and items[j].para == items[k].para
        for j in (k - 1, k + 1)
    )
    alone = items[k].last == items[k].first and not crowded
    return "heading" if body_after and alone else "body"


def _credits(
    items: list[_Item],
    sources: list[int],
    page_outlet: str | None,
    reference: datetime.date | None,
) -> tuple[str | None, str | None, datetime.date | None]:
    """(outlet, author, date) read off a piece's bylines and datelines, in order."""
    outlet: str | None = None
    names: list[str] = []
    day: datetime.date | None = None
    for k in sources:
        said = items[k].credit
        if said is None or items[k].kind not in ("byline", "dateline"):
            continue
        if outlet is None:
            outlet = said.outlet or (page_outlet if said.own else None)
        names += [n for n in said.names if n not in names]
        if day is None:
            day = said.date or (_resolve_day(said.day, reference) if said.day else None)
    return outlet, (" ".join(names) or None), day


def _segments(items: list[_Item], kinds: dict[int, str]) -> list[Segment]:
    """Items as segments: title items take their decided kind; body merges within a paragraph."""
    out: list[Segment] = []
    last_para = -1
    for k, item in enumerate(items):
        kind = item.kind
        if kind == "title":
            kind = kinds.get(k, "body")
        elif kind == "text":
            kind = "body"
        if (
            kind in ("body", "caption", "editor")
            and out
            and out[-1].kind == kind
            and item.para == last_para
            and out[-1].end == items[k - 1].end
        ):
            out[-1] = Segment(out[-1].start, item.end, kind)
        else:
            out.append(Segment(item.start, item.end, kind))
        last_para = item.para
    return out
