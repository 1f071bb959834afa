"""`reportgen preview`: PNG pages of a deck or PDF and one contact sheet of them."""

from __future__ import annotations

import shutil

import pytest


@pytest.mark.slow
def test_preview_makes_pages_and_a_contact_sheet(office, decks, tmp_path):
    from PIL import Image

    from reportgen.fonts import resolve
    from reportgen.render.preview import preview

    deck = tmp_path / "deck.pptx"
    deck.write_bytes(decks["en"][1])
    pages, sheet = preview(deck, tmp_path / "png", [resolve("Noto Sans SC")], dpi=30)
    assert len(pages) == 14
    assert Image.open(sheet).size[0] > Image.open(pages[0]).size[0] * 3


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
def test_preview_again_into_the_same_folder(tmp_path):
    """A second preview finds the first one's contact sheet and longer page list there."""
    from reportlab.pdfgen import canvas

    from reportgen.render.preview import pages_to_png

    pdf = tmp_path / "doc.pdf"
    page = canvas.Canvas(str(pdf))
    page.drawString(72, 720, "one page")
    page.showPage()
    page.save()
    out = tmp_path / "preview"
    out.mkdir()
    (out / "doc-sheet.png").write_bytes(b"sheet")
    (out / "doc-7.png").write_bytes(b"a page of an older, longer version")
    assert [p.name for p in pages_to_png(pdf, out, "doc")] == ["doc-1.png"]
    assert (out / "doc-sheet.png").exists()


def _png(path, size, colour):
    from PIL import Image

    Image.new("RGB", size, colour).save(path)
    return path


def test_the_contact_sheet_lays_pages_out_in_order_in_rows(tmp_path):
    from PIL import Image

    from reportgen.render.preview import contact_sheet

    colours = ["#FF0000", "#00FF00", "#0000FF"]
    pages = [_png(tmp_path / f"p-{n}.png", (10, 20), c) for n, c in enumerate(colours, 1)]
    sheet = Image.open(contact_sheet(pages, tmp_path / "out" / "sheet.png", columns=2, gap=2))
    assert sheet.size == (2 * (10 + 2) + 2, 2 * (20 + 2) + 2)  # two columns, two rows
    assert sheet.getpixel((2 + 5, 2 + 10)) == (255, 0, 0)  # page 1 top left
    assert sheet.getpixel((14 + 5, 2 + 10)) == (0, 255, 0)  # page 2 beside it
    assert sheet.getpixel((2 + 5, 24 + 10)) == (0, 0, 255)  # page 3 on the next row
    assert sheet.getpixel((14 + 5, 24 + 10)) == (0x8A, 0x93, 0x9E)  # no fourth page


def test_pages_are_listed_by_page_number_and_the_sheet_is_no_page(tmp_path):
    from reportgen.render.preview import _page_files

    for name in ("doc-10.png", "doc-2.png", "doc-1.png", "doc-sheet.png", "other-3.png"):
        (tmp_path / name).write_bytes(b"")
    assert [p.name for p in _page_files(tmp_path, "doc")] == [
        "doc-1.png",
        "doc-2.png",
        "doc-10.png",
    ]


def test_without_pdftoppm_the_error_says_how_to_install_it(tmp_path, monkeypatch):
    from reportgen.render.office import OfficeError
    from reportgen.render.preview import pages_to_png

    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(OfficeError, match="apt-get install poppler-utils"):
        pages_to_png(tmp_path / "doc.pdf", tmp_path / "png", "doc")
    assert not (tmp_path / "png").exists()
