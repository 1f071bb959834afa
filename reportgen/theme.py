"""A template's theme: colours, font families, sizes and chart style, defined once.

Charts, the deck and the PDF all read the same Theme, so a colour or a type size changes in
one file. Colours are validated as #RRGGBB so a typo is caught before anything is drawn.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Colour = Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}$")]
Size = Annotated[float, Field(gt=2, le=200)]
# The name is part of every output's file name: letters, digits, - _ . only, never a path.
Name = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]


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
    background: Colour


class DerivedStyle(_Model):
    """How derived or estimated values are set apart from reported ones."""

    alpha: Annotated[float, Field(gt=0, le=1)] = 0.45
    hatch: str = "///"


class Fonts(_Model):
    latin: Annotated[str, Field(min_length=1)]
    east_asian: Annotated[str, Field(min_length=1)]


class Sizes(_Model):
    title: Size
    heading: Size
    body: Size
    caption: Size
    chart_title: Size
    chart_label: Size
    chart_tick: Size
    chart_note: Size


class ChartStyle(_Model):
    width_in: Annotated[float, Field(gt=1, le=40)]
    height_in: Annotated[float, Field(gt=1, le=40)]
    dpi: Annotated[int, Field(ge=50, le=600)]


class Theme(_Model):
    name: Name
    colors: Colours
    derived: DerivedStyle = DerivedStyle()
    fonts: Fonts
    sizes: Sizes
    chart: ChartStyle
