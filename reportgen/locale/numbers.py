"""Digits without a language: the shortest exact decimal, and whether a scale keeps every digit.

Every language module writes its numbers with these, so no language rounds a value the data
holds: a number that needs more digits than a display allows raises `FormatError` instead of
being silently cut, whatever language it is written in.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

#: The currencies a money value may be in, as ISO codes: the unit of a money metric. Each
#: language says how it writes them (CNY 36 bn, 360亿元).
CURRENCIES = ("CNY", "USD", "EUR", "HKD", "JPY", "GBP", "RUB", "KRW")

#: Decimals a measure (not money) may show as stated: 42.195公里, 2.155%. More would mean the
#: value is a rounded fraction, which is refused rather than rounded again.
MEASURE_DECIMALS = 4


class FormatError(ValueError):
    """A value cannot be written in the requested form without losing digits."""


def plain_number(value: float, *, max_decimals: int = 2, grouping: bool = False) -> str:
    """Shortest decimal form of ``value`` with at most ``max_decimals`` places, never rounded.

    >>> plain_number(260.3), plain_number(36.0), plain_number(4700, grouping=True)
    ('260.3', '36', '4,700')
    """
    number = Decimal(repr(float(value) + 0.0)).normalize()  # + 0.0: -0 prints as 0
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > max_decimals:
        raise FormatError(f"{value!r} needs more than {max_decimals} decimal places")
    text = f"{number:,f}" if grouping else f"{number:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def exact_at(values: Iterable[float], factor: int, decimals: int) -> bool:
    """Whether every value can be shown at this scale without rounding (3.0156万亿 cannot).

    >>> exact_at([3_015_600_000_000], 10**12, 2), exact_at([3_015_600_000_000], 10**8, 2)
    (False, True)
    """
    try:
        for value in values:
            plain_number(value / factor, max_decimals=decimals)
    except FormatError:
        return False
    return True


def largest_exact_scale(
    values: list[float], scales: Iterable[tuple[int, str]], decimals: int
) -> tuple[int, str] | None:
    """The first of ``scales`` (largest first) that shows the largest value as at least 1 and
    every value without rounding, or None when none does.

    >>> largest_exact_scale([36e9, 8.1e9], ((10**9, "bn"), (10**6, "mn")), 3)
    (1000000000, 'bn')
    """
    largest = max(abs(v) for v in values) if values else 0
    for factor, word in scales:
        if largest >= factor and exact_at(values, factor, decimals):
            return factor, word
    return None


def decimal_value(digits: str, factor: int = 1) -> float:
    """The value of written digits at a scale, computed in decimal so 2.3亿 is exactly 230000000.

    >>> decimal_value("2.3", 10**8), decimal_value("4,700")
    (230000000.0, 4700.0)
    """
    plain = digits.replace(",", "")
    return float(Decimal(plain) * factor) if factor != 1 else float(plain)
