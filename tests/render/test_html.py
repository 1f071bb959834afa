"""The sources page as HTML: one file that loads nothing, runs nothing and escapes every text
that comes from articles or YAML."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from reportgen import formats
from reportgen.build import resolve_template
from reportgen.data import load_dataset
from tests.conftest import edit

HOSTILE_LABEL = "<script>alert(1)</script>贸易"
HOSTILE_LABEL_ZH = '"><img src=x onerror=alert(1)>对外贸易额'
HOSTILE_TITLE = "javascript:alert(1)"
HOSTILE_QUOTE = "<b onmouseover=alert(1)>"


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text between tags."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _page(folder, lang: str) -> bytes:
    dataset = load_dataset(folder)
    template = resolve_template("briefing", {m.id for m in dataset.metrics}, dataset)
    fmt = formats.get("html")
    return fmt.render(fmt.content(dataset, template, lang, None), template, dataset)


@pytest.fixture
def hostile(mini):
    """mini with markup and a javascript: URL in labels, a title and a quoted sentence."""
    edit(mini / "metrics.yaml", "label_en: Foreign trade\n", f"label_en: {HOSTILE_LABEL!r}\n")
    edit(mini / "metrics.yaml", "label_zh: 对外贸易额\n", f"label_zh: {HOSTILE_LABEL_ZH!r}\n")
    edit(
        mini / "articles.yaml",
        "title_en: The zone's first-quarter results",
        f"title_en: {HOSTILE_TITLE}",
    )
    for path, old in (
        (mini / "articles" / "trade.txt", "入驻企业300余家"),
        (mini / "raw" / "page.txt", "入驻企业300余家"),
    ):
        edit(path, old, old + HOSTILE_QUOTE)
    edit(
        mini / "metrics.yaml",
        "quote: 累计开行班列近200列\n",
        f"quote: 累计开行班列近200列，入驻企业300余家{HOSTILE_QUOTE}\n",
    )
    return mini


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_text_from_articles_and_yaml_is_shown_never_run(hostile, lang):
    html = _page(hostile, lang).decode("utf-8")
    page = Elements()
    page.feed(html)
    tags = [tag for tag, _ in page.tags]
    assert "script" not in tags and "img" not in tags and "b" not in tags
    for _, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs)
        for name in ("href", "src"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), value  # links within the page only
    text = "".join(page.text)
    shown = {"zh": HOSTILE_LABEL_ZH, "en": HOSTILE_LABEL}[lang]
    assert shown in text and HOSTILE_QUOTE in text  # shown as the text it is
    if lang == "en":
        assert HOSTILE_TITLE in text


def test_the_page_loads_nothing_and_embeds_its_font(mini):
    html = _page(mini, "zh").decode("utf-8")
    assert "default-src 'none'" in html  # nothing loads or runs that the page does not hold
    assert 'src: url("data:font/ttf;base64,' in html
    assert "http://" not in html and "https://" not in html
    assert '<html lang="zh-CN">' in html


def test_the_same_data_gives_the_same_bytes(mini):
    assert _page(mini, "en") == _page(mini, "en")


def test_every_link_has_its_target(mini):
    page = Elements()
    page.feed(_page(mini, "en").decode("utf-8"))
    ids = {attrs["id"] for _, attrs in page.tags if attrs.get("id")}
    links = {attrs["href"][1:] for tag, attrs in page.tags if tag == "a" and attrs.get("href")}
    assert links and links <= ids
