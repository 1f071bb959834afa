"""What one line's shape says it is: a byline, a dateline, a caption, an editor's line, or text.

A page prints more than its articles: who wrote them (``□青岛日报/观海新闻记者 锡复春``), where
and when they were filed (``新华社青岛11月5日电``), photo captions and credits, the editors of
the page. These lines are recognised one at a time, by their shape alone; ``layout`` then reads
the lines in their order and decides titles, pieces and subheads. ``read_line`` splits a line
into ``Part`` s:

- *editor* — ``责任编辑：…``, ``编辑 …``, ``校对``, ``责编 王杰 美编 李晓萌 …`` (an editor role
  and a colon or a space, or two roles in one short line), end marks (``（完）``), column labels
  (``简讯``) and web furniture (``分享到``, ``【字体：大 中 小】``, ``首页 > 新闻中心 > 动态``);
- *caption* — a line opening with ■ or ▲, or opening a sentence with 图为/上图/下图 (it runs
  on to the end of its sentence); a photo credit (``记者 张三 摄``, ``（张三 摄）``) closing a line
  (``photo_credit`` is set: the short paragraph above it is the caption);
- *byline* — ``□青岛日报/观海新闻记者 锡复春``; a line that is only ``[outlet]记者 names
  [通讯员 names]`` (``本报记者 周敏``, ``齐鲁晚报·齐鲁壹点记者 张三 李四``; never ``记者：问题…``);
  ``文/图 张三``; ``来源：…`` / ``作者：…`` lines; ``（新华社）`` or ``（记者 张三）`` after the
  last sentence of a line (split from it). 报道 or 发自北京 closing a byline are no names;
- an *opener*: ``本报讯``, ``本报8月6日讯``, ``霍尔果斯讯``, ``新华社青岛11月5日电``,
  ``据新华社电``, ``本报北京电`` opening a line that starts a sentence, with its
  ``（记者 … 通讯员 …）``: a *dateline* when it has a date, else a *byline*; the rest of the
  line is *body*. ``通讯设备``, ``简讯``, ``供电`` are not openers (a place alone before 讯
  needs a gap, a bracket or 记者/据 after it);
- *dateline* — ``发布时间：2024-09-20`` (with ``来源`` on the same line or not), or a date and
  time alone (``2024-09-20 10:32``); ``时间：`` alone is an event's time, not the page's;
- *text* — all the rest: a title or body, which only the lines around it can tell.

A ``Credit`` is what a byline or dateline says: the outlet (short forms mapped, 中新网 ->
中国新闻网; the paper and its app as printed, 齐鲁晚报·齐鲁壹点), whether it is the paper's own
(本报: the outlet is the page's), the names in printed order with their roles dropped
(``记者 李四 通讯员 王五`` -> 李四, 王五; a 2-character name printed spaced, ``王 杰``, is joined),
and a month and day (a dateline) or a full date (发布时间).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from reportgen.extract import lexicon as lx

#: Blanks at the edges of a line (full-width space, no-break space, byte-order mark too).
BLANK = " \t\r\f\v\u3000\xa0\ufeff\u200b"
#: Characters that end a sentence.
SENTENCE_END = "。！？!?；;"
#: Closing marks that may follow a sentence's end (。” ends a sentence).
CLOSERS = "”’」』）)】》\"'"
#: The Chinese characters.
HAN = "\u3400-\u9fff\uf900-\ufaff"
KINDS = ("editor", "caption", "byline", "dateline", "body", "text")


@dataclass(frozen=True)
class Credit:
    """What a byline or a dateline says."""

    outlet: str | None = None
    own: bool = False  # 本报: the outlet is the page's
    names: tuple[str, ...] = ()
    day: tuple[int, int] | None = None  # (month, day) of a dateline; the year is the reader's
    date: datetime.date | None = None  # a full date (发布时间：2024-09-20)


@dataclass(frozen=True)
class Part:
    """A stretch ``line[start:end]`` and what it is (one of ``KINDS``)."""

    kind: str
    start: int
    end: int
    credit: Credit | None = None
    opener: bool = False  # a byline that starts a piece's text (not a footer, not 来源)
    strong: bool = False  # 讯 / 电 / □: starts a piece even without a headline above it
    photo_credit: bool = False  # a caption made by its credit: the lines above may be its text


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends with a sentence's end (closing quotes and brackets after it)."""
    core = line.rstrip(CLOSERS + BLANK)
    return bool(core) and core[-1] in SENTENCE_END


def read_line(line: str, fresh: bool) -> tuple[Part, ...]:
    """The parts of ``line`` (no blanks at its edges), in order, covering it. ``fresh``: the
    line starts a sentence (an opener or 图为 may stand only there)."""
    whole = len(line)
    if line[0] in lx.CAPTION_MARKS or (fresh and _CAPTION_START.match(line)):
        return (Part("caption", 0, whole),)
    if _editor(line):
        return (Part("editor", 0, whole),)
    credit_at = _photo_credit(line)
    if credit_at is not None:
        if credit_at == 0 or whole <= 160:
            return (Part("caption", 0, whole, photo_credit=True),)
        return Part("text", 0, credit_at), Part("caption", credit_at, whole)
    said = _reporter_line(line)
    if said:
        strong = line[0] in lx.BYLINE_MARKS
        return (Part("byline", 0, whole, said, opener=True, strong=strong),)
    said = _writer_line(line)
    if said:
        return (Part("byline", 0, whole, said, opener=True),)
    meta = _meta_line(line) or _date_line(line)
    if meta:
        return (Part(meta[0], 0, whole, meta[1]),)
    opened = _opener(line) if fresh or line[0] in lx.BYLINE_MARKS else None
    if opened:
        end, kind, said = opened
        core = len(line[:end].rstrip(BLANK))
        parts = [Part(kind, 0, core, said, opener=True, strong=True)]
        if end < whole:
            parts.append(Part("body", end, whole))
        return tuple(parts)
    trailing = _trailing_credit(line)
    if trailing:
        at, said = trailing
        before = len(line[:at].rstrip(BLANK))
        head = (Part("text", 0, before),) if before else ()
        return (*head, Part("byline", at, whole, said))
    return (Part("text", 0, whole),)


def outlet_of(prefix: str) -> tuple[str | None, bool]:
    """(outlet, own paper) of what stands before 记者 or 讯 in a byline: 本报 -> (None, True);
    新华社青岛 -> 新华社; 中新网 -> 中国新闻网; 青岛日报/观海新闻 -> as printed; a place ->
    (None, False)."""
    p = prefix.strip(" \t\u3000·/").removeprefix("据").strip()
    if p.startswith(lx.OWN_PAPER):
        return None, True
    for key in _OUTLET_KEYS:
        if p.startswith(key):
            rest = p[len(key) :]
            if rest[:1] in ("/", "·", "／") and rest[1:]:
                return p, False  # 齐鲁晚报·齐鲁壹点: the paper and its app, as printed
            return lx.OUTLET_NAMES[key], False
    if len(p) >= 2 and p.endswith(lx.OUTLET_ENDINGS):
        return p, False
    return None, False


def people(s: str) -> tuple[str, ...]:
    """The names in a byline's people part, in printed order, roles dropped."""
    tokens = [t for t in re.split(r"[\s、，,/／|｜丨;；]+", re.sub(_ROLE_RE, " ", s)) if t]
    tokens = [t for t in tokens if not t.startswith(lx.BYLINE_TAILS)]
    out: list[str] = []
    pending = ""
    for token in tokens:
        if len(token) == 1 and re.fullmatch(f"[{HAN}]", token):
            pending += token  # 王 杰: a 2-character name spaced out to fill the line
            if len(pending) == 2:
                out.append(pending)
                pending = ""
            continue
        pending = ""
        out.append(token)
    return tuple(dict.fromkeys(t for t in out if _NAME.fullmatch(t)))


# --- the shapes ------------------------------------------------------------------------------

_ROLE_RE = "|".join(map(re.escape, sorted(lx.BYLINE_ROLES, key=len, reverse=True)))
_EDITOR_RE = "|".join(map(re.escape, sorted(lx.EDITOR_ROLES, key=len, reverse=True)))
_OUTLET_KEYS = sorted(lx.OUTLET_NAMES, key=len, reverse=True)
_EDITOR_LINE = re.compile(rf"(?:{_EDITOR_RE})(?:[ \t\u3000]*[：:]|[ \t\u3000]+)")
_EDITOR_ROLE = re.compile(rf"(?:^|[\s|｜丨/])(?:{_EDITOR_RE})[：:\s]")
_REPORTER = re.compile(
    rf"(?P<mark>[{lx.BYLINE_MARKS}])?[ \t\u3000]*"
    rf"(?P<pre>[^\s，。；：:（）()\d“”]{{0,24}}?)(?P<role>{_ROLE_RE})(?P<rest>.*)"
)
_OPENER = re.compile(
    rf"(?P<mark>[{lx.BYLINE_MARKS}][ \t\u3000]*)?"
    r"(?P<pre>[^\s\d，。；：:“”「」（）()、！？!?《》]{1,16}?)[ \t\u3000]*"
    r"(?:(?P<month>\d{1,2})[ \t]*月[ \t]*(?P<day>\d{1,2})[ \t]*日)?"
    r"[ \t\u3000]*(?P<end>讯|电)"
)
_PAREN = re.compile(r"[ \t\u3000]*[（(](?P<inside>[^（）()\n]{1,60})[)）][ \t\u3000]*")
_TRAILING_PAREN = re.compile(r"[（(](?P<inside>[^（）()]{2,40})[)）]$")
_META_KEYS = (*lx.META_SOURCE_KEYS, *lx.META_AUTHOR_KEYS, *lx.META_DATE_KEYS)
_META_KEY = re.compile(
    "(?P<key>" + "|".join(sorted(map(re.escape, _META_KEYS), key=len, reverse=True)) + ")"
    r"[ \t\u3000]*[：:][ \t\u3000]*"
)
_PUBLISHED = ("发布时间", "发布日期", "发表时间", "更新时间")
_FULL_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_TIME = re.compile(r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?")
_WRITER = (
    r"(?:文/图|图/文|文/摄|撰文|摄影)[ \t\u3000/／|｜丨:：]+"
    r"|(?:文|图|摄)[ \t\u3000]*[/／|｜丨:：][ \t\u3000]*"
)
_CAPTION_START = re.compile(
    "(?:" + "|".join(map(re.escape, lx.CAPTION_WORDS)) + r"|图[\d①-⑩]*[：:])"
)
_NAME = re.compile(rf"[{HAN}·•]{{2,8}}")
_NOT_IN_BYLINE = "。！？!?；"


def _only_people(s: str) -> bool:
    """Whether ``s`` holds only roles and names, at least one name; single characters must
    pair up (a 2-character name printed spaced, 王 杰)."""
    tokens = [t for t in re.split(r"[\s、，,]+", re.sub(_ROLE_RE, " ", s)) if t]
    tokens = [t for t in tokens if not t.startswith(lx.BYLINE_TAILS)]
    if not tokens or len(tokens) > 8:
        return False
    if not all(re.fullmatch(rf"[{HAN}]{{1,4}}|[{HAN}·•]{{3,8}}", t) for t in tokens):
        return False
    single = 0
    for token in [*tokens, "end"]:
        if len(token) == 1:
            single += 1
        elif single % 2:
            return False
        else:
            single = 0
    return True


def _reporter_line(line: str) -> Credit | None:
    """``□青岛日报/观海新闻记者 锡复春``, ``本报记者 周敏``, ``记者 张三 李四``: a byline alone."""
    if len(line) > 60 or any(c in line for c in _NOT_IN_BYLINE):
        return None
    m = _REPORTER.fullmatch(line)
    if not m or m.group("rest").rstrip().endswith("摄"):
        return None  # no role, or a photo credit
    marked = bool(m.group("mark"))
    if not marked and not _only_people(m.group("rest")):
        return None
    outlet, own = outlet_of(m.group("pre"))
    if m.group("pre") and not (outlet or own or marked):
        return None  # words before 记者 that name no outlet: a sentence, not a byline
    return Credit(outlet=outlet, own=own, names=people(m.group("rest")))


def _writer_line(line: str) -> Credit | None:
    """``文/图 张三``, ``文/本报记者 张三 图/李四``."""
    if len(line) > 60 or not re.match(_WRITER, line) or any(c in line for c in "。！？，"):
        return None
    rest = re.sub(_WRITER, " ", line)
    own = any(word in rest for word in lx.OWN_PAPER)
    for word in lx.OWN_PAPER:
        rest = rest.replace(word, " ")
    return Credit(own=own, names=people(rest)) if _only_people(rest) else None


def _meta_line(line: str) -> tuple[str, Credit] | None:
    """``来源：青岛市商务局 发布时间：2024-09-20``: ('byline' or 'dateline', what it says)."""
    if len(line) > 90 or any(c in line for c in _NOT_IN_BYLINE):
        return None
    core = line.lstrip("【[")
    keys = list(_META_KEY.finditer(core))
    lead_date = _FULL_DATE.match(core)
    if not keys or not (lead_date or keys[0].start() == 0):
        return None
    found = {m.group("key") for m in keys}
    if not (found - set(lx.META_DATE_KEYS) or found & set(_PUBLISHED)):
        return None  # 时间：… alone is an event's time, not the page's
    outlet, own, names, day = None, False, (), _full_date(core) if lead_date else None
    for i, m in enumerate(keys):
        value = core[m.end() : keys[i + 1].start() if i + 1 < len(keys) else len(core)]
        value = value.strip(" \t\u3000【】[]|｜")
        key = m.group("key")
        if key in lx.META_SOURCE_KEYS and value:
            outlet, own = outlet_of(value.split()[0])
            outlet = outlet or (None if own else value.split()[0])
        elif key in lx.META_AUTHOR_KEYS and value:
            names = people(value)
        elif key in lx.META_DATE_KEYS:
            day = _full_date(value) or day
    said = Credit(outlet=outlet, own=own, names=names, date=day)
    return ("dateline" if day else "byline"), said


def _date_line(line: str) -> tuple[str, Credit] | None:
    """``2024-09-20 10:32`` alone: a web page's date line."""
    m = _FULL_DATE.match(line)
    if not m or len(line) > 40 or _TIME.sub("", line[m.end() :]).strip(" \t\u3000|｜"):
        return None
    day = _full_date(line)
    return ("dateline", Credit(date=day)) if day else None


def _full_date(s: str) -> datetime.date | None:
    m = _FULL_DATE.search(s)
    if not m:
        return None
    try:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _opener(line: str) -> tuple[int, str, Credit] | None:
    """``本报讯（记者 李四）``, ``新华社青岛11月5日电``, ``霍尔果斯讯`` opening a line: (where the
    body starts, the kind, what it says)."""
    m = _OPENER.match(line)
    if not m:
        return None
    pre, kind, dated = m.group("pre"), m.group("end"), m.group("month") is not None
    after = line[m.end() : m.end() + 3]
    gap = after == "" or after[0] in " \t\u3000（(【"
    outlet, own = outlet_of(pre)
    if kind == "电" and not dated and not ((outlet or own) and gap):
        return None  # 据新华社电 and 本报北京电 are openers; 供电 is not
    if kind == "讯" and (pre + "讯")[-2:] in lx.NOT_DATELINE_XUN:
        return None
    place = kind == "讯" and not (dated or own or outlet)
    if place and (len(pre) > 8 or not (gap or after.startswith(("记者", "据")))):
        return None  # a place alone (霍尔果斯讯) needs a gap, a bracket or the reporter after it
    end, names = m.end(), ()
    paren = _PAREN.match(line, end)
    if paren:
        inside = paren.group("inside")
        role = re.search(_ROLE_RE, inside)
        named = outlet_of(inside)[0]
        if role or named:
            end = paren.end()
            if role:
                names = people(inside[role.start() :])
                if not (outlet or own):
                    outlet, own = outlet_of(inside[: role.start()])
            else:
                outlet = outlet or named
    else:
        end += len(line[end:]) - len(line[end:].lstrip(" \t\u3000"))
    day = (int(m.group("month")), int(m.group("day"))) if dated else None
    if day and not (1 <= day[0] <= 12 and 1 <= day[1] <= 31):
        day = None
    said = Credit(outlet=outlet, own=own, names=names, day=day)
    return end, ("dateline" if dated else "byline"), said


def _trailing_credit(line: str) -> tuple[int, Credit] | None:
    """``…。（新华社）``, ``（记者 张三）`` closing a line after its last sentence: (where the
    bracket starts, what it says)."""
    m = _TRAILING_PAREN.search(line)
    if not m:
        return None
    before = line[: m.start()].rstrip(BLANK)
    inside = re.sub(r"^(?:来源|稿源)[：:]\s*", "", m.group("inside").strip())
    if (before and not ends_sentence(before)) or inside.endswith("摄"):
        return None
    role = re.search(_ROLE_RE, inside)
    if role:
        outlet, own = outlet_of(inside[: role.start()])
        if not _only_people(inside[role.start() :]):
            return None
        if inside[: role.start()].strip() and not (outlet or own):
            return None
        return m.start(), Credit(outlet=outlet, own=own, names=people(inside[role.start() :]))
    outlet, own = outlet_of(inside)
    if outlet and len(inside) <= 16 and not re.search(r"[，,、\s]", inside):
        return m.start(), Credit(outlet=outlet, own=own)
    return None


def _photo_credit(line: str) -> int | None:
    """Where a photo credit closing the line starts (``记者 张三 摄``, ``（张三 摄）``)."""
    if not re.search(r"摄(?:影)?[)）]?$", line):
        return None
    cut = max(line.rfind(c, 0, len(line) - 1) for c in "。！？!?”（(")
    start = cut + 1 if cut >= 0 and line[cut] not in "（(" else max(cut, 0)
    inside = re.sub(r"摄(?:影)?$", "", line[start:].strip("（()） \t\u3000")).strip()
    prefix = re.match(rf"\S{{0,12}}?(?={_ROLE_RE})", inside)
    if prefix and any(outlet_of(prefix.group(0))):
        inside = inside[prefix.end() :]
    return start if inside and _only_people(inside) else None


def _editor(line: str) -> bool:
    if line in lx.END_MARKS or line.strip("【】[] ") in lx.COLUMN_LABELS:
        return True
    if len(line) > 60 or any(c in line for c in _NOT_IN_BYLINE):
        return False
    if line.lstrip("【[").startswith(lx.PAGE_FURNITURE) or _EDITOR_LINE.match(line):
        return True
    if sum(line.count(mark) for mark in lx.BREADCRUMB_MARKS) >= 2:
        return True  # 首页 > 新闻中心 > 工作动态
    return len(_EDITOR_ROLE.findall(" " + line)) >= 2
