"""Bad templates: snippets that would hang the build or exhaust its memory, and hostile
values in a template's plans and theme. Each ends in one clear line naming the template file
and the place, exit 1, and an output folder left as it was."""

from __future__ import annotations

import pytest

from tests.corpus.test_bad_input import assert_fails_cleanly, replace_in, template_case

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
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_template_fails_cleanly(case, run, tmp_path, monkeypatch):
    assert_fails_cleanly(case, run, tmp_path, monkeypatch)
