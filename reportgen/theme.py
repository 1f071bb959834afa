"""A template's theme: colours, font families, sizes and chart style, defined once.

Charts, the deck and the PDF all read the same Theme, so a colour or a type size changes in
one file. Colours are validated as #RRGGBB so a typo is caught before anything is drawn.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

Colour = Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}$")]
Size = Annotated[float, Field(gt=2, le=200)]
# The name is part of every output's file name: letters, digits, - _ . only, never a path.
_NAME_FIRST, _NAME_REST, _NAME_MAX = "A-Za-z0-9", "A-Za-z0-9_.-", 64
Name = Annotated[str, Field(pattern=rf"^[{_NAME_FIRST}][{_NAME_REST}]{{0,{_NAME_MAX - 1}}}$")]


def theme_name(folder_name: str) -> str:
    """A valid theme name made from a template folder's name (a new template is named after
    its folder): other characters become -, and it starts with a letter or digit.

    >>> theme_name("new zone (2023)")
    'new-zone-2023'
    """
    name = re.sub(rf"[^{_NAME_REST}]+", "-", folder_name)
    name = re.sub(rf"^[^{_NAME_FIRST}]+", "", name)[:_NAME_MAX].rstrip("-._")
    return name or "template"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Colours(_Model):
    primary: Colour
    secondary: Colour
    accent: Colour
    series: Annotated[list[Colour], Field(min_length=2)]
    text: Colour
    muted: Colour
    grid: Colour
    #: The page behind everything, and the rows of a table between stripes.
    background: Colour
    #: Every other row of a table, in the deck and the PDF alike. Optional so a theme
    #: written before it keeps its look.
    stripe: Colour = "#F2F4F6"
    #: Text set on a primary-coloured fill (a table's header row): it must read on
    #: ``primary`` whatever ``background`` is. Optional, as ``stripe``.
    on_primary: Colour = "#FFFFFF"
    #: Slide titles, where they differ from ``primary`` (an organisation's master keeps its
    #: own title colour while charts and figures take its accent).
    title: Colour | None = None

    @property
    def heading(self) -> Colour:
        """The colour slide titles are set in."""
        return self.title or self.primary


class DerivedStyle(_Model):
    """How derived or estimated values are set apart from reported ones."""

    alpha: Annotated[float, Field(gt=0, le=1)] = 0.45
    # matplotlib's hatch marks; each repeat makes the pattern denser, so a few are plenty
    hatch: Annotated[str, Field(pattern=r"^[-/\\|+xXoO.*]{0,12}$")] = "///"


class Fonts(_Model):
    latin: Annotated[str, Field(min_length=1)]
    east_asian: Annotated[str, Field(min_length=1)]


class Typefaces(_Model):
    """The faces a deck's text is set in by name: headings (titles) and body. An
    organisation's master names its own (its theme's major and minor fonts); the theme's
    ``fonts`` stay the faces text is measured with and the PDF and charts embed."""

    heading_latin: Annotated[str, Field(min_length=1)]
    heading_east_asian: Annotated[str, Field(min_length=1)]
    body_latin: Annotated[str, Field(min_length=1)]
    body_east_asian: Annotated[str, Field(min_length=1)]


class Sizes(_Model):
    title: Size
    heading: Size
    body: Size
    caption: Size
    chart_title: Size
    chart_label: Size
    chart_tick: Size
    chart_note: Size


#: A chart PNG's largest size in pixels (the briefing's is 2.25 million): each side may be
#: large, but both at once at a high dpi would make an image of gigabytes.
MAX_CHART_PIXELS = 25_000_000


class ChartStyle(_Model):
    width_in: Annotated[float, Field(gt=1, le=40)]
    height_in: Annotated[float, Field(gt=1, le=40)]
    dpi: Annotated[int, Field(ge=50, le=600)]

    @model_validator(mode="after")
    def _bounded_image(self) -> ChartStyle:
        pixels = self.width_in * self.dpi * self.height_in * self.dpi
        if pixels > MAX_CHART_PIXELS:
            raise ValueError(
                f"{self.width_in:g} x {self.height_in:g} in at {self.dpi} dpi makes images of "
                f"{pixels / 1e6:.0f} million pixels; at most {MAX_CHART_PIXELS / 1e6:.0f} million"
            )
        return self


class Theme(_Model):
    name: Name
    colors: Colours
    derived: DerivedStyle = DerivedStyle()
    fonts: Fonts
    sizes: Sizes
    chart: ChartStyle
    #: The deck's faces by name; by default the theme's own ``fonts``.
    deck_fonts: Typefaces | None = None
    #: Slide titles keep the colour each layout gives them (an organisation's master, whose
    #: title page and content pages may set titles on different grounds).
    titles_from_master: bool = False
    #: Colours for white paper (the PDF) where the deck's are for a dark master.
    paper: Colours | None = None

    def on_paper(self) -> Theme:
        """The theme as the PDF uses it: on white paper."""
        return self if self.paper is None else self.model_copy(update={"colors": self.paper})

    @property
    def typefaces(self) -> Typefaces:
        """The faces the deck names for headings and body text."""
        if self.deck_fonts is not None:
            return self.deck_fonts
        latin, east_asian = self.fonts.latin, self.fonts.east_asian
        return Typefaces(
            heading_latin=latin,
            heading_east_asian=east_asian,
            body_latin=latin,
            body_east_asian=east_asian,
        )
