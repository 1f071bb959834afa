from pathlib import Path

import pytest

from reportgen.content.text import SnippetError, SnippetRenderer
from reportgen.data import load_dataset
from tests.conftest import SEED_DIR


@pytest.fixture(scope="module")
def renderer():
    return SnippetRenderer(load_dataset(SEED_DIR), "zh", {"title": "标题"})


def test_metrics_render_with_hedges_and_are_recorded(renderer):
    text, used = renderer.render("已吸引{{ m.platform_enterprises }}企业；{{ title }}", "t")
    assert text == "已吸引4700余家企业；标题"
    assert used == ["platform_enterprises"]


def test_derived_metrics_carry_their_mark(renderer):
    assert renderer.render("{{ m.sco_trade_share_2022 }}", "t")[0] == "22.5%（推算）"


def test_unknown_metric_names_the_place(renderer):
    with pytest.raises(SnippetError, match="slide 'x' title: no metric 'nope'"):
        renderer.render("{{ m.nope }}", "slide 'x' title")


@pytest.mark.parametrize(
    "payload",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ m.__class__.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os }}",
        "{% for x in ().__class__.__base__.__subclasses__() %}{{ x }}{% endfor %}",
    ],
)
def test_sandbox_refuses_attribute_tricks(renderer, payload):
    with pytest.raises(SnippetError):
        renderer.render(payload, "t")


# --- limits: a template cannot hang a build or make it allocate gigabytes --------------------

DOUBLING = (
    "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}"
    "{% endfor %}{{ ns.s }}"
)
NESTED_LOOPS = "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"
ALIASED = (  # ten references to one string, nested: tiny to build, 10^10 characters printed
    "{% set s = 'x' * 100000 %}{% set l = [s, s, s, s, s, s, s, s, s, s] %}"
    + "{% set l = [l, l, l, l, l, l, l, l, l, l] %}" * 4
    + "{{ l }}"
)

HOSTILE = [
    ("{{ 'x' * 3000000000 }}", "makes a text or list longer than 100,000"),
    ("{{ 3000000000 * ['x'] }}", "makes a text or list longer than 100,000"),
    (DOUBLING, "makes a text longer than 100,000"),
    (
        "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}"
        "{% endfor %}",
        "makes a text or list longer than 100,000",
    ),
    ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "nests calls more than 50 deep"),
    ("{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}", "nests calls more than 50 deep"),
    (NESTED_LOOPS, "takes more than 1,000,000 steps"),
    (
        "{% for c in 'abcdefghij' * 10000 %}{% for d in 'abcdefghij' * 10000 %}{% endfor %}"
        "{% endfor %}",
        "takes more than 1,000,000 steps",
    ),
    ("{% for a in range(3000000000) %}{% endfor %}", "uses a count or width above 100,000"),
    ("{{ 'x'.ljust(2000000000) }}", "uses a count or width above 100,000"),
    ("{{ 'x'|center(2000000000) }}", "uses a count or width above 100,000"),
    ("{{ '%2000000000d' % 1 }}", "uses a count or width above 100,000"),
    ("{{ '%*d' % (2000000000, 1) }}", "uses a count or width above 100,000"),
    ("{{ '%.*f' % (2000000000, 1.0) }}", "uses a count or width above 100,000"),
    ("{{ '{:>2000000000}'.format(1) }}", "uses a count or width above 100,000"),
    ("{{ '%2000000000d'|format(1) }}", "uses a count or width above 100,000"),
    ("{% set s = 'x' * 50000 %}{{ s.replace('', s) }}", "would make a text or list longer"),
    ("{% set s = 'x' * 50000 %}{{ s|join(s) }}", "would make a text or list longer"),
    ("{% set s = 'x\\n' * 50000 %}{{ s|indent(1000) }}", "would make a text or list longer"),
    ("{{ 10 ** 10000000 }}", "makes a number too large"),
    (ALIASED, "makes a text or list longer than 100,000"),
    ("{% for i in range(50001) %}xx{% endfor %}", "writes more than 100,000 characters"),
    ("{{ " + "(" * 300 + "1" + ")" * 300 + " }}", "nests too deep"),
    (  # a list holding itself twice, 40 deep: one == would walk 2^40 items
        "{% set ns = namespace(l=[1]) %}{% for i in range(40) %}{% set ns.l = [ns.l, ns.l] %}"
        "{% endfor %}{{ ns.l == ns.l }}",
        "makes a text or list longer than 100,000",
    ),
    (  # the same with tuples, hashed as a dict key
        "{% set ns = namespace(t=(1,)) %}{% for i in range(40) %}{% set ns.t = (ns.t, ns.t) %}"
        "{% endfor %}{{ {ns.t: 1} }}",
        "makes a text or list longer than 100,000",
    ),
    (
        "{% set s = 'x' * 99000 %}{% set t = 'x' * 99000 %}{% for i in range(1000) %}"
        "{% for j in range(1000) %}{% if s == t %}{% endif %}{% endfor %}{% endfor %}",
        "takes more than 1,000,000 steps",
    ),
    ("{{ 1 / 0 }}", "cannot be rendered: division by zero"),
    ("{{ 'x' * 3e9 }}", "cannot be rendered: can't multiply sequence by non-int"),
]


@pytest.mark.parametrize(("snippet", "message"), HOSTILE, ids=[m for _, m in HOSTILE])
def test_costly_snippets_fail_as_template_errors_naming_file_and_place(snippet, message):
    renderer = SnippetRenderer(load_dataset(SEED_DIR), "en", source="templates/x/deck.yaml")
    with pytest.raises(SnippetError) as caught:
        renderer.render(snippet, "slide 'k' title")
    assert str(caught.value).startswith("templates/x/deck.yaml: slide 'k' title: ")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("snippet", "printed"),
    [
        ("{{ self }}", "TemplateReference"),
        ("{{ cycler }}", "type"),
        ("{{ m }}", "_Metrics"),
        ("{{ dict(a=1).items()|list }}", "list"),
        ("{{ m.staff_total|map('upper')|list }}", "list"),
        ("{{ 'x' ~ self }}", "TemplateReference"),
        ("{{ '%s %s'|format(m, 1) }}", "_Metrics"),
        ("{{ '%s' % self }}", "TemplateReference"),
        ("{{ '{}'.format(m) }}", "_Metrics"),
        ("{{ ' '.join([m, 'a']) }}", "_Metrics"),
        ("{{ [self]|join(',') }}", "TemplateReference"),
        ("{{ self|string }}", "TemplateReference"),
    ],
)
def test_snippets_print_text_and_numbers_never_python_objects(snippet, printed):
    renderer = SnippetRenderer(load_dataset(SEED_DIR), "en", source="templates/x/deck.yaml")
    with pytest.raises(SnippetError) as caught:
        renderer.render(snippet, "slide 'k' title")
    assert str(caught.value) == (
        f"templates/x/deck.yaml: slide 'k' title: snippet prints a {printed} object, "
        "not text or a number"
    )


def test_limits_do_not_refuse_ordinary_snippets(renderer):
    text, _ = renderer.render(
        "{% for i in range(3) %}{{ i }}{% endfor %} {{ '%s' % m.staff_total }} "
        "{{ title|upper }} {{ [1, 2]|join(', ') }} {{ 'a' ~ m.staff_total }} "
        "{{ ('x' * 100000)|length }} {{ '{}-{}'.format(1, 2) }} "
        "{% for a, b in [(1, 2)] %}{{ a + b }}{% endfor %} {{ {'k': 1}['k'] }} {{ 1 < 2 < 3 }} "
        "{{ 'a' in 'abc' }} {{ 3 is divisibleby(3) }} {{ x is defined }}",
        "t",
    )
    assert text == "012 144人标题1, 2 a144人100000 1-2 3 1 True True True False"


def test_each_render_starts_with_a_fresh_budget(renderer):
    loop = "{% for a in range(1000) %}{% for b in range(900) %}{% endfor %}{% endfor %}"
    for _ in range(3):  # 0.9 million steps each: fine alone, over the limit if summed
        assert renderer.render(loop, "t")[0] == ""


def test_bundled_templates_use_a_small_fraction_of_each_limit(briefing, seed, monkeypatch):
    """The limits are far above real use: the briefing deck and summary, in both languages,
    never come within a hundredth of any limit."""
    from reportgen.content import text
    from reportgen.content.deck import build_deck
    from reportgen.content.summary import build_summary

    peaks = {"work": 0, "depth": 0, "text": 0}
    real_render = text.SnippetRenderer.render
    real_call = text._GuardedEnvironment.call

    def render(self, snippet, where):
        result = real_render(self, snippet, where)
        peaks["work"] = max(peaks["work"], self._env.work)
        peaks["text"] = max(peaks["text"], len(result[0]), len(snippet))
        return result

    def call(env, *args, **kwargs):
        peaks["depth"] = max(peaks["depth"], env.depth + 1)
        return real_call(env, *args, **kwargs)

    monkeypatch.setattr(text.SnippetRenderer, "render", render)
    monkeypatch.setattr(text._GuardedEnvironment, "call", call)
    for lang in ("zh", "en"):
        build_deck(seed, briefing, briefing.deck, lang)
        build_summary(seed, briefing, briefing.summary, lang)
    assert 0 < peaks["work"] * 100 < text.LIMITS.work
    assert 0 < peaks["text"] * 100 < text.LIMITS.text
    assert peaks["depth"] * 10 < text.LIMITS.depth


def test_costly_snippets_fail_within_bounded_memory(tmp_path):
    """Every hostile snippet fails cleanly in a process that may not map more than 1.5 GB:
    none of them allocates what it asks for (3 GB, 2^40 characters...)."""
    import json
    import subprocess
    import sys

    script = tmp_path / "probe.py"
    script.write_text(
        "import json, resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20, 1536 * 2**20))\n"
        "from reportgen.content.text import SnippetError, SnippetRenderer\n"
        "from reportgen.data import load_dataset\n"
        f"renderer = SnippetRenderer(load_dataset({str(SEED_DIR)!r}), 'en')\n"
        "messages = []\n"
        "for snippet in json.loads(sys.stdin.read()):\n"
        "    try:\n"
        "        renderer.render(snippet, 't')\n"
        "        messages.append('rendered')\n"
        "    except SnippetError as exc:\n"
        "        messages.append(str(exc))\n"
        "print(json.dumps(messages))\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, str(script)],
        input=json.dumps([snippet for snippet, _ in HOSTILE]),
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr[-2000:]
    messages = json.loads(result.stdout)
    for (_, expected), got in zip(HOSTILE, messages, strict=True):
        assert expected in got
        assert "memory" not in got


def test_a_planned_note_names_the_outlet_once(mini):
    """Issue 14: a planned note read 本页数字均来自来源：（待补充）: {{ source }} is a whole
    source line (来源：…), so a sentence names the outlet with {{ outlet }}."""
    from reportgen import locale
    from reportgen.content.text import SnippetRenderer, snippet_context
    from reportgen.data import load_dataset

    data = load_dataset(mini)
    for lang, expected in (
        ("zh", "本页数字均来自测试日报，"),
        ("en", "Every number on this slide comes from Test Daily;"),
    ):
        renderer = SnippetRenderer(data, lang, snippet_context(data, lang))  # type: ignore[arg-type]
        note, _ = renderer.render(locale.get(lang).PLAN_TEXTS.source_note, "note")
        assert note.startswith(expected)
    assert snippet_context(data, "zh")["source"] == "来源：测试日报，2023年3月"  # unchanged
