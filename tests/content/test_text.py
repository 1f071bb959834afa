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
