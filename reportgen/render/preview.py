"""`reportgen preview`: decks and PDFs as PNG pages and one contact sheet, to look at.

Decks go through LibreOffice (with the bundled font, see ``office``), PDFs straight to
poppler's pdftoppm; Pillow (a matplotlib dependency) lays the thumbnails out.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from reportgen.fonts import Face
from reportgen.render.office import OfficeError, to_pdf

POPPLER_HINT = "pdftoppm is not installed; on Debian or Ubuntu: apt-get install poppler-utils"


def pages_to_png(pdf: Path, out_dir: Path, stem: str, dpi: int = 80) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        raise OfficeError(POPPLER_HINT)
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in _page_files(out_dir, stem):  # a longer earlier version must not leave pages
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(out_dir / stem)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return _page_files(out_dir, stem)


def _page_files(out_dir: Path, stem: str) -> list[Path]:
    """stem-1.png, stem-2.png… in page order; stem-sheet.png is the contact sheet, not a page."""
    pages = [p for p in out_dir.glob(f"{stem}-*.png") if p.stem.rsplit("-", 1)[1].isdigit()]
    return sorted(pages, key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def contact_sheet(pages: list[Path], target: Path, columns: int = 4, gap: int = 12) -> Path:
    """All pages as thumbnails in one image, in order."""
    from PIL import Image

    images = [Image.open(page).convert("RGB") for page in pages]
    width = max(image.width for image in images)
    height = max(image.height for image in images)
    rows = (len(images) + columns - 1) // columns
    sheet = Image.new(
        "RGB", (columns * (width + gap) + gap, rows * (height + gap) + gap), "#8A939E"
    )
    for index, image in enumerate(images):
        row, col = divmod(index, columns)
        sheet.paste(image, (gap + col * (width + gap), gap + row * (height + gap)))
    target.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(target, optimize=True)
    return target


def preview(
    document: Path, out_dir: Path, faces: list[Face], *, dpi: int = 80, columns: int = 4
) -> tuple[list[Path], Path]:
    """PNG pages of a .pptx or .pdf and its contact sheet ``<name>-sheet.png``."""
    with tempfile.TemporaryDirectory(prefix="reportgen-preview-") as work:
        pdf = document if document.suffix.lower() == ".pdf" else to_pdf(document, Path(work), faces)
        pages = pages_to_png(pdf, out_dir, document.stem, dpi)
    sheet = contact_sheet(pages, out_dir / f"{document.stem}-sheet.png", columns)
    return pages, sheet
