"""One entity's places year by year, picked out of a rankings table that may rank several.

A rank chart draws a trajectory (2020 4th, 2021 2nd, 2022 1st): one entity in one assessment,
one place per year. An assessment article ranks several entities in one year, and a page may
report two assessments, so the table itself is not a trajectory. The choice is made here, once,
for the chart that draws it and the planner that decides whether there is a climb to chart:
neither ever joins two entities' places, or two assessments', on one line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from reportgen.data.schema import Ranking
from reportgen.locale import LANGS


def name_of(texts: Mapping[str, str | None]) -> str | None:
    """The name a localised text gives, in the first language that has one (the article's
    language comes first): two entries name the same entity when this is equal."""
    return next((texts[lang] for lang in LANGS if texts.get(lang)), None)


def trajectory(
    rankings: Sequence[Ranking], subject: Mapping[str, str | None] | None = None
) -> tuple[Ranking, ...]:
    """The entries one rank line draws, earliest year first.

    The entity: the entries that name none (they rank the dataset's subject), else those whose
    entity is ``subject`` in some language, else the entity ranked in most years (the first in
    the data on a tie). Of its entries, those of the assessment given for most years (entries
    that name none, the file's assessment, count as one); of two places in one year, the first
    in the data."""
    chosen = _most_years(rankings, lambda r: name_of(r.entity), _subject(subject))
    chosen = _most_years(chosen, lambda r: name_of(r.assessment), None)
    by_year: dict[int, Ranking] = {}
    for ranking in chosen:
        by_year.setdefault(ranking.year, ranking)
    return tuple(by_year[year] for year in sorted(by_year))


def _subject(subject: Mapping[str, str | None] | None) -> Callable[[str | None], bool]:
    """Whether an entity's name is the dataset's subject's (no name at all is the subject)."""
    names = {text for text in (subject or {}).values() if text}
    return lambda name: name is None or name in names


def _most_years(
    rankings: Sequence[Ranking],
    key: Callable[[Ranking], str | None],
    preferred: Callable[[str | None], bool] | None,
) -> list[Ranking]:
    """The entries of one group by ``key``: the group without a name, then a ``preferred``
    one, when ``preferred`` is given; else the group with most distinct years (the first in
    the data on a tie)."""
    groups: dict[str | None, list[Ranking]] = {}
    for ranking in rankings:
        groups.setdefault(key(ranking), []).append(ranking)
    if preferred is not None:
        if None in groups:
            return groups[None]
        for name, members in groups.items():
            if preferred(name):
                return members
    return max(groups.values(), key=lambda members: len({r.year for r in members}), default=[])


#: A rank line whose worst place is at most this is drawn on a scale of every place from the
#: first (the seed's 4th, 2nd, 1st); a longer one (23rd, 18th) only marks the places it holds.
SHORT_SCALE = 5


def rank_scale(places: Iterable[int]) -> tuple[int, ...]:
    """The places a rank line's axis marks: every place from first to the worst one drawn on a
    short scale, else just the places drawn. What the axis prints is what ``check`` allows, so
    a line of 23rd and 18th does not print 第7名, a place nobody in the data holds."""
    drawn = sorted(set(places))
    if not drawn:
        return ()
    if drawn[-1] <= SHORT_SCALE:
        return tuple(range(1, drawn[-1] + 1))
    return tuple(drawn)
