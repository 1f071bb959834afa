"""Chart specs + a dataset -> ChartData: every value looked up, formatted and traced.

Nothing here draws. The kind's resolve part (``reportgen.charts.kinds``) decides what the
chart shows; here every chart gets its title, source line, notes, alt text and takeaway. A
spec that does not fit the data (mixed units in one axis, parts that do not add up to their
total, an empty event query) is a ChartError naming the chart.
"""

from __future__ import annotations

from dataclasses import replace

from reportgen import locale
from reportgen.charts.describe import alt_text, takeaway
from reportgen.charts.kinds import KINDS
from reportgen.charts.lookup import ChartError, metric_labels
from reportgen.charts.model import ChartData
from reportgen.charts.spec import PLACEHOLDER, ChartSpec
from reportgen.data import Dataset
from reportgen.formatting import format_date, format_metric
from reportgen.locale import Lang

__all__ = ["ChartError", "fill_placeholders", "metric_labels", "resolve_chart", "source_line"]


def resolve_chart(spec: ChartSpec, dataset: Dataset, lang: Lang) -> ChartData:
    """The data one chart shows, in one language."""
    kind = KINDS[spec.kind]
    try:
        fields = kind.resolve(spec, dataset, lang)
    except KeyError as exc:
        raise ChartError(f"chart '{spec.id}': {exc.args[0]}") from None
    chart = ChartData(
        id=spec.id,
        kind=spec.kind,
        lang=lang,
        title=spec.title[lang],
        subtitle=spec.subtitle[lang],
        source_line=source_line(dataset, lang),
        **fields,
    )
    notes = list(chart.footnotes)
    note = spec.note[lang]
    if note:
        notes.append(note)
    chart = replace(chart, footnotes=tuple(notes))
    custom = spec.takeaway[lang]
    return replace(
        chart,
        alt_text=alt_text(chart),
        takeaway=fill_placeholders(custom, dataset, lang) if custom else takeaway(chart),
    )


def fill_placeholders(text: str, dataset: Dataset, lang: Lang) -> str:
    """Replace {metric_id} with the metric's formatted value; nothing else is interpreted."""
    return PLACEHOLDER.sub(lambda m: format_metric(dataset.metric(m.group(1)), lang), text)


def source_of(dataset: Dataset, lang: Lang) -> tuple[str, str]:
    """The outlet the figures come from and its date (ISO): the page's, else the first
    article's."""
    page = dataset.page
    if page is not None:
        return page.outlet[lang], page.date
    first = dataset.articles[0]
    return first.outlet[lang], first.date


def source_line(dataset: Dataset, lang: Lang) -> str:
    """来源：青岛日报，2023年5月18日 / Source: Qingdao Daily, 18 May 2023."""
    outlet, date = source_of(dataset, lang)
    return locale.get(lang).source_line(outlet, format_date(date, lang))
