"""Find every quantitative fact in a Chinese news text, with exact character offsets.

The text is scanned through a same-length "view": full-width digits and ASCII-like symbols are
mapped one to one (４７００ -> 4700, ％ -> %), so every span found in the view is the same span
in the input and ``input[start:end] == text`` always holds. Whitespace and line breaks may
stand inside a fact ("4700 余家", "2022 年\\n6 月").
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date

from reportgen.data.schema import CURRENCY_WORDS
from reportgen.extract.sentences import ITEM_START, sentence_bounds, sentence_of
from reportgen.locale.zh import HEDGE_LINKS, HEDGE_WORD_TAILS, hedges_at
from reportgen.text.numerals import DIGITS, parse_chinese_numeral

CN = "零〇一二两三四五六七八九十百千万亿"
# Vague amounts: 数十, 几百, 上千, 十几, 二十几 ("dozens", "about a thousand", "a dozen or so").
VAGUE = r"(?:数|几|上)[十百千万]+|[一二三四五六七八九]?十几"
NUM = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|{VAGUE}|[{CN}]+)"
# Spaces and a line break inside a fact ("4700 余家", "近\n3000列"), at most three characters: a
# fact never spans a run of padding, and since several S stand side by side around optional
# words, an unbounded S would let the regex engine try every split of a long run (polynomial
# time in the run's length on table-like text).
S = r"[ \t\r\n\u3000]{0,3}"
PREFIX_HEDGES = hedges_at("before")
SUFFIX_HEDGES = {**hedges_at("inside"), **hedges_at("after")}
# A one-character hedge can be the tail of a word before it: 签约32个 is not "about 32".
PREFIX = "|".join(
    rf"(?<![{HEDGE_WORD_TAILS[h]}]){h}" if h in HEDGE_WORD_TAILS else h
    for h in sorted(PREFIX_HEDGES, key=len, reverse=True)
)
# A hedge, then perhaps a linking word, before the number: 最高可达400万元, 约为35%, 约占六成
LINK = "|".join(HEDGE_LINKS)
PRE = rf"(?:(?P<pre>{PREFIX}){S}(?:{LINK})?)?{S}"
# The low end of a range: 16—24岁, 2至3年, 5万至6万人, 10%—30%, 三到五年
LO = (
    rf"(?:(?P<lo>\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+){S}(?P<lomag>万亿|亿|万)?{S}"
    rf"(?P<lopct>%)?{S}(?:至|到|—{{1,2}}|～|~|-){S})?"
)
# A hedge after the number: 以上, 及以上, 以内, 左右 (spaces may stand inside)
SUF2 = rf"(?P<suf2>(?:及{S})?以{S}[上下]|以{S}内|左{S}右)"
# Units and Chinese classifiers (量词), longest first so 班次 wins over 班.
MEASURES = "|".join(
    sorted(
        set(
            [
                "标准箱",
                "个位次",
                "位次",
                "自然箱",
                "标箱",
                "TEU",
                "英尺",
                "海里",
                "毫米",
                "厘米",
                "吉瓦",
                "兆瓦时",
                "吨标准煤",
                "部",
                "枚",
                "人次",
                "车次",
                "辆次",
                "架次",
                "艘次",
                "部门",
                "回",
                "班次",
                "户次",
                "台套",
                "千瓦时",
                "兆瓦",
                "千瓦",
                "立方米",
                "平方公里",
                "平方米",
                "公顷",
                "公斤",
                "千克",
                "公里",
                "千米",
                "家",
                "列",
                "人",
                "项",
                "个",
                "场",
                "次",
                "批",
                "方",
                "条",
                "台",
                "辆",
                "艘",
                "吨",
                "所",
                "座",
                "套",
                "件",
                "份",
                "位",
                "国",
                "篇",
                "款",
                "支",
                "处",
                "届",
                "期",
                "轮",
                "单",
                "亩",
                "米",
                "架",
                "班",
                "趟",
                "户",
                "名",
                "类",
                "张",
                "本",
                "块",
                "头",
                "只",
                "棵",
                "株",
                "颗",
                "粒",
                "包",
                "箱",
                "桶",
                "瓶",
                "袋",
                "间",
                "栋",
                "幢",
                "层",
                "口",
                "种",
                "门",
                "队",
                "组",
                "笔",
                "宗",
                "起",
                "例",
                "首",
                "集",
                "幅",
                "道",
                "片",
                "斤",
                "克",
                "升",
                "度",
            ]
        ),
        key=len,
        reverse=True,
    )
)
# The word an article prints -> the ISO code the data keeps (and the words it also uses).
CURRENCY_CODES = {word: code for code, word in CURRENCY_WORDS.items()} | {
    "人民币": "CNY",
    "美金": "USD",
    "港币": "HKD",
}
CURRENCY_WORD_RE = "|".join(sorted(CURRENCY_CODES, key=len, reverse=True))
# Where a rank is said to stand: 全国第二, 全省前三, 沿海主要港口中第一
SCOPE = r"(?:全国|全省|全市|全区|全球|世界|全球同类|同类|全国同类|[^，。；、]{0,10}?中)"
TIME_UNITS = "个工作日|工作日|个小时|小时|个月|天|周|年|分钟"
# Numerals inside names, enumerations and idioms: never facts.
NOT_FACTS = (
    "一带一路",
    "十一五",  # the five-year plans, quoted or not
    "十二五",
    "十三五",
    "十四五",
    "十五五",
    "一体化",
    "一体发展",
    "一体运转",
    "第一时间",
    "一批",
    "一核引领",
    "一心一意",
    "一单两报",
    "四便利一领先",
    "十链合一",
    "一个字",
    "一起",
    "一切",
    "进一步",
    "第一资源",
    "第一窗口",
    "统一",
    "一是",
    "二是",
    "三是",
    "四是",
    "五是",
    "一名",
    "唯一",
    "一家大型",
    "一期",
    "一年一度",
    "三三两两",
    "一一",
    "万众一心",
    "一流",
    "一线",
    "中亚五国",
    "中俄两国",
    "中美两国",
    "两国",
    "一方面",
    "五位一体",
    "四位一体",
    "三位一体",
    # four-character idioms (成语) built on numerals
    "千方百计",
    "四面八方",
    "万家灯火",
    "千家万户",
    "百年大计",
    "五湖四海",
    "一举两得",
    "一马当先",
    "三心二意",
    "七上八下",
    "九牛一毛",
    "十全十美",
    "万无一失",
    "百花齐放",
    "百尺竿头",
    "千载难逢",
    "一目了然",
    "一帆风顺",
    "独一无二",
    "一石二鸟",
    "一干二净",
    "接二连三",
    "丢三落四",
    "四通八达",
    "五花八门",
    "六六大顺",
    "八仙过海",
    "十拿九稳",
    "百发百中",
    "百闻不如一见",
    "千军万马",
    "万紫千红",
    "一日千里",
    "一鼓作气",
    "一往无前",
    "一脉相承",
    "一以贯之",
    "一张蓝图",
    "三令五申",
    "成千上万",
    "千千万万",
    "一衣带水",
    "百舸争流",
    "千帆竞发",
    "万象更新",
    "一马平川",
)


#: Every kind of fact the extractor reports (a gold file may use no other).
KINDS = (
    "money",
    "count",
    "percent",
    "growth",
    "rank",
    "date",
    "date_range",
    "duration",
    "age",
    "area",
    "score",
    "code",
    "other",
)


@dataclass(frozen=True)
class Fact:
    text: str
    start: int
    end: int
    kind: str
    value: object
    unit: str
    qualifier: str
    subject: str
    sentence: str
    hedge: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


_FULL = {
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    "％": "%",
    "．": ".",
    "＋": "+",
    "－": "-",
    "～": "~",
    "：": ":",
}


def view_of(text: str) -> str:
    """Same-length text with full-width digits and symbols as ASCII, for matching."""
    return "".join(_FULL.get(ch, ch) for ch in text)


def _scaled(token: str, factor: float) -> float:
    """A number times its magnitude, exactly: 512.3亿 is 51230000000, not 51229999999.99999."""
    from decimal import Decimal

    token = re.sub(r"\s+", "", token).replace(",", "")
    if token and token[0].isdigit():
        return float(Decimal(token) * Decimal(int(factor)))
    return _number(token) * factor


def _number(token: str) -> float | None:
    token = re.sub(r"\s+", "", token).replace(",", "")
    token = token.lstrip("数几上").rstrip("几")  # 数十 -> 十: the floor of a vague amount
    if not token:
        return None
    if token[0].isdigit():
        return float(token)
    value = parse_chinese_numeral(token)
    return float(value) if value is not None else None


_PAIR_DIGITS = {ch: value for ch, value in DIGITS.items() if value}  # 一..九 and 两


def _approx_pair(token: str) -> tuple[int, int] | None:
    """七八家, 两三个, 三五年: two adjacent numerals are a rough range, not 78 or 23."""
    token = re.sub(r"\s+", "", token)
    if len(token) != 2 or any(ch not in _PAIR_DIGITS for ch in token):
        return None
    low, high = _PAIR_DIGITS[token[0]], _PAIR_DIGITS[token[1]]
    return (low, high) if high == low + 1 or (low, high) == (3, 5) else None


def _vague(token: str) -> tuple[str, str] | None:
    """数十, 几百, 十几 mean "more than"; 上千 means "about"."""
    token = re.sub(r"\s+", "", token)
    if token.startswith("上") and len(token) > 1:
        return "approx", "上"
    if token.startswith(("数", "几")) or token.endswith("几"):
        return "over", token
    return None


def _clock_duration(match: re.Match) -> tuple[object, str]:
    """2小时08分36秒 in seconds, 1小时30分钟 in minutes: a race time or a journey as one value."""
    from decimal import Decimal

    hours = int(match.group("hh") or 0)
    minutes = int(match.group("mm") or match.group("mm2"))
    seconds = match.group("ss") or match.group("ss2")
    if seconds is None:
        return hours * 60 + minutes, "分钟"
    total = Decimal(hours * 3600 + minutes * 60) + Decimal(seconds)
    return _int_or_float(float(total)), "秒"


def _chinese_date(match: re.Match) -> str | None:
    """二〇二四年十一月五日, as official documents print it."""
    year = "".join(str(DIGITS[ch]) for ch in match.group("ycn"))
    month = parse_chinese_numeral(match.group("mcn")) if match.group("mcn") else None
    day = parse_chinese_numeral(match.group("dcn")) if match.group("dcn") else None
    if (month and not 1 <= month <= 12) or (day and not 1 <= day <= 31):
        return None
    return year + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")


# Verbs that state a decrease: the change they report is negative (缩短约15天 is -15 days).
_DOWN = ("下降", "同比下降", "减少", "同比减少", "降低", "缩短", "压缩", "后移", "少了")


def _int_or_float(value: float):
    return int(value) if float(value).is_integer() else value


# --- patterns, most specific first --------------------------------------------------------

_D = r"\d{1,2}"
PATTERNS: list[tuple[str, re.Pattern]] = [
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
            rf"(?:(?P<rel>去年|今年|前年|明年|同年|当年){S}|(?P<y>\d{{4}}){S}年{S})?"
            rf"(?<![\d.])(?P<m>{_D}){S}(?:月(?:份)?{S})?(?:至|到|—{{1,2}}|-|~){S}(?P<m2>{_D}){S}月(?:份)?"
            rf"(?!{S}\d{{1,2}}{S}日)"
        ),
    ),
    (
        "date",
        re.compile(
            rf"(?P<rel>去年|今年|前年|明年|同年|当年){S}(?P<m>{_D}){S}月(?:{S}(?P<d>{_D}){S}日)?"
        ),
    ),
    ("date", re.compile(rf"(?P<y>\d{{4}}){S}年{S}(?P<m>{_D}){S}月(?:{S}(?P<d>{_D}){S}日)?")),
    ("date", re.compile(r"(?P<rel>去年|今年|前年|明年)(?:年)?(?P<edge>底|末|初)")),
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
            rf"(?:(?P<pre>约占|约|近)[^，。；、\d]{{0,6}}?)?(?P<den>[{CN}\d]+)分之(?P<num>[{CN}\d]+)"
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
            rf"(?P<pre>{PREFIX})?{S}(?P<n>{NUM}){S}(?P<suf>余|多)?{S}(?P<mag>万|亿)?{S}"
            rf"(?P<suf3>余|多)?{S}(?P<u>岁|{TIME_UNITS}|{MEASURES}){SUF2}?"
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
            rf"{PRE}{LO}(?P<n>{NUM}){S}(?P<suf>余|多)?{S}(?P<mag>万亿|亿|万|千)?{S}"
            rf"(?P<suf3>余|多)?{S}(?P<u>{CURRENCY_WORD_RE}){SUF2}?"
        ),
    ),
    (
        "area",
        re.compile(
            rf"{PRE}{LO}(?P<n>{NUM}){S}(?P<suf>余|多)?{S}(?P<mag>万)?{S}"
            rf"(?P<suf3>余|多)?{S}(?P<u>平方公里|平方千米|平方米|公顷|亩){SUF2}?"
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
            rf"(?:排名|位居|位列|居于|名列|居|位于|列|跻身|进入|稳居)?{SCOPE}"
            rf"(?P<span>第{S}(?P<n>{NUM})(?![名位大届期批次个号条种类年天月]))"
        ),
    ),
    (
        "rank",
        re.compile(
            rf"(?:排名|位居|位列|居于|名列|居|位于|列|跻身|进入|稳居){SCOPE}?"
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
    ("age", re.compile(rf"{PRE}{LO}(?P<n>{NUM}){S}(?P<suf>余|多)?{S}岁{SUF2}?")),
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
            rf"{PRE}{LO}(?P<n>{NUM}){S}(?P<suf>余|多)?{S}(?P<u>{TIME_UNITS})"
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
            rf"{PRE}{LO}(?P<n>{NUM}){S}(?P<suf>余|多)?{S}(?P<mag>万|亿)?{S}"
            rf"(?P<suf3>余|多)?{S}(?P<u>{MEASURES}){SUF2}?"
        ),
    ),
    (
        "count",
        re.compile(
            rf"(?P<pre>{PREFIX})?{S}(?P<n>\d+(?:\.\d+)?){S}(?P<suf>余|多)?{S}(?P<mag>万|亿)"
            rf"(?P<suf3>余|多)?{SUF2}?"
        ),
    ),
]

# Most patterns open with an optional hedge, so the regex engine would try every hedge word at
# every position; a one-character lookahead lets it skip positions that cannot start a fact.
_FIRST = "".join(sorted({w[0] for w in PREFIX_HEDGES})) + CN + "数几上" + r"\d"
# A number has at most 16 digits or numerals: an unbounded \d+ or [一二三…]+ would be tried
# from every position of a long run of digits (an id, a hash, a row of figures without
# separators) to its end, which is quadratic in the run's length. Every open-ended repeat after
# a class, a \d or a group is bounded here, in all patterns at once.
RUN = 16
_OPEN_REPEAT = re.compile(r"(?:(?<=\\d)|(?<=[\])]))([+*])(?![?+])")


def _bounded(pattern: str) -> str:
    return _OPEN_REPEAT.sub(lambda m: f"{{{'1' if m.group(1) == '+' else '0'},{RUN}}}", pattern)


# A fact never starts right after a digit or a numeral (the 2 of 12, the 三 of 十三; see also
# _inside_number): said once for every pattern, the engine skips a run of numerals instead of
# trying each of its positions, which also makes the scan faster on ordinary text. 万 and 亿
# end a number, so a figure may follow them (3亿、5000万元 and 1亿2000万元 read as before).
_NOT_INSIDE = rf"(?<![\d{CN.replace('万', '').replace('亿', '')}])"
PATTERNS = [
    (
        kind,
        re.compile(
            _NOT_INSIDE
            + (rf"(?=[{_FIRST}])" if p.pattern.startswith(("(?P<pre>", "(?:(?P<pre>")) else "")
            + _bounded(p.pattern)
        ),
    )
    for kind, p in PATTERNS
]


def extract(text: str, article_date: date | None = None) -> list[Fact]:
    """Every quantitative fact in ``text``, in order, without overlaps."""
    view = view_of(text)
    taken = [False] * len(text)
    facts: list[Fact] = []
    for kind, pattern in PATTERNS:
        spanned = "span" in pattern.groupindex  # context words that are not part of the fact
        for match in pattern.finditer(view):
            start, end = _trim(view, *(match.span("span") if spanned else match.span()))
            if (
                start >= end
                or any(taken[start:end])
                or _inside_number(view, start)
                or is_name(view, start, end)
            ):
                continue
            fact = _build(kind, match, text, view, start, end, article_date)
            if fact is None:
                continue
            for i in range(start, end):
                taken[i] = True
            facts.append(fact)
    facts.sort(key=lambda f: f.start)
    return _listed_growth(_same_year(_with_sentences(facts, text, view), view), view)


def _with_sentences(facts: list[Fact], text: str, view: str) -> list[Fact]:
    """Each fact with its sentence and its subject, read within that sentence (the next item of
    a list is not what a figure measures). The sentence ends are found once the facts are known
    (a list of figures breaks at each line; see ``sentences``); a shared sentence is made once."""
    from dataclasses import replace

    bounds = sentence_bounds(text, {fact.end for fact in facts})
    made: dict[tuple[int, int], str] = {}
    out = []
    for fact in facts:
        span = sentence_of(text, fact.start, fact.end, bounds)
        if span not in made:
            made[span] = re.sub(r"\s+", "", text[span[0] : span[1]]).strip("”」 ")
        subject = _subject(view, fact.start, fact.end, fact.kind, span)
        out.append(replace(fact, sentence=made[span], subject=subject))
    return out


def _listed_growth(facts: list[Fact], view: str) -> list[Fact]:
    """分别增长21.4%和23.9%: a percentage listed after a growth figure is growth too."""
    from dataclasses import replace

    out: list[Fact] = []
    for fact in facts:
        prev = out[-1] if out else None
        if (
            prev is not None
            and fact.kind == "percent"
            and prev.kind == "growth"
            and prev.unit == "%"
            and re.sub(r"\s+", "", view[prev.end : fact.start]) in ("和", "、", "及", "与")
        ):
            down = re.sub(r"\s+", "", prev.text).startswith(_DOWN)
            value = -fact.value if down and isinstance(fact.value, int | float) else fact.value
            fact = replace(fact, kind="growth", value=value)
        out.append(fact)
    return out


def _same_year(facts: list[Fact], view: str) -> list[Fact]:
    """同年10月 takes the year of the last date before it."""
    from dataclasses import replace

    year = None
    out = []
    for fact in facts:
        if fact.kind == "date" and isinstance(fact.value, str):
            if fact.value[:4].isdigit():
                year = fact.value[:4]
            elif year and view[fact.start : fact.start + 2] in ("同年", "当年"):
                fact = replace(fact, value=year + fact.value[1:])
        out.append(fact)
    return out


def _inside_number(view: str, start: int) -> bool:
    """A match that begins in the middle of a number (the 万 of 1万余家) would misread it."""
    if start == 0 or not (view[start].isdigit() or view[start] in CN):
        return False
    return view[start - 1].isdigit() or (
        view[start - 1] in ".," and start > 1 and view[start - 2].isdigit()
    )


def _trim(view: str, start: int, end: int) -> tuple[int, int]:
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    return start, end


# Every name in NOT_FACTS, found where they overlap too (one search instead of one per name).
_NOT_FACTS_RE = re.compile(
    "(?=(" + "|".join(re.escape(n) for n in sorted(NOT_FACTS, key=len, reverse=True)) + "))"
)
_QUOTED = re.compile(r"[“‘\"]([^“”‘’\"]{1,16})[”’\"]")
_RANK_NAMES = ("第一时间", "第一资源", "第一窗口")
# 一 + a measure word is an article in news prose (一张名片, 一家企业), not a count.
_ARTICLE_ONE = re.compile(rf"一(?:{MEASURES}|{TIME_UNITS})")


def is_name(view: str, start: int, end: int) -> bool:
    """A numeral inside a name, an idiom or an enumeration; or a phone or document number."""
    window = view[max(0, start - 4) : end + 4]
    core = view[start:end]
    if core.startswith("第"):
        return any(name in view[start : start + 4] for name in _RANK_NAMES)
    if view[max(0, start - 1) : start] == "第":
        return True  # 第五届, 第19届: an ordinal, not a count
    if view[max(0, start - 1) : start] == "每":
        return True  # 每千人口, 每10万人: the denominator of a rate
    opened = view.rfind("《", max(0, start - 60), start)
    if opened >= 0 and view.find("》", opened, start) < 0:
        return True  # 《2024年…公报》: inside a title
    for quoted in _QUOTED.finditer(view, max(0, start - 16), min(len(view), end + 16)):
        if not (quoted.start() < start and end <= quoted.end()):
            continue
        if not re.search(r"\d", core):
            return True  # 四个中心, 中国这十年: a name in quotation marks
        words = quoted.end() - quoted.start() - 2 > end - start
        if words and not re.search(r"[，。；、,;]", quoted.group(1)):
            return True  # “15分钟健康服务圈”: a slogan; “100%” alone stays a fact
    if not re.search(r"\d", core):
        if _ARTICLE_ONE.fullmatch(re.sub(r"\s+", "", core)):
            return True
        if re.fullmatch(r"[一二三四五六七八九十]期", re.sub(r"\s+", "", core)):
            return True  # 二期: a project phase, a name
    if not core.startswith("约") and not re.search(r"\d", core):
        base = max(0, start - 4)
        for found in _NOT_FACTS_RE.finditer(window):
            absolute = base + found.start()
            if absolute < end and absolute + len(found.group(1)) > start:
                return True
    if re.fullmatch(r"[百千万亿]{1,2}[^\d余多来几]*", core):
        return True  # 单位：亿元, 万元: a magnitude alone is a unit; 百余场, 超过亿元 stay facts
    before = view[max(0, start - 2) : start]
    after = view[end : end + 2]
    return bool(
        "〔" in before
        or after.startswith("号")
        or re.match(r"-\d", after)
        or re.search(r"\d-$", before)
        or re.match(r"0\d", core) is not None  # 0532…: a phone or area code
    )


def _hedge(*words: str | None) -> tuple[str, str | None]:
    words = tuple(re.sub(r"\s+", "", w) if w else w for w in words)
    for word in words:
        if word and word in PREFIX_HEDGES:
            return PREFIX_HEDGES[word], word
        if word and word in SUFFIX_HEDGES:
            return SUFFIX_HEDGES[word], word
    return "exact", None


def _group(match: re.Match, name: str) -> str | None:
    return match.group(name) if name in match.re.groupindex else None


def _build(
    kind: str,
    match: re.Match,
    text: str,
    view: str,
    start: int,
    end: int,
    article_date: date | None,
) -> Fact | None:
    qualifier, hedge = _hedge(
        _group(match, "pre"), _group(match, "suf"), _group(match, "suf3"), _group(match, "suf2")
    )
    unit = (_group(match, "u") or "").strip()
    value: object
    pair, factor = None, 1.0
    if kind in ("date", "date_range") and not _group(match, "ycn"):
        value = _date_value(match, kind, article_date)
        unit = ""
        if value is None:
            return None
    elif kind == "code":
        value = match.group("code")
    elif kind == "duration" and (_group(match, "mm") or _group(match, "mm2")):
        value, unit = _clock_duration(match)
    elif kind == "rank" and _group(match, "w"):
        value, unit = 1, match.group("w")
    elif kind == "date" and _group(match, "ycn"):
        value = _chinese_date(match)
        unit = ""
    else:
        if _group(match, "den"):  # 三分之一, 约占四分之三
            denominator, numerator = _number(match.group("den")), _number(match.group("num"))
            if not denominator or numerator is None or numerator > denominator:
                return None
            if _group(match, "pre"):
                qualifier, hedge = "approx", "约"
            kind, value, unit = (
                "percent",
                _int_or_float(round(numerator / denominator * 100, 6)),
                "%",
            )
        elif _group(match, "share_half"):  # 接近一半
            kind, value, unit = "percent", 50, "%"
        elif _group(match, "half"):  # 缩短一半
            kind, value, unit = "growth", -50 if match.group("verb") in _DOWN else 50, "%"
        elif _group(match, "times"):  # 增长一倍
            kind, value, unit = "growth", int(_number(match.group("times")) * 100), "%"
        elif _group(match, "fold"):  # 翻一番
            kind, value, unit = "growth", (2 ** int(_number(match.group("fold"))) - 1) * 100, "%"
        else:
            raw_number = _group(match, "n") or _group(match, "n2")
            number = _number(raw_number) if raw_number else None
            if number is None:
                return None
            vague = _vague(raw_number)
            if vague:
                qualifier, hedge = vague
            pair = _approx_pair(raw_number)
            if pair:
                qualifier, hedge = "approx", raw_number
            if unit == "成":
                number, unit = number * 10, "%"  # 六成 = 60%
            if _group(match, "pct"):
                unit = "%"
            magnitude = _group(match, "mag")
            factor = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}.get(magnitude or "", 1)
            if kind == "money":
                value = _int_or_float(_scaled(raw_number, factor))
                unit = CURRENCY_CODES[re.sub(r"\s+", "", unit)]
            elif kind == "area":
                value = _int_or_float(_scaled(raw_number, factor))
                unit = {"平方公里": "km2", "平方米": "m2"}.get(unit, unit)
            elif kind == "growth":
                # 增加2.1万户 is 21000; 增长三成 is already 30 (成 was read as tens of percent)
                value = _int_or_float(_scaled(raw_number, factor) if factor != 1 else number)
                verb = _group(match, "verb")
                if verb in _DOWN:
                    value = -value
                unit = "%" if unit == "%" else unit
            elif kind == "percent":
                value, unit = _int_or_float(number), "%"
            elif kind == "rank":
                value = _int_or_float(number)
                if view[start] == "前":
                    qualifier, hedge = "at_most", "前"  # 前三: somewhere in the top three
            elif kind == "count":
                if unit in ("名",) and view[max(0, start - 1) : start] == "第":
                    return None
                if _group(match, "big"):  # 6大展区, 二十大园区: six of them
                    unit = "个"
                value = _int_or_float(_scaled(raw_number, factor))
            elif kind == "other" and unit in ("℃", "摄氏度"):
                value = _int_or_float(-number if _group(match, "pre") == "零下" else number)
                unit, qualifier, hedge = "℃", "exact", None
            elif kind == "other" and unit in ("版本", "版"):
                value = number  # a version such as 1.0 keeps its decimal
            elif kind == "other":
                value = _int_or_float(number)
            else:
                value = _int_or_float(number)
                if kind == "age":
                    unit = "岁"
                elif kind == "score":
                    unit = "分"
    if pair and kind in ("count", "duration", "money", "area", "age"):
        scale = factor if kind in ("count", "money", "area") else 1
        value = [_int_or_float(pair[0] * scale), _int_or_float(pair[1] * scale)]
    low = _group(match, "lo")
    if low is not None and isinstance(value, int | float):
        magnitude = _group(match, "lomag")
        scale = {"万亿": 1e12, "亿": 1e8, "万": 1e4}[magnitude] if magnitude else factor  # 5至6万
        bottom = _int_or_float(
            _scaled(low, scale) if kind in ("count", "money", "area") else _number(low)
        )
        if bottom is not None and bottom < value:
            value = [bottom, value]  # 16—24岁, 5万至6万人: a range
        else:
            start = _trim(view, match.start("n"), end)[0]  # not a range: the number alone
    return Fact(
        text=text[start:end],
        start=start,
        end=end,
        kind=kind,
        value=value,
        unit=unit,
        qualifier=qualifier,
        subject="",  # filled in by _with_sentences
        sentence="",  # filled in by _with_sentences
        hedge=hedge,
    )


def _date_value(match: re.Match, kind: str, article_date: date | None):
    groups = match.groupdict()
    year = groups.get("y")
    if groups.get("rel"):
        if article_date is None:
            year = None
        else:
            offset = {"去年": -1, "今年": 0, "前年": -2, "明年": 1}.get(groups["rel"])
            year = str(article_date.year + offset) if offset is not None else None
    year = re.sub(r"\D", "", year) if year else None

    def iso(y, m, d) -> str:
        parts = [f"{int(m):02d}" if m else None, f"{int(d):02d}" if d else None]
        tail = "-".join(p for p in parts if p)
        if y:
            return f"{int(y)}" + (f"-{tail}" if tail else "")
        return f"--{tail}"  # the year is unknown

    if kind == "date_range" and groups.get("decade"):
        first = 1900 + int(groups["decade"])  # 90年代: the 1990s, as news writes it
        return [str(first), str(first + 9)]
    if kind == "date_range":
        if groups.get("y2"):
            if int(groups["y2"]) <= int(year or 0):
                return None
            return [iso(year, None, None), iso(groups["y2"], None, None)]
        m2 = groups.get("m2") or groups.get("m")
        if not (1 <= int(groups["m"]) <= 12 and 1 <= int(m2) <= 12):
            return None
        if groups.get("d") is None and int(m2) <= int(groups["m"]):
            return None  # 1至10月 runs forwards; 12-1 is not a month range
        return [iso(year, groups.get("m"), groups.get("d")), iso(year, m2, groups.get("d2"))]
    m, d = groups.get("m"), groups.get("d")
    if groups.get("edge"):  # 去年底 is the last month of last year; without a date, unknown
        return iso(year, "12" if groups["edge"] in "底末" else "01", None) if year else None
    if (m and not 1 <= int(m) <= 12) or (d and not 1 <= int(d) <= 31):
        return None
    return iso(year, m, d)


_STOP = re.compile(r"[，。；：、！？,;:!?（）()“”\"《》■—]|(?<!\d)\.(?!\d)")  # 2.5 is no stop
_VERBS = (
    "共有",
    "达到",
    "累计",
    "总计",
    "共计",
    "达",
    "为",
    "是",
    "有",
    "约",
    "超过",
    "共",
    "已",
    "用时",
    "实现",
    "开行",
    "完成",
)
_NOUN_STOP = re.compile(r"入驻|参与|进入|入选|实现|完成|签约|洽谈|投资|的|和|与|及|在|将|已|为")


def _subject(view: str, start: int, end: int, kind: str, sentence: tuple[int, int]) -> str:
    """What the number measures: the noun after a measure word, else the words before it; for
    a change with nothing before it (…360亿元，增长38.3%), what the clause before measured.
    Only words of the fact's own ``sentence`` (a span of ``view``) are read, and an item mark
    that opens it (- 1. （一）) is not a word."""
    window = view[end : min(end + 24, sentence[1])]
    window = _PARAGRAPH.split(window, 1)[0]  # a headline's number does not run into the body
    after = re.sub(r"\s+", "", window)[:16]  # PDF line breaks are not words
    cut = _STOP.search(after)
    following = after[: cut.start()] if cut else after
    following = _NEXT_FIGURE.split(following, maxsplit=1)[0]  # …资助资金约6800万元 ends at 资金
    verb = _NOUN_STOP.search(following)
    if verb:
        following = following[: verb.start()]
    window = view[max(start - 60, sentence[0]) : start]
    item = ITEM_START.match(window) if start - 60 <= sentence[0] else None
    window = _PARAGRAPH.split(window[item.end() if item else 0 :])[-1]
    before = re.sub(r"\s+", "", window)[-40:]
    cuts = list(_STOP.finditer(before))
    preceding = _strip_verbs(before[cuts[-1].end() :] if cuts else before[-24:])
    # words after the last figure before this one (…为1.2万名家庭经济困难学生发放资助资金)
    preceding = _AFTER_FIGURE.split(preceding)[-1]
    if not preceding and cuts and cuts[-1].end() == len(before) and before[-1] in "：:":
        # 实际使用外资：4.5亿美元: a label and its figure
        preceding = before[cuts[-2].end() if len(cuts) >= 2 else 0 : -1]
    if not preceding and kind in ("growth", "percent") and len(cuts) >= 1:
        clause = before[cuts[-2].end() if len(cuts) >= 2 else 0 : cuts[-1].start()]
        head = re.split(r"[\d零〇一二两三四五六七八九十百千万亿]", clause, maxsplit=1)[0]
        preceding = _strip_verbs(head)
    if kind in ("count", "duration") and len(following) >= 2:
        return following.strip()
    return (preceding or following).strip()


_NEXT_FIGURE = re.compile(r"(?:约|近|超过|超|逾)?\d")
_AFTER_FIGURE = re.compile(r"(?<![A-Za-z\d.])\d[\d.,]*(?:万亿|亿|万)?[^\d，。；、]?")
_PARAGRAPH = re.compile(r"\n[ \t\u3000]*\n")


def _strip_verbs(words: str) -> str:
    changed = True
    while changed:
        changed = False
        for word in _VERBS:
            if words.endswith(word):
                words = words[: -len(word)]
                changed = True
    return words
