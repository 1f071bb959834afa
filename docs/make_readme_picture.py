"""Regenerate docs/what-you-get.png, the README's picture: four slides of the Chinese seed
deck, rendered by reportgen itself.

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
    print("wrote docs/what-you-get.png")


if __name__ == "__main__":
    main()
