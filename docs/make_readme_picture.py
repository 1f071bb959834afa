"""Regenerate the README's pictures, rendered by reportgen itself: docs/what-you-get.png (four
slides of the curated Chinese seed deck), and two decks made from articles with no hand edits
(extract, then build with no plan): docs/auto-long.png (the seed's raw page as a new article,
Chinese) and docs/auto-short.png (the two clippings of examples/articles-2023-06, English).

    python docs/make_readme_picture.py      (needs LibreOffice and poppler-utils)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from reportgen.fonts import bundled_faces, resolve
from reportgen.render.preview import contact_sheet, preview

ROOT = Path(__file__).resolve().parent.parent
SLIDES = (2, 4, 10, 12)


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        out = Path(work)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "reportgen",
                "build",
                "--out",
                str(out),
                "-q",
                "--format",
                "pptx,pdf",
            ],
            check=True,
            cwd=ROOT,
        )
        faces = [resolve(family) for family in bundled_faces()]
        deck_pages, _ = preview(next(out.glob("*_zh.pptx")), out / "png", faces, dpi=60)
        chosen = [deck_pages[n - 1] for n in SLIDES]
        contact_sheet(chosen, ROOT / "docs" / "what-you-get.png", columns=2)
        for name, articles, extra, lang, slides in AUTO:
            deck = _auto_deck(out / name, articles, extra, lang)
            pages, _ = preview(deck, out / f"{name}-png", faces, dpi=60)
            chosen = [pages[n - 1] for n in slides if n <= len(pages)]
            contact_sheet(chosen, ROOT / "docs" / f"{name}.png", columns=2)
        house(out / "house", faces)
    print(
        "wrote docs/what-you-get.png, docs/auto-long.png, docs/auto-short.png, "
        "docs/house-template.png"
    )


#: The house-template picture: a template LibreOffice ships, as an organisation's master.
HOUSE = Path("/usr/lib/libreoffice/share/template/common/presnt/Midnightblue.otp")


def house(work: Path, faces) -> None:
    """docs/house-template.png: the seed deck (English) on a master nobody here wrote,
    converted to PPTX by LibreOffice and used as it is."""
    work.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pptx", "--outdir", str(work), str(HOUSE)],
        check=True,
        capture_output=True,
    )
    master = work / f"{HOUSE.stem}.pptx"
    args = ["build", "--template", str(master), "--out", str(work / "out"), "-q"]
    subprocess.run(
        [sys.executable, "-m", "reportgen", *args, "--format", "pptx", "--lang", "en"],
        check=True,
        cwd=ROOT,
    )
    pages, _ = preview(next((work / "out").glob("*_en.pptx")), work / "png", faces, dpi=60)
    chosen = [pages[n - 1] for n in (1, 2, 4, 12)]
    contact_sheet(chosen, ROOT / "docs" / "house-template.png", columns=2)


#: The auto decks: picture name, articles, extract options, language, slides shown.
AUTO = (
    (
        "auto-long",
        ["reportgen/bundled/data/qingdao-sco-2023-05/raw/000_8bdebe869efda307.txt"],
        ["--date", "2023-05-29"],
        "zh",
        (2, 3, 4, 9),
    ),
    ("auto-short", ["examples/articles-2023-06"], [], "en", (1, 2, 3, 4)),
)


def _auto_deck(work: Path, articles: list[str], extra: list[str], lang: str) -> Path:
    """extract -> build, as a scheduled run does: no plan, no hand edits."""
    reportgen = [sys.executable, "-m", "reportgen"]
    draft = work / "data"
    subprocess.run(
        [*reportgen, "extract", *articles, *extra, "--to-data", str(draft)],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    args = ["build", "--data", str(draft), "--out", str(work / "out"), "-q"]
    subprocess.run([*reportgen, *args, "--format", "pptx", "--lang", lang], check=True, cwd=ROOT)
    return next((work / "out").glob(f"*_{lang}.pptx"))


if __name__ == "__main__":
    main()
