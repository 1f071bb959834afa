"""What the glossary could not translate in a data folder, so the build can say so.

A draft writes its texts in the article's language only; reading the folder translates the
others (``reportgen.locale.texts.translate_missing``). A stretch the glossary does not know is
given in pinyin: readable, but a person should check it. This lists those stretches for each
record whose text is still the machine's (a person's own translation is never listed); names of
people are not listed, pinyin is how they are written.
"""

from __future__ import annotations

from reportgen.data.dataset import Dataset
from reportgen.locale import LANGS
from reportgen.locale.english import english

#: Kinds of text whose pinyin is no gap: a person's name is written so.
NAMES_IN_PINYIN = frozenset({"person"})


def untranslated(dataset: Dataset) -> dict[str, tuple[str, ...]]:
    """Record id (``dataset`` for the folder's own texts) -> the Chinese stretches its
    machine-translated texts give in pinyin, in order, each once."""
    source, *others = LANGS
    found: dict[str, tuple[str, ...]] = {}
    records = [("dataset", dataset.info), *((r.id, r) for r in _records(dataset))]
    for ident, record in records:
        terms: list[str] = []
        for name, kind in type(record).translated.items():
            if kind in NAMES_IN_PINYIN:
                continue
            value = getattr(record, name)
            own = value[source]
            items = own if isinstance(own, tuple) else (own,)
            for lang in others:
                theirs = value[lang]
                shown = theirs if isinstance(theirs, tuple) else (theirs,)
                for zh, en in zip(items, shown, strict=False):
                    if not zh:
                        continue
                    machine = english(zh, kind)
                    if en == machine.text:
                        terms += [t for t in machine.untranslated if t not in terms]
        if terms:
            found[ident] = tuple(terms)
    return found


def _records(dataset: Dataset):
    return (*dataset.articles, *dataset.metrics, *dataset.rankings, *dataset.events)


def described(terms: tuple[str, ...]) -> str:
    """稳步 (Wenbu), 如意湖 (Ruyihu): each stretch with the pinyin the slides show."""
    from reportgen.locale.english import pinyin_word

    return ", ".join(f"{pinyin_word(t)} ({t})" for t in terms)
