"""Alt text and a one-sentence takeaway for each chart, generated from its data.

They restate the chart's own values (with their hedges and derived marks); they never
compute a new number, so everything a presenter reads aloud traces to a fact. The head
(kind name, title, subtitle) is shared; the body and the takeaway are the kind's describe
parts (``reportgen.charts.kinds``), worded with ``reportgen.charts.wording``.
"""

from __future__ import annotations

from reportgen import locale
from reportgen.charts.kinds import KINDS
from reportgen.charts.model import ChartData
from reportgen.charts.wording import colon, separators


def alt_text(chart: ChartData) -> str:
    """柱状图：对外贸易额（亿元）。2021年：…；2022年：…。"""
    lang = chart.lang
    words = locale.get(lang)
    _, semi, stop = separators(lang)
    head = f"{words.CHART_KIND_NAMES[chart.kind]}{colon(lang)}{chart.title}"
    if chart.subtitle:
        head += words.aside(chart.subtitle)
    return head + stop + words.SPACE + semi.join(KINDS[chart.kind].alt_body(chart)) + stop


def takeaway(chart: ChartData) -> str:
    """A generic one-sentence reading of the chart; a spec may give its own instead."""
    return KINDS[chart.kind].takeaway(chart)
