"""A draft data folder from a new article: every fact proposed, nothing yet reviewed.

The draft has the shipped data's schema and passes ``reportgen validate`` as written: quotes
are the facts' sentences, values appear in them, ids are generated, labels drafted from the
words around each number, and every metric and event carries ``reviewed: false`` until a
person has checked it, corrected its label and topic, and deleted what is not worth showing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from pydantic import ValidationError

from reportgen import locale
from reportgen.data.schema import SIGNED_UNITS, UNIT, Event, Metric
from reportgen.data.topics import Topics
from reportgen.extract.facts import Fact
from reportgen.extract.frames import tidy
from reportgen.extract.layout import HeaderError, read_layout
from reportgen.extract.lexicon import SELF_ENTITIES
from reportgen.extract.points import Placed, figure_span, plans, point, section_of
from reportgen.extract.reading import Figure, NoDate, PieceReading, Reading, read
from reportgen.locale import LANGS, Lang
from reportgen.locale.texts import Localized, unfold
from reportgen.locale.zh import HEDGES
from reportgen.outputs import new_folder
from reportgen.safeio import MAX_DATA_FILE_BYTES
from reportgen.text.normalize import squash
from reportgen.text.numerals import appears_in, normalize_digits
from reportgen.text.safe import refused_character

#: The language the extractor reads: a draft's texts are the article's own words in it.
ARTICLE_LANG: Lang = "zh"


def _drafted(name: str, own: str) -> dict[str, str]:
    """A localised field as a draft writes it: the article's own words in its language
    (``label_zh``); the others are translated when the folder is read (glossary, pinyin for
    names), until a person writes their own (``label_en``)."""
    return {f"{name}_{ARTICLE_LANG}": own}


def _not_stated(name: str) -> dict[str, str]:
    """A localised field the article does not say (the outlet): said so in every language,
    never a prompt on a slide."""
    return unfold(name, Localized({lang: locale.get(lang).NOT_STATED for lang in LANGS}))


# libyaml's emitter when PyYAML has it: the same text as the pure-Python one, four times faster
# on a long draft; the safe representer either way.
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _dump(data: object) -> bytes:
    return yaml.dump(
        data, Dumper=_SafeDumper, allow_unicode=True, sort_keys=False, width=100
    ).encode("utf-8")


def _why_not_a_metric(fact: Fact, hedge: str | None) -> str | None:
    """Why a fact cannot be drafted as a metric that passes validate, or None if it can.

    What is left out is listed for the reviewer, never silently dropped or bent to fit."""
    if isinstance(fact.value, list):
        return f"a rough range {fact.value}: the schema holds one value"
    if fact.qualifier != "exact" and hedge is None:
        return f"the hedge '{fact.hedge}' has no qualifier in the schema"
    if not UNIT.match(_unit(fact)):
        return f"the unit '{fact.unit}' is not one the schema knows"
    if fact.value < 0 and _unit(fact) not in SIGNED_UNITS:
        return f"a decrease in {fact.unit}: the schema keeps such values positive"
    if not appears_in(fact.value, fact.sentence):
        return f"{fact.value} cannot be read back from the sentence"
    if "分之" in fact.text and round(fact.value, 2) != fact.value:
        return f"{fact.text} is {fact.value}…%, which no decimal states exactly"
    return None


def _schema_refuses(model: type[Metric] | type[Event], entry: dict) -> str | None:
    """What validate would refuse in a drafted entry (a sentence holding U+E000 from a PDF,
    2月30日, a value no language prints without rounding), or None."""
    from reportgen.formatting import unprintable

    try:
        record = model.model_validate(entry)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        field = ".".join(map(str, error["loc"]))
        return f"field '{field}': {error['msg'].removeprefix('Value error, ')}"
    return unprintable(record) if isinstance(record, Metric) else None


def _unit(fact: Fact) -> str:
    """The unit in the data's terms: a rank is 第N名 whatever word the article ranked with
    (第一位, 首位, 第二大), and 名 counting people is 人, since 名 is the data's rank unit."""
    if fact.kind == "rank":
        return "名"
    return "人" if fact.unit == "名" else fact.unit


class CannotDraft(ValueError):
    """A draft that would not pass validate is not written; the message says why, in one line,
    and ``file`` names the article at fault when one is."""

    def __init__(self, message: str, file: str | None = None):
        super().__init__(message)
        self.file = file


class NeedsDate(CannotDraft):
    """An article whose date neither its header nor a dateline gives, and no --date: a usage
    error (the command needs one more option), not a fault of the article."""


class NothingToDraft(CannotDraft):
    """No fact the schema can hold: a data folder needs at least one figure."""

    def __init__(self, left_out: list[str]):
        self.left_out = left_out
        reasons = "; ".join(left_out[:3])
        super().__init__(
            "no quantitative fact a data folder can hold: nothing to draft"
            + (f" ({reasons})" if reasons else "")
        )


class DraftTooLarge(CannotDraft):
    """A file of the draft would be over the size validate accepts for a data file."""

    def __init__(self, name: str, size: int, metrics: int):
        super().__init__(
            f"the draft's {name} would be {size / 2**20:.1f} MiB ({metrics} metrics), over the "
            f"{MAX_DATA_FILE_BYTES / 2**20:g} MiB a data file may have; draft a shorter article "
            "or one part of it at a time"
        )


def _title(sentence: str, limit: int = 60) -> str:
    """A sentence short enough for a title, cut where a clause ends: a cut inside a figure
    (24微克/立方米以 for 以内) would state a different figure."""
    if len(sentence) <= limit:
        return sentence
    ends = [m.end() - 1 for m in re.finditer(r"[，；、,;]", sentence[: limit + 1])]
    if ends:
        return sentence[: ends[-1]]
    return re.sub(r"[\d.,]+[^\d，。]*$", "", sentence[:limit]) or sentence[:limit]


_DATE_NOTES = {
    "relative": "The year comes from the article date.",
    "inferred": "The month is read from 底/末 (December) or 初 (January).",
}


@dataclass(frozen=True)
class Source:
    """One article file given to the draft: its name as given, its bytes and text."""

    name: str
    raw: bytes
    text: str


def slug(text: str, limit: int = 48) -> str:
    """An id-safe slug of ``text``: Chinese in pinyin (青岛市 -> qingdaoshi), ASCII as it is,
    cut between syllables at ``limit`` characters."""
    from pypinyin import lazy_pinyin

    out = ""
    for syllable in lazy_pinyin(normalize_digits(text)):
        piece = re.sub(r"[^a-z0-9]+", "-", syllable.lower())
        if len(out) + len(piece) > limit:
            break
        out += piece
    return re.sub(r"-+", "-", out).strip("-")


def _article_ids(sources: Sequence[Source], readings: Sequence[Reading]) -> list[list[str]]:
    """An id for every piece of every file: the file's stem (pinyin for Chinese), numbered
    when a file holds several pieces or two files share a stem."""
    ids: list[list[str]] = []
    taken: set[str] = set()
    for source, reading in zip(sources, readings, strict=True):
        stem = slug(Path(source.name).stem).replace("-", "_") or "article"
        stem = stem if stem[0].isalpha() else f"a_{stem}"
        mine = []
        for n in range(len(reading.pieces)):
            base = stem if len(reading.pieces) == 1 else f"{stem}_{n + 1}"
            ident, k = base[:60], 2
            while ident in taken:
                ident, k = f"{base[:56]}_{k}", k + 1
            taken.add(ident)
            mine.append(ident)
        ids.append(mine)
    return ids


def _raw_names(sources: Sequence[Source]) -> list[str]:
    """Where each file's bytes are kept in raw/: its own name, with its folder's name before
    it when two files share a name (a/article.txt and b/article.txt)."""
    names = [Path(source.name).name for source in sources]
    out = []
    for source, name in zip(sources, names, strict=True):
        if names.count(name) > 1:
            parent = slug(Path(source.name).parent.name) or "source"
            name = f"{parent}-{name}"
        out.append(name)
    if len(set(out)) < len(out):  # still the same (same folder names): number them
        out = [f"{n}-{name}" for n, name in enumerate(out, 1)]
    return out


def _hedge(fact: Fact) -> str | None:
    """The fact's hedge word when the schema knows it for the fact's qualifier, else None."""
    return fact.hedge if fact.hedge and HEDGES.get(fact.hedge) == fact.qualifier else None


def _figure_entry(figure: Figure, ident: str, article: str, subject: str) -> dict | None:
    """A drafted metric for a figure, or None when the schema cannot hold it."""
    fact = figure.fact
    hedge = _hedge(fact)
    label = figure.frame.label(subject)
    if not label:  # the article's words name nothing a presenter could print
        return None
    entry: dict[str, object] = {
        "id": ident,
        **_drafted("label", label),
        "value": fact.value,
        "unit": _unit(fact),
        "qualifier": fact.qualifier,
    }
    if hedge:
        entry["hedge"] = hedge
    entry.update({"period": figure.period})
    if figure.period_kind != "during":
        entry["period_kind"] = figure.period_kind
    entry.update({"topic": figure.topic, "role": figure.frame.role})
    if figure.frame.salient:
        entry["salient"] = True
    entry.update({"article": article, "quote": fact.sentence, "reviewed": False})
    return entry


def _same_figure(a: dict, b: dict) -> bool:
    """The same fact in two articles: one value, unit, period and label."""
    own = next(k for k in unfold("label", None) if k.endswith(ARTICLE_LANG))  # label_zh
    return all(a[k] == b[k] for k in ("value", "unit", "period", "role", own))


def _metrics(
    readings: Sequence[Reading],
    ids: Sequence[Sequence[str]],
    subject: str,
    plans_of: dict[str, list[str]] | None = None,
):
    """The drafted metrics of every piece, merged across articles, and what was left out;
    ``plans_of`` receives each article's plans (the outlook) by article id."""
    metrics: list[dict] = []
    left_out: list[str] = []
    for reading, article_ids in zip(readings, ids, strict=True):
        for piece, article in zip(reading.pieces, article_ids, strict=True):
            by_fact: dict[int, str] = {}  # a frame's fact start -> its metric id
            for figure in piece.figures:
                fact = figure.fact
                why = _why_not_a_metric(fact, _hedge(fact))
                if why:
                    left_out.append(f"{fact.text!r} ({fact.kind}): {why}")
                    continue
                ident = f"{figure.topic}_{len(metrics) + 1:02d}"
                entry = _figure_entry(figure, ident, article, subject)
                if entry is None:
                    left_out.append(f"{fact.text!r} ({fact.kind}): no label in the article's words")
                    continue
                why = _schema_refuses(Metric, entry)
                if why:
                    left_out.append(f"{fact.text!r} ({fact.kind}): {why}")
                    continue
                twin = next((m for m in metrics if _same_figure(m, entry)), None)
                if twin is not None:
                    if article != twin["article"] and article not in twin.setdefault("also_in", []):
                        twin["also_in"].append(article)
                    by_fact[fact.start] = twin["id"]
                    continue
                by_fact[fact.start] = ident
                metrics.append(entry)
            _link_changes(piece, by_fact, metrics)
            _derive_pairs(piece, by_fact, metrics, subject)
            said = _place_points(reading, piece, by_fact, metrics)
            if plans_of is not None and said:
                plans_of[article] = said
    for entry in metrics:  # also_in after the quote, as a reader expects
        if "also_in" in entry:
            entry["also_in"] = entry.pop("also_in")
            entry["reviewed"] = entry.pop("reviewed")
    return metrics, left_out


def _allowed_numbers(piece: PieceReading, entries: Sequence[dict]) -> set[float]:
    """Numbers a point may print besides its placed figures: those of the periods its
    metrics are about (前5个月 says 5 of 2023-01/2023-05) and the article's year."""
    allowed = {float(piece.date.year), float(piece.date.month)}
    for entry in entries:
        allowed |= {float(n) for n in re.findall(r"\d+", str(entry["period"]))}
    return allowed


def _place_points(
    reading: Reading, piece: PieceReading, by_fact: dict[int, str], metrics: list[dict]
) -> list[str]:
    """Each metric first drafted from this piece gets its point (the article's clause, its
    figures as placeholders) and its section (the subhead above it); the piece's plans are
    returned."""
    text = reading.text
    entries = {m["id"]: m for m in metrics}
    placed = [
        Placed(*figure_span(text, figure.fact), by_fact[figure.fact.start])
        for figure in piece.figures
        if figure.fact.start in by_fact
    ]
    own = [entries[i] for i in dict.fromkeys(by_fact.values()) if i in entries]
    allowed = _allowed_numbers(piece, own)
    done: set[str] = set()
    for figure in piece.figures:
        ident = by_fact.get(figure.fact.start)
        entry = entries.get(ident) if ident else None
        if entry is None or ident in done or entry.get("quote") != figure.fact.sentence:
            continue
        done.add(ident)
        if "point" in entry or "section" in entry:
            continue
        fact = figure.fact
        said = point(text, (fact.sentence_start, fact.sentence_end), fact.start, placed, allowed)
        section = section_of(text, piece.piece, fact.start)
        extra = {"section": section} if section else {}
        if said:
            extra["point"] = said
        tail = {k: entry.pop(k) for k in ("article", "quote", "also_in", "reviewed") if k in entry}
        entry.update(extra)
        entry.update(tail)
    return plans(text, reading.layout, piece.piece, reading.facts, placed, allowed)


def _link_changes(piece: PieceReading, by_fact: dict[int, str], metrics: list[dict]) -> None:
    """A change names the level it changes (change_of) when that level is in its sentence."""
    figures = list(piece.figures)
    entries = {m["id"]: m for m in metrics}
    for n, figure in enumerate(figures):
        if figure.frame.role != "change" or figure.fact.start not in by_fact:
            continue
        level = next(
            (
                other
                for other in reversed(figures[:n])
                if other.frame.role in ("level", "count")
                and other.fact.sentence_start == figure.fact.sentence_start
                and other.frame.indicator == figure.frame.indicator
                and other.fact.start in by_fact
            ),
            None,
        )
        entry = entries.get(by_fact[figure.fact.start])
        if level is not None and entry is not None and entry["id"] != by_fact[level.fact.start]:
            entry["change_of"] = by_fact[level.fact.start]
            entry.update({k: entry.pop(k) for k in ("article", "quote", "reviewed")})


def _derive_pairs(
    piece: PieceReading, by_fact: dict[int, str], metrics: list[dict], subject: str
) -> None:
    """由A增加到B: the change from A to B, derived from the two levels (never reported)."""
    figures = list(piece.figures)
    for figure in figures:
        frame = figure.frame
        if not frame.end_level or frame.pair is None:
            continue
        start = next(
            (
                f
                for f in figures
                if f.frame.pair is not None
                and not f.frame.end_level
                and f.frame.fact.sentence_start == frame.fact.sentence_start
                and f.frame.fact.end <= frame.fact.start
            ),
            None,
        )
        if start is None or start.fact.start not in by_fact or frame.fact.start not in by_fact:
            continue
        a, b = by_fact[start.fact.start], by_fact[frame.fact.start]
        values = [m for m in metrics if m["id"] in (a, b)]
        if len(values) != 2 or values[0]["unit"] != values[1]["unit"]:
            continue
        decimals = max(_decimals(v["value"]) for v in values)
        period = figure.period
        if start.period != figure.period and "/" not in start.period + figure.period:
            period = f"{start.period}/{figure.period}"
        entry = {
            "id": f"{b}_change",
            **_drafted(
                "label",
                tidy(
                    frame.label(subject)
                    + ("增加" if values[1]["value"] >= values[0]["value"] else "减少")
                ),
            ),
            "value": round(values[1]["value"] - values[0]["value"], decimals),
            "unit": values[1]["unit"],
            "qualifier": "exact",
            "period": period,
            "topic": figure.topic,
            "role": "change",
            "change_of": b,
            "derived": {"formula": f"{b} - {a}", "decimals": decimals},
            "reviewed": False,
        }
        if _schema_refuses(Metric, entry) is None:
            metrics.append(entry)


def _decimals(value: float) -> int:
    text = repr(float(value))
    return 0 if text.endswith(".0") else len(text.split(".")[1])


def _rankings(readings: Sequence[Reading], ids: Sequence[Sequence[str]]) -> list[dict]:
    """Every rank with who is ranked, in what and for which year: the rankings table."""
    out: list[dict] = []
    seen: set[tuple] = set()
    for reading, article_ids in zip(readings, ids, strict=True):
        for piece, article in zip(reading.pieces, article_ids, strict=True):
            for rank in piece.rankings:
                year = rank.year or piece.date.year
                key = (rank.entity, rank.assessment, year, rank.rank)
                if key in seen:
                    continue
                seen.add(key)
                entry: dict[str, object] = {"id": f"place_{len(out) + 1:02d}", "year": year}
                entry["rank"] = rank.rank
                if rank.entity:
                    entry.update(_drafted("entity", rank.entity))
                if rank.assessment:
                    entry.update(_drafted("assessment", rank.assessment))
                entry.update({"article": article, "quote": rank.sentence, "reviewed": False})
                out.append(entry)
    return out


def _events(readings: Sequence[Reading], ids: Sequence[Sequence[str]]) -> tuple[list, list]:
    """The dated actions of every piece (signed, held, opened…), and what was left out."""
    out: list[dict] = []
    left_out: list[str] = []
    for reading, article_ids in zip(readings, ids, strict=True):
        for piece, article in zip(reading.pieces, article_ids, strict=True):
            for event in piece.events:
                entry: dict[str, object] = {"id": f"event_{len(out) + 1:02d}", "date": event.date}
                if event.end_date:
                    entry["end_date"] = event.end_date
                entry["date_basis"] = event.date_basis
                if event.place:
                    entry.update(_drafted("place", event.place))
                if event.date_basis in _DATE_NOTES:
                    entry["date_note"] = _DATE_NOTES[event.date_basis]
                entry.update(
                    {
                        **_drafted("title", _title(event.title)),
                        "status": event.status,
                        "article": article,
                        "quote": event.sentence,
                        "reviewed": False,
                    }
                )
                why = _schema_refuses(Event, entry)
                if why:
                    left_out.append(f"event {event.title!r}: {why}")
                    continue
                if not any(
                    e["date"] == entry["date"] and e["quote"] == entry["quote"] for e in out
                ):
                    out.append(entry)
    return out, left_out


def _text_or_prompt(name: str, text: str | None) -> dict[str, str]:
    """A localised field from the article's words, or a prompt when it does not say it."""
    if text:
        clean = normalize_digits(text)
        if not refused_character(clean):
            return _drafted(name, clean[:200])
    return _not_stated(name)


def draft_files(
    sources: Sequence[Source],
    article_date: date | None = None,
    subject: str = "",
    topics: Topics | None = None,
) -> tuple[dict[str, bytes], dict[str, object]]:
    """Every file of the draft folder, in memory, and what it holds (counts, what was left
    out, the dataset id). Raises CannotDraft (one line, naming the file) when a file cannot
    be read as an article or the draft would not pass validate."""
    for source in sources:
        if not source.text.strip():
            raise CannotDraft("empty: no article text", source.name)
    year_base = article_date or _latest_header_date(sources)
    readings = []
    for source in sources:
        try:
            readings.append(read(source.text, article_date, topics, year_base))
        except NoDate as exc:
            raise NeedsDate(str(exc), source.name) from None
        except HeaderError as exc:
            raise CannotDraft(str(exc), source.name) from None
    ids = _article_ids(sources, readings)
    subject = subject or _most_named(readings)
    plans_of: dict[str, list[str]] = {}
    metrics, left_out = _metrics(readings, ids, subject, plans_of)
    if not metrics:
        raise NothingToDraft(left_out)
    rankings = _rankings(readings, ids)
    events, events_left = _events(readings, ids)
    raw_names = _raw_names(sources)
    dates = [piece.date for reading in readings for piece in reading.pieces]
    latest = max(dates)
    month = f"{latest.year}-{latest.month:02d}"
    lead = next((p for reading in readings for p in reading.layout.pieces if p.title), None)
    title = normalize_digits(lead.title) if lead else ""
    ident = "-".join(part for part in (slug(subject, 40) or slug(title, 24), month) if part)
    files: dict[str, bytes] = {}
    articles = []
    for source, reading, article_ids, raw_name in zip(
        sources, readings, ids, raw_names, strict=True
    ):
        files[f"raw/{raw_name}"] = source.raw
        header = reading.layout.header
        for piece_reading, article in zip(reading.pieces, article_ids, strict=True):
            piece = piece_reading.piece
            files[f"articles/{article}.txt"] = reading.text[piece.start : piece.end].encode("utf-8")
            entry: dict[str, object] = {
                "id": article,
                "kind": "news",
                "file": f"articles/{article}.txt",
                **_text_or_prompt(
                    "title",
                    (header.title if header and header.title else None)
                    or piece.title
                    or _title(
                        piece_reading.figures[0].fact.sentence if piece_reading.figures else article
                    ),
                ),
            }
            if piece.kicker:
                entry.update(_text_or_prompt("kicker", piece.kicker))
            author = (header.author if header and header.author else None) or piece.author
            if author:
                entry.update(_text_or_prompt("reporter", author))
            outlet = (header.outlet if header and header.outlet else None) or piece.outlet
            entry.update(_text_or_prompt("outlet", outlet))
            entry.update(
                {"date": piece_reading.date.isoformat(), "raw_source": _source_id(raw_name)}
            )
            if plans_of.get(article):
                entry["plans"] = plans_of[article]
            articles.append(entry)
    homeless = _rehome(
        [*metrics, *rankings, *events],
        {a["id"]: files[a["file"]].decode("utf-8") for a in articles},
    )
    metrics = [m for m in metrics if id(m) not in homeless]
    rankings = [r for r in rankings if id(r) not in homeless]
    events = [e for e in events if id(e) not in homeless]
    left_out += [
        f"{homeless[k]}: its sentence runs across two pieces of the page" for k in homeless
    ]
    if not metrics:
        raise NothingToDraft(left_out)
    files.update(
        {
            "dataset.yaml": _dump(
                {
                    "id": ident,
                    **_text_or_prompt("title", title or None),
                    # never a prompt on a slide: the headline's topic when no entity is named
                    **_text_or_prompt("subject", subject or _headline_topic(title) or None),
                    "language": ARTICLE_LANG,
                    "as_of": month,
                    "raw_sources": [
                        {"id": _source_id(name), "file": f"raw/{name}"} for name in raw_names
                    ],
                }
            ),
            "articles.yaml": _dump({"articles": articles}),
            "metrics.yaml": _dump({"metrics": metrics}),
            "events.yaml": _dump({"events": events}),
        }
    )
    if rankings:
        files["rankings.yaml"] = _dump({"rankings": rankings})
    for name, data in files.items():
        if len(data) > MAX_DATA_FILE_BYTES:
            too_large = DraftTooLarge(name, len(data), len(metrics))
            too_large.file = sources[0].name if len(sources) == 1 else None
            raise too_large
    counts = {
        "id": ident,
        "articles": len(articles),
        "metrics": len(metrics),
        "rankings": len(rankings),
        "events": len(events),
        "left_out": left_out + events_left,
    }
    return files, counts


def _rehome(entries: list[dict], texts: dict[str, str]) -> dict[int, str]:
    """Every entry quotes its own article: on a page whose pieces interleave (PDF columns), a
    sentence the layout assigned to one piece may be printed in another; the entry then cites
    the piece whose text holds its quote. Entries no piece holds are returned (by object id,
    with their id) to be left out, as validate would refuse them."""
    squashed = {ident: squash(text) for ident, text in texts.items()}
    homeless: dict[int, str] = {}
    for entry in entries:
        quote = entry.get("quote")
        if quote is None or squash(quote) in squashed.get(entry["article"], ""):
            continue
        home = next((ident for ident, text in squashed.items() if squash(quote) in text), None)
        if home is None:
            homeless[id(entry)] = str(entry["id"])
        else:
            entry["article"] = home
    return homeless


def _latest_header_date(sources: Sequence[Source]) -> date | None:
    """The latest date the articles' header blocks give: the year of a dateline that states
    only month and day (新华社青岛6月20日电) when no --date is given."""
    dates = []
    for source in sources:
        try:
            header = read_layout(source.text).header
        except HeaderError as exc:
            raise CannotDraft(str(exc), source.name) from None
        if header is not None and header.date is not None:
            dates.append(header.date)
    return max(dates, default=None)


def _headline_topic(title: str) -> str:
    """What a headline is about, when no entity is: its words up to the first figure or break
    (第五届澜湄区域经济合作论坛在景洪开幕 of …开幕 签约项目46个…), so the title slide never shows a
    prompt and does not repeat the headline's figures."""
    return re.split(r"[\s\d，,：:]", title, maxsplit=1)[0][:60]


def _source_id(raw_name: str) -> str:
    ident = re.sub(r"[^a-z0-9]+", "_", slug(Path(raw_name).stem)).strip("_") or "source"
    return ident if ident[0].isalpha() else f"source_{ident}"


def _most_named(readings: Sequence[Reading]) -> str:
    """The entity most figures of all the articles name."""
    from reportgen.extract.frames import subject_of

    frames = [figure.frame for reading in readings for figure in reading.figures]
    headlines = [piece.title for reading in readings for piece in reading.layout.pieces]
    found = subject_of(frames, headlines=headlines)
    if found:
        return found
    # no entity is clearly the subject (articles about different places): the one named most,
    # so the title slide names a place of the articles rather than a prompt
    named = Counter(f.entity for f in frames if f.entity and f.entity not in SELF_ENTITIES)
    return named.most_common(1)[0][0] if named else ""


def write_draft(
    sources: Sequence[Source],
    target: Path,
    article_date: date | None = None,
    subject: str = "",
    topics: Topics | None = None,
) -> dict[str, object]:
    """Write the draft folder for ``sources``; returns what it holds (see ``draft_files``).

    Every file is made in memory and checked first, then written into a new folder beside
    the target and moved into place in one step: a draft that cannot be made leaves nothing,
    and an interrupted one leaves no half-written folder."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise FileExistsError(f"{target} exists and is not empty; choose a new folder")
    files, counts = draft_files(sources, article_date, subject, topics)
    with new_folder(target) as staging:
        for name, data in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    return counts
