"""The data as slides and pages show it: names, labels and titles without the raw page
markers a printed page puts before bylines and captions (□青岛日报记者…, ■上合之珠…).

A draft's label or event title may keep such a marker from the page it was read from; it is
no part of the name. The content layer shows every label and title through this one view
(``for_display``), so a chart's categories, a timeline's titles, a table's cells and a key
figure's label are all cleaned in one place; the data folder itself is left as written.
"""

from __future__ import annotations

import dataclasses
import re

from reportgen.data import Dataset
from reportgen.locale.texts import Localized
from reportgen.text.placeholders import PAGE_MARKERS

_MARKER = re.compile(rf"[{PAGE_MARKERS}]\s*")


def without_markers(text: str) -> str:
    """``text`` without raw page markers; a text that is nothing but markers stays as it is."""
    cleaned = _MARKER.sub("", text).strip()
    return cleaned if cleaned else text


def _clean(record):
    """A record (metric, event, article…) with its localized texts cleaned; the record itself
    when it has nothing to clean."""
    update = {}
    for name in getattr(record, "localized", ()):
        values = getattr(record, name)
        if not isinstance(values, Localized):
            continue
        texts = {lang: v for lang, v in values.items() if isinstance(v, str)}
        if any(_MARKER.search(t) for t in texts.values()):
            cleaned = {
                lang: without_markers(v) if isinstance(v, str) else v for lang, v in values.items()
            }
            update[name] = Localized(cleaned)
    return record.model_copy(update=update) if update else record


def for_display(dataset: Dataset) -> Dataset:
    """The dataset with every label and title cleaned of page markers (the same object
    when none has one, so a clean folder is shown exactly as before)."""
    fields = {
        "info": _clean(dataset.info),
        "page": _clean(dataset.page) if dataset.page is not None else None,
        "articles": tuple(_clean(a) for a in dataset.articles),
        "metrics": tuple(_clean(m) for m in dataset.metrics),
        "rankings": tuple(_clean(r) for r in dataset.rankings),
        "events": tuple(_clean(e) for e in dataset.events),
    }
    changed = {
        name: value
        for name, value in fields.items()
        if value is not getattr(dataset, name)
        and not (isinstance(value, tuple) and all(map(_same, value, getattr(dataset, name))))
    }
    return dataclasses.replace(dataset, **changed) if changed else dataset


def _same(a, b) -> bool:
    return a is b
