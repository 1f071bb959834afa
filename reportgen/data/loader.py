"""Read a data folder into typed records, collecting every problem instead of stopping at one."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from reportgen.data.schema import (
    DISPLAY_FACE,
    KNOWN_TOPICS,
    Article,
    ArticlesFile,
    DatasetInfo,
    Event,
    Metric,
    Page,
    Ranking,
)
from reportgen.data.topics import TOPICS_FILE, Topics, TopicsError
from reportgen.errors import Problem
from reportgen.fonts import Face
from reportgen.locale.texts import Localized, fold, unfold
from reportgen.paths import display_path
from reportgen.safeio import Refused, read_inside, shown_name
from reportgen.text.safe import check_display_text, check_drawable
from reportgen.yamlio import LineDict, decode_text, load_yaml, validate_model

DATASET_FILE = "dataset.yaml"
ARTICLES_FILE = "articles.yaml"
METRICS_FILE = "metrics.yaml"
RANKINGS_FILE = "rankings.yaml"
EVENTS_FILE = "events.yaml"

M = TypeVar("M", bound=BaseModel)


def data_folders(path: Path) -> list[Path]:
    """The data folders a path names: itself, if it holds a data folder's files; else each
    folder directly inside it that does (a parent of monthly folders, in name order); else
    itself again, so loading it says what is missing."""
    marks = (ARTICLES_FILE, DATASET_FILE)
    if not path.is_dir() or any((path / mark).exists() for mark in marks):
        return [path]
    inside = sorted(
        child
        for child in path.iterdir()
        if child.is_dir() and any((child / mark).exists() for mark in marks)
    )
    return inside or [path]


@dataclass(frozen=True)
class Located:
    """A validated record with the file and lines it came from, for error messages."""

    record: Any
    file: str
    source: LineDict

    def line(self, key: str | None = None) -> int:
        return self.source.line_of(key)


@dataclass
class RawData:
    """Everything read from a data folder, before cross-entry checks."""

    root: Path
    #: the face outputs set the text in: every displayed text must have its glyphs there
    face: Face | None = None
    info: DatasetInfo | None = None
    page: Page | None = None
    articles: list[Located] = field(default_factory=list)
    article_texts: dict[str, str] = field(default_factory=dict)
    raw_texts: dict[str, str] = field(default_factory=dict)
    metrics: list[Located] = field(default_factory=list)
    rankings: list[Located] = field(default_factory=list)
    events: list[Located] = field(default_factory=list)
    assessment: Localized[str | None] = field(default_factory=lambda: Localized({}))
    problems: list[Problem] = field(default_factory=list)
    #: ids of entries that failed schema checks, by kind (already reported; later checks skip
    #: references to them instead of reporting each reference again)
    invalid_ids: dict[str, set[str]] = field(default_factory=dict)
    #: kinds whose whole file could not be read (already reported; nothing in it can be found)
    unreadable: set[str] = field(default_factory=set)

    #: the topics the folder's metrics may have: the bundled lexicon and its own topics.yaml
    topics: Topics = field(default_factory=Topics.load)
    #: sha256 of each file read, by its name in the folder: the dataset's part of the key
    #: that decides whether an output is up to date
    digests: dict[str, str] = field(default_factory=dict)

    def source_digest(self) -> str:
        """One hash of the names and bytes of every file read, and of nothing else: a file
        the dataset does not name cannot change an output, so it is neither read nor hashed."""
        return hashlib.sha256(json.dumps(self.digests, sort_keys=True).encode()).hexdigest()

    def shown(self, name: str) -> str:
        return display_path(self.root / name)

    def already_reported(self, kind: str, entry_id: str) -> bool:
        """True if a reference to ``entry_id`` fails only because of a problem already
        reported: the entry failed its own checks, or its whole file could not be read."""
        return kind in self.unreadable or entry_id in self.invalid_ids.get(kind, set())

    @property
    def context(self) -> dict[str, object]:
        """What the schema's validators are given: the face displayed text is checked against."""
        return {DISPLAY_FACE: self.face, KNOWN_TOPICS: self.topics.ids}


def read_folder(root: Path, face: Face | None = None) -> RawData:
    """Read and schema-check every file of a data folder; with ``face``, every text an output
    shows must also have its glyphs in that face."""
    raw = RawData(root=root, face=face)
    if not root.is_dir():
        raw.problems.append(
            Problem(
                display_path(root),
                None,
                None,
                None,
                "data folder not found" if not root.exists() else "is a file; give the data folder",
            )
        )
        return raw
    _read_topics(raw)
    _read_info(raw)
    _read_articles(raw)
    raw.metrics = _read_list(raw, METRICS_FILE, "metrics", Metric, "metric", required=True)
    raw.rankings = _read_list(
        raw,
        RANKINGS_FILE,
        "rankings",
        Ranking,
        "ranking",
        required=False,
        extra_keys=set(unfold("assessment", None)),
    )
    raw.events = _read_list(raw, EVENTS_FILE, "events", Event, "event", required=False)
    return raw


def _read_topics(raw: RawData) -> None:
    """The folder's own topics.yaml, if it has one, merged into the bundled lexicon."""
    path = raw.root / TOPICS_FILE
    if not path.exists():
        return
    try:
        raw.topics = Topics.load(path)
        raw.digests[TOPICS_FILE] = hashlib.sha256(path.read_bytes()).hexdigest()
    except (TopicsError, OSError) as exc:
        why = str(exc).removeprefix(f"{path}: ")
        raw.problems.append(Problem(raw.shown(TOPICS_FILE), None, None, None, why))


def _read_info(raw: RawData) -> None:
    shown = raw.shown(DATASET_FILE)
    doc = load_yaml(raw.root / DATASET_FILE, shown, raw.problems, raw.digests)
    if doc is None:
        return
    if not isinstance(doc, LineDict):
        raw.problems.append(Problem(shown, None, None, None, "expected a mapping of fields"))
        return
    raw.info = validate_model(DatasetInfo, doc, shown, "dataset", raw.problems, raw.context)
    if raw.info is None:
        return
    for source, item in zip(raw.info.raw_sources, doc.get("raw_sources", []), strict=True):
        where = Located(source, shown, item)
        text = _read_named(raw, where, f"raw source '{source.id}'", source.file)
        if text is not None:
            raw.raw_texts[source.id] = text


def _read_named(raw: RawData, where: Located, entry: str, name: str) -> str | None:
    """The text of a file an entry names in its 'file' field, read only from inside the data
    folder; a refusal is reported on that entry and field, naming the file as written."""
    try:
        data = read_inside(raw.root, name)
    except Refused as refused:
        raw.problems.append(
            Problem(
                where.file,
                where.line("file"),
                entry,
                "file",
                f"{shown_name(name)}: {refused.reason}",
            )
        )
        return None
    raw.digests[name] = hashlib.sha256(data).hexdigest()
    return decode_text(data, raw.shown(name), raw.problems)


def _read_articles(raw: RawData) -> None:
    shown = raw.shown(ARTICLES_FILE)
    doc = load_yaml(raw.root / ARTICLES_FILE, shown, raw.problems, raw.digests)
    if doc is None:
        raw.unreadable.add("article")
        return
    container = (
        validate_model(ArticlesFile, doc, shown, "articles file", raw.problems, raw.context)
        if isinstance(doc, LineDict)
        else None
    )
    if container is None:
        raw.unreadable.add("article")
        if not isinstance(doc, LineDict):
            raw.problems.append(
                Problem(shown, None, None, None, "expected a mapping with an 'articles' list")
            )
        return
    raw.page = container.page
    raw.articles = _validate_entries(doc["articles"], Article, shown, "article", raw)
    for located in raw.articles:
        article: Article = located.record
        text = _read_named(raw, located, f"article '{article.id}'", article.file)
        if text is not None:
            raw.article_texts[article.id] = text


def _read_list(
    raw: RawData,
    name: str,
    key: str,
    model: type[M],
    kind: str,
    *,
    required: bool,
    extra_keys: set[str] = frozenset(),
) -> list[Located]:
    path = raw.root / name
    shown = raw.shown(name)
    if not required and not path.exists():
        return []
    doc = load_yaml(path, shown, raw.problems, raw.digests)
    if doc is None:
        raw.unreadable.add(kind)
        return []
    if not isinstance(doc, LineDict) or not isinstance(doc.get(key), list):
        raw.unreadable.add(kind)
        raw.problems.append(
            Problem(
                shown,
                getattr(doc, "line", None),
                None,
                None,
                f"expected a mapping with a '{key}' list",
            )
        )
        return []
    unknown = sorted(set(doc) - {key} - set(extra_keys))
    for extra in unknown:
        raw.problems.append(
            Problem(shown, doc.line_of(extra), None, extra, "unknown top-level key")
        )
    if required and not doc[key]:
        raw.problems.append(Problem(shown, doc.line_of(key), None, key, "has no entries"))
    if kind == "ranking":
        written = {k: str(doc[k]) for k in unfold("assessment", None) if k in doc}
        for k, text in written.items():
            try:
                check_drawable(check_display_text(text), raw.face)
            except ValueError as exc:
                raw.problems.append(Problem(shown, doc.line_of(k), None, k, str(exc)))
        raw.assessment = Localized(fold(written, ("assessment",)).get("assessment", {}))
    return _validate_entries(doc[key], model, shown, kind, raw)


def _validate_entries(
    items: list, model: type[M], shown: str, kind: str, raw: RawData
) -> list[Located]:
    problems = raw.problems
    located: list[Located] = []
    for index, item in enumerate(items):
        if not isinstance(item, LineDict):
            problems.append(
                Problem(shown, None, f"{kind} #{index + 1}", None, "expected a mapping of fields")
            )
            continue
        entry_id = item.get("id")
        label = f"{kind} '{entry_id}'" if isinstance(entry_id, str) else f"{kind} #{index + 1}"
        record = validate_model(model, item, shown, label, problems, raw.context)
        if record is not None:
            located.append(Located(record, shown, item))
        elif isinstance(entry_id, str):
            raw.invalid_ids.setdefault(kind, set()).add(entry_id)
    return located
