"""Validation across entries and files: references, provenance and derivations.

A presenter trusts a number only if the chain holds: the value is in its quote, the quote is in
its article, the article is in the raw page, and a derived value recomputes from its inputs.
Each broken link is one Problem naming the file, the entry, the field and the line.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from reportgen.data.formulas import FormulaError, evaluate, names_in
from reportgen.data.loader import ARTICLES_FILE, Located, RawData
from reportgen.data.schema import Article, Event, Metric, Ranking
from reportgen.errors import Problem
from reportgen.text.normalize import join_broken_lines, split_sentences, squash
from reportgen.text.numerals import appears_in, format_plain, numbers_in

HEADING_MARK = "## "


def find_broken_links(raw: RawData) -> list[Problem]:
    """Every cross-entry problem in the folder (schema problems are already in ``raw``)."""
    return [
        *_unique_ids(raw),
        *_article_links(raw),
        *_metric_links(raw),
        *article_plans(raw),
        *_ranking_links(raw),
        *_event_links(raw),
    ]


def _problem(located: Located, kind: str, field: str | None, message: str) -> Problem:
    return Problem(
        located.file, located.line(field), f"{kind} '{located.record.id}'", field, message
    )


def _unique_ids(raw: RawData) -> Iterator[Problem]:
    seen: dict[str, Located] = {}
    for kind, entries in (
        ("metric", raw.metrics),
        ("ranking", raw.rankings),
        ("event", raw.events),
    ):
        for located in entries:
            first = seen.get(located.record.id)
            if first is not None:
                yield _problem(
                    located,
                    kind,
                    "id",
                    f"duplicate id; first used at {first.file}:{first.line('id')}",
                )
            else:
                seen[located.record.id] = located
    article_ids: dict[str, Located] = {}
    for located in raw.articles:
        first = article_ids.get(located.record.id)
        if first is not None:
            yield _problem(
                located,
                "article",
                "id",
                f"duplicate article id; first used at line {first.line('id')}",
            )
        else:
            article_ids[located.record.id] = located


def _article_links(raw: RawData) -> Iterator[Problem]:
    ids = {located.record.id for located in raw.articles}
    sources = {source.id for source in raw.info.raw_sources} if raw.info else set()
    for located in raw.articles:
        article: Article = located.record
        if (
            article.parent is not None
            and article.parent not in ids
            and not raw.already_reported("article", article.parent)
        ):
            yield _problem(located, "article", "parent", f"unknown article id '{article.parent}'")
        if article.raw_source is None:
            continue
        if raw.info is not None and article.raw_source not in sources:
            yield _problem(
                located,
                "article",
                "raw_source",
                f"unknown raw source '{article.raw_source}' (see dataset.yaml)",
            )
            continue
        text = raw.article_texts.get(article.id)
        page = raw.raw_texts.get(article.raw_source)
        if text is None or page is None:
            continue  # unreadable file: already reported
        yield from _faithful(located, text, squash(page), raw.shown(article.file))


def _faithful(located: Located, text: str, squashed_page: str, shown: str) -> Iterator[Problem]:
    """Every sentence of a clean text must stand in the raw page once line breaks are undone."""
    # Line breaks in the clean text are undone as in the raw page (a draft's article is the
    # raw page itself, soft hyphens included).
    for number, line in enumerate(join_broken_lines(text).splitlines(), start=1):
        line = line.removeprefix(HEADING_MARK)
        for sentence in split_sentences(line):
            if squash(sentence) not in squashed_page:
                excerpt = sentence if len(sentence) <= 30 else sentence[:30] + "…"
                yield Problem(
                    shown,
                    number,
                    f"article '{located.record.id}'",
                    None,
                    f"sentence not found in the raw page: {excerpt}",
                )


def _quote_in_article(raw: RawData, located: Located, kind: str) -> Iterator[Problem]:
    record = located.record
    if record.article not in raw.article_texts:
        # an article that failed its own checks, or whose file or text could not be read, is
        # reported once, not again for every entry quoting it
        if record.article not in {a.record.id for a in raw.articles} and not raw.already_reported(
            "article", record.article
        ):
            yield _problem(
                located,
                kind,
                "article",
                f"unknown article id '{record.article}' (articles are listed in {ARTICLES_FILE})",
            )
        return
    if squash(record.quote) not in squash(raw.article_texts[record.article]):
        yield _problem(located, kind, "quote", f"quote not found in article '{record.article}'")


def _metric_links(raw: RawData) -> Iterator[Problem]:
    from reportgen.formatting import unprintable  # formatting imports the data package

    reported: dict[str, Metric] = {}
    for located in raw.metrics:
        if not located.record.is_derived:
            reported.setdefault(located.record.id, located.record)  # duplicates reported apart
    for located in raw.metrics:
        metric: Metric = located.record
        reason = unprintable(metric)
        if reason is not None:
            yield _problem(located, "metric", "value", reason)
        if metric.derived is not None:
            yield from _derivation(located, reported, raw.invalid_ids.get("metric", set()))
            continue
        yield from _quote_in_article(raw, located, "metric")
        if not appears_in(metric.value, metric.quote):
            yield _problem(
                located,
                "metric",
                "value",
                f"{format_plain(metric.value)} does not appear in the quote "
                f"(found: {_list_numbers(metric.quote)})",
            )
        if metric.point is not None:
            yield from _point(located, "point", metric.point, reported, metric.quote)
        if metric.hedge is not None and metric.hedge not in metric.quote:
            yield _problem(
                located,
                "metric",
                "hedge",
                f"hedge word '{metric.hedge}' does not appear in the quote",
            )


#: A figure inside a point or a plan: ``{metric_id}``.
POINT_FIGURE = re.compile(r"\{([a-z][a-z0-9_]*)\}")
_CLAUSE = re.compile(r"[，,；;：:]")


def _point(
    located: Located, field: str, said: str, metrics: dict[str, Metric], quote: str | None
) -> Iterator[Problem]:
    """A point names metrics that exist and, figures aside, is its quote's own words."""
    kind = "metric" if isinstance(located.record, Metric) else "article"
    for ident in POINT_FIGURE.findall(said):
        if ident not in metrics:
            yield _problem(located, kind, field, f"names no metric '{ident}'")
    if quote is None:
        return
    words = [squash(w) for part in POINT_FIGURE.split(said)[::2] for w in _CLAUSE.split(part)]
    if any(w and w not in squash(quote) for w in words):
        yield _problem(located, kind, field, "is not the quote's own words")


def article_plans(raw: RawData) -> Iterator[Problem]:
    """Each plan of an article is its own words, its figures metrics of the folder."""
    metrics = {m.record.id: m.record for m in raw.metrics if not m.record.is_derived}
    for located in raw.articles:
        article = located.record
        text = raw.article_texts.get(article.id)
        for said in article.plans:
            yield from _point(located, "plans", said, metrics, text)


def _list_numbers(text: str) -> str:
    numbers = sorted(numbers_in(text))
    return ", ".join(format_plain(n) for n in numbers[:8]) or "no numbers"


def _derivation(
    located: Located, reported: dict[str, Metric], invalid: set[str]
) -> Iterator[Problem]:
    metric: Metric = located.record
    formula = metric.derived.formula
    try:
        names = names_in(formula)
    except FormulaError as exc:
        yield _problem(located, "metric", "derived.formula", str(exc))
        return
    if any(name in invalid for name in names):
        return  # an input failed its own checks; that problem is already reported
    unknown = [name for name in names if name not in reported]
    if unknown:
        yield _problem(
            located,
            "metric",
            "derived.formula",
            "inputs must be reported metric ids; unknown: " + ", ".join(unknown),
        )
        return
    try:
        exact = evaluate(formula, {name: reported[name].value for name in names})
    except FormulaError as exc:
        yield _problem(located, "metric", "derived.formula", str(exc))
        return
    rounded = round(exact, metric.derived.decimals)
    if not math.isclose(rounded, metric.value, rel_tol=1e-9, abs_tol=1e-9):
        yield _problem(
            located,
            "metric",
            "value",
            f"stored {format_plain(metric.value)} but the formula gives {format_plain(rounded)} "
            f"(decimals: {metric.derived.decimals})",
        )
    elif metric.qualifier == "exact" and not math.isclose(exact, metric.value, rel_tol=1e-12):
        yield _problem(
            located,
            "metric",
            "qualifier",
            f"the formula gives {exact:.6g}, rounded to {format_plain(metric.value)}: "
            "a rounded value is 'approx', not 'exact'",
        )


def _ranking_links(raw: RawData) -> Iterator[Problem]:
    for located in raw.rankings:
        ranking: Ranking = located.record
        yield from _quote_in_article(raw, located, "ranking")
        if not appears_in(ranking.rank, ranking.quote):
            yield _problem(
                located, "ranking", "rank", f"{ranking.rank} does not appear in the quote"
            )


def _event_links(raw: RawData) -> Iterator[Problem]:
    metric_ids = {located.record.id for located in raw.metrics}
    for located in raw.events:
        event: Event = located.record
        yield from _quote_in_article(raw, located, "event")
        for metric_id in event.metrics:
            if metric_id not in metric_ids and not raw.already_reported("metric", metric_id):
                yield _problem(located, "event", "metrics", f"unknown metric id '{metric_id}'")
        if event.date_basis == "stated":
            missing = [
                part for part in _date_numbers(event.date) if not appears_in(part, event.quote)
            ]
            if missing:
                yield _problem(
                    located,
                    "event",
                    "date",
                    f"date_basis is 'stated' but {', '.join(map(str, missing))} "
                    "does not appear in the quote; use 'relative' or 'inferred' "
                    "with a date_note",
                )


def _date_numbers(iso: str) -> list[int]:
    return [int(part) for part in iso.split("-")]
