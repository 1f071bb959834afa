"""`reportgen plan`: a first template for a data folder that has none.

The briefing template's plans name the seed's metric ids, so a new article's data needs its own
plans. This writes them from the data: key figures, one bar chart per topic whose figures
share a unit, the ranking and the events when there are any, every figure in tables, and the
sources; the theme and the master are copied from an existing template. The result is a draft
to edit (titles, talking points), but it builds as written.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import yaml

from reportgen.data import Dataset
from reportgen.errors import Problem, TemplateError
from reportgen.formatting import unit_label
from reportgen.outputs import atomic_write
from reportgen.paths import display_path
from reportgen.safeio import MAX_DATA_FILE_BYTES, MAX_MASTER_FILE_BYTES, Refused, read_inside
from reportgen.text.normalize import drop_spaces_by_cjk
from reportgen.theme import theme_name
from reportgen.yamlio import decode_text

KPI_ORDER = {"CNY": 0, "%": 1}
NOT_COMPARABLE = {"名", "位", "大", "年", "个月", "月", "天", "小时", "个工作日", "首位", "榜首"}
TOPIC_ZH = {
    "general": "数据",
    "trade": "贸易",
    "platform": "平台",
    "industry": "产业",
    "finance": "金融",
    "reform": "改革",
    "talent": "人才",
    "logistics": "物流",
    "events": "活动",
    "promotion": "推介",
    "ranking": "排名",
}


def _dump(data: object) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100).encode("utf-8")


def _both(zh: str, en: str) -> dict[str, str]:
    return {"zh": zh, "en": en}


def _short(text: str, limit: int = 24) -> str:
    # Spaces go next to Chinese ("2022 年"), not between English words ("Foreign trade").
    text = drop_spaces_by_cjk(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _read_base(base: Path, name: str) -> bytes:
    """A file of the base template, read like any template file: from inside its folder, a
    regular file, bounded (a link out would copy another folder's file into the new one)."""
    limit = MAX_MASTER_FILE_BYTES if name.endswith(".pptx") else MAX_DATA_FILE_BYTES
    try:
        return read_inside(base, name, limit)
    except Refused as refused:
        shown = display_path(base / name)
        raise TemplateError([Problem(shown, None, None, None, refused.reason)]) from None


def write_plan(dataset: Dataset, base: Path, target: Path) -> dict[str, int]:
    """Write theme, master, charts, deck and summary plans for ``dataset`` into ``target``."""
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} exists and is not empty; choose a new folder")
    master = _read_base(base, "master.pptx")
    problems: list[Problem] = []
    theme = decode_text(_read_base(base, "theme.yaml"), display_path(base / "theme.yaml"), problems)
    if theme is None:  # everything is read and decoded before anything is written
        raise TemplateError(problems)
    # The theme's name names the outputs (<dataset>_<template>_<lang>.pptx): the new
    # template's, not the one it was copied from.
    name = theme_name(target.resolve().name)
    theme = re.sub(r"(?m)^name:.*$", lambda _: f"name: {name}", theme, count=1)
    target.mkdir(parents=True, exist_ok=True)
    atomic_write(target / "master.pptx", master)
    atomic_write(target / "theme.yaml", theme.encode("utf-8"))
    reported = [m for m in dataset.metrics if not m.is_derived]
    ranked = sorted(reported, key=lambda m: (not m.reviewed, KPI_ORDER.get(m.unit, 2)))
    key = ranked[:6]
    charts: list[dict] = []
    if key:
        charts.append(
            {
                "id": "key_figures",
                "kind": "kpi",
                "title_zh": "关键数据一览",
                "title_en": "Key figures at a glance",
                "metrics": [
                    {
                        "metric": m.id,
                        "label_zh": _short(m.label_zh),
                        "label_en": _short(m.label_en, 40),
                    }
                    for m in key
                ],
            }
        )
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for metric in reported:
        if metric.unit not in NOT_COMPARABLE:  # ranks and durations make no bar chart
            groups[(metric.topic, metric.unit)].append(metric)
    bars = []
    for (topic, unit), metrics in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        if len(metrics) >= 2 and len(bars) < 3:
            chart_id = f"{topic}_{len(bars) + 1}"
            bars.append(chart_id)
            charts.append(
                {
                    "id": chart_id,
                    "kind": "bar",
                    "title_zh": TOPIC_ZH.get(topic, topic) + _bracket(unit_label(unit, "zh"), "zh"),
                    "title_en": topic.capitalize() + _bracket(unit_label(unit, "en") or unit, "en"),
                    "metrics": [
                        {
                            "metric": m.id,
                            "label_zh": _short(m.label_zh),
                            "label_en": _short(m.label_en, 40),
                        }
                        for m in metrics[:6]
                    ],
                }
            )
    if dataset.rankings:
        charts.append(
            {
                "id": "ranking",
                "kind": "rank",
                "table": "rankings",
                "title_zh": "排名",
                "title_en": "Ranking",
            }
        )
    dated = sorted(e.date for e in dataset.events if re.match(r"^\d{4}-\d{2}-\d{2}$", e.date))
    if len(dated) >= 2:
        charts.append(
            {
                "id": "events",
                "kind": "timeline",
                "title_zh": "大事记",
                "title_en": "Events",
                "events": {"from": dated[0], "to": dated[-1]},
            }
        )
    source = _both(
        "本页数字均来自{{ source }}，每个数字的原文句子见下方来源。",
        "Every number on this slide comes from {{ source }}; the sources below "
        "quote each sentence.",
    )
    slides: list[dict] = [
        {
            "id": "title",
            "layout": "Title",
            "title": _both("{{ title }}", "{{ title }}"),
            "subtitle": _both("简报 · {{ subject }}", "Briefing · {{ subject }}"),
            "note": _both("{{ source }}", "{{ source }}"),
        }
    ]
    if key:
        slides.append(
            {
                "id": "key_figures",
                "layout": "KPI Grid",
                "title": _both("关键数据一览", "Key figures at a glance"),
                "kpis": "key_figures",
                "notes": {
                    "zh": [source["zh"], "请在此写下讲解要点。"],
                    "en": [source["en"], "Write the talking points here."],
                },
            }
        )
    for chart_id in bars + (["ranking"] if dataset.rankings else []):
        spec = next(c for c in charts if c["id"] == chart_id)
        items = spec.get("metrics", [])[:4]
        points = {
            "zh": [f"{i['label_zh']}：{{{{ m.{i['metric']} }}}}" for i in items]
            or ["（请补充要点）"],
            "en": [f"{i['label_en']}: {{{{ m.{i['metric']} }}}}" for i in items]
            or ["(add key points)"],
        }
        slides.append(
            {
                "id": chart_id,
                "layout": "Chart",
                "title": _both(spec["title_zh"], spec["title_en"]),
                "chart": chart_id,
                "points": points,
                "notes": {
                    "zh": [source["zh"], "请在此写下讲解要点。"],
                    "en": [source["en"], "Write the talking points here."],
                },
            }
        )
    for n in range(0, len(reported), 10):
        slides.append(
            {
                "id": f"figures_{n // 10 + 1}",
                "layout": "Table",
                "title": _both("全部数据", "All figures"),
                "table": {
                    "source": "metrics",
                    "ids": [m.id for m in reported[n : n + 10]],
                    "columns": [
                        {"field": "label", "heading": _both("指标", "Measure")},
                        {"field": "value", "heading": _both("数值", "Value")},
                        {"field": "period", "heading": _both("时期", "Period")},
                    ],
                },
                "notes": {
                    "zh": [source["zh"], "草稿：请删去不需要展示的数据。"],
                    "en": [source["en"], "Draft: remove figures not worth showing."],
                },
            }
        )
    if len(dated) >= 2:
        slides.append(
            {
                "id": "events",
                "layout": "Timeline",
                "title": _both("大事记", "Events"),
                "timeline": "events",
                "notes": {
                    "zh": [source["zh"], "请在此写下讲解要点。"],
                    "en": [source["en"], "Write the talking points here."],
                },
            }
        )
    slides.append(
        {
            "id": "sources",
            "layout": "Table",
            "title": _both("资料来源", "Sources"),
            "table": {
                "source": "articles",
                "columns": [
                    {"field": "title", "heading": _both("标题", "Title")},
                    {"field": "outlet", "heading": _both("媒体", "Outlet")},
                    {"field": "date", "heading": _both("日期", "Date")},
                ],
            },
            "notes": {
                "zh": [source["zh"], "本简报所依据的报道。"],
                "en": [source["en"], "The articles this briefing is based on."],
            },
        }
    )
    atomic_write(target / "charts.yaml", _dump({"charts": charts}))
    atomic_write(target / "deck.yaml", _dump({"slides": slides}))
    # The key figures always exist (a valid data folder has a reported figure), so the
    # summary always has a chart: the build the plan prints makes the PDF too.
    summary_charts = [c["id"] for c in charts if c["kind"] != "kpi"][:3]
    if key and len(summary_charts) < 2:
        summary_charts = ["key_figures", *summary_charts]
    if summary_charts:
        lead_ids = [m.id for m in key[:3]]
        atomic_write(
            target / "summary.yaml",
            _dump(
                {
                    "title": _both("{{ title }}", "{{ title }}"),
                    "lead": _both(
                        "据{{ source }}报道："
                        + "；".join(
                            f"{_short(dataset.metric(i).label_zh)}{{{{ m.{i} }}}}" for i in lead_ids
                        )
                        + "。",
                        "According to {{ source }}: "
                        + "; ".join(
                            f"{_short(dataset.metric(i).label_en, 40)} {{{{ m.{i} }}}}"
                            for i in lead_ids
                        )
                        + ".",
                    ),
                    "key_figures": [{"metric": m.id} for m in ranked[:9]],
                    "charts": summary_charts,
                    **(
                        {
                            "events": {
                                "from": dated[0][:4] + "-01-01",
                                "to": dated[-1][:4] + "-12-31",
                            }
                        }
                        if dated
                        else {}
                    ),
                }
            ),
        )
    return {"charts": len(charts), "slides": len(slides)}


def _bracket(unit: str, lang: str) -> str:
    """（岁） / (years) after a chart title; nothing when the figures have no unit."""
    if not unit:
        return ""
    return f"（{unit}）" if lang == "zh" else f" ({unit})"
