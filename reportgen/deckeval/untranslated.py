"""Chinese left in English text: what an English slide must not show.

One thing is allowed: a name followed by its pinyin in brackets (``胶州 (Jiaozhou)``), the way
the product gives a proper name it has no English for. The pinyin is checked with pypinyin,
so ``胶州 (Qingdao Port)`` is not taken for a name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NAMED = re.compile(
    r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)\s*[（(]\s*([A-Za-z\u00c0-\u024f' \-]+?)\s*[)）]"
)


def _letters(text: str) -> str:
    """Latin letters only, lower case, tone marks gone, ü and v as u."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z]", "", plain.replace("v", "u"))


@lru_cache(maxsize=4096)
def _pinyin(han: str) -> str:
    from pypinyin import lazy_pinyin

    return _letters("".join(lazy_pinyin(han)))


def is_pinyin_of(han: str, latin: str) -> bool:
    """Whether ``latin`` spells ``han`` in pinyin (tones, case, spaces and hyphens aside)."""
    return bool(_letters(latin)) and _pinyin(han) == _letters(latin)


def without_named(text: str) -> str:
    """``text`` with every name-and-its-pinyin removed."""
    return _NAMED.sub(lambda m: "" if is_pinyin_of(m.group(1), m.group(2)) else m.group(0), text)


def untranslated(text: str) -> bool:
    """Whether an English text still holds Chinese, a name given with its pinyin aside."""
    return bool(HAN.search(text)) and bool(HAN.search(without_named(text)))


def without_quotes(text: str, quotes: Iterable[str]) -> str:
    """``text`` with the given source sentences and titles taken out: an English note quotes
    the article's own Chinese sentence on purpose, so only the rest of it is measured."""
    for quote in sorted({q for q in quotes if q}, key=len, reverse=True):
        text = text.replace(quote, "")
    return text
