"""The sources page as one HTML file: no network, no script, its own font.

The page is for a presenter on any machine, offline: the styles are inline, the Chinese face
is embedded as a subset of the characters the page uses (the one the PDF embeds, so no
character turns into a box where no Chinese font is installed), a Content-Security-Policy
allows nothing else to load or run, and every text from the articles or the YAML goes
through Jinja's autoescaping. The same content gives the same bytes.
"""

from __future__ import annotations

import base64
from importlib.resources import files

from reportgen import locale
from reportgen.content.sources_page import SourcesPage
from reportgen.template import Template

FONT_NAME = "reportgen-sources"


def render_sources(page: SourcesPage, template: Template) -> bytes:
    """The page's HTML, UTF-8."""
    import jinja2

    environment = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
    )
    source = files("reportgen.render").joinpath("templates", "sources.html").read_text("utf-8")
    labels = {figure.id: figure.label for figure in page.figures}
    titles = {article.id: article.title for article in page.articles}
    context = {
        "page": page,
        "t": page.texts,
        "tag": locale.get(page.info.lang).TAG,
        "labels": labels,
        "titles": titles,
        "colours": template.theme.on_paper().colors,  # a page is read on white
        "font": "",
        "font_name": FONT_NAME,
    }
    page_template = environment.from_string(source)
    # the face is cut to the characters the page shows: the page without it says which
    context["font"] = _embedded_font(template, page_template.render(context))
    return page_template.render(context).encode("utf-8")


def _embedded_font(template: Template, text: str) -> str:
    """The theme's East Asian face cut to the characters of ``text``, base64."""
    from reportgen.fonts import truetype_subset

    _, path = truetype_subset(template.face("east_asian"), text)
    return base64.b64encode(path.read_bytes()).decode("ascii")
