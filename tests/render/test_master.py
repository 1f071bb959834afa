import io
from pathlib import Path

import pytest
from pptx import Presentation

from reportgen.build import resolve_template
from reportgen.check.pptx import check_pptx
from reportgen.content.deck import build_deck
from reportgen.errors import TemplateError
from reportgen.render.master import LAYOUTS, MASTER_FILE, build_master
from reportgen.render.pptx import open_master, render_deck
from tests.conftest import BRIEFING_DIR


def test_committed_master_is_what_the_theme_makes(briefing):
    """The master cannot drift from theme.yaml: regenerate it with
    `python -m reportgen.render.master` after changing the theme."""
    committed = (BRIEFING_DIR / MASTER_FILE).read_bytes()
    assert build_master(briefing.theme) == committed


def test_master_has_named_layouts_and_theme_fonts(briefing):
    prs = open_master(briefing.master)
    assert [layout.name for layout in prs.slide_layouts] == list(LAYOUTS)
    theme_xml = prs.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
    ).blob
    assert b'<a:ea typeface="Noto Sans SC"/>' in theme_xml
    assert b"0B3D6B" in theme_xml


def test_own_master_missing_layouts_puts_those_slides_on_the_nearest_one(tmp_path, seed):
    prs = open_master(BRIEFING_DIR / MASTER_FILE)
    for layout in list(prs.slide_layouts):
        if layout.name in ("Timeline", "Table"):
            prs.slide_layouts.remove(layout)
    own = tmp_path / "house.pptx"
    prs.save(own)
    template = resolve_template(own, {m.id for m in seed.metrics})
    deck = build_deck(seed, template, template.deck, "zh")
    data = render_deck(deck, template)
    assert check_pptx(data, seed, "house.pptx", deck) == []
    used = {s.slide_layout.name for s in Presentation(io.BytesIO(data)).slides}
    assert not used & {"Timeline", "Table"}
    assert "KPI Grid" in used  # one content area under the title, as the table needs


def test_own_master_with_the_layouts_is_used(tmp_path, decks, seed):
    own = tmp_path / "house.pptx"
    own.write_bytes((BRIEFING_DIR / MASTER_FILE).read_bytes())
    template = resolve_template(own, {m.id for m in seed.metrics})
    assert template.master == own
    assert render_deck(decks["en"][0], template)[:2] == b"PK"


def test_not_a_presentation(tmp_path):
    junk = tmp_path / "junk.pptx"
    junk.write_bytes(b"not a zip")
    with pytest.raises(TemplateError) as info:
        open_master(Path(junk))
    assert "not a readable PowerPoint master" in str(info.value.problems[0])
