"""What the content put at each place, and whether the drawn output prints it there.

A build checks an output with the content it was drawn from (``Job.content``): the numbers
each slide or the summary shows (``Shown``: the fact, its text, its derived mark), the source
notes and their numbers. Each number is printed as a fragment of one of the place's texts:
its text, its mark where the text carries it, and on a page its citation number. The check
proves every fragment is in what was drawn at that place, and names the fact when it is not,
instead of guessing from strings what a number is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from reportgen.check.findings import Finding
from reportgen.content.model import (
    CITATION,
    Deck,
    Shown,
    Slide,
    Summary,
    citation_mark,
)
from reportgen.data import Dataset
from reportgen.locale import get


def shown_at(text: str, value_text: str, lang: str | None = None) -> int | None:
    """Where ``value_text`` stands in ``text`` as a number of its own, or None: 3 inside 2023
    or 3.5 is not the value 3, nor (read in ``lang``) the 15 of a date, 15 December 2024."""
    dates = get(lang).READING.dates if lang else None
    spans = [m.span() for m in dates.finditer(text)] if dates is not None else []
    for found in re.finditer(re.escape(value_text), text):
        inside = any(a <= found.start() and found.end() <= b for a, b in spans)
        if not glued(text, *found.span()) and not inside:
            return found.start()
    return None


def glued(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a longer number (a digit, or a decimal point or
    thousands comma and a digit, right beside it)."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    glued_before = before.isdigit() or (before != "" and before in ".,")
    glued_after = after.isdigit() or (
        after != "" and after in ".," and text[end + 1 : end + 2].isdigit()
    )
    return glued_before or glued_after


def derived_values(dataset: Dataset, lang: str, content=None) -> dict[str, Shown]:
    """Every derived value a page may show, by its text, as the content layer shows it: the
    content's own numbers when it is given, the dataset's other derived metrics as the
    content layer would show them (a value edited onto a slide has no place in the content)."""
    from reportgen.content.facts import Facts

    facts = Facts(dataset, lang)  # type: ignore[arg-type]
    found = {}
    for metric in dataset.metrics:
        if metric.is_derived:
            value = facts.value(metric.id)
            found[value.text] = value
    if content is not None:
        found.update((s.text, s) for s in shown_of(content) if s.derived)
    # a text a reported figure also shows (由…增加到 20 beside another figure of 20, or 24 of
    # "24 years") is that figure's wherever it stands unmarked; where the derived one is
    # placed, the content-aware check proves its mark in place
    reported = {facts.value(m.id).text for m in dataset.metrics if not m.is_derived}
    return {
        text: value
        for text, value in found.items()
        if not any(shown_at(other, text) is not None for other in reported)  # 24 in 24 years
    }


#: After a finding about a number the content did not place where it stands: what printed it.
UNPLACED = " (no fact the content placed here prints it: the template's text or an edit)"


def placed_spans(text: str, shown: Iterable[Shown]) -> list[tuple[int, int, Shown]]:
    """Where ``text`` prints the numbers the content placed at its place: (start, end, shown),
    the longest text first, never overlapping, never inside another number (3 in 2023)."""
    spans: list[tuple[int, int, Shown]] = []
    for value in sorted(set(shown), key=lambda s: (-len(s.text), s.text, s.fact)):
        if not value.text:
            continue
        for found in re.finditer(re.escape(value.text), text):
            start, end = found.span()
            if glued(text, start, end):
                continue  # part of another number: 3 inside 2023
            if any(s < end and start < e for s, e, _ in spans):
                continue
            spans.append((start, end, value))
    return sorted(spans, key=lambda span: span[0])


def _own_qualifier(reading, text: str, start: int, end: int):
    """(qualifier in context, qualifier of the span alone) of the first number in a span."""
    for match in reading.pattern.finditer(text):
        if start <= match.start("digits") < end:
            alone = next(reading.pattern.finditer(text[start:end]), None)
            own = reading.qualifier(alone, text[start:end]) if alone is not None else None
            return reading.qualifier(match, text), own
    return None, None


def read_placed(
    text: str, shown: Iterable[Shown], lang: str, labels: Mapping[str, str]
) -> tuple[str, list[str]]:
    """``text`` with every number the content placed here taken out, once proved to read as
    its fact decided (its value, unit and hedge are the fact's own text); and a message for
    each that the words around it make read otherwise.

    A word before a value is the value's hedge only if it is not the end of the value's own
    label (单日客流最高 before 30万人次 is a label, not the hedge 最高): such a label is the
    data's wording and reads as written. Any other hedge word around a placed value comes
    from the template's text, and the message says so."""
    reading = get(lang).READING
    out = list(text)
    problems = []
    for start, end, value in placed_spans(text, shown):
        in_context, alone = _own_qualifier(reading, text, start, end)
        # only a hedge the words around it add: the value's own (将超过75亿元, whose 超过 the
        # page reading does not take after 将) is the fact's, printed as the content decided
        if in_context is not None and in_context != alone:
            label = squash(labels.get(value.fact, ""))
            if not (label and squash(text[:start]).endswith(label)):
                around = text[max(0, start - 4) : end + 3].strip()
                problems.append(
                    f"{value.fact}: {value.text} reads as '{around}', a hedge the data does not "
                    "give it: the words around it are the template's (template)"
                )
        out[start:end] = " " * (end - start)
    return "".join(out), problems


def squash(text: str) -> str:
    """Text without whitespace: a drawn line may wrap anywhere, a cell may break its text."""
    return re.sub(r"\s+", "", text)


def fragments(shown: Iterable[Shown], texts: Iterable[str]) -> list[tuple[str, str]]:
    """(fact, fragment) for each number the texts print: its text, then its derived mark
    where the text carries it, then its citation number where the text cites it."""
    texts = [t for t in texts if t]
    found: dict[tuple[str, str], None] = {}
    for value in shown:
        mark = f"(?P<mark>{re.escape(value.mark)})?" if value.mark else ""
        pattern = re.compile(f"{re.escape(value.text)}{mark}(?:{CITATION.pattern})?")
        for text in texts:
            for match in pattern.finditer(text):
                fragment = value.text
                if value.mark and match.group("mark"):
                    fragment += value.mark
                if match.group(match.re.groups):
                    fragment += citation_mark(int(match.group(match.re.groups)))
                found[(value.fact, fragment)] = None
    return list(found)


def _missing(
    shown: Sequence[Shown], texts: Iterable[str], drawn: str, file: str, where: str
) -> list[Finding]:
    return [
        Finding(file, where, f"{fact}: {fragment} is not printed as the content decided")
        for fact, fragment in fragments(shown, texts)
        if squash(fragment) not in drawn
    ]


def slide_findings(
    slide: Slide, number: int, drawn: Sequence[str], notes: Sequence[str], file: str, lang: str
) -> list[Finding]:
    """Every number the content put on slide ``number`` is printed there as decided (on the
    slide, and in its speaker notes), and every source note it decided is in the notes."""
    from reportgen.content.sources import note_text

    texts = [slide.title, slide.subtitle or "", *slide.footnotes]
    texts += [text for block in slide.blocks for text in block.checked_texts()]
    where = f"slide {number}"
    findings = _missing(slide.shown, texts, squash("".join(drawn)), file, where)
    findings += _missing(
        slide.shown, slide.speaker_notes, squash("".join(notes)), file, f"{where} notes"
    )
    lines = {squash(line) for line in notes}
    for source in slide.sources:
        if squash(note_text(source, lang, "slide")) not in lines:  # type: ignore[arg-type]
            findings.append(
                Finding(file, f"{where} notes", f"{source.fact_id}: its source note is missing")
            )
    return findings


def summary_findings(summary: Summary, pages: Sequence[str], file: str) -> list[Finding]:
    """Every number the content put in the summary is printed as decided (with its mark and
    its citation number), and every numbered source note is printed."""
    texts = [summary.title, summary.byline, summary.lead]
    texts += [text for s in summary.sections for b in s.blocks for text in b.checked_texts()]
    drawn = squash("".join(pages))
    findings = _missing(summary.shown, texts, drawn, file, "summary")
    for citation in summary.citations:
        if squash(citation.text) not in drawn:
            facts = ", ".join(citation.note.facts)
            findings.append(
                Finding(file, "notes", f"{facts}: source note {citation.number} is missing")
            )
    return findings


def shown_of(content: Deck | Summary) -> tuple[Shown, ...]:
    """Every number a deck or a summary shows."""
    if isinstance(content, Deck):
        return tuple(s for slide in content.slides for s in slide.shown)
    return content.shown


def citation_numbers(summary: Summary) -> frozenset[int]:
    return frozenset(c.number for c in summary.citations)
