"""The running header fitted to its line (`render/pdf_header.py`)."""

from __future__ import annotations

from reportgen.render.pdf_header import ELLIPSIS, fitted_header


def width(text: str) -> float:
    return 10.0 * len(text)  # ten points a character


def test_a_title_that_fits_is_the_header():
    assert fitted_header("示范区简报", width, 50) == "示范区简报"


def test_a_long_title_is_cut_to_fit_with_an_ellipsis():
    header = fitted_header("中国上海合作组织地方经贸合作示范区", width, 60)
    assert header == "中国上海合作"[:5] + ELLIPSIS and width(header) <= 60
    assert fitted_header("The zone three years on", width, 100) == "The zone" + ELLIPSIS
