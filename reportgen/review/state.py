"""What the review page shows of a data folder: each article's text with every drafted entry's
sentence marked in place, each entry's fields as written in its file, and the progress.

It is read afresh from the folder after every change, so the page always shows the files as
they are on disk. Texts go to the page as JSON and are put in with ``textContent``: nothing
from an article or a YAML file is ever read as markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportgen.content.facts import Facts
from reportgen.content.sources_page import cut, readable
from reportgen.data import Dataset
from reportgen.review.edits import FIELDS, FILES, version
from reportgen.text.normalize import locate
from reportgen.yamlio import parse_yaml

#: The language a reviewer reads the articles in (the drafts' own).
READING = "zh"


def state(folder: Path, dataset: Dataset) -> dict[str, Any]:
    """The page's data for ``folder`` (``dataset`` is the folder, validated)."""
    written, versions = _written(folder)
    facts = Facts(dataset, READING)
    records = []
    for kind, entries in (
        ("metric", dataset.metrics),
        ("ranking", dataset.rankings),
        ("event", dataset.events),
    ):
        for entry in entries:
            raw = written[kind].get(entry.id, {})
            records.append(
                {
                    "kind": kind,
                    "id": entry.id,
                    "reviewed": entry.reviewed,
                    "title": _title(kind, entry),
                    "shown": _shown(kind, entry, facts),
                    "article": getattr(entry, "article", None),
                    "quote": getattr(entry, "quote", None),
                    "derived": kind == "metric" and entry.is_derived,
                    "fields": {name: _text(raw.get(name)) for name in FIELDS[kind]},
                    "suggested": _suggested(kind, entry),
                }
            )
    located: set[str] = set()
    articles = []
    for article in dataset.articles:
        text = readable(dataset.article_texts.get(article.id, ""))
        spans = []
        for record in records:
            if record["article"] == article.id and record["quote"]:
                found = locate(record["quote"], text)
                if found is not None:
                    spans.append((*found, _key(record)))
                    located.add(_key(record))
        articles.append(
            {
                "id": article.id,
                "title": article.title[READING],
                "outlet": article.outlet[READING],
                "date": article.date,
                "passages": [
                    {"text": p.text, "records": list(p.figures), "anchors": list(p.anchors)}
                    for p in cut(text, spans)
                ],
            }
        )
    for record in records:
        record["key"] = _key(record)
        record["located"] = record["key"] in located
    return {
        "dataset": dataset.info.id,
        "title": dataset.info.title[READING],
        "versions": versions,
        "progress": {
            "reviewed": sum(1 for r in records if r["reviewed"]),
            "total": len(records),
        },
        "fields": FIELDS,
        "records": records,
        "articles": articles,
    }


def _key(record: dict[str, Any]) -> str:
    return f"{record['kind']}:{record['id']}"


def _written(folder: Path) -> tuple[dict[str, dict[str, dict[str, Any]]], dict[str, str]]:
    """Each entry's fields as its file writes them (labels a person wrote, not translations),
    and each file's version, both from the same bytes: a change is made against exactly the
    file whose fields the form showed."""
    found: dict[str, dict[str, dict[str, Any]]] = {}
    versions: dict[str, str] = {}
    for kind, (name, key) in FILES.items():
        path = folder / name
        data = path.read_bytes() if path.is_file() else b""
        versions[kind] = version(data) if data else ""
        document = parse_yaml(data.decode("utf-8-sig")) if data else None
        entries = document.get(key) if isinstance(document, dict) else None
        found[kind] = {e["id"]: e for e in entries or () if isinstance(e, dict) and "id" in e}
    return found, versions


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _title(kind: str, entry: Any) -> str:
    if kind == "metric":
        return entry.label[READING]
    if kind == "ranking":
        return " ".join(t for t in (entry.entity[READING], entry.assessment[READING]) if t)
    return entry.title[READING]


def _shown(kind: str, entry: Any, facts: Facts) -> str:
    if kind == "event":
        return entry.date
    shown = facts.shown(entry.id)
    return shown.display if shown is not None else ""


def _suggested(kind: str, entry: Any) -> dict[str, str]:
    """What a field left empty shows: the English the build would use (the glossary's)."""
    if kind == "metric":
        return {"label_en": entry.label["en"]}
    if kind == "event":
        return {"title_en": entry.title["en"]}
    return {"entity_en": entry.entity["en"] or "", "assessment_en": entry.assessment["en"] or ""}
