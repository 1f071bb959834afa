"""The figures as a presenter reads them, in both languages: the workbook's first sheet.

An analyst opening the workbook wants what the deck says, one row per figure: its label, the
value as shown (hedge and derived mark included), the number behind it, its period, the
change the article pairs it with, where it comes from and the sentence that says it. The
wording is the same decision the deck and the summary use (``Facts``), so the three agree.
"""

from __future__ import annotations

from reportgen.content.display import for_display
from reportgen.content.facts import Facts
from reportgen.data import Dataset
from reportgen.formatting import derivation_text, format_period
from reportgen.locale import LANGS

#: Column -> its heading (Chinese / English), in order.
COLUMNS: dict[str, str] = {
    "id": "编号 / ID",
    "label_zh": "指标",
    "label_en": "Figure",
    "shown_zh": "数值（如文中）",
    "shown_en": "Value as shown",
    "value": "数值 / Number",
    "unit": "单位 / Unit",
    "period_zh": "时期",
    "period_en": "Period",
    "change_zh": "变化",
    "change_en": "Change",
    "derived": "推算 / Derived",
    "how_zh": "推算方法",
    "how_en": "How derived",
    "outlet_zh": "来源",
    "outlet_en": "Source",
    "date": "日期 / Date",
    "quote": "原文 / Quote",
    "reviewed": "已审核 / Reviewed",
}


def figure_rows(dataset: Dataset) -> list[dict[str, object]]:
    """One row per metric, keyed by ``COLUMNS``: texts as the deck shows them, the number as
    a number, the date as the article's ISO date, flags as booleans."""
    shown = for_display(dataset)
    facts = {lang: Facts(dataset, lang) for lang in LANGS}
    labels = {lang: {m.id: m.label[lang] for m in shown.metrics} for lang in LANGS}
    articles = {a.id: a for a in shown.articles}
    changes = {m.change_of: m.id for m in shown.metrics if m.change_of}
    rows = []
    for metric in shown.metrics:
        article = articles.get(metric.article) if metric.article else None
        change = changes.get(metric.id)
        row: dict[str, object] = {"id": metric.id}
        for lang in LANGS:
            value = facts[lang].value(metric.id)
            row[f"label_{lang}"] = metric.label[lang]
            row[f"shown_{lang}"] = value.text + value.mark
            row[f"period_{lang}"] = format_period(metric.period, lang)
            row[f"change_{lang}"] = facts[lang].value(change).text if change else ""
            row[f"how_{lang}"] = (
                derivation_text(metric, labels[lang], lang) if metric.is_derived else ""
            )
            row[f"outlet_{lang}"] = article.outlet[lang] if article else ""
        row.update(
            value=metric.value,
            unit=metric.unit,
            derived=metric.is_derived,
            date=article.date if article else "",
            quote=metric.quote or "",
            reviewed=metric.reviewed,
        )
        rows.append({column: row[column] for column in COLUMNS})
    return rows
