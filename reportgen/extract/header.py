"""The optional header block at the top of an article file: ``key: value`` lines, then ``---``.

Clipping exports and plain-text archives write what they know about an article above its text::

    title: 青岛港前10个月集装箱吞吐量达2500万标准箱
    outlet: 青岛日报
    date: 2024-11-06
    ---

The block is there only when the first non-blank line is ``key: value`` (half- or full-width
colon) with a key of ``HEADER_KEYS`` (any case), or when it is ``key: value`` with another Latin
key and the lines down to a ``---`` line within the next dozen are all ``key: value``: a header
with a typo in its first key is an error to fix, not prose. A ``---`` line may also open the
block (front matter). Blank lines inside are skipped; an empty value is None; a value in double
quotes loses them.

``HeaderError`` says the line (1-based, in the whole file), the field and why, on one line: an
unknown key, a key given twice, a date that is not ``YYYY-MM-DD`` or not a day of the calendar,
a line that is neither ``key: value`` nor ``---`` before the block ends, or no ``---`` at all
(the field is then ``---``). The user wrote the header on purpose, so it is never guessed at.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

HEADER_KEYS = ("title", "outlet", "date", "url", "author")
LOOK_AHEAD = 12  # lines searched for the '---' under a first key that is not a header key

_KEY_LINE = re.compile(r"([A-Za-z][A-Za-z0-9_-]*)[ \t]*[:：][ \t\u3000]*(.*?)[\s\u3000]*")
_RULE = re.compile(r"-{3,}")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_BLANK = " \t\r\f\v\u3000\xa0\ufeff\u200b"


class HeaderError(ValueError):
    """A malformed header block; ``str(e)`` is one line: ``line N, field 'date': <why>``."""

    def __init__(self, line: int, field: str, why: str) -> None:
        super().__init__(f"line {line}, field {field!r}: {why}")
        self.line = line
        self.field = field
        self.why = why


@dataclass(frozen=True)
class Header:
    """What the header block says; its values win over what the text says."""

    title: str | None
    outlet: str | None
    date: datetime.date | None
    url: str | None
    author: str | None
    end: int  # offset just after the '---' line


def read_header(text: str) -> tuple[Header | None, tuple[int, int] | None]:
    """The header block of ``text`` and the span from its first line to the end of its
    ``---`` (for a segment), or ``(None, None)`` when the text has none."""
    rows = _rows(text)
    first = next((row for row in rows if row[2]), None)
    if first is None:
        return None, None
    opened = bool(_RULE.fullmatch(first[2]))
    ahead = list(itertools.islice(rows, LOOK_AHEAD + 1))
    fields = ahead if opened else [first, *ahead]  # the lines that may hold the fields
    filled = [line for _, _, line in fields if line]
    if not filled or not _opens_header(filled, opened):
        return None, None
    values: dict[str, str | None] = {}
    number = first[0]
    for number, at, line in itertools.chain(fields, rows):
        if not line:
            continue
        if _RULE.fullmatch(line):
            if not values:
                raise HeaderError(number, "---", "the header block has no 'key: value' line")
            newline = text.find("\n", at)
            end = len(text) if newline < 0 else newline + 1
            span = (_skip_blanks(text, first[1]), _skip_blanks(text, at) + len(line))
            return _header(values, end), span
        m = _KEY_LINE.fullmatch(line)
        if not m:
            raise HeaderError(
                number,
                "---",
                f"the header block must end with a '---' line before the text (found "
                f"{line[:20]!r}; every header line is 'key: value')",
            )
        key, value = m.group(1).lower(), m.group(2).strip().strip('"').strip() or None
        if key not in HEADER_KEYS:
            raise HeaderError(number, key, f"unknown key; a header has {', '.join(HEADER_KEYS)}")
        if key in values:
            raise HeaderError(number, key, "given twice")
        if key == "date" and value is not None:
            _date(value, number)
        values[key] = value
    raise HeaderError(number + 1, "---", "the header block has no '---' line after its fields")


def _skip_blanks(text: str, at: int) -> int:
    while at < len(text) and text[at] in _BLANK:
        at += 1
    return at


def _rows(text: str) -> Iterator[tuple[int, int, str]]:
    """(line number, offset, line without blanks at its edges), lazily: the header is read
    from the top and stops at its '---', whatever the length of the text."""
    at, number = 0, 1
    while True:
        newline = text.find("\n", at)
        end = len(text) if newline < 0 else newline
        yield number, at, text[at:end].strip(_BLANK)
        if newline < 0:
            return
        at, number = newline + 1, number + 1


def _opens_header(filled: list[str], opened: bool) -> bool:
    """Whether the first filled line (after an opening '---') opens a header block."""
    m = _KEY_LINE.fullmatch(filled[0])
    if not m:
        return False
    if opened or m.group(1).lower() in HEADER_KEYS:
        return True
    for later in filled[1:]:  # another Latin key: a header only if a '---' comes under key
        if _RULE.fullmatch(later):  # lines (a typo in the first key, to be reported)
            return True
        if not _KEY_LINE.fullmatch(later):
            return False
    return False


def _date(value: str, number: int) -> datetime.date:
    m = _ISO_DATE.fullmatch(value)
    if not m:
        raise HeaderError(number, "date", f"{value!r} is not a date as YYYY-MM-DD")
    try:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise HeaderError(number, "date", f"{value!r} is not a day of the calendar") from None


def _header(values: dict[str, str | None], end: int) -> Header:
    day = values.get("date")
    return Header(
        title=values.get("title"),
        outlet=values.get("outlet"),
        date=_date(day, 0) if day else None,
        url=values.get("url"),
        author=values.get("author"),
        end=end,
    )
