"""Small data folders that reproduce what real drafts did to the check, made from the mini
fixture with one article and the metrics a test names."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from tests.conftest import MINI_DIR


def folder(tmp: Path, article: str, metrics: list[dict], title: str | None = None) -> Path:
    """A valid data folder: the mini fixture with ``article`` as its one article (and raw
    page; ``title`` its Chinese title), ``metrics``, and no rankings or events."""
    target = tmp / "data"
    shutil.copytree(MINI_DIR, target)
    if title is not None:
        listing = target / "articles.yaml"
        text = listing.read_text(encoding="utf-8")
        listing.write_text(text.replace("示范区一季度成绩单", title), encoding="utf-8")
    (target / "articles" / "trade.txt").write_text(article, encoding="utf-8")
    (target / "raw" / "page.txt").write_text(article, encoding="utf-8")
    base = {"unit": "CNY", "qualifier": "exact", "period": "2023", "topic": "trade"}
    entries = [{**base, "article": "trade", **m} for m in metrics]
    (target / "metrics.yaml").write_text(
        yaml.safe_dump({"metrics": entries}, allow_unicode=True), encoding="utf-8"
    )
    (target / "events.yaml").write_text("events: []\n", encoding="utf-8")
    (target / "rankings.yaml").write_text(
        "assessment_zh: 年度考核\nassessment_en: Annual assessment\nrankings: []\n",
        encoding="utf-8",
    )
    return target


#: A hedged 千亿元 and, in another fact's quote, an exact 1000亿元 of no fact; the quote
#: breaks a Latin name across a line as a PDF page does (validate joins it).
RAIL = (
    "## 示范区一季度成绩单\n\n2023年，全国铁路投资首次突破千亿元。会议提出，面向Tash-\n"
    "kent增加国家铁路建设投资1000亿元，带动货运量增长25%。\n"
)
RAIL_METRICS = [
    {
        "id": "rail_investment",
        "label_zh": "全国铁路投资",
        "label_en": "National rail investment",
        "value": 100_000_000_000,
        "qualifier": "over",
        "hedge": "突破",
        "topic": "logistics",
        "quote": "2023年，全国铁路投资首次突破千亿元",
    },
    {
        "id": "freight_growth",
        "label_zh": "货运量增速",
        "label_en": "Freight volume growth",
        "value": 25,
        "unit": "%",
        "topic": "logistics",
        "quote": "面向Tashkent增加国家铁路建设投资1000亿元，带动货运量增长25%",
    },
]

#: A label that ends in 最高, a word that is also a hedge, printed right before its value.
PEAK = "## 示范区一季度成绩单\n\n2023年，示范区单日客流最高30万人次，对外贸易额增长25%。\n"
PEAK_METRICS = [
    {
        "id": "visitors_peak",
        "label_zh": "单日客流最高",
        "label_en": "Peak daily visitors",
        "value": 300000,
        "unit": "人次",
        "quote": "2023年，示范区单日客流最高30万人次",
    },
    {
        "id": "trade_growth",
        "label_zh": "对外贸易额增速",
        "label_en": "Foreign trade growth",
        "value": 25,
        "unit": "%",
        "quote": "对外贸易额增长25%",
    },
]
