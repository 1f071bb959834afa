"""Small hand-made decks: python-pptx's default template, a title slide and content slides
with the texts a test names."""

from __future__ import annotations

from pathlib import Path

import pytest


def make_deck(path: Path, slides: list[dict]) -> Path:
    """A deck with one slide per dict: ``title``, ``body`` (lines; [] leaves the body empty),
    ``table`` (rows), ``notes`` (lines), ``opening`` (a title slide layout)."""
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    for spec in slides:
        layout = deck.slide_layouts[0 if spec.get("opening") else 1]
        slide = deck.slides.add_slide(layout)
        slide.shapes.title.text = spec.get("title", "")
        body = slide.placeholders[1]
        if spec.get("body"):
            body.text_frame.text = "\n".join(spec["body"])
        if "table" in spec:
            rows = spec["table"]
            shape = slide.shapes.add_table(
                len(rows), len(rows[0]), Inches(1), Inches(4), Inches(6), Inches(1)
            )
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    shape.table.cell(r, c).text = text
        if spec.get("notes"):
            slide.notes_slide.notes_text_frame.text = "\n".join(spec["notes"])
    deck.save(str(path))
    return path


@pytest.fixture
def deck_file(tmp_path):
    def _make(slides: list[dict], name: str = "deck.pptx") -> Path:
        return make_deck(tmp_path / name, slides)

    return _make
