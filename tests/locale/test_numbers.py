"""Digits without a language: exact decimals, never rounded, and which scales keep every digit."""

from __future__ import annotations

import pytest

from reportgen.locale.numbers import (
    CURRENCIES,
    MEASURE_DECIMALS,
    FormatError,
    decimal_value,
    exact_at,
    largest_exact_scale,
    plain_number,
)


@pytest.mark.parametrize(
    ("value", "kwargs", "text"),
    [
        (260.3, {}, "260.3"),
        (36.0, {}, "36"),
        (38.85, {}, "38.85"),
        (4700, {"grouping": True}, "4,700"),
        (3015.6, {"grouping": True, "max_decimals": 3}, "3,015.6"),
        (42.195, {"max_decimals": MEASURE_DECIMALS}, "42.195"),
        (-3.2, {}, "-3.2"),
        (1e15, {}, "1000000000000000"),
        (-0.0, {}, "0"),
    ],
)
def test_plain_number_is_the_shortest_exact_decimal(value, kwargs, text):
    assert plain_number(value, **kwargs) == text


def test_plain_number_never_rounds_silently():
    with pytest.raises(FormatError, match="more than 2 decimal places"):
        plain_number(26.0303687, max_decimals=2)
    with pytest.raises(FormatError):
        plain_number(2.15551, max_decimals=MEASURE_DECIMALS)
    assert issubclass(FormatError, ValueError)  # callers that catch ValueError still do


def test_a_scale_is_exact_only_if_every_value_keeps_its_digits():
    assert exact_at([36_000_000_000, 8_100_000_000], 10**8, 2)
    assert not exact_at([3_015_600_000_000], 10**12, 2)  # 3.0156万亿
    assert exact_at([3_015_600_000_000], 10**12, 4)
    assert exact_at([], 10**8, 0)


def test_the_largest_exact_scale_is_chosen_and_none_when_no_scale_fits():
    scales = ((10**12, "T"), (10**8, "H"), (10**4, "W"))
    assert largest_exact_scale([36e9, 8.1e9], scales, 2) == (10**8, "H")
    assert largest_exact_scale([3_015_600_000_000], scales, 2) == (10**8, "H")
    assert largest_exact_scale([3e12], scales, 2) == (10**12, "T")
    assert largest_exact_scale([5000], scales, 2) is None  # below the smallest scale
    assert largest_exact_scale([], scales, 2) is None
    # the smaller value decides too: 36亿 and 0.001亿 cannot share 亿
    assert largest_exact_scale([36e8, 1e5], scales, 2) == (10**4, "W")


def test_decimal_value_applies_a_scale_without_float_error():
    assert 2.3 * 10**8 != 230_000_000  # what float multiplication would give
    assert decimal_value("2.3", 10**8) == 230_000_000
    assert decimal_value("260.3", 10**8) == 26_030_000_000
    assert decimal_value("4,700") == 4700
    assert decimal_value("-3.2") == -3.2


def test_currencies_are_iso_codes():
    assert "CNY" in CURRENCIES
    assert all(len(code) == 3 and code.isupper() for code in CURRENCIES)
    assert len(set(CURRENCIES)) == len(CURRENCIES)
