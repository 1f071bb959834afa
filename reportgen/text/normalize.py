"""Normalisation that makes PDF-extracted pages and clean texts comparable.

A PDF extraction breaks lines at the column width, sometimes inside a word ("Fakhriddi-" /
"nA") and sometimes inside a code ("5-" / "2-1"), and puts stray spaces around digits
("2022 年"). Provenance checks compare texts after removing exactly those artefacts, so a
quote typed as the article prints it is found however the page was broken.
"""

from __future__ import annotations

import re
import unicodedata

#: Every character ``str.splitlines`` breaks at: PDF extractions also use \f (pdftotext's page
#: break), \v and U+2028. Sentence splitting (splitlines) and this pattern agree on them, and
#: ``squash`` drops them as whitespace, so a quote is found across any of them.
LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_LATIN_HYPHEN_BREAK = re.compile(rf"(?<=[A-Za-z])-\s*[{LINE_BREAKS}]\s*(?=[A-Za-z])")
_WHITESPACE = re.compile(r"\s+")
# A sentence ends at 。！？!? (or ……), optionally followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"(?:[。！？!?]|……)[”’」』）)]*")


#: Chinese, Japanese and Korean characters with their punctuation and full-width forms.
CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_SPACE_BY_CJK = re.compile(rf"(?<=[{CJK}])\s+|\s+(?=[{CJK}])")


def drop_spaces_by_cjk(text: str) -> str:
    """Chinese puts no space next to Chinese ("2022 年" → "2022年"); English keeps its spaces
    ("Foreign trade"). Folded YAML and joined labels bring such spaces in.

    >>> drop_spaces_by_cjk("2022 年 foreign trade 对外 贸易")
    '2022年foreign trade对外贸易'
    """
    return _SPACE_BY_CJK.sub("", text)


def join_broken_lines(raw: str) -> str:
    """Undo column-width line breaks: a hyphen between two Latin letters across a break is a
    soft hyphen and goes; a hyphen after a digit ("5-" / "2-1") is part of a code and stays."""
    return _LATIN_HYPHEN_BREAK.sub("", raw)


def squash(text: str) -> str:
    """Comparable form of a text: NFC, soft hyphens joined, every whitespace character removed.

    Chinese has no spaces between words, so removing all whitespace loses nothing for matching,
    and it makes "2022 年 6 月" and "2022年6月" the same.
    """
    text = unicodedata.normalize("NFC", text)
    return _WHITESPACE.sub("", join_broken_lines(text))


def locate(quote: str, text: str) -> tuple[int, int] | None:
    """Where ``quote`` is in ``text`` as ``validate`` matches it (whitespace ignored): the
    start and end offsets in ``text``, for highlighting; None when it is there only in
    another form (NFC, a soft hyphen across a line break)."""
    kept = [i for i, char in enumerate(text) if not char.isspace()]
    flat = "".join(text[i] for i in kept)
    wanted = "".join(quote.split())
    found = flat.find(wanted) if wanted else -1
    if found < 0:
        return None
    return kept[found], kept[found + len(wanted) - 1] + 1


def split_sentences(text: str) -> list[str]:
    """Split Chinese text into sentences (and lines), keeping end punctuation and closing quotes."""
    sentences: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        start = 0
        for match in _SENTENCE_END.finditer(line):
            piece = line[start : match.end()].strip()
            if piece:
                sentences.append(piece)
            start = match.end()
        rest = line[start:].strip()
        if rest:
            sentences.append(rest)
    return sentences
