"""How good the extractor is, against hand-checked gold files.

A gold file (YAML) names its source text, the article date, and every fact with its span,
kind, value, unit, qualifier and (where it matters) subject. A predicted fact matches a gold
fact when their spans overlap and their values are equal (detection); a full match also needs
the same unit and qualifier; a subject matches when one contains the other.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from reportgen.errors import DataError, Problem
from reportgen.extract.facts import KINDS, Fact, extract
from reportgen.locale import Qualifier
from reportgen.safeio import MAX_EXTRACT_BYTES
from reportgen.yamlio import LineDict, load_yaml, read_text, validate_model


class GoldFact(BaseModel):
    """One hand-checked fact: its span in the source text and what it says."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    text: str
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]
    kind: str
    value: float | str | list[float | str]
    unit: str
    qualifier: Qualifier
    subject: str | None = None

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, kind: str) -> str:
        if kind not in KINDS:
            raise ValueError(f"'{kind}' is not a kind the extractor reports ({', '.join(KINDS)})")
        return kind

    @field_validator("value")
    @classmethod
    def _finite(cls, value):
        numbers = value if isinstance(value, list) else [value]
        if any(isinstance(n, float) and not math.isfinite(n) for n in numbers):
            raise ValueError("must be a finite number")
        return value


class GoldFile(BaseModel):
    """A gold file: its source text (relative to the file), the article date, the facts."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    source: str
    date: dt.date | None = None
    note: str | None = None
    facts: list[GoldFact]


@dataclass
class Score:
    true: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.true / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    detection: Score = field(default_factory=Score)
    full: Score = field(default_factory=Score)
    subject: Score = field(default_factory=Score)
    qualifier_right: int = 0
    qualifier_total: int = 0
    by_kind: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    misses: list[str] = field(default_factory=list)

    def add(self, other: Report) -> None:
        """Pool another file's counts into this one (scores are counted fact by fact)."""
        for mine, theirs in (
            (self.detection, other.detection),
            (self.full, other.full),
            (self.subject, other.subject),
            *((self.by_kind[kind], score) for kind, score in other.by_kind.items()),
        ):
            mine.true += theirs.true
            mine.predicted += theirs.predicted
            mine.gold += theirs.gold
        self.qualifier_right += other.qualifier_right
        self.qualifier_total += other.qualifier_total
        self.misses += other.misses

    @property
    def qualifier_accuracy(self) -> float:
        return self.qualifier_right / self.qualifier_total if self.qualifier_total else 1.0


def _same_value(a, b) -> bool:
    if isinstance(a, list) or isinstance(b, list):
        return a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))
    return str(a) == str(b)


def load_gold(gold_file: Path) -> tuple[GoldFile, str]:
    """A gold file and its source text, checked: a file that is not one (a data file given
    by mistake) is a DataError naming file, line and field, not a crash."""
    problems: list[Problem] = []
    shown = str(gold_file)
    doc = load_yaml(gold_file, shown, problems)
    gold = None
    if isinstance(doc, LineDict):
        gold = validate_model(GoldFile, doc, shown, "gold file", problems)
    elif doc is not None:
        problems.append(Problem(shown, None, None, None, "expected a mapping with 'facts'"))
    text: str | None = None
    if gold is not None:  # a missing source is the gold file's field 'source' at fault
        source = gold_file.parent / gold.source
        unread: list[Problem] = []
        if Path(gold.source).is_absolute():  # a source beside the gold, never anywhere
            why = "an absolute path; name it relative to the gold file"
            unread.append(Problem(gold.source, None, None, None, why))
        else:  # bounded, regular files only, as every read
            text = read_text(source, str(source), unread, MAX_EXTRACT_BYTES)
        line = doc.line_of("source")
        problems += [Problem(shown, line, "gold file", "source", str(p)) for p in unread]
    if gold is None or text is None:
        raise DataError(problems)
    return gold, text


def evaluate(gold_file: Path, report: Report | None = None) -> Report:
    report = report or Report()
    doc, text = load_gold(gold_file)
    predicted: list[Fact] = extract(text, doc.date)
    gold = [fact.model_dump() for fact in doc.facts]
    used: set[int] = set()
    report.detection.predicted += len(predicted)
    report.full.predicted += len(predicted)
    report.detection.gold += len(gold)
    report.full.gold += len(gold)
    for item in gold:
        kind_score = report.by_kind[item["kind"]]
        kind_score.gold += 1
        if item.get("subject"):
            report.subject.gold += 1
        match = next(
            (
                n
                for n, fact in enumerate(predicted)
                if n not in used
                and fact.start < item["end"]
                and item["start"] < fact.end
                and _same_value(fact.value, item["value"])
            ),
            None,
        )
        if match is None:
            report.misses.append(f"{gold_file.name}: missed {item['text']!r} ({item['kind']})")
            continue
        used.add(match)
        fact = predicted[match]
        report.detection.true += 1
        if fact.kind == item["kind"]:
            kind_score.true += 1
        report.qualifier_total += 1
        report.qualifier_right += fact.qualifier == item["qualifier"]
        if fact.unit == item["unit"] and fact.qualifier == item["qualifier"]:
            report.full.true += 1
        if item.get("subject"):
            report.subject.predicted += 1
            if fact.subject and (
                item["subject"] in fact.subject or fact.subject in item["subject"]
            ):
                report.subject.true += 1
    for n, fact in enumerate(predicted):
        report.by_kind[fact.kind].predicted += 1
        if n not in used:
            report.misses.append(f"{gold_file.name}: extra {fact.text!r} ({fact.kind})")
    return report


def format_report(report: Report, title: str) -> str:
    def row(name: str, score: Score) -> str:
        return (
            f"  {name:14} P {score.precision:.2f}  R {score.recall:.2f}  "
            f"F1 {score.f1:.2f}  ({score.true}/{score.predicted} predicted, "
            f"{score.true}/{score.gold} gold)"
        )

    lines = [
        title,
        row("detection", report.detection),
        row("full match", report.full),
        row("subject", report.subject),
        f"  qualifier accuracy {report.qualifier_accuracy:.2f} "
        f"({report.qualifier_right}/{report.qualifier_total})",
    ]
    for kind in sorted(report.by_kind):
        lines.append(row(f"  {kind}", report.by_kind[kind]))
    return "\n".join(lines)
