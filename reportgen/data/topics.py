"""The topics a figure can belong to: a lexicon kept as data, extensible per data folder.

The bundled lexicon (``topics.yaml`` beside this module) names each topic in every language and
lists the words that tell it; a data folder's own ``topics.yaml`` adds topics or words. The
extractor assigns topics with it, ``validate`` accepts exactly its topics, and the planner
titles with its names: the one place a topic is decided.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from reportgen.locale import LANGS
from reportgen.locale.texts import Localized
from reportgen.yamlio import parse_yaml

TOPICS_FILE = "topics.yaml"
#: The topic of a figure no topic's words describe.
FALLBACK = "general"
#: The topic of every rank, whatever its words.
RANKING = "ranking"
#: Units of places in a ranking: a change in them (前移3个位次, 前移2位) is about a ranking too
#: (a count in 位 is people: 12位院士).
PLACE_UNITS = ("个位次", "位次", "位")
#: How much more a word in the label counts than a word elsewhere in the sentence.
LABEL_WEIGHT = 3


@dataclass(frozen=True)
class Topic:
    id: str
    name: Localized[str]
    words: tuple[str, ...]


class TopicsError(ValueError):
    """A topics file that is not one: the message names the entry and the field."""


def _parse(doc: object, shown: str) -> list[Topic]:
    if not isinstance(doc, dict) or not isinstance(doc.get("topics"), list):
        raise TopicsError(f"{shown}: expected a mapping with a 'topics' list")
    out = []
    for n, entry in enumerate(doc["topics"], 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise TopicsError(f"{shown}: topic #{n}: needs an 'id'")
        unknown = set(entry) - {"id", "words", *(f"name_{lang}" for lang in LANGS)}
        if unknown:
            raise TopicsError(f"{shown}: topic '{entry['id']}': unknown field '{min(unknown)}'")
        words = entry.get("words") or []
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise TopicsError(f"{shown}: topic '{entry['id']}', field 'words': a list of words")
        names = {lang: entry.get(f"name_{lang}") for lang in LANGS}
        out.append(Topic(entry["id"], Localized(names), tuple(words)))
    return out


@lru_cache(maxsize=1)
def _bundled() -> tuple[Topic, ...]:
    """The bundled lexicon, read once per process: every dataset, metric check and draft asks
    for it, and it cannot change while the process runs."""
    text = resources.files(__package__).joinpath(TOPICS_FILE).read_text(encoding="utf-8")
    return tuple(_parse(parse_yaml(text), TOPICS_FILE))


@dataclass(frozen=True)
class Topics:
    """The lexicon in force: the bundled topics, extended by a folder's own."""

    topics: tuple[Topic, ...]

    @classmethod
    def load(cls, extra: Path | None = None) -> Topics:
        """The bundled lexicon, with ``extra`` (a topics.yaml) merged in when it exists."""
        merged = {topic.id: topic for topic in _bundled()}
        if extra is not None and extra.is_file():
            try:
                doc = parse_yaml(extra.read_text(encoding="utf-8"))
            except (yaml.YAMLError, UnicodeDecodeError) as exc:
                raise TopicsError(f"{extra}: not a YAML file ({type(exc).__name__})") from None
            for topic in _parse(doc, str(extra)):
                known = merged.get(topic.id)
                if known is None:
                    merged[topic.id] = topic
                    continue
                names = {lang: topic.name[lang] or known.name[lang] for lang in LANGS}
                merged[topic.id] = Topic(topic.id, Localized(names), known.words + topic.words)
        ordered = [t for t in merged.values() if t.id != FALLBACK] + [merged[FALLBACK]]
        return cls(tuple(ordered))

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(topic.id for topic in self.topics)

    def name(self, topic_id: str, lang: str) -> str:
        """The topic's name in ``lang`` (its id where the lexicon gives none)."""
        for topic in self.topics:
            if topic.id == topic_id:
                return topic.name[lang] or topic_id
        return topic_id

    def assign(self, label: str, context: str, role: str, unit: str = "") -> str:
        """The topic of a figure labelled ``label`` in ``context`` (its sentence): the topic
        whose words weigh most, label words counting LABEL_WEIGHT times, longer words first
        so that 跨境电商 is trade before 电商 is anything else (a word inside a longer one found
        counts for nothing); ties go to the earlier topic."""
        if role == "rank" or (role == "change" and unit in PLACE_UNITS):
            return RANKING  # a place, or a move between places (前移2位)
        label_words = self._found(label)
        context_words = self._found(context)
        best, best_score = FALLBACK, 0
        for topic in self.topics:
            score = _score(topic.words, label_words) * LABEL_WEIGHT + _score(
                topic.words, context_words
            )
            if score > best_score:
                best, best_score = topic.id, score
        return best

    def _found(self, text: str) -> set[str]:
        """The lexicon's words in ``text``, without those inside a longer one found there
        (产业 inside 第三产业 says nothing of its own)."""
        found = {word for topic in self.topics for word in topic.words if word in text}
        return {word for word in found if not any(word != o and word in o for o in found)}


def _score(words: Iterable[str], found: set[str]) -> int:
    return sum(len(word) for word in words if word in found)
