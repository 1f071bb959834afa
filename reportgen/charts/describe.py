"""Alt text and a one-sentence takeaway for each chart, generated from its data.

They restate the chart's own values (with their hedges and derived marks); they never
compute a new number, so everything a presenter reads aloud traces to a fact.
"""

from __future__ import annotations

from reportgen.charts.model import ChartData, Point

_KIND_NAME = {
    "zh": {
        "column": "柱状图",
        "bar": "条形图",
        "comparison": "对比条形图",
        "rank": "排名折线图",
        "composition": "环形图",
        "timeline": "时间线",
        "kpi": "关键数据",
    },
    "en": {
        "column": "Column chart",
        "bar": "Bar chart",
        "comparison": "Comparison bar chart",
        "rank": "Rank line chart",
        "composition": "Donut chart",
        "timeline": "Timeline",
        "kpi": "Key figures",
    },
}


def _value(point: Point, lang: str) -> str:
    if not point.derived:
        return point.text
    return f"{point.text}（推算）" if lang == "zh" else f"{point.text} (derived)"


def _sep(lang: str) -> tuple[str, str, str]:
    """(list separator, clause separator, full stop)."""
    return ("、", "；", "。") if lang == "zh" else (", ", "; ", ".")


def alt_text(chart: ChartData) -> str:
    lang = chart.lang
    comma, semi, stop = _sep(lang)
    head = f"{_KIND_NAME[lang][chart.kind]}{'：' if lang == 'zh' else ': '}{chart.title}"
    if chart.subtitle:
        head += f"（{chart.subtitle}）" if lang == "zh" else f" ({chart.subtitle})"
    body: list[str] = []
    if chart.kind == "column":
        for index, category in enumerate(chart.categories):
            values = comma.join(
                f"{s.label}{'' if lang == 'zh' else ' '}{_value(s.points[index], lang)}"
                for s in chart.series
            )
            body.append(f"{category}{'：' if lang == 'zh' else ': '}{values}")
    elif chart.kind == "timeline":
        body = [
            f"{item.label}{' ' if lang == 'en' else ''}{item.title}"
            + (
                f"（{item.place}）"
                if lang == "zh" and item.place
                else f" ({item.place})"
                if item.place
                else ""
            )
            for item in chart.items
        ]
    elif chart.kind == "composition" and chart.total:
        body = [takeaway(chart).rstrip(stop)]
    else:
        body = [f"{p.label}{'' if lang == 'zh' else ' '}{_value(p, lang)}" for p in chart.points()]
    text = head + stop + " " * (lang == "en") + semi.join(body) + stop
    return text


def takeaway(chart: ChartData) -> str:
    """A generic one-sentence reading of the chart; a spec may give its own instead."""
    lang = chart.lang
    comma, semi, stop = _sep(lang)
    points = chart.points()
    if chart.kind == "rank" and len(points) >= 2:
        first, last = points[0], points[-1]
        if lang == "zh":
            verb = (
                "升至"
                if last.value < first.value
                else "降至"
                if last.value > first.value
                else "保持"
            )
            return f"排名由{first.label}{first.text}{verb}{last.label}{last.text}。"
        verb = (
            "rose" if last.value < first.value else "fell" if last.value > first.value else "held"
        )
        return f"The rank {verb} from {first.text} in {first.label} to {last.text} in {last.label}."
    if chart.kind == "timeline":
        return (
            semi.join(f"{i.label}{' ' if lang == 'en' else ''}{i.title}" for i in chart.items)
            + stop
        )
    if chart.kind == "column":
        last = len(chart.categories) - 1
        values = comma.join(
            f"{s.label}{'' if lang == 'zh' else ' '}{_value(s.points[last], lang)}"
            for s in chart.series
        )
        return f"{chart.categories[last]}{'：' if lang == 'zh' else ': '}{values}{stop}"
    parts = [f"{p.label}{'' if lang == 'zh' else ' '}{_value(p, lang)}" for p in points]
    if chart.total:
        lead = f"{chart.total.label}{'' if lang == 'zh' else ' '}{_value(chart.total, lang)}"
        return f"{lead}{'，其中' if lang == 'zh' else ', of whom '}{comma.join(parts)}{stop}"
    return comma.join(parts) + stop
