"""Placeholder text: what no presenter should ever see on a slide, in its notes or on a page.

Two kinds. The prompts reportgen itself writes where only a person can fill in (a draft's
（待补充） / (to be written) and its （草稿） / (draft) mark, a plan's 请在此写下讲解要点 /
Write the talking points here, 草稿：… / Draft: …, （请补充要点）): their words are the
locale's (``TO_BE_WRITTEN``, ``draft``, ``PLAN_TEXTS``), which the writers use, and are read
here from there, so the writers and the check cannot drift apart. And the leftovers of text
that was not finished: a count whose number is missing (共篇报道) and the raw page markers
□ and ■ a PDF page puts before bylines and captions.

Each finding says whose text it is: the data folder's (a draft's prompt, a page marker in a
label or title) or the template's (a plan's prompt, a wording with a missing count).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reportgen import locale

#: Raw page markers: □ opens a byline, ■ a photo caption on the printed page.
PAGE_MARKERS = "□■"

#: Whose text a placeholder is, as a finding names it.
DATA = "data: a draft's prompt, write it in the data folder"
TEMPLATE = "template: a plan's prompt, write the text in the template"


@dataclass(frozen=True)
class Placeholder:
    """One placeholder found in a text: what it is and whose text it is."""

    text: str
    fault: str

    def __str__(self) -> str:
        return f"placeholder text '{self.text}' ({self.fault})"


def _prompt_head(prompt: str) -> str:
    """The prompt's own word before its colon (草稿：…, Draft: …), or the whole prompt."""
    head = re.match(r"^([^：:]{1,12}[：:])", prompt)
    return head.group(1) if head else prompt


@cache
def _patterns() -> tuple[tuple[re.Pattern, str], ...]:
    """Every placeholder pattern, with whose text it marks; from the locales' own words."""
    found: list[tuple[str, str]] = []
    for lang in locale.LANGS:
        words = locale.get(lang)
        found.append((re.escape(words.TO_BE_WRITTEN), DATA))
        found.append((re.escape(words.draft("\x00").split("\x00")[0].strip()), DATA))
        texts = words.PLAN_TEXTS
        for prompt in (texts.talking_points, texts.no_points):
            found.append((re.escape(prompt.rstrip("。.")), TEMPLATE))
        found.append((re.escape(_prompt_head(texts.figures_prompt)), TEMPLATE))
    # a count whose number is missing: 共篇报道, 共 项, "from  articles" (two spaces)
    missing = TEMPLATE + " (a count is missing)"
    found.append((r"(?<!公)共\s?[篇个项家条次份场批则]", missing))
    found.append((r"(?<=\S) {2,}(?:articles?|reports?)\b", missing))
    found.append((f"[{PAGE_MARKERS}]", "data: a raw page marker in a label or title"))
    return tuple((re.compile(pattern), fault) for pattern, fault in dict(found).items())


def placeholders(text: str) -> list[Placeholder]:
    """The placeholders in ``text``, in order, each once."""
    hits = []
    for pattern, fault in _patterns():
        hits += [(m.start(), Placeholder(m.group(), fault)) for m in pattern.finditer(text)]
    return list(dict.fromkeys(found for _, found in sorted(hits, key=lambda h: h[0])))
