"""Chinese labels, titles and names in English, from the same data: a bundled glossary
(``glossary.yaml``), the few word orders English needs, and pinyin for whatever the glossary
does not hold.

What the output promises is that no Han character survives: a stretch the glossary does not
know is written in pinyin and listed in ``untranslated``, so a build can warn about it and name
it in the notes rather than print Chinese on an English slide.

The reading, in order, for each phrase (and again for each part a rule splits off):

1. the whole phrase is a glossary word;
2. a pattern of the glossary matches the whole phrase (对X进出口额 -> trade with X);
3. the phrase ends with a head (增速, 占比, 排名): the rest is read, then put in the head's
   short or long form (Foreign trade growth / Growth in trade with SCO countries);
4. otherwise it is cut into glossary words, the cut leaving the fewest characters unknown and
   then using the fewest words (the longest matches); unknown characters become pinyin.

>>> english("对上合组织国家进出口额同比增速").text
'Year-on-year growth in trade with SCO countries'
>>> english("王五", "person").text
'Wang Wu'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal, NamedTuple

from reportgen.locale.en import MONTHS
from reportgen.text.numerals import parse_chinese_numeral

Kind = Literal["label", "title", "name", "person"]

#: Han characters (after NFKC, which folds compatibility ideographs and radicals into these).
HAN = re.compile(
    "[\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\U00020000-\U0003134f]"
)

#: Chinese punctuation and marks -> English ones ("" drops a mark: item bullets, page marks).
#: Longer keys are tried first. Fullwidth ASCII forms are folded by NFKC before this.
PUNCTUATION: dict[str, str] = {
    "——": "–",
    "……": "...",
    "，": ",",
    "、": ",",
    "。": ".",
    "：": ":",
    "；": ";",
    "！": "!",
    "？": "?",
    "（": "(",
    "）": ")",
    "【": "[",
    "】": "]",
    "〔": "[",
    "〕": "]",
    "《": "“",
    "》": "”",
    "〈": "‘",
    "〉": "’",
    "「": "“",
    "」": "”",
    "『": "‘",
    "』": "’",
    "—": "–",
    "…": "...",
    "·": " ",
    "・": " ",
    "〜": "–",
    "~": "–",
    "¥": "CNY ",
    "■": "",
    "□": "",
    "●": "",
    "○": "",
    "◆": "",
    "◇": "",
    "▲": "",
    "△": "",
    "★": "",
    "☆": "",
    "※": "",
    "\u3000": " ",
}

#: A run of Chinese numerals, magnitudes included (三, 二〇二三, 千亿).
_NUMERAL_RUN = re.compile(r"[〇零一二两三四五六七八九十百千万亿]+")
#: A figure in Arabic digits (4512, 62.8, 1,200).
_DIGIT_RUN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
#: A placeholder for a figure the caller fills in ({general_16}): passed through as it is.
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_.\-]*\}")
_ASCII_RUN = re.compile(r"[A-Za-z0-9]+(?:[.,:/\-+&'_][A-Za-z0-9]+)*%?")
#: Letters of other scripts (kana, hangul) kept as one word.
_LETTER_RUN = re.compile(rf"(?:(?!{HAN.pattern})[^\W\d_])+")
_MONTHS = MONTHS  # the month names English dates are written with, in one place
#: Words that stay in lower case inside a Title Case name.
_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "for", "in", "of", "on", "the", "to"})
#: A phrase containing one of these reads better with a head in its long form.
_PREPOSITION = re.compile(r"\b(?:of|with|to|from|in|for|on|among|as|above|below|since|than|and)\b")
#: Token groups that are names (a suffix after one of them is the name's kind).
_NAMES = frozenset({"places", "countries", "ports", "organisations", "unknown"})


@dataclass(frozen=True)
class English:
    """A text in English and the Chinese stretches it gives in pinyin (not in the glossary).

    ``text`` never holds a Han character."""

    text: str
    untranslated: tuple[str, ...]


class _Head(NamedTuple):
    zh: str
    short: str
    long: str


class _Pattern(NamedTuple):
    regex: re.Pattern[str]
    en: str
    #: A slot whose translation must end in a name for the pattern to apply.
    when: str | None
    #: A slot that must be a person's name the glossary does not hold (刘佳琪年龄).
    person: str | None


@dataclass(frozen=True)
class Glossary:
    """The glossary file, read once: words by group, heads and patterns."""

    #: zh -> (en, group) for terms, places, countries, ports and organisations.
    words: dict[str, tuple[str, str]]
    #: Name endings: zh -> en (区 District).
    suffixes: dict[str, str]
    #: A word's form before another word (出口 exports -> export goods).
    modifiers: dict[str, str]
    #: Verbs whose participle follows their object (引进项目 -> projects attracted).
    verbs: dict[str, str]
    #: Units and measure words after a figure, in English (吨 tonnes, 个 ""); a Chinese
    #: numeral is read as a figure only before one of these (the extractor's units).
    measures: dict[str, str]
    #: What 第N counts, after the ordinal (第五届 the 5th, 第二批 2nd batch).
    ordinal_tails: dict[str, str]
    #: Words with numerals in them that are no figures (一起, 一批, 万众一心): the extractor's.
    not_figures: tuple[str, ...]
    heads: tuple[_Head, ...]
    patterns: tuple[_Pattern, ...]
    #: A headline clause's word orders (X 同比增长 N -> X up N year on year).
    headlines: tuple[_Pattern, ...]
    surnames: frozenset[str]
    common_surnames: frozenset[str]
    surname_readings: dict[str, str]
    lengths: tuple[int, ...]


WORD_GROUPS = ("terms", "places", "countries", "ports", "organisations")


#: A figure ending a headline clause (486亿元, 近三成, 超640万人次, 12.6%): a hedge, the number, a
#: short unit.
_FIGURE = re.compile(
    r"(?:近|约|超过|超|逾|达|共|仅)?"
    r"(?:\d[\d.,]*(?:万亿|亿|万)?(?:%|[^\d\s.,%“”\"]{0,6})"
    r"|[一二两三四五六七八九]成(?:以上)?|一半|[一二两三四五六七八九十百千]+(?:万亿|亿|万)?[元吨家个项人])"
)


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _pattern(zh: str) -> re.Pattern[str]:
    """A pattern's Chinese with {X} slots as a regex; {P?} is an optional slot and {N} a
    figure (see ``_FIGURE``)."""
    out, pos = "", 0
    for slot in re.finditer(r"\{(\w)(\??)\}", zh):
        out += re.escape(zh[pos : slot.start()])
        name = slot.group(1)
        body = _FIGURE.pattern if name == "N" else f".{'*' if slot.group(2) else '+'}?"
        out += f"(?P<{name}>{body})"
        pos = slot.end()
    return re.compile(out + re.escape(zh[pos:]))


@lru_cache(maxsize=1)
def glossary() -> Glossary:
    """The bundled glossary (read once per process)."""
    from reportgen.yamlio import parse_yaml

    raw = parse_yaml(
        resources.files("reportgen.locale").joinpath("glossary.yaml").read_text("utf-8")
    )
    words: dict[str, tuple[str, str]] = {}
    for group in WORD_GROUPS:
        for zh, en in (raw.get(group) or {}).items():
            words.setdefault(_norm(str(zh)), (str(en or ""), group))
    suffixes = {_norm(str(zh)): str(en or "") for zh, en in (raw.get("suffixes") or {}).items()}
    heads = tuple(
        sorted(
            (_Head(_norm(zh), h["short"], h["long"]) for zh, h in raw["heads"].items()),
            key=lambda h: -len(h.zh),
        )
    )
    patterns = tuple(
        _Pattern(_pattern(_norm(p["zh"])), p["en"], p.get("when"), p.get("person"))
        for p in raw["patterns"]
    )
    headlines = tuple(
        _Pattern(_pattern(_norm(p["zh"])), p["en"], None, None) for p in raw.get("headlines") or ()
    )
    modifiers = {_norm(str(k)): str(v) for k, v in (raw.get("modifiers") or {}).items()}
    verbs = {_norm(str(k)): str(v) for k, v in (raw.get("verbs") or {}).items()}
    for zh, en in verbs.items():  # a verb with no object reads as its participle
        words.setdefault(zh, (en, "terms"))
    keys = set(words) | set(suffixes)
    measures = _strings(raw.get("measures"))
    return Glossary(
        words=words,
        suffixes=suffixes,
        modifiers=modifiers,
        verbs=verbs,
        measures=measures,
        ordinal_tails=_strings(raw.get("ordinal_tails")),
        not_figures=_not_figures(),
        heads=heads,
        patterns=patterns,
        headlines=headlines,
        surnames=frozenset(raw.get("compound_surnames") or ()),
        common_surnames=frozenset(raw.get("common_surnames") or ""),
        surname_readings=dict(raw.get("surname_readings") or {}),
        lengths=tuple(sorted({len(k) for k in keys}, reverse=True)),
    )


def _strings(group: dict | None) -> dict[str, str]:
    """A glossary group of words: Chinese (normalised) -> English ("" for an empty value)."""
    return {_norm(str(k)): str(v or "") for k, v in (group or {}).items()}


def _not_figures() -> tuple[str, ...]:
    """The extractor's words whose numerals are no figures (一起, 一批, 万众一心, 十四五).

    Read from its lexicon so both agree on what is a figure; imported here, not at the top,
    because the extractor's modules import the locale."""
    from reportgen.extract.lexicon import NOT_FACTS

    return tuple(_norm(w) for w in NOT_FACTS)


# --- cutting a phrase into words -----------------------------------------------------------------


class _Token(NamedTuple):
    zh: str
    en: str
    group: str  # a word group, "suffix", "unknown", "raw", "punct", "space", "number"


def _numeral(run: str) -> int | None:
    """The value of a run of Chinese numerals (十二 12, 三百 300, 二〇二三 2023, 千亿 10^11)."""
    return parse_chinese_numeral(run)


#: A month's number (1 to 12, as 05 too) and nothing longer.
_M = r"(?<!\d)(1[0-2]|0?[1-9])"
_SPECIAL: tuple[tuple[re.Pattern[str], object], ...] = (
    (
        re.compile(rf"(?<![\d.])(\d{{4}})年{_M}月(\d{{1,2}})日"),
        lambda m: f"{int(m[3])} {_MONTHS[int(m[2]) - 1]} {m[1]}",
    ),
    (re.compile(rf"(?<![\d.])(\d{{4}})年{_M}月"), lambda m: f"{_MONTHS[int(m[2]) - 1]} {m[1]}"),
    (re.compile(r"到(\d{4})年(?:底|末)"), lambda m: f"by the end of {m[1]}"),
    (re.compile(r"到(\d{4})年"), lambda m: f"by {m[1]}"),
    (re.compile(r"(?<![\d.])(\d{4})年(?:度)?"), lambda m: m[1]),
    (re.compile(rf"{_M}月(\d{{1,2}})日"), lambda m: f"{int(m[2])} {_MONTHS[int(m[1]) - 1]}"),
    (re.compile(r"前(\d{1,2})个?月"), lambda m: f"first {int(m[1])} months"),
    (re.compile(r"(?<![\d.])(\d{1,2})个月"), lambda m: f"{int(m[1])} months"),
    (re.compile(rf"{_M}月(?:底|末)"), lambda m: f"end of {_MONTHS[int(m[1]) - 1]}"),
    (re.compile(rf"{_M}月初"), lambda m: f"early {_MONTHS[int(m[1]) - 1]}"),
    (re.compile(rf"{_M}月(?:份)?"), lambda m: _MONTHS[int(m[1]) - 1]),
    (
        re.compile(rf"{_M}\s*[—–\-~至到]{{1,2}}\s*{_M}月(?:份)?"),
        lambda m: (
            f"{_MONTHS[int(m[1]) - 1]}–{_MONTHS[int(m[2]) - 1]}"
            if int(m[1]) < int(m[2])
            else f"{_MONTHS[int(m[1]) - 1]} to {_MONTHS[int(m[2]) - 1]}"
        ),
    ),
    (re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)万亿"), lambda m: _scaled(m[1], 10**12)),
    (re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)万"), lambda m: _scaled(m[1], 10**4)),
    (re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)亿"), lambda m: _scaled(m[1], 10**8)),
    (re.compile(r"第(\d+)届?"), lambda m: _ordinal(int(m[1]))),
)


def _scaled(digits: str, factor: int) -> str:
    value = float(digits) * factor
    for word, size in (("trillion", 10**12), ("billion", 10**9), ("million", 10**6)):
        if value >= size:
            return f"{value / size:.12g} {word}"  # every digit the article gives
    return f"{value:,.0f}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _options(text: str, i: int, g: Glossary) -> Iterable[tuple[int, _Token, int]]:
    """Every token that can start at ``i``: (end, token, unknown characters it costs)."""
    for length in g.lengths:
        piece = text[i : i + length]
        if len(piece) == length:
            if piece in g.words:
                en, group = g.words[piece]
                yield i + length, _Token(piece, en, group), 0
            elif piece in g.suffixes:
                yield i + length, _Token(piece, g.suffixes[piece], "suffix"), 0
    for end, token in _figures(text, i, g):
        yield end, token, 0
        measure = _measure_at(text, end, g)
        if measure and not token.zh.endswith(("年", "月", "日")):
            en = g.measures[measure]
            if token.en == "1" and en.endswith("s") and not en.endswith("ss"):
                en = en[:-1]  # 1 tonne, 1 day
            both = _Token(token.zh + measure, f"{token.en} {en}".strip(), "number")
            yield end + len(measure), both, 0
            since = _SINCE.match(text, end + len(measure))
            if since and measure in _SPANS:  # 三年来: over the past 3 years
                past = _Token(both.zh + since[0], f"over the past {both.en}", "number")
                yield since.end(), past, 0
    c = text[i]
    m = _PLACEHOLDER.match(text, i)
    if m:
        yield m.end(), _Token(m[0], m[0], "raw"), 0
    for mark in ("——", "……"):
        if text.startswith(mark, i):
            yield i + 2, _Token(mark, PUNCTUATION[mark], "punct"), 0
    if c.isspace():
        yield i + 1, _Token(c, " ", "space"), 0
    elif c in PUNCTUATION:
        yield i + 1, _Token(c, PUNCTUATION[c], "punct"), 0
    elif HAN.match(c):
        yield i + 1, _Token(c, "", "unknown"), 1
    else:
        m = _ASCII_RUN.match(text, i) or _LETTER_RUN.match(text, i)
        if m:
            yield m.end(), _Token(m[0], m[0], "raw"), 0
        yield i + 1, _Token(c, c, "raw"), 0


def _measure_at(text: str, i: int, g: Glossary) -> str:
    """The longest unit or measure word at ``i`` (个工作日 before 个), or ""."""
    for length in (5, 4, 3, 2, 1):
        if text[i : i + length] in g.measures:
            return text[i : i + length]
    return ""


def _in_words(text: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` overlaps ``text[start:end]``."""
    for word in words:
        found = text.find(word, max(0, start - len(word) + 1))
        if found != -1 and found < end:
            return True
    return False


def _figures(text: str, i: int, g: Glossary) -> Iterable[tuple[int, _Token]]:
    """The figures starting at ``i``, read as the extractor reads them: dates and magnitudes
    in digits, 第N as an ordinal, and a Chinese numeral only before a unit or measure word
    (三个台阶 3 milestones, 三成 30%, 二〇二三年 2023). A numeral inside a word (一起, 一批,
    万众一心) is no figure: the word is translated, or given in pinyin, never a digit."""
    for regex, render in _SPECIAL:
        m = regex.match(text, i)
        if m:
            yield m.end(), _Token(m[0], render(m), "number")  # type: ignore[operator]
    m = _DIGIT_RUN.match(text, i)
    if m and _measure_at(text, m.end(), g) and (i == 0 or text[i - 1] not in "0123456789.,"):
        yield m.end(), _Token(m[0], m[0], "number")
    if not _NUMERAL_RUN.match(text, i) and not text.startswith("第", i):
        return
    m = _ORDINAL.match(text, i)
    if m and _numeral(m[1]) and not _in_words(text, i, m.end(1), g.not_figures):
        tail = m["tail"] or ""
        en = _ordinal(_numeral(m[1]) or 0)
        yield m.end(), _Token(m[0], f"{en} {g.ordinal_tails.get(tail, '')}".strip(), "number")
    m = _NUMERAL_RUN.match(text, i)
    if not m or (i and _NUMERAL_RUN.match(text, i - 1)):
        return  # a run is read whole, as the extractor reads it (一一万 is 110 000)
    run, end = m[0], m.end()
    value = _numeral(run)
    if value is None or run[0] in "万亿" or _in_words(text, i, end, g.not_figures):
        return  # a magnitude comes after a number (万倍 is no figure)
    if re.fullmatch("[〇零一二三四五六七八九]{4}", run) and text.startswith("年", end):
        yield end + 1, _Token(run + "年", str(value), "number")  # 二〇二三年
    elif re.fullmatch("[一二两三四五六七八九]", run) and _TENTHS.match(text, end):
        yield end + 1, _Token(run + "成", f"{value * 10}%", "number")  # 三成 30%
    elif _measure_at(text, end, g):
        yield end, _Token(run, _scaled(str(value), 1), "number")


#: 第 and a numeral, and a word after it that says what is counted (第五届 the 5th).
_ORDINAL = re.compile(
    r"第([〇零一二两三四五六七八九十百千][〇零一二两三四五六七八九十百千万亿]*)(?P<tail>届|批|期|次|名|位)?"
)
#: After a span of time, "since" (三年来, 5个月以来) makes it the span just past.
_SINCE = re.compile("以?来")
_SPANS = frozenset({"年", "个月", "周", "天"})
#: A Chinese numeral character (magnitudes apart: 3万 is a figure in digits).
_CN_NUMERAL = re.compile("[〇零一二两三四五六七八九十百千]")
#: 成 after a numeral is tenths (三成 30%) unless it starts a word (成员, 成本, 成果…): the
#: extractor's exceptions.
_TENTHS = re.compile("成(?![员本立果为都功交熟长绩效])")


def _cut(text: str) -> list[_Token]:
    """The tokens of ``text``: fewest unknown characters first, then fewest tokens, then
    fewest figures (a glossary word with a numeral in it, 二期 phase two, wins over 2 + 期)."""
    g = glossary()
    n = len(text)
    best: list[tuple[int, int, int, int, _Token | None]] = [(0, 0, 0, n, None)] * (n + 1)
    for i in range(n - 1, -1, -1):
        choice: tuple[int, int, int, int, _Token | None] | None = None
        for end, token, unknown in _options(text, i, g):
            rest = best[end]
            figure = int(token.group == "number" and bool(_CN_NUMERAL.search(token.zh)))
            cand = (rest[0] + unknown, rest[1] + 1, rest[2] + figure, end, token)
            if choice is None or cand[:3] < choice[:3]:
                choice = cand
        best[i] = choice  # type: ignore[assignment]
    tokens, i = [], 0
    while i < n:
        _, _, _, end, token = best[i]
        tokens.append(token)
        i = end
    return tokens  # type: ignore[return-value]


# --- pinyin ----------------------------------------------------------------------------------


def _syllables(zh: str) -> list[str]:
    # pypinyin loads its dictionaries on import (a tenth of a second): only a text the
    # glossary does not know pays for them.
    from pypinyin import lazy_pinyin

    return [s for s in lazy_pinyin(zh, v_to_u=True, errors=lambda x: ["?"] * len(x)) if s]


def pinyin_word(zh: str) -> str:
    """One capitalised word of pinyin, with an apostrophe where a syllable starting with a, o
    or e would run into the one before it: 如意湖 -> Ruyihu, 西安 -> Xi'an."""
    out = ""
    for n, syllable in enumerate(_syllables(zh)):
        if n and syllable[:1] in ("a", "o", "e"):
            out += "'"
        out += syllable
    return out[:1].upper() + out[1:]


def _person(zh: str) -> str:
    """A Chinese personal name, surname first: 王五 -> Wang Wu, 欧阳修 -> Ouyang Xiu."""
    g = glossary()
    parts = [p for p in re.split(r"[·・•\s]+", zh) if p]
    if len(parts) > 1:  # a name written with a middle dot: each part is one word
        return " ".join(pinyin_word(p) for p in parts)
    if not parts:
        return ""
    name = parts[0]
    cut = 2 if name[:2] in g.surnames and len(name) > 2 else 1
    surname, given = name[:cut], name[cut:]
    surname_en = g.surname_readings.get(surname) or pinyin_word(surname)
    return f"{surname_en} {pinyin_word(given)}".strip()


# --- putting the words back together -----------------------------------------------------------


class _Phrase(NamedTuple):
    text: str
    untranslated: tuple[str, ...]
    #: Whether the phrase ends in a name (a place, a country, an organisation, pinyin).
    ends_in_name: bool
    #: Whether a head should follow in its long form (growth in X): a pattern or a verb
    #: after its object built the phrase.
    built: bool = False


def _list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


#: A period that opens a label (2022年, 2023年5月, 2021年底): read apart from the rest.
_LEADING_PERIOD = re.compile(r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?|底|末|初|度)?(?:的)?")

_WORDS = frozenset({*WORD_GROUPS, "unknown", "suffix", "number"})


def _render(tokens: list[_Token], kind: Kind) -> _Phrase:
    """Tokens as English: unknown stretches in pinyin, a suffix after a name as its kind,
    countries in a row as a list, a word in its modifier form before another word, and a
    verb's participle after its object."""
    g = glossary()
    words: list[str] = []
    unknown: list[str] = []
    last_group, built = "", False
    i = 0
    while i < len(tokens):
        token = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if token.group == "unknown":
            j = i
            while j < len(tokens) and tokens[j].group == "unknown":
                j += 1
            stretch = "".join(t.zh for t in tokens[i:j])
            unknown.append(stretch)
            words.append(pinyin_word(stretch))
            last_group, i = "unknown", j
            continue
        if token.group == "countries":
            j = i
            while j < len(tokens) and tokens[j].group == "countries":
                j += 1
            words.append(_list([t.en for t in tokens[i:j]]))
            last_group, i = "countries", j
            continue
        if token.group == "space":
            prev = tokens[i - 1] if i else None
            between_words = (
                prev is not None
                and nxt is not None
                and prev.group not in ("punct", "space", "raw")
                and nxt.group not in ("punct", "space", "raw")
            )
            if kind == "title" and between_words and words:
                words[-1] += ","  # a headline's halves, set apart by a space
            i += 1
            continue
        suffix = g.suffixes.get(token.zh)
        if suffix is not None and last_group in _NAMES:
            if suffix:
                words.append(suffix)
            last_group = "suffix-name"
            i += 1
            continue
        if token.zh in g.verbs and nxt is not None and nxt.group in _WORDS and nxt.en:
            j = i + 1
            while j < len(tokens) and tokens[j].group in _WORDS:
                j += 1
            obj = _render(tokens[i + 1 : j], kind)
            words.append(f"{obj.text} {g.verbs[token.zh]}")
            unknown.extend(obj.untranslated)
            last_group, built, i = "verb", True, j
            continue
        en = token.en
        if token.zh in g.modifiers and nxt is not None and nxt.group in _WORDS:
            en = g.modifiers[token.zh]
        elif token.group == "suffix":
            en = en.lower()  # 机场 alone is an airport, not a name's Airport
        if en:
            words.append(en)
        last_group = token.group
        i += 1
    text = _spaced(" ".join(words))
    ends_in_name = last_group in _NAMES or last_group == "suffix-name"
    return _Phrase(text, tuple(unknown), ends_in_name, built)


def _spaced(text: str) -> str:
    """English spacing around punctuation: none before , . ; : ) ” and none after ( “."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:!?)\]”’%])", r"\1", text)
    text = re.sub(r"([(\[“‘])\s+", r"\1", text)
    text = re.sub(r"([,;:!?])(?=[A-Za-z“(])", r"\1 ", text)
    text = re.sub(r",{2,}", ",", text)
    text = re.sub(r"^[,.;:]\s*|[,;:]$", "", text).strip()
    return text


def _uniq(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


@lru_cache(maxsize=8192)
def _phrase(zh: str, kind: Kind) -> _Phrase:
    """One phrase in English: a glossary word, a pattern, a head, or words cut from it."""
    zh = zh.strip()
    if not zh:
        return _Phrase("", (), False)
    g = glossary()
    if zh in g.words:
        en, group = g.words[zh]
        return _Phrase(en, (), group in _NAMES)
    if kind == "title":
        return _headline(zh)
    if kind != "title":
        # a remark in brackets at the end, or a period at the start, is read on its own
        aside = re.fullmatch(r"(.+?)\s*(\([^()]*\))", zh)
        lead = _LEADING_PERIOD.match(zh)
        if aside or (lead and lead.end() < len(zh)):
            parts = [aside[1], aside[2]] if aside else [zh[: lead.end()], zh[lead.end() :]]
            read = [_phrase(p, kind) for p in parts]
            return _Phrase(
                _spaced(" ".join(p.text for p in read)),
                _uniq(u for p in read for u in p.untranslated),
                read[-1].ends_in_name,
                read[-1].built,
            )
        for pattern in g.patterns:
            m = pattern.regex.fullmatch(zh)
            if not m or _cuts_word(zh, m) or _cuts_placeholder(zh, m):
                continue
            if pattern.person and not _is_person(m.group(pattern.person)):
                continue
            slots = {
                k: (
                    _Phrase(_person(v), (v,), True)
                    if k == pattern.person
                    else _phrase(v or "", kind)
                )
                for k, v in m.groupdict().items()
            }
            if pattern.when and not slots[pattern.when].ends_in_name:
                continue
            text = pattern.en.format(**{k: p.text for k, p in slots.items()})
            return _Phrase(
                _spaced(text),
                _uniq(u for p in slots.values() for u in p.untranslated),
                False,
                True,
            )
        for head in g.heads:
            if not (zh.endswith(head.zh) and len(zh) > len(head.zh)) or _spans_head(zh, head.zh):
                continue
            rest = _phrase(zh[: -len(head.zh)], kind)
            if not rest.text:
                return _Phrase(head.short.replace("{X}", "").strip(), rest.untranslated, False)
            plain = (
                not rest.built
                and len(rest.text.split()) <= 3
                and not _PREPOSITION.search(rest.text)
            )
            text = (head.short if plain else head.long).replace("{X}", rest.text)
            return _Phrase(_spaced(text), rest.untranslated, False)
    return _render(_cut(zh), kind)


# --- headlines ---------------------------------------------------------------------------------

#: What sets a headline's clauses apart: a space, a comma, a colon, an exclamation.
_CLAUSE_BREAK = re.compile(r"(\s+|[,;:!?。，；：！？]|——)")
#: A period a headline clause names (前10个月, 上半年, 2024年一季度, 1—9月, 今年以来): said at
#: the end in English (…up 9.6% in the first 4 months).
_PERIOD = re.compile(
    r"(?:\d{4}年(?:度)?)?(?:前\d{1,2}个月|前[一二三四五六七八九十]{1,2}个月|前三季度|[上下]半年"
    r"|第?[一二三四]季度|\d{1,2}\s*[—–\-~至到]{1,2}\s*\d{1,2}月(?:份)?|今年以来)"
    r"|\d{4}年(?:度)?|今年|去年"
)


def _headline(zh: str) -> _Phrase:
    """A headline as English clauses: each clause in a headline's word order where the glossary
    has one (青岛港集装箱吞吐量同比增长9.6% -> Port of Qingdao container throughput up 9.6% year
    on year), its period said last, the clauses set apart as the Chinese sets them."""
    parts = _CLAUSE_BREAK.split(zh)
    out: list[str] = []
    unknown: list[str] = []
    for n, part in enumerate(parts):
        if n % 2 == 0:
            read = _clause(part) if part else _Phrase("", (), False)
            out.append(read.text)
            unknown += read.untranslated
        elif part.isspace():
            before, after = parts[n - 1][-1:], parts[n + 1][:1] if n + 1 < len(parts) else ""
            words = before and after and not re.match(r"[\x00-\x7f“”‘’]", before + after)
            out.append(", " if words and HAN.match(after) else " ")
        else:
            out.append(PUNCTUATION.get(part, part))
    return _Phrase(_spaced(" ".join(out)), _uniq(unknown), False)


def _clause(zh: str) -> _Phrase:
    """One clause of a headline: a headline pattern with its period moved last, or its words."""
    g = glossary()
    period = _PERIOD.search(zh)
    if period and period.start() and zh[period.start() - 1] in _FIGURE_CHARS:
        period = None  # taking it out would run two figures together
    core = zh[: period.start()] + zh[period.end() :] if period else zh
    for pattern in g.headlines:
        m = pattern.regex.fullmatch(core)
        if not m or _cuts_word(core, m):
            continue
        slots = m.groupdict()
        if _cuts_placeholder(core, m):
            continue
        if any(_joins_figures(v or "", core[m.end(k) :]) for k, v in slots.items()):
            continue  # a figure cut in two (…2|5亿元, 第|四名)
        read = {
            k: _render(_cut(v), "label") if k == "N" else _phrase(v or "", "label")
            for k, v in slots.items()
        }
        en = pattern.en
        if "X" in read and _plural(read["X"].text):
            en = re.sub(r"(\{X\} )(\w+)", lambda v: v[1] + _base_form(v[2]), en, count=1)
        text = en.format(**{k: p.text for k, p in read.items()})
        untranslated = [u for p in read.values() for u in p.untranslated]
        if period:
            when = _phrase(period[0], "label")
            text += " " + _when(when.text)
            untranslated += when.untranslated
        return _Phrase(_spaced(text), _uniq(untranslated), False, True)
    return _render(_cut(zh), "title")


#: Characters a figure is written in, 第 and 前 before one.
_FIGURE_CHARS = "0123456789.〇零一二两三四五六七八九十百千万亿第前"


def _joins_figures(before: str, after: str) -> bool:
    """Whether a cut between ``before`` and ``after`` falls inside a figure."""
    return bool(before and after) and before[-1] in _FIGURE_CHARS and after[0] in _FIGURE_CHARS


def _plural(subject: str) -> bool:
    """Whether a subject reads as plural (imports and exports, enterprises, trains)."""
    last = subject.split(" ")[-1] if subject else ""
    return last.endswith("s") and not last.endswith(("ss", "us", "is", "ics")) and last.islower()


def _base_form(verb: str) -> str:
    """A headline verb after a plural subject: tops -> top, reaches -> reach (up, held stay)."""
    if not verb.endswith("s") or verb.endswith("ss"):
        return verb
    return verb[:-2] if verb.endswith(("ches", "shes", "xes", "sses")) else verb[:-1]


def _when(period: str) -> str:
    """A period as a headline ends with it: in the first half, in 2024, this year."""
    if re.match(r"(?:first|second|third|fourth|last|full|same)\b", period):
        return ("in the " + period) if not period.startswith("last") else period
    if period[:1].isdigit() or period.split("–")[0].split(" ")[0] in _MONTHS:
        return "in " + period
    return period


def _is_person(zh: str) -> bool:
    """Whether ``zh`` reads as a personal name: 2–4 Han characters the glossary does not know,
    starting with a surname."""
    g = glossary()
    if not (2 <= len(zh) <= 4) or not all(HAN.match(c) for c in zh) or zh in g.words:
        return False
    return any(t.group == "unknown" for t in _cut(zh)) and (
        zh[:2] in g.surnames or zh[0] in g.common_surnames
    )


def _cuts_word(zh: str, m: re.Match[str]) -> bool:
    """Whether a pattern's match cuts through a glossary word (对外贸易 is no 对 + 外贸易)."""
    g = glossary()
    longest = g.lengths[0]
    cuts = {i for k in m.groupdict() if m.group(k) for i in m.span(k)} - {0, len(zh)}
    for cut in cuts:
        for start in range(max(0, cut - longest + 1), cut):
            for length in g.lengths:
                if start + length > cut and zh[start : start + length] in g.words:
                    return True
    return False


def _cuts_placeholder(zh: str, m: re.Match[str]) -> bool:
    """Whether a pattern's slot starts or ends inside a {placeholder}."""
    inside = {i for p in _PLACEHOLDER.finditer(zh) for i in range(p.start() + 1, p.end())}
    return any(i in inside for k in m.groupdict() if m.group(k) is not None for i in m.span(k))


def _spans_head(zh: str, head: str) -> bool:
    """Whether a longer glossary word that is no head ends the phrase (实现增长 is one word)."""
    g = glossary()
    heads = {h.zh for h in g.heads}
    for length in g.lengths:
        if length <= len(head) or length > len(zh):
            continue
        word = zh[-length:]
        if word in g.words and word not in heads:
            return True
    return False


def _sentence_case(text: str) -> str:
    """The first letter in upper case, unless a figure comes first (2022 trade with…)."""
    for n, c in enumerate(text):
        if c == "{" and _PLACEHOLDER.match(text, n):
            break  # a placeholder is filled in as it is
        if c.isalpha():
            return text[:n] + c.upper() + text[n + 1 :]
        if c.isdigit():
            break
    return text


def _title_case(text: str) -> str:
    words = text.split(" ")
    return " ".join(
        w if (n and w.lower() in _SMALL_WORDS) or not w[:1].islower() else w[:1].upper() + w[1:]
        for n, w in enumerate(words)
    )


def _no_han(text: str, untranslated: tuple[str, ...]) -> English:
    """The result, with any Han character that slipped through written in pinyin."""
    stray = HAN.findall(text)
    if stray:
        text = HAN.sub(lambda m: pinyin_word(m[0]), text)
        untranslated = _uniq((*untranslated, *stray))
    return English(re.sub(r"\s+", " ", text.translate(_STRAIGHT)).strip(), untranslated)


#: Curly quotes as straight ones: a slide sets them in the East Asian face beside Chinese, so
#: “SCO people” would print full-width in an English line; "SCO people" never does.
_STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


@lru_cache(maxsize=8192)
def english(zh: str, kind: Kind = "label") -> English:
    """``zh`` in English, as a label (sentence case: "Foreign trade growth"), a title (a
    headline as a sentence), a name (Title Case; pinyin for what the glossary lacks: 如意湖 ->
    "Ruyihu") or a person (surname first: 王五 -> "Wang Wu").

    Unknown stretches are given in pinyin and listed in ``untranslated`` (in order, once)."""
    zh = _norm(zh or "")
    if kind == "person" and not re.fullmatch(rf"(?:{HAN.pattern}|[·・•\s])+", zh.strip()):
        kind = "name"  # not a Chinese name alone (Li Na, 王五2): read as a name
    if kind == "person":
        name = zh.strip()
        return _no_han(_person(name), (name,) if name and name not in glossary().words else ())
    if kind == "title":
        zh = re.sub(r'"([^"]*)"', r"“\1”", zh)
    else:  # a line break inside a label or a name is the layout's, not a word boundary
        zh = re.sub(rf"(?<={HAN.pattern})\s+(?={HAN.pattern})", "", zh)
    phrase = _phrase(re.sub(r"\s+", " ", zh), kind)
    text = phrase.text
    text = _title_case(text) if kind == "name" else _sentence_case(text)
    return _no_han(text, _uniq(phrase.untranslated))
