"""Numbers as Chinese news prints them: Arabic or Chinese numerals, with 万/亿 magnitudes.

Provenance checks ask "does this value appear in this quote?". Articles write 360亿元,
4700余家, 百余场, 二十大园区, 两个月, 第四名 and 2022 年, so the check must read all of them.

>>> parse_chinese_numeral("二十")
20
>>> parse_chinese_numeral("一百零五")
105
>>> sorted(numbers_in("对外贸易额达360亿元，增长38.3%"))
[38.3, 360.0, 36000000000.0]
"""

from __future__ import annotations

import math
import re
import unicodedata

DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
MAGNITUDES = {"万亿": 10**12, "亿": 10**8, "万": 10**4}

_CHINESE_RUN = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")
# Arabic number: thousands separators, a decimal part, then an optional magnitude word.
_ARABIC = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(万亿|亿|万)?")


def parse_chinese_numeral(text: str) -> int | None:
    """Value of a Chinese numeral such as 三, 十二, 二十, 一百零五, 两万; None if it is not one."""
    if not text or any(
        ch not in DIGITS and ch not in SMALL_UNITS and ch not in "万亿" for ch in text
    ):
        return None
    total = 0
    for magnitude_word, magnitude in (("亿", 10**8), ("万", 10**4)):
        if magnitude_word in text:
            head, _, text = text.partition(magnitude_word)
            head_value = _parse_below_10000(head) if head else 1
            if head_value is None:
                return None
            total += head_value * magnitude
    rest = _parse_below_10000(text) if text else 0
    if rest is None:
        return None
    return total + rest


def _parse_below_10000(text: str) -> int | None:
    total, digit, last_unit = 0, None, 10**5
    for ch in text:
        if ch in DIGITS:
            if digit is not None and DIGITS[ch] != 0:
                # Digits in a row without units ("二〇二二") read as positional digits.
                digit = digit * 10 + DIGITS[ch]
            else:
                digit = DIGITS[ch] if digit is None else digit * 10
        elif ch in SMALL_UNITS:
            unit = SMALL_UNITS[ch]
            if unit >= last_unit:
                return None
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        else:
            return None  # a magnitude word out of place, as in 亿亿
    return total + (digit or 0)


def normalize_digits(text: str) -> str:
    """Full-width digits, letters and punctuation to their ASCII forms (NFKC), as in 4７00."""
    return unicodedata.normalize("NFKC", text)


_TENTHS = re.compile(r"([一二两三四五六七八九]|\d)\s*成")  # 六成 = 60%, 两成 = 20%
_SHARE = re.compile(r"([零〇一二两三四五六七八九十百\d]+)分之([零〇一二两三四五六七八九十百\d]+)")
_TIMES = re.compile(r"(?:增长|增加|提高|扩大)了?([一两二三四五六七八九十])倍")  # 增长一倍 = 100%
_FOLD = re.compile(r"翻([一两二三])番")  # 翻一番 = +100%
_DECREASE = re.compile(r"下降|减少|降低|缩短|下滑|回落|压缩|收窄|零下")


def _small(token: str) -> float | None:
    if token.isdigit():
        return float(token)
    value = parse_chinese_numeral(token)
    return float(value) if value is not None else None


#: Words that state first place without a numeral.
FIRST_PLACE = ("首位", "榜首", "冠军", "连冠")


def _worded(text: str) -> set[float]:
    """Numbers news prose states in words: 六成, 三分之一, 一半, 增长一倍, 翻一番."""
    found: set[float] = set()
    for match in _TENTHS.finditer(text):
        found.add(_small(match.group(1)) * 10)
    for match in _SHARE.finditer(text):
        whole, part = _small(match.group(1)), _small(match.group(2))
        if whole and part is not None:
            found.add(round(part / whole * 100, 6))
    if "一半" in text:
        found.add(50.0)
    if any(word in text for word in FIRST_PLACE):
        found.add(1.0)  # first place: 首位, 榜首, 冠军, 五连冠 (a ranking's quote states it)
    for match in _TIMES.finditer(text):
        found.add(_small(match.group(1)) * 100)
    for match in _FOLD.finditer(text):
        found.add((2 ** int(_small(match.group(1)))) * 100 - 100)
    return found


def numbers_in(text: str) -> set[float]:
    """Every number the text states, each as read bare and with its magnitude word applied."""
    text = normalize_digits(text)
    found: set[float] = _worded(text)
    for match in _ARABIC.finditer(text):
        whole, fraction, magnitude = match.groups()
        number = float(whole.replace(",", "") + ("." + fraction if fraction else ""))
        found.add(number)
        if magnitude:
            found.add(number * MAGNITUDES[magnitude])
    for match in _CHINESE_RUN.finditer(text):
        run = match.group()
        if not run.strip("万亿"):
            continue  # a bare magnitude word, as in 360亿, is not a number of its own
        value = parse_chinese_numeral(run)
        if value is not None:
            found.add(float(value))
        # A run may also be digits then a magnitude (三千 / 一百 / 十): try each single numeral too.
        for ch in run:
            if ch in DIGITS:
                found.add(float(DIGITS[ch]))
    return found


def appears_in(value: float, text: str) -> bool:
    """Whether ``value`` is one of the numbers ``text`` states (to 1e-9 relative).

    A negative value is a stated decrease: 下降3.2个百分点 states -3.2, 增长3.2% does not."""
    if value < 0:
        if not _DECREASE.search(text):
            return False
        value = -value
    return any(
        math.isclose(value, number, rel_tol=1e-9, abs_tol=1e-12) for number in numbers_in(text)
    )


def format_plain(value: float) -> str:
    """A number as data people write it: no exponent, no trailing ``.0``.

    >>> format_plain(36000000000.0), format_plain(38.3), format_plain(1.0)
    ('36000000000', '38.3', '1')
    """
    if math.isfinite(value) and float(value).is_integer():
        return str(int(value))
    return format(value, ".12g") if abs(value) >= 1e-4 else repr(value)
