"""Bad templates: snippets that would hang the build or exhaust its memory, and hostile
values in a template's plans and theme. Each ends in one clear line naming the template file
and the place, exit 1, and an output folder left as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import MINI_DIR, edit
from tests.corpus.test_bad_input import (
    BRIEFING,
    Case,
    assert_fails_cleanly,
    cli_case,
    replace_in,
    template_case,
    write,
)

TITLE = "title: {zh: 关键数据一览,"


def snippet(text: str):
    """The key-figures slide's Chinese title replaced by ``text`` (a YAML-quoted snippet)."""
    return replace_in("deck.yaml", TITLE, f'title: {{zh: "{text}",')


CASES = [
    template_case(
        "snippet multiplies a string to 3 GB",
        snippet("{{ 'x' * 3000000000 }}"),
        "deck.yaml: slide 'key_figures' title: snippet makes a text or list longer than 100,000",
    ),
    template_case(
        "snippet multiplies a string by a float",
        snippet("{{ 'x' * 3e9 }}"),
        "slide 'key_figures' title: snippet cannot be rendered: can't multiply sequence",
    ),
    template_case(
        "snippet doubles a string in a loop",
        snippet(
            "{% set ns = namespace(s='x') %}{% for i in range(40) %}"
            "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}"
        ),
        "slide 'key_figures' title: snippet makes a text longer than 100,000",
    ),
    template_case(
        "snippet loops without end and without output",
        snippet("{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"),
        "slide 'key_figures' title: snippet takes more than 1,000,000 steps",
    ),
    template_case(
        "snippet recurses in a macro",
        snippet("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}"),
        "slide 'key_figures' title: snippet nests calls more than 50 deep",
    ),
    template_case(
        "summary snippet asks for a 2 GB width",
        replace_in(
            "summary.yaml",
            'title: {zh: "{{ title }}",',
            "title: {zh: \"{{ '%2000000000d' % 1 }}\",",
        ),
        "summary.yaml: summary title: snippet uses a count or width above 100,000",
    ),
    # --- hostile plans and themes ----------------------------------------------------------
    template_case(
        "snippet writes a control character",
        snippet("{{ '%c' % 1 }}"),
        "slide 'key_figures' title: snippet writes U+0001, a control character, which",
    ),
    template_case(
        "table names an article the data lacks",
        replace_in(
            "deck.yaml", "      source: articles\n", "      source: articles\n      ids: [nope]\n"
        ),
        "deck.yaml: slide 'sources' table: no article 'nope' in the data",
    ),
    template_case(
        "table column its source has not",
        replace_in("deck.yaml", "{field: reporter,", "{field: value,"),
        "a table of articles has no column 'value'",
    ),
    template_case(
        "charts of half a gigapixel",
        replace_in(
            "theme.yaml",
            "  width_in: 10.0          # 16:9 at the size of a slide's chart area\n"
            "  height_in: 5.625\n  dpi: 200",
            "  width_in: 40\n  height_in: 40\n  dpi: 600",
        ),
        "field 'chart': 40 x 40 in at 600 dpi makes images of 576 million pixels",
    ),
    template_case(
        "hatch that is not a pattern",
        replace_in("theme.yaml", 'hatch: "///"', 'hatch: "' + "/" * 5000 + '"'),
        "field 'derived.hatch'",
    ),
    template_case(
        "theme name that is a path",
        replace_in("theme.yaml", "name: briefing", 'name: "../../evil"'),
        "field 'name': String should match pattern",
    ),
    template_case(
        "empty theme name",
        replace_in("theme.yaml", "name: briefing", 'name: ""'),
        "field 'name': String should match pattern",
    ),
    template_case(
        "slide block its layout has no place for",
        replace_in(
            "deck.yaml",
            "chart: foreign_trade",
            "chart: foreign_trade\n    timeline: may_2023_events",
        ),
        "layout 'Chart' has no place for 'timeline' (it takes chart, subtitle, points)",
    ),
    template_case(
        "points on a layout without a body",
        replace_in("deck.yaml", TITLE, "points: {zh: [a], en: [b]}\n    " + TITLE),
        "layout 'KPI Grid' has no place for 'points'",
    ),
    template_case(
        "summary events window the data has no events in",
        replace_in(
            "summary.yaml",
            'from: "2022-01-01"\n  to: "2023-12-31"',
            'from: "1990-01-01"\n  to: "1990-12-31"',
        ),
        "summary.yaml: summary events: no events between 1990-01-01 and 1990-12-31 in the data",
    ),
    Case(
        "table of events for a data folder without events",
        lambda tmp: _events_table_without_events(tmp),
        1,
        "deck.yaml: slide 'sources' table: no events in the data",
    ),
    template_case(
        "deeply nested YAML plan",
        write("deck.yaml", b"slides: " + b"[" * 20000 + b"]" * 20000 + b"\n"),
        "deck.yaml:1: invalid YAML",
    ),
    cli_case("a folder that is no template", ["templates", "{tmp}"], 1, "not a template: no theme"),
]


def _events_table_without_events(tmp: Path) -> list[str]:
    """`plan`'s template for a folder without events, its sources table turned to events."""
    from reportgen.data import load_dataset
    from reportgen.template.write import write_plan

    data = tmp / "data"
    shutil.copytree(MINI_DIR, data)
    (data / "events.yaml").write_text("events: []\n", encoding="utf-8")
    template = tmp / "house"
    write_plan(load_dataset(data), BRIEFING, template)
    edit(template / "deck.yaml", "    source: articles\n", "    source: events\n")
    edit(template / "deck.yaml", "    - field: outlet\n", "    - field: place\n")
    out = str(tmp / "out")
    return ["build", "--data", str(data), "--template", str(template), "--out", out]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_template_fails_cleanly(case, run, tmp_path, monkeypatch):
    assert_fails_cleanly(case, run, tmp_path, monkeypatch)
