"""Text a PDF draws beyond the left or right edge of its page.

pypdf's text extraction reads text wherever it is drawn, so a running header or a long quote
that runs off the paper still reads as text. Here each text-showing operator is measured:
where the text matrix puts it on the page, and how wide its glyphs are by the font's own
``/Widths`` (the embedded subsets reportlab writes are simple fonts: one byte per glyph, a
width per code). A font without widths (a standard font, not embedded) is not measured: the
font check reports it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: How far past an edge a glyph may reach before it is a finding (rounding, side bearings).
TOLERANCE_PT = 1.0

_POSITIONING = {b"BT", b"Td", b"TD", b"Tm", b"T*", b"'", b'"'}


@dataclass(frozen=True)
class Overrun:
    """Text drawn past an edge: which edge, by how many points, and the text."""

    edge: str  # "left" or "right"
    points: float
    text: str

    def __str__(self) -> str:
        shown = self.text if len(self.text) <= 24 else self.text[:24] + "…"
        edge, points = self.edge, self.points
        return f"text drawn past the {edge} edge of the page by {points:.0f} pt: '{shown}'"


class _Font:
    """A simple font's widths and its codes' characters (from /ToUnicode)."""

    def __init__(self, font) -> None:
        self.first = int(font.get("/FirstChar", 0))
        self.widths = [float(w) for w in (font.get("/Widths") or [])]
        self.chars: dict[int, str] = {}
        cmap = font.get("/ToUnicode")
        if cmap is not None:
            data = cmap.get_object().get_data().decode("latin-1")
            for code, uni in re.findall(r"<([0-9A-Fa-f]{2})>\s*<([0-9A-Fa-f]{4,})>", data):
                self.chars[int(code, 16)] = bytes.fromhex(uni).decode("utf-16-be", "replace")

    @property
    def measured(self) -> bool:
        return bool(self.widths)

    def width(self, codes: bytes) -> float:
        """Width in text space units per point of size (1/1000 em per unit)."""
        total = 0.0
        for code in codes:
            index = code - self.first
            total += self.widths[index] if 0 <= index < len(self.widths) else 0.0
        return total / 1000

    def text(self, codes: bytes) -> str:
        return "".join(self.chars.get(code, "") for code in codes)


def _codes(operand) -> bytes:
    if isinstance(operand, bytes):
        return operand
    if isinstance(operand, str):
        return operand.encode("latin-1", "replace")
    return bytes(getattr(operand, "original_bytes", b""))


def _times(m: list[float], n: list[float]) -> list[float]:
    """The product of two PDF matrices [a b c d e f]."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return [
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    ]


def overruns(page) -> list[Overrun]:
    """Every piece of text ``page`` (a pypdf page) draws beyond its left or right edge."""
    return read_page(page)[1]


def read_page(page) -> tuple[str, list[Overrun]]:
    """A page's text (pypdf's extraction) and the text it draws beyond its left or right
    edge, in one pass over its content."""
    box = page.mediabox
    left, right = float(box.left), float(box.right)
    resources = page.get("/Resources") or {}
    fonts = {
        str(name): _Font(ref.get_object()) for name, ref in (resources.get("/Font") or {}).items()
    }
    state = {"font": None, "size": 0.0, "advance": 0.0, "tm": None}
    found: list[Overrun] = []

    def show(codes: bytes, kerning: float, cm, tm) -> None:
        font = state["font"]
        if font is None or not font.measured:
            return
        if state["tm"] != list(tm):  # moved since the last text: start from the new place
            state["tm"], state["advance"] = list(tm), 0.0
        size = state["size"]
        width = (font.width(codes) * size) - kerning * size / 1000
        matrix = _times(list(tm), list(cm))
        start = state["advance"]
        state["advance"] += width
        x0 = matrix[4] + start * matrix[0]
        x1 = matrix[4] + (start + width) * matrix[0]
        text = font.text(codes).strip()
        if not text:
            return
        lo, hi = min(x0, x1), max(x0, x1)
        if hi > right + TOLERANCE_PT:
            found.append(Overrun("right", hi - right, text))
        elif lo < left - TOLERANCE_PT:
            found.append(Overrun("left", left - lo, text))

    def visit(operator, operands, cm, tm) -> None:
        if operator in _POSITIONING:
            state["tm"], state["advance"] = None, 0.0
        if operator == b"Tf" and len(operands) >= 2:
            state["font"] = fonts.get(str(operands[0]))
            state["size"] = float(operands[1])
        elif operator == b"Tj" and operands:
            show(_codes(operands[0]), 0.0, cm, tm)
        elif operator == b"TJ" and operands:
            for item in operands[0]:
                if isinstance(item, (int, float)):
                    show(b"", float(item), cm, tm)
                else:
                    show(_codes(item), 0.0, cm, tm)

    text = page.extract_text(visitor_operand_before=visit) or ""
    return text, found
