"""The shape of a language's page reading, and the alternation its patterns are built with."""

from __future__ import annotations

import re

import pytest

from reportgen import locale
from reportgen.locale.reading import Reading, alternatives


def test_alternatives_put_the_longest_word_first():
    # 及以上 must win over 以上, or "及" is left in front of the match
    assert alternatives(["以上", "及以上", "余"]) == "及以上|以上|余"
    assert re.match(alternatives(["以上", "及以上"]), "及以上").group() == "及以上"


@pytest.mark.parametrize("lang", locale.LANGS)
def test_every_language_reads_its_pages(lang):
    reading = locale.get(lang).READING
    assert isinstance(reading, Reading)
    assert {"before", "digits", "scale"} <= set(reading.pattern.groupindex)
    if reading.embedded is not None:  # the quoted language tells where its text runs
        assert reading.embedded in locale.LANGS and reading.embedded != lang
        assert locale.get(reading.embedded).READING.run is not None
