"""What a built deck shows, read back from the .pptx: the texts of each slide and its notes.

The evaluation reads the file the user gets, not the content model that made it, so a text a
renderer adds (or loses) is counted too. Each text is a ``Text``: one paragraph of a text
frame, one table cell, one string of a native chart, or one line of the speaker notes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

#: Where on a slide a text is: its title, a text frame, a table cell, a native chart, the notes.
Place = Literal["title", "text", "table", "chart", "notes"]

#: Layouts that hold no content of their own (a title or section opener, a closing slide).
OPENING_LAYOUTS = frozenset({"Title", "Title Slide", "Section", "Section Header", "Closing"})


@dataclass(frozen=True)
class Text:
    slide: int  # 1-based
    place: Place
    text: str


@dataclass(frozen=True)
class SlideTexts:
    number: int  # 1-based
    layout: str
    texts: tuple[Text, ...]
    #: names of text frames on the slide (placeholders and text boxes) that hold no text
    empty_frames: tuple[str, ...] = ()
    has_picture: bool = False

    @property
    def is_content(self) -> bool:
        return self.layout not in OPENING_LAYOUTS

    def shown(self) -> tuple[Text, ...]:
        """The texts a reader of the slide sees (everything but the notes)."""
        return tuple(t for t in self.texts if t.place != "notes")

    def notes(self) -> tuple[Text, ...]:
        return tuple(t for t in self.texts if t.place == "notes")


def read_deck(path: str | Path) -> tuple[SlideTexts, ...]:
    """Every slide of a deck with its texts, in slide order."""
    from pptx import Presentation

    deck = Presentation(str(path))
    return tuple(_slide(n, slide) for n, slide in enumerate(deck.slides, 1))


def _slide(number: int, slide) -> SlideTexts:
    from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

    texts: list[Text] = []
    empty: list[str] = []
    picture = False
    for shape in _shapes(slide.shapes):
        if shape.shape_type == MSO_SHAPE_TYPE.PICTURE or _is_picture_placeholder(shape):
            picture = True
        if getattr(shape, "has_chart", False) and shape.has_chart:
            texts += [Text(number, "chart", t) for t in _chart_texts(shape.chart)]
        elif getattr(shape, "has_table", False) and shape.has_table:
            texts += [
                Text(number, "table", cell.text)
                for row in shape.table.rows
                for cell in row.cells
                if cell.text.strip()
            ]
        elif shape.has_text_frame:
            title = shape.is_placeholder and shape.placeholder_format.type in (
                PP_PLACEHOLDER.TITLE,
                PP_PLACEHOLDER.CENTER_TITLE,
            )
            lines = [p.text for p in shape.text_frame.paragraphs if p.text.strip()]
            if not lines and _is_frame(shape):
                empty.append(shape.name)
            texts += [Text(number, "title" if title else "text", line) for line in lines]
    if slide.has_notes_slide:
        notes = slide.notes_slide.notes_text_frame
        if notes is not None:
            texts += [
                Text(number, "notes", line) for line in notes.text.splitlines() if line.strip()
            ]
    return SlideTexts(number, slide.slide_layout.name, tuple(texts), tuple(empty), picture)


def _shapes(shapes):
    """Every shape, inside groups too."""
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _shapes(shape.shapes)
        else:
            yield shape


def _is_frame(shape) -> bool:
    """A shape meant to hold text: a placeholder or a text box (not a drawn rectangle)."""
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    return shape.is_placeholder or shape.shape_type == MSO_SHAPE_TYPE.TEXT_BOX


def _is_picture_placeholder(shape) -> bool:
    return shape.is_placeholder and hasattr(shape, "image")


def _chart_texts(chart) -> list[str]:
    """A native chart's strings: title, series names, categories, custom data labels."""
    found: list[str] = []
    if chart.has_title and chart.chart_title.has_text_frame:
        found.append(chart.chart_title.text_frame.text)
    for plot in chart.plots:
        found += [str(c) for c in plot.categories]
        for series in plot.series:
            found.append(series.name or "")
            for point in _points(series):
                label = point.data_label
                if label.has_text_frame:
                    found.append(label.text_frame.text)
    return [text for text in found if text.strip()]


def _points(series):
    try:
        return list(series.points)
    except (AttributeError, TypeError):  # a kind python-pptx gives no points for
        return []
