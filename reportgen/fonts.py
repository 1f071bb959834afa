"""The one font resolver: family names from a theme to font files we ship or the template ships.

System fonts are never consulted, so output is the same on a fresh CI machine with no CJK
fonts as on a designer's laptop. The bundled faces are Noto Sans SC and Noto Serif SC (SIL OFL
1.1) from the ``pylopdf-fonts-zh-cn`` wheel: they cover GB2312 and Latin, so one face can set a
whole chart. A template may add faces in ``<template>/fonts/``.

Text is checked against the face's character map before it is drawn: a character the font
lacks is reported by name instead of turning into a box on a slide.
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportgen.errors import ReportgenError

FONT_SUFFIXES = (".otf", ".ttf")


class FontError(ReportgenError):
    """A font family cannot be resolved, or text has characters its font cannot draw."""

    exit_code = 1


@dataclass(frozen=True)
class Face:
    """A font file and the family name it answers to."""

    family: str
    path: Path

    @property
    def digest(self) -> str:
        """Content hash: part of every cache key that depends on this face."""
        return _file_digest(self.path)


def bundled_faces() -> dict[str, Path]:
    """Faces shipped with reportgen's dependencies, by family name."""
    import pylopdf_fonts_zh_cn as noto

    return {"Noto Sans SC": noto.sans_path(), "Noto Serif SC": noto.serif_path()}


def resolve(family: str, template_fonts: Path | None = None) -> Face:
    """The face for ``family``: a template's own font files first, then the bundled ones."""
    if template_fonts is not None and template_fonts.is_dir():
        for path in sorted(template_fonts.iterdir()):
            if path.suffix.lower() in FONT_SUFFIXES and _family_of(path) == family:
                return Face(family, path)
    bundled = bundled_faces()
    if family in bundled and bundled[family].is_file():
        return Face(family, bundled[family])
    known = sorted(bundled)
    raise FontError(
        f"font family '{family}' is not available; bundled: {', '.join(known)}"
        + (f"; or put its .ttf/.otf file in {template_fonts}" if template_fonts else "")
    )


def missing_glyphs(text: str, face: Face) -> list[str]:
    """Characters of ``text`` the face cannot draw (whitespace and controls excluded)."""
    cmap = _cmap(face.path)
    missing = []
    for ch in dict.fromkeys(text):
        if ch.isspace() or unicodedata.category(ch).startswith("C"):
            continue
        if ord(ch) not in cmap:
            missing.append(ch)
    return missing


def check_glyphs(texts: Iterable[tuple[str, str]], face: Face) -> None:
    """Raise FontError naming every (where, text) whose characters the face lacks."""
    problems = []
    for where, text in texts:
        missing = missing_glyphs(text, face)
        if missing:
            shown = ", ".join(f"'{ch}' U+{ord(ch):04X}" for ch in missing)
            problems.append(f"{where}: font '{face.family}' has no glyph for {shown}")
    if problems:
        raise FontError("; ".join(problems))


@lru_cache(maxsize=8)
def _cmap(path: Path) -> frozenset[int]:
    """The code points the font maps. Parsing a CJK font's cmap takes longer than validating
    a data folder, so it is kept in the cache folder by the font's hash, as sorted 32-bit
    code points: validate checks glyphs without importing fontTools. When it is not cached
    yet, it comes from the advances (one parse of the font for both; a build's workers
    inherit them)."""
    target = _font_cache() / f"cmap-{_file_digest(path)[:32]}.u32"
    codes = _read_u32(target)
    if codes is not None:
        return frozenset(codes)
    mapped = frozenset(_metrics(path)[0])
    _write_cache(target, array.array("I", sorted(mapped)).tobytes())
    return mapped


def _read_u32(target: Path) -> array.array | None:
    """A cache file of 32-bit unsigned integers; None if it is missing or unreadable."""
    from reportgen.safeio import Refused, read_file

    codes = array.array("I")
    try:  # bounded, regular files only: all of Unicode with advances is 9 MB
        codes.frombytes(read_file(target, 16 * 1024 * 1024))
    except (Refused, OSError, ValueError):  # not cached yet, or unreadable: parse the font
        return None
    return codes


def _write_cache(target: Path, data: bytes) -> None:
    with contextlib.suppress(OSError):  # a cache only saves time
        from reportgen.outputs import atomic_write

        atomic_write(target, data)


@lru_cache(maxsize=32)
def _family_of(path: Path) -> str | None:
    from fontTools.ttLib import TTFont

    try:
        with TTFont(path, lazy=True) as font:
            name = font["name"]
            return str(name.getBestFamilyName()) if name.getBestFamilyName() else None
    except Exception:  # an unreadable file in a fonts folder is skipped, not fatal
        return None


@lru_cache(maxsize=8)
def _file_digest(path: Path) -> str:
    from reportgen.safeio import chunks

    digest = hashlib.sha256()
    for block in chunks(path):
        digest.update(block)
    return digest.hexdigest()


def text_width(text: str, face: Face, size_pt: float) -> float:
    """Width of ``text`` set in ``face`` at ``size_pt``, in points, from the font's advances.

    Kerning is ignored (CJK text has none; Latin text comes out a touch wide, which is the
    safe side for fitting text into a box).
    """
    advances, default, units = _metrics(face.path)
    total = sum(advances.get(ord(ch), default) for ch in text)
    return total * size_pt / units


@lru_cache(maxsize=8)
def _metrics(path: Path) -> tuple[dict[int, int], int, int]:
    """Each mapped code point's advance, the default advance and units per em. Reading them
    from a CJK font takes a tenth of a second in every process that measures text (a build's
    deck and PDF workers each did), so they are kept in the cache folder by the font's hash,
    like the character map: units, default, count, then the code points and their advances
    as 32-bit integers."""
    target = _font_cache() / f"advances-{_file_digest(path)[:32]}.u32"
    cached = _read_u32(target)
    if cached is not None and len(cached) >= 3 and len(cached) == 3 + 2 * cached[2]:
        units, default, count = cached[:3]
        return dict(zip(cached[3 : 3 + count], cached[3 + count :], strict=True)), default, units
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        hmtx = font["hmtx"]
        units = font["head"].unitsPerEm
        advances = {code: hmtx[glyph][0] for code, glyph in font.getBestCmap().items()}
        default = hmtx[".notdef"][0] if ".notdef" in hmtx.metrics else units
    codes = sorted(advances)
    table = array.array("I", [units, default, len(codes), *codes])
    table.extend(advances[code] for code in codes)
    _write_cache(target, table.tobytes())
    return advances, default, units


def truetype_subset(face: Face, text: str) -> tuple[str, Path]:
    """A TrueType-outline subset of ``face`` covering ``text``: (unique font name, file).

    reportlab embeds only TrueType outlines, and the bundled Noto SC faces are CFF, so the
    characters a document uses are cut out with fontTools and their curves converted to
    quadratic ones (cu2qu). The result is cached by face and character set; its name is unique
    per subset because reportlab silently reuses the first face registered under a name.
    """
    chars = "".join(sorted(set(text) | set(" 0123456789")))
    key = hashlib.sha256((face.digest + chars).encode()).hexdigest()[:16]
    name = f"{face.family.replace(' ', '')}-{key}"
    target = _font_cache() / f"{name}.ttf"
    if not target.is_file():
        from reportgen.outputs import atomic_write

        atomic_write(target, _subset_to_truetype(face.path, chars, name))
    return name, target


def _font_cache() -> Path:
    from reportgen.paths import cache_root

    return cache_root() / "fonts"


def _subset_to_truetype(path: Path, chars: str, name: str) -> bytes:
    import io

    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    # lazy, as pyftsubset loads it: of a CJK face's layout tables only what the subset keeps
    # is decoded (the same bytes, a third less time for a new document's subset)
    font = TTFont(path, recalcTimestamp=False, lazy=True)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.layout_features = []
    options.hinting = False
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    if "CFF " in font:
        order = font.getGlyphOrder()
        glyph_set = font.getGlyphSet()
        glyf = newTable("glyf")
        glyf.glyphOrder = order
        glyf.glyphs = {}
        for glyph_name in order:
            pen = TTGlyphPen(None)
            glyph_set[glyph_name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
            glyf.glyphs[glyph_name] = pen.glyph()
        font["glyf"] = glyf
        font["loca"] = newTable("loca")
        for table in ("CFF ", "VORG"):
            if table in font:
                del font[table]
        maxp = newTable("maxp")
        maxp.tableVersion = 0x00010000
        for attr in (
            "maxZones",
            "maxTwilightPoints",
            "maxStorage",
            "maxFunctionDefs",
            "maxInstructionDefs",
            "maxStackElements",
            "maxSizeOfInstructions",
            "maxComponentElements",
        ):
            setattr(maxp, attr, 0)
        maxp.maxZones = 1
        font["maxp"] = maxp
        font["head"].glyphDataFormat = 0
        post = font["post"]
        post.formatType = 2.0
        post.extraNames = []
        post.mapping = {}
        post.glyphOrder = order
        font.sfntVersion = "\0\1\0\0"
    font["head"].created = font["head"].modified = 0  # reproducible bytes
    # A unique PostScript name per subset: reportlab keys embedded faces by it, and two
    # documents' subsets must never be taken for each other.
    for record in font["name"].names:
        if record.nameID in (4, 6):
            record.string = name
    buffer = io.BytesIO()
    font.save(buffer, reorderTables=True)
    return buffer.getvalue()
