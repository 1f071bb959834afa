"""The regular expressions that find facts, built from the lexicon, most specific first.

Each pattern is paired with the kind of fact it finds; the scan (``facts``) tries them in
order and a span taken by an earlier one is not read again. Patterns run over a same-length
"view" of the text (``view_of``), so a span in the view is the same span in the input.
Named groups carry the parts a reader needs: ``pre`` / ``suf`` / ``suf2`` / ``suf3`` a hedge,
``n`` the number, ``mag`` its magnitude, ``u`` its unit, ``lo`` the low end of a range,
``span`` the part that is the fact when context words stand around it.
"""

from __future__ import annotations

import re

from reportgen.extract.lexicon import (
    CN,
    CURRENCY_CODES,
    MEASURE_WORDS,
    PREFIX_HEDGES,
    RANK_VERBS,
    RELATIVE_YEARS,
    SAME_YEAR_WORDS,
    TIME_UNITS,
    VAGUE_HEADS,
)
from reportgen.locale.zh import (
    COUNT_SCALES,
    DEFAULT_HEDGE,
    HEDGE_LINKS,
    HEDGE_WORD_TAILS,
    SCALES,
    hedges_at,
)

_FULL = {
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    "％": "%",
    "．": ".",
    "＋": "+",
    "－": "-",
    "–": "-",  # an en dash between months (1–10月) is a range like 1-10月
    "～": "~",
    "：": ":",
}


def view_of(text: str) -> str:
    """Same-length text with full-width digits and symbols as ASCII, for matching: every
    span found in the view is the same span in ``text`` (４７００ -> 4700, ％ -> %)."""
    return "".join(_FULL.get(ch, ch) for ch in text)


def group(match: re.Match, name: str) -> str | None:
    """A named group of ``match``, or None when its pattern has no such group."""
    return match.group(name) if name in match.re.groupindex else None


def _alternatives(words) -> str:
    """Words as a regex alternation, longest first so 班次 wins over 班."""
    return "|".join(sorted(words, key=lambda word: (-len(word), word)))


# Vague amounts: 数十, 几百, 上千, 十几, 二十几 ("dozens", "about a thousand", "a dozen or so").
VAGUE = "(?:" + "|".join(VAGUE_HEADS) + r")[十百千万]+|[一二三四五六七八九]?十几"
NUM = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|{VAGUE}|[{CN}]+)"
# Spaces and a line break inside a fact ("4700 余家", "近\n3000列"), at most three characters: a
# fact never spans a run of padding, and since several S stand side by side around optional
# words, an unbounded S would let the regex engine try every split of a long run (polynomial
# time in the run's length on table-like text).
S = r"[ \t\r\n\u3000]{0,3}"
# A one-character hedge can be the tail of a word before it: 签约32个 is not "about 32".
PREFIX = "|".join(
    rf"(?<![{HEDGE_WORD_TAILS[h]}]){h}" if h in HEDGE_WORD_TAILS else h
    for h in sorted(PREFIX_HEDGES, key=len, reverse=True)
)
# A hedge, then perhaps a linking word, before the number: 最高可达400万元, 约为35%, 约占六成
LINK = "|".join(HEDGE_LINKS)
PRE = rf"(?:(?P<pre>{PREFIX}){S}(?:{LINK})?)?{S}"
# A hedge inside a figure, between its number and its measure word: 4700余家, 60多个
INSIDE = "|".join(hedges_at("inside"))
# Scale words as the locale writes them (万亿, 亿, 万); a count takes 亿 and 万 only, money
# also 千 (3千元)
SCALE = "|".join(SCALES)
COUNT_SCALE = "|".join(COUNT_SCALES)
MONEY_SCALE = f"{SCALE}|千"
# A share's hedge: 约/近 (the one-character approximations), and 约占
_APPROX = [w for w, meaning in hedges_at("before").items() if meaning == "approx" and len(w) == 1]
SHARE_PRE = _alternatives([*_APPROX, DEFAULT_HEDGE["approx"] + "占"])
# The low end of a range: 16—24岁, 2至3年, 5万至6万人, 10%—30%, 三到五年
LO = (
    rf"(?:(?P<lo>\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+){S}(?P<lomag>{SCALE})?{S}"
    rf"(?P<lopct>%)?{S}(?:至|到|—{{1,2}}|～|~|-){S})?"
)
# A hedge after the number: 以上, 及以上, 以内, 左右 (spaces may stand inside)
SUF2 = rf"(?P<suf2>(?:及{S})?以{S}[上下]|以{S}内|左{S}右)"
MEASURES = _alternatives(MEASURE_WORDS)
CURRENCY_WORD_RE = "|".join(sorted(CURRENCY_CODES, key=len, reverse=True))
# Where a rank is said to stand: 全国第二, 全省前三, 沿海主要港口中第一
SCOPE = r"(?:全国|全省|全市|全区|全球|世界|全球同类|同类|全国同类|[^，。；、]{0,10}?中)"
RANK_VERB = "|".join(RANK_VERBS)
TIME_UNIT = "|".join(TIME_UNITS)
# 去年, 今年, …: a year said relative to the article; 同年, 当年: the year of the date before
RELATIVE_YEAR = "|".join(RELATIVE_YEARS)
ANY_YEAR_WORD = "|".join((*RELATIVE_YEARS, *SAME_YEAR_WORDS))

_D = r"\d{1,2}"
_PATTERNS: list[tuple[str, re.Pattern]] = [
    (
        "date_range",
        re.compile(
            rf"(?P<y>\d{{4}}{S}年{S})?(?P<m>{_D}){S}月{S}(?P<d>{_D}){S}日{S}(?:至|到|—|-|~){S}"
            rf"(?:(?P<m2>{_D}){S}月{S})?(?P<d2>{_D}){S}日"
        ),
    ),
    (
        "date_range",
        re.compile(
            rf"(?P<y>\d{{4}}){S}(?:年{S})?(?:至|到|—{{1,2}}|-|~){S}(?P<y2>\d{{4}}){S}年(?!{S}\d)"
        ),
    ),
    (
        "date_range",
        re.compile(
            rf"(?:(?P<rel>{ANY_YEAR_WORD}){S}|(?P<y>\d{{4}}){S}年{S})?"
            rf"(?<![\d.])(?P<m>{_D}){S}(?:月(?:份)?{S})?(?:至|到|—{{1,2}}|-|~){S}(?P<m2>{_D}){S}月(?:份)?"
            rf"(?!{S}\d{{1,2}}{S}日)"
        ),
    ),
    (
        "date",
        re.compile(rf"(?P<rel>{ANY_YEAR_WORD}){S}(?P<m>{_D}){S}月(?:{S}(?P<d>{_D}){S}日)?"),
    ),
    ("date", re.compile(rf"(?P<y>\d{{4}}){S}年{S}(?P<m>{_D}){S}月(?:{S}(?P<d>{_D}){S}日)?")),
    ("date", re.compile(rf"(?P<rel>{RELATIVE_YEAR})(?:年)?(?P<edge>底|末|初)")),
    ("date_range", re.compile(r"(?:上世纪|20世纪)?(?<!\d)(?P<decade>[1-9]0)年代")),
    ("date", re.compile(rf"(?<!\d)(?P<m>{_D}){S}月{S}(?P<d>{_D}){S}日")),
    # 9月底, 截至6月末: a month without a day (not 6个月, a duration)
    ("date", re.compile(rf"(?<![\d个])(?P<m>{_D}){S}月(?P<part>底|末|初|中旬|上旬|下旬|份)")),
    # 7月的一个午后: a month alone (not 6个月, a duration; not the 5月 of 5月17日, found above)
    ("date", re.compile(rf"(?<![\d个第.])(?P<m>{_D}){S}月(?!{S}\d)")),
    ("date", re.compile(rf"(?<![\d〔\[(（])(?P<y>(?:19|20)\d{{2}}){S}年(?P<edge>底|末|初)")),
    ("date", re.compile(rf"(?<![\d〔\[(（])(?P<y>(?:19|20)\d{{2}}){S}年(?!代)(?:度)?")),
    (
        "date",
        re.compile(
            r"(?P<ycn>[一二][〇零一二三四五六七八九]{3})年"
            r"(?:(?P<mcn>[一二三四五六七八九十]{1,2})月(?:(?P<dcn>[一二三四五六七八九十]{1,3})日)?)?"
        ),
    ),
    (
        "growth",
        re.compile(
            rf"(?P<verb>同比增长|同比下降|同比提高|增长|下降|增加|减少|提高|降低|上升|翻)了?"
            rf"{S}(?P<pre>{PREFIX})?{S}(?:(?P<pct>百分之)(?P<n2>{NUM})|(?P<n>{NUM}){S}"
            rf"(?P<u>%|倍|个百分点|成))(?P<suf3>(?<=成)多)?{SUF2}?"
        ),
    ),
    ("growth", re.compile(rf"(?P<pre>{PREFIX})?{S}(?P<n>\d+(?:\.\d+)?|[{CN}]+){S}(?P<u>个百分点)")),
    ("growth", re.compile(rf"(?P<pre>{PREFIX})?{S}(?P<n>\d+(?:\.\d+)?|[{CN}]+){S}(?P<u>倍)")),
    # 三分之一, 约占四分之三: a share
    (
        "percent",
        re.compile(
            rf"(?:(?P<pre>{SHARE_PRE})[^，。；、\d]{{0,6}}?)?(?P<den>[{CN}\d]+)分之(?P<num>[{CN}\d]+)"
        ),
    ),
    # 缩短一半, 增长一倍, 翻一番: changes said in words
    (
        "growth",
        re.compile(
            r"(?P<verb>缩短|减少|下降|降低|压缩|增长|增加|提高|扩大)了?(?P<half>一半)"
            r"|(?P<verb2>增长|增加|提高|扩大)了?(?P<times>[一两二三四五六七八九十])倍"
            r"|翻了?(?P<fold>[一两二三])番(?P<suf3>多)?"
        ),
    ),
    ("percent", re.compile(rf"百分之(?P<n>{NUM})")),
    ("percent", re.compile(rf"{PRE}(?P<share_half>一半)")),
    (
        "growth",
        re.compile(
            rf"(?P<verb>同比增加|同比减少|增加|减少|提高|降低|缩短|延长|下降|多出|少了|上升|提升|前移|后移)"
            rf"了?{S}"
            rf"(?P<pre>{PREFIX})?{S}(?P<n>{NUM}){S}(?P<suf>{INSIDE})?{S}(?P<mag>{COUNT_SCALE})?{S}"
            rf"(?P<suf3>{INSIDE})?{S}(?P<u>岁|{TIME_UNIT}|{MEASURES}){SUF2}?"
        ),
    ),
    (
        "percent",
        re.compile(
            rf"{PRE}(?P<n>[一二三四五六七八九]|\d){S}(?P<u>成)"
            rf"(?![员本立果为都功交熟长绩效])(?P<suf3>多)?{SUF2}?"
        ),
    ),
    (
        "money",
        re.compile(
            rf"{PRE}{LO}(?P<n>{NUM}){S}(?P<suf>{INSIDE})?{S}(?P<mag>{MONEY_SCALE})?{S}"
            rf"(?P<suf3>{INSIDE})?{S}(?P<u>{CURRENCY_WORD_RE}){SUF2}?"
        ),
    ),
    (
        "area",
        re.compile(
            rf"{PRE}{LO}(?P<n>{NUM}){S}(?P<suf>{INSIDE})?{S}(?P<mag>万)?{S}"
            rf"(?P<suf3>{INSIDE})?{S}(?P<u>平方公里|平方千米|平方米|公顷|亩){SUF2}?"
        ),
    ),
    (
        "percent",
        re.compile(rf"{PRE}{LO}(?P<n>\d+(?:\.\d+)?){S}%{SUF2}?"),
    ),
    ("rank", re.compile(rf"第{S}(?P<n>{NUM}){S}(?P<u>名|位|大)")),
    # 排名第三, 位居第二: a rank said without 名 or 位
    ("rank", re.compile(rf"(?<=排名|位居|位列|居于|名列)第{S}(?P<n>{NUM})(?![名位大届期批次个])")),
    (
        "rank",
        re.compile(
            rf"(?:{RANK_VERB})?{SCOPE}"
            rf"(?P<span>第{S}(?P<n>{NUM})(?![名位大届期批次个号条种类年天月]))"
        ),
    ),
    (
        "rank",
        re.compile(
            rf"(?:{RANK_VERB}){SCOPE}?"
            rf"(?P<span>前{S}(?P<n>[{CN}]+|\d+)(?P<u>位|名|强)?)(?![个年天月周日小季届批次])"
        ),
    ),
    ("rank", re.compile(rf"(?P<span>前{S}(?P<n>[一二三四五六七八九十]+|\d+)(?P<u>名|强))")),
    ("rank", re.compile(r"(?P<w>首位|榜首)")),
    # 二十大园区, 五大产业: a count of the things named after 大 (党的二十大 is a name).
    (
        "count",
        re.compile(
            rf"(?<![党的第\d])(?P<n>[{CN}]+|\d{{1,2}}){S}(?P<big>大)(?P<u>园区|产业|板块|工程|中心|行动|平台|"
            r"展区|领域|片区|集群|基地|类|项|方面|体系|任务|模式)"
        ),
    ),
    ("other", re.compile(rf"(?P<n>\d+(?:\.\d+)?){S}(?P<u>‰|/{S}(?:10|100)?{S}万|/{S}千)")),
    (
        "other",
        re.compile(
            rf"(?P<pre>{PREFIX})?{S}(?P<n>\d+(?:\.\d+)?){S}"
            rf"(?P<u>微克/立方米|毫克/立方米|公里/小时|千米/小时|米/秒){SUF2}?"
        ),
    ),
    ("other", re.compile(rf"(?P<pre>零下)?{S}(?P<n>-?\d+(?:\.\d+)?){S}(?P<u>℃|摄氏度)")),
    ("age", re.compile(rf"{PRE}{LO}(?P<n>{NUM}){S}(?P<suf>{INSIDE})?{S}岁{SUF2}?")),
    ("code", re.compile(r"[“\"](?P<code>\d+(?:[-+]\d+|[-+][A-Za-z])+)[”\"]")),
    ("code", re.compile(r"[“\"](?P<code>\d{3,6})[”\"]")),
    ("other", re.compile(rf"(?P<n>\d+\.\d){S}(?P<u>版本|版)")),
    (
        "duration",
        re.compile(
            rf"(?P<pre>{PREFIX})?{S}(?:(?P<hh>\d+){S}(?:个)?小时{S}(?P<mm>\d{{1,2}}){S}分(?:钟)?"
            rf"(?:{S}(?P<ss>\d{{1,2}}(?:\.\d+)?){S}秒)?"
            rf"|(?P<mm2>\d{{1,3}}){S}分{S}(?P<ss2>\d{{1,2}}(?:\.\d+)?){S}秒)"
        ),
    ),
    (
        "duration",
        re.compile(
            rf"{PRE}{LO}(?P<n>{NUM}){S}(?P<suf>{INSIDE})?{S}(?P<u>{TIME_UNIT})"
            rf"(?:(?P<suf3>多)|{SUF2})?(?P<tail>来|间|内|的时间)?"
        ),
    ),
    # 15时30分 is a time of day, not a score
    (
        "score",
        re.compile(rf"(?P<pre>{PREFIX})?{S}(?<![\d.时点:])(?P<n>\d+(?:\.\d+)?){S}分(?![钟之])"),
    ),
    (
        "count",
        re.compile(
            rf"{PRE}{LO}(?P<n>{NUM}){S}(?P<suf>{INSIDE})?{S}(?P<mag>{COUNT_SCALE})?{S}"
            rf"(?P<suf3>{INSIDE})?{S}(?P<u>{MEASURES}){SUF2}?"
        ),
    ),
    (
        "count",
        re.compile(
            rf"(?P<pre>{PREFIX})?{S}(?P<n>\d+(?:\.\d+)?){S}(?P<suf>{INSIDE})?{S}(?P<mag>{COUNT_SCALE})"
            rf"(?P<suf3>{INSIDE})?{SUF2}?"
        ),
    ),
]

# Most patterns open with an optional hedge, so the regex engine would try every hedge word at
# every position; a one-character lookahead lets it skip positions that cannot start a fact.
_FIRST = "".join(sorted({w[0] for w in PREFIX_HEDGES})) + CN + VAGUE_HEADS + r"\d"
# A number has at most 16 digits or numerals: an unbounded \d+ or [一二三…]+ would be tried
# from every position of a long run of digits (an id, a hash, a row of figures without
# separators) to its end, which is quadratic in the run's length. Every open-ended repeat after
# a class, a \d or a group is bounded here, in all patterns at once.
RUN = 16
_OPEN_REPEAT = re.compile(r"(?:(?<=\\d)|(?<=[\])]))([+*])(?![?+])")


def _bounded(pattern: str) -> str:
    return _OPEN_REPEAT.sub(lambda m: f"{{{'1' if m.group(1) == '+' else '0'},{RUN}}}", pattern)


# A fact never starts right after a digit or a numeral (the 2 of 12, the 三 of 十三; see also
# the scan's check for a match inside a number): said once for every pattern, the engine skips
# a run of numerals instead of trying each of its positions, which also makes the scan faster
# on ordinary text. 万 and 亿 end a number, so a figure may follow them (3亿、5000万元 and
# 1亿2000万元 read as before).
_NOT_INSIDE = rf"(?<![\d{CN.replace('万', '').replace('亿', '')}])"

#: (kind, pattern) in the order the scan tries them.
PATTERNS: list[tuple[str, re.Pattern]] = [
    (
        kind,
        re.compile(
            _NOT_INSIDE
            + (rf"(?=[{_FIRST}])" if p.pattern.startswith(("(?P<pre>", "(?:(?P<pre>")) else "")
            + _bounded(p.pattern)
        ),
    )
    for kind, p in _PATTERNS
]
