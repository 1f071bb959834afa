"""`reportgen extract` prints facts as JSON, YAML or CSV, with the same fields in each."""

from __future__ import annotations

import csv
import io
import json

import yaml

from reportgen.extract.facts import Fact
from reportgen.extract.output import FIELDS, render

FACTS = [
    Fact("4700余家", 16, 22, "count", 4700, "家", "over", "入驻企业", "入驻企业4700余家。", "余"),
    Fact("5月15日—19日", 0, 9, "date", ["2023-05-15", "2023-05-19"], "", "exact", "", "s", None),
]
ROWS = [
    {
        "text": "4700余家",
        "start": 16,
        "end": 22,
        "kind": "count",
        "value": 4700,
        "unit": "家",
        "qualifier": "over",
        "hedge": "余",
        "subject": "入驻企业",
        "sentence": "入驻企业4700余家。",
    },
    {
        "text": "5月15日—19日",
        "start": 0,
        "end": 9,
        "kind": "date",
        "value": ["2023-05-15", "2023-05-19"],
        "unit": "",
        "qualifier": "exact",
        "hedge": None,
        "subject": "",
        "sentence": "s",
    },
]


def test_json_is_a_list_of_facts_with_chinese_as_written():
    out = render(FACTS, "json")
    assert json.loads(out) == ROWS
    assert "入驻企业" in out and "\\u" not in out
    assert out.endswith("]\n")
    assert list(json.loads(out)[0]) == list(FIELDS)


def test_yaml_reads_back_to_the_same_facts_in_field_order():
    out = render(FACTS, "yaml")
    assert yaml.safe_load(out) == ROWS
    assert out.startswith("- text: 4700余家\n  start: 16\n")


def test_csv_has_a_header_and_a_list_value_as_json():
    out = render(FACTS, "csv")
    lines = out.splitlines()
    assert lines[0] == "text,start,end,kind,value,unit,qualifier,hedge,subject,sentence"
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["value"] == "4700" and rows[0]["hedge"] == "余"
    assert json.loads(rows[1]["value"]) == ["2023-05-15", "2023-05-19"]
    assert rows[1]["hedge"] == ""  # no hedge is an empty cell
    assert "\r" not in out


def test_no_facts_is_an_empty_list_or_a_header_alone():
    assert json.loads(render([], "json")) == []
    assert yaml.safe_load(render([], "yaml")) == []
    assert render([], "csv") == ",".join(FIELDS) + "\n"
