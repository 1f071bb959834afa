"""Chart specs + a dataset -> ChartData: every value looked up, formatted and traced.

Nothing here draws. A spec that does not fit the data (mixed units in one axis, parts that do
not add up to their total, an empty event query) is a ChartError naming the chart.
"""

from __future__ import annotations

import re

from reportgen.charts.describe import alt_text, takeaway
from reportgen.charts.model import ChartData, Point, Series, TimelineItem
from reportgen.charts.spec import PLACEHOLDER, ChartSpec, Item
from reportgen.data import Dataset
from reportgen.data.schema import Metric
from reportgen.errors import ReportgenError
from reportgen.formatting import (
    Lang,
    derivation_text,
    format_date,
    format_date_range,
    format_metric,
    format_period,
    money_axis_label,
    rank_text,
    unit_label,
)


class ChartError(ReportgenError):
    """A chart spec does not fit the dataset it is resolved against."""

    exit_code = 1


def resolve_chart(spec: ChartSpec, dataset: Dataset, lang: Lang) -> ChartData:
    """The data one chart shows, in one language."""
    resolver = {
        "column": _column,
        "bar": _bar,
        "comparison": _bar,
        "kpi": _kpi,
        "rank": _rank,
        "composition": _composition,
        "timeline": _timeline,
    }[spec.kind]
    try:
        fields = resolver(spec, dataset, lang)
    except KeyError as exc:
        raise ChartError(f"chart '{spec.id}': {exc.args[0]}") from None
    chart = ChartData(
        id=spec.id,
        kind=spec.kind,
        lang=lang,
        title=getattr(spec, f"title_{lang}"),
        subtitle=getattr(spec, f"subtitle_{lang}"),
        source_line=source_line(dataset, lang),
        **fields,
    )
    notes = list(chart.footnotes)
    note = getattr(spec, f"note_{lang}")
    if note:
        notes.append(note)
    chart = _replace(chart, footnotes=tuple(notes))
    custom = getattr(spec, f"takeaway_{lang}")
    return _replace(
        chart,
        alt_text=alt_text(chart),
        takeaway=fill_placeholders(custom, dataset, lang) if custom else takeaway(chart),
    )


def _replace(chart: ChartData, **changes) -> ChartData:
    from dataclasses import replace

    return replace(chart, **changes)


def fill_placeholders(text: str, dataset: Dataset, lang: Lang) -> str:
    """Replace {metric_id} with the metric's formatted value; nothing else is interpreted."""
    return PLACEHOLDER.sub(lambda m: format_metric(dataset.metric(m.group(1)), lang), text)


def source_line(dataset: Dataset, lang: Lang) -> str:
    page = dataset.page
    if page is not None:
        outlet, date = getattr(page, f"outlet_{lang}"), page.date
    else:
        first = dataset.articles[0]
        outlet, date = getattr(first, f"outlet_{lang}"), first.date
    if lang == "zh":
        return f"来源：{outlet}，{format_date(date, lang)}"
    return f"Source: {outlet}, {format_date(date, lang)}"


def metric_labels(dataset: Dataset, lang: Lang) -> dict[str, str]:
    """Metric labels with their period, as derivation notes name the inputs:
    对外贸易额（2022年） / Foreign trade (2022)."""
    if lang == "zh":
        return {m.id: f"{m.label_zh}（{format_period(m.period, lang)}）" for m in dataset.metrics}
    return {m.id: f"{m.label_en} ({format_period(m.period, lang)})" for m in dataset.metrics}


def _derivation_notes(metrics: list[Metric], dataset: Dataset, lang: Lang) -> tuple[str, ...]:
    labels = metric_labels(dataset, lang)
    return tuple(dict.fromkeys(derivation_text(m, labels, lang) for m in metrics if m.is_derived))


def _point(metric: Metric, label: str, lang: Lang, money_factor: int | None = None) -> Point:
    return Point(
        label=label,
        value=metric.value,
        text=format_metric(metric, lang, money_factor=money_factor),
        derived=metric.is_derived,
        qualifier=metric.qualifier,
        sources=(metric.id,),
    )


def _item_label(item: Item, metric: Metric, lang: Lang) -> str:
    return getattr(item, f"label_{lang}") or getattr(metric, f"label_{lang}")


def _one_unit(spec: ChartSpec, metrics: list[Metric]) -> str:
    units = sorted({m.unit for m in metrics})
    if len(units) != 1:
        raise ChartError(f"chart '{spec.id}': one axis cannot mix units {', '.join(units)}")
    return units[0]


def _axis(unit: str, values: list[float], lang: Lang) -> tuple[int | None, float, str]:
    """Money factor (for labels), axis scale and axis label for one unit."""
    if unit == "CNY":
        factor, label = money_axis_label(values, lang)
        return factor, float(factor), label
    return None, 1.0, unit_label(unit, lang)


def _column(spec: ChartSpec, dataset: Dataset, lang: Lang) -> dict:
    grid = [[dataset.metric(item.metric) for item in s.metrics] for s in spec.series]
    lengths = {len(row) for row in grid}
    if len(lengths) != 1:
        raise ChartError(f"chart '{spec.id}': every series needs the same number of metrics")
    flat = [m for row in grid for m in row]
    unit = _one_unit(spec, flat)
    factor, scale, axis = _axis(unit, [m.value for m in flat], lang)
    categories = tuple(format_period(m.period, lang) for m in grid[0])
    series = tuple(
        Series(
            getattr(s, f"label_{lang}"),
            tuple(_point(m, categories[i], lang, factor) for i, m in enumerate(row)),
        )
        for s, row in zip(spec.series, grid, strict=True)
    )
    return {
        "categories": categories,
        "series": series,
        "axis_label": axis,
        "scale": scale,
        "footnotes": _derivation_notes(flat, dataset, lang),
    }


def _bar(spec: ChartSpec, dataset: Dataset, lang: Lang) -> dict:
    metrics = [dataset.metric(item.metric) for item in spec.metrics]
    unit = _one_unit(spec, metrics)
    factor, scale, axis = _axis(unit, [m.value for m in metrics], lang)
    points = tuple(
        _point(m, _item_label(item, m, lang), lang, factor)
        for item, m in zip(spec.metrics, metrics, strict=True)
    )
    return {
        "categories": tuple(p.label for p in points),
        "series": (Series(getattr(spec, f"title_{lang}"), points),),
        "axis_label": axis,
        "scale": scale,
        "footnotes": _derivation_notes(metrics, dataset, lang),
    }


def _kpi(spec: ChartSpec, dataset: Dataset, lang: Lang) -> dict:
    metrics = [dataset.metric(item.metric) for item in spec.metrics]
    points = tuple(
        _point(m, _item_label(item, m, lang), lang)
        for item, m in zip(spec.metrics, metrics, strict=True)
    )
    return {
        "series": (Series(getattr(spec, f"title_{lang}"), points),),
        "footnotes": _derivation_notes(metrics, dataset, lang),
    }


def _composition(spec: ChartSpec, dataset: Dataset, lang: Lang) -> dict:
    fields = _bar(spec, dataset, lang)
    parts = [dataset.metric(item.metric) for item in spec.metrics]
    if spec.total:
        total = dataset.metric(spec.total)
        if total.unit != parts[0].unit:
            raise ChartError(
                f"chart '{spec.id}': total '{total.id}' is in {total.unit}, "
                f"the parts in {parts[0].unit}"
            )
        if (
            total.qualifier == "exact"
            and all(p.qualifier == "exact" for p in parts)
            and abs(sum(p.value for p in parts) - total.value) > 1e-9 * max(total.value, 1)
        ):
            raise ChartError(
                f"chart '{spec.id}': the parts add up to "
                f"{sum(p.value for p in parts):g}, not to {total.id} = {total.value:g}"
            )
        fields["total"] = _point(total, getattr(total, f"label_{lang}"), lang)
        fields["footnotes"] = _derivation_notes([*parts, total], dataset, lang)
    return fields


def _rank(spec: ChartSpec, dataset: Dataset, lang: Lang) -> dict:
    rankings = sorted(dataset.rankings, key=lambda r: r.year)
    if not rankings:
        raise ChartError(f"chart '{spec.id}': the dataset has no rankings")
    years = tuple(f"{r.year}年度" if lang == "zh" else str(r.year) for r in rankings)
    points = tuple(
        Point(label=y, value=float(r.rank), text=rank_text(r.rank, lang), sources=(r.id,))
        for y, r in zip(years, rankings, strict=True)
    )
    assessment = dataset.assessment.get(f"assessment_{lang}")
    return {
        "categories": years,
        "series": (Series(assessment or "", points),),
        "axis_label": "名次" if lang == "zh" else "rank",
    }


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _timeline(spec: ChartSpec, dataset: Dataset, lang: Lang) -> dict:
    query = spec.events
    chosen = [
        e
        for e in dataset.events
        if query.from_ <= e.date <= query.to + "\uffff"
        and e.date_basis in query.basis
        and (not query.precise_only or _DAY.match(e.date))
    ]
    if not chosen:
        raise ChartError(f"chart '{spec.id}': no events between {query.from_} and {query.to}")
    chosen.sort(key=lambda e: (e.date, e.end_date or e.date, e.id))
    items = tuple(
        TimelineItem(
            start=e.date,
            end=e.end_date,
            label=format_date_range(e.date, e.end_date, lang, with_year=False),
            title=getattr(e, f"title_{lang}"),
            place=getattr(e, f"place_{lang}"),
            source=e.id,
        )
        for e in chosen
    )
    return {"items": items}
