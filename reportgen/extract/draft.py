"""A draft data folder from a new article: every fact proposed, nothing yet reviewed.

The draft has the shipped data's schema and passes ``reportgen validate`` as written: quotes
are the facts' sentences, values appear in them, ids are generated, labels drafted from the
words around each number, and every metric and event carries ``reviewed: false`` until a
person has checked it, corrected its label and topic, and deleted what is not worth showing.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import yaml
from pydantic import ValidationError

from reportgen import locale
from reportgen.data.schema import SIGNED_UNITS, UNIT, Event, Metric
from reportgen.extract.facts import Fact
from reportgen.locale import LANGS, Lang
from reportgen.locale.texts import Localized, unfold
from reportgen.locale.zh import HEDGES
from reportgen.outputs import atomic_write
from reportgen.safeio import MAX_DATA_FILE_BYTES
from reportgen.text.numerals import appears_in, normalize_digits
from reportgen.text.safe import refused_character

METRIC_KINDS = ("money", "count", "percent", "growth", "area", "age", "duration", "score", "rank")
#: The language the extractor reads: a draft's texts are the article's own words in it.
ARTICLE_LANG: Lang = "zh"


def _drafted(name: str, own: str, to_translate: str | None = None) -> dict[str, str]:
    """A localised field as a draft writes it (``label_zh``, ``label_en``): the article's own
    words, and in every other language ``to_translate`` (the same words if not given) marked
    as a draft to translate, so no language shows invented text as final."""
    other = own if to_translate is None else to_translate
    texts = {lang: own if lang == ARTICLE_LANG else locale.get(lang).draft(other) for lang in LANGS}
    return unfold(name, Localized(texts))


def _to_be_written(name: str) -> dict[str, str]:
    """A localised field the article does not say (the outlet): a prompt in every language."""
    return unfold(name, Localized({lang: locale.get(lang).TO_BE_WRITTEN for lang in LANGS}))


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "article"


# libyaml's emitter when PyYAML has it: the same text as the pure-Python one, four times faster
# on a long draft; the safe representer either way.
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _dump(data: object) -> bytes:
    return yaml.dump(
        data, Dumper=_SafeDumper, allow_unicode=True, sort_keys=False, width=100
    ).encode("utf-8")


def _label(fact: Fact) -> str:
    """The subject, and for a change its verb: 贷款余额 and 贷款余额同比增长 are two measures.

    Other figures are taken out of it (提高2个百分点至 names nothing, and a number in a label
    would read as a figure on the slide)."""
    label = _without_figures(fact.subject)
    found = re.match(
        r"([\u4e00-\u9fff]+?)\s*(?=[\d零〇一二两三四五六七八九十百千万亿近约超])", fact.text
    )
    verb = found.group(1) if found else ""
    if fact.kind == "growth" and verb and label:
        label += verb
    if not label:
        label = _without_figures(fact.sentence.replace(fact.text, "…", 1))[:30]
    if not label and verb:
        label = verb  # 同比增长 38.3% alone on its line (a list)
    return label[:60] or fact.kind


def _without_figures(text: str) -> str:
    """The text with every figure the extractor finds in it taken out (dates stay)."""
    from reportgen.extract.facts import extract

    for other in sorted(extract(text), key=lambda f: -f.start):
        if other.kind not in ("date", "date_range"):
            text = text[: other.start] + text[other.end :]
    return text.strip("，,。；;：:、…至到由从比较为达 ")


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
    """A draft that would not pass validate is not written; the message says why, in one line."""


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


def _entries(facts: list[Fact], article_date: date, month: str) -> tuple[list, list, list]:
    """The draft metrics and events, and what was left out with why: decided before anything
    is written, so an article with nothing to draft leaves no folder behind."""
    metrics, events, left_out = [], [], []
    for fact in facts:
        measured = fact.kind == "other" and fact.unit not in ("版本", "版")  # ‰, ℃, 微克/立方米
        if fact.kind in METRIC_KINDS or measured:
            hedge = (
                fact.hedge
                if fact.hedge in HEDGES and HEDGES[fact.hedge] == fact.qualifier
                else None
            )
            why = _why_not_a_metric(fact, hedge)
            if why:
                left_out.append(f"{fact.text!r} ({fact.kind}): {why}")
                continue
            label = _label(fact)
            entry = {
                "id": f"{fact.kind}_{len(metrics) + 1:02d}",
                **_drafted("label", label),  # to translate; no invented numbers
                "value": fact.value,
                "unit": _unit(fact),  # '' when the article gives no measure word
                "qualifier": fact.qualifier,
            }
            if hedge:
                entry["hedge"] = hedge
            entry.update(
                {
                    "period": month,
                    "topic": "general",
                    "article": "article",
                    "quote": fact.sentence,
                    "reviewed": False,
                }
            )
            why = _schema_refuses(Metric, entry)
            if why:
                left_out.append(f"{fact.text!r} ({fact.kind}): {why}")
                continue
            metrics.append(entry)
        elif fact.kind in ("date", "date_range"):
            start, end = fact.value if isinstance(fact.value, list) else [fact.value, None]
            stated_year = re.sub(r"\s+", "", fact.text)[:4] == start[:4]
            basis = "stated" if stated_year else "relative"
            if start.startswith("--"):
                start = f"{article_date.year}{start[1:]}"
                end = f"{article_date.year}{end[1:]}" if end and end.startswith("--") else end
                basis = "relative"
            entry = {"id": f"event_{len(events) + 1:02d}", "date": start}
            if end:
                entry["end_date"] = end
            if basis == "stated" and re.search(r"年\s*[底末初]", fact.text):
                basis = "inferred"  # 2025年底: the year is stated, the month is read from 底
            entry["date_basis"] = basis
            if basis in _DATE_NOTES:
                entry["date_note"] = _DATE_NOTES[basis]
            entry.update(
                {
                    **_drafted("title", _title(fact.sentence)),
                    "status": "held",
                    "article": "article",
                    "quote": fact.sentence,
                    "reviewed": False,
                }
            )
            why = _schema_refuses(Event, entry)
            if why:
                left_out.append(f"{fact.text!r} ({fact.kind}): {why}")
                continue
            events.append(entry)
    return metrics, events, left_out


def write_draft(
    name: str, raw: bytes, text: str, facts: list[Fact], target: Path, article_date: date
) -> dict[str, object]:
    """Write the draft folder; returns how many metrics and events it proposes, and the facts
    it left out with the reason for each.

    Every file is made in memory and checked first: a draft that validate would refuse (no
    metric, or a file over the data-file size limit) raises ``CannotDraft`` and writes nothing."""
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} exists and is not empty; choose a new folder")
    ident = _slug(Path(name).stem)
    month = f"{article_date.year}-{article_date.month:02d}"
    title = next((line.strip() for line in text.splitlines() if line.strip()), ident)[:200]
    title = normalize_digits(title)  # ８１．６岁 -> 81.6岁 on a title slide
    if refused_character(title):  # a control or private-use character validate refuses
        title = ident
    metrics, events, left_out = _entries(facts, article_date, month)
    if not metrics:
        raise NothingToDraft(left_out)
    files = {
        f"raw/{name}": raw,  # the article exactly as it was read
        "articles/article.txt": text.encode("utf-8"),
        "dataset.yaml": _dump(
            {
                "id": ident,
                **_drafted("title", title, ident),
                **_to_be_written("subject"),
                "language": ARTICLE_LANG,
                "as_of": month,
                "raw_sources": [{"id": "source", "file": f"raw/{name}"}],
            }
        ),
        "articles.yaml": _dump(
            {
                "articles": [
                    {
                        "id": "article",
                        "kind": "news",
                        "file": "articles/article.txt",
                        **_drafted("title", title, ident),
                        **_to_be_written("outlet"),
                        "date": article_date.isoformat(),
                        "raw_source": "source",
                    }
                ]
            }
        ),
        "metrics.yaml": _dump({"metrics": metrics}),
        "events.yaml": _dump({"events": events}),
    }
    for name, data in files.items():
        if len(data) > MAX_DATA_FILE_BYTES:
            raise DraftTooLarge(name, len(data), len(metrics))
    (target / "raw").mkdir(parents=True, exist_ok=True)
    (target / "articles").mkdir(exist_ok=True)
    for name, data in files.items():
        atomic_write(target / name, data)
    return {"metrics": len(metrics), "events": len(events), "left_out": left_out}
