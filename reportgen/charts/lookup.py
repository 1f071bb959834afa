"""What every kind's resolve part shares: metrics looked up as traced, formatted points.

A value on a chart is a Point carrying its display text (with the article's hedge), whether
it is derived, and the ids of the facts behind it; one axis holds one unit; derived values
get a footnote naming their inputs. A spec that does not fit its data is a ChartError.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportgen import locale
from reportgen.charts.model import Point
from reportgen.errors import ReportgenError
from reportgen.formatting import (
    derivation_text,
    format_metric,
    format_period,
    money_axis_label,
    unit_label,
)

if TYPE_CHECKING:
    from reportgen.charts.spec import ChartSpec, Item
    from reportgen.data import Dataset
    from reportgen.data.schema import Metric
    from reportgen.locale import Lang


class ChartError(ReportgenError):
    """A chart spec does not fit the dataset it is resolved against."""

    exit_code = 1


def metric_labels(dataset: Dataset, lang: Lang) -> dict[str, str]:
    """Metric labels with their period, as derivation notes name the inputs:
    对外贸易额（2022年） / Foreign trade (2022)."""
    aside = locale.get(lang).aside
    return {m.id: m.label[lang] + aside(format_period(m.period, lang)) for m in dataset.metrics}


def derivation_notes(metrics: list[Metric], dataset: Dataset, lang: Lang) -> tuple[str, ...]:
    """One footnote per derived value, saying how it was computed (no repeats)."""
    labels = metric_labels(dataset, lang)
    return tuple(dict.fromkeys(derivation_text(m, labels, lang) for m in metrics if m.is_derived))


def point(metric: Metric, label: str, lang: Lang) -> Point:
    """A metric as a chart value, with its source and its display text: the text every other
    place shows it with (超过3.4万亿元 on the slide, in the notes and on the chart alike, not
    超过34000亿元 in the chart's axis scale; the axis and the drawn bars keep that scale)."""
    return Point(
        label=label,
        value=metric.value,
        text=format_metric(metric, lang),
        derived=metric.is_derived,
        qualifier=metric.qualifier,
        sources=(metric.id,),
    )


def item_label(item: Item, metric: Metric, lang: Lang) -> str:
    """The spec's shorter label for a metric, else the metric's own."""
    return item.label[lang] or metric.label[lang]


def one_unit(spec: ChartSpec, metrics: list[Metric]) -> str:
    """The unit of an axis; a ChartError if the metrics do not share one."""
    units = sorted({m.unit for m in metrics})
    if len(units) != 1:
        raise ChartError(f"chart '{spec.id}': one axis cannot mix units {', '.join(units)}")
    return units[0]


def axis(unit: str, values: list[float], lang: Lang) -> tuple[int | None, float, str]:
    """Money factor (for labels), axis scale and axis label for one unit."""
    if unit == "CNY":
        factor, label = money_axis_label(values, lang)
        return factor, float(factor), label
    return None, 1.0, unit_label(unit, lang)
