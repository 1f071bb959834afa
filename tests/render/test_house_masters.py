"""The seed on masters nobody here wrote: PowerPoint's Office Theme and every Impress template
LibreOffice ships, converted to PPTX by LibreOffice itself, in Chinese and English. Each
builds (its own check included), `reportgen check` finds nothing, and LibreOffice renders as
many pages as the deck has slides."""

import os
import shutil
import subprocess
from pathlib import Path

import pptx
import pytest
from pptx import Presentation

from reportgen.render.office import soffice

pytestmark = pytest.mark.slow

IMPRESS = Path("/usr/lib/libreoffice/share/template/common/presnt")
OFFICE = Path(os.path.dirname(pptx.__file__)) / "templates" / "default.pptx"


@pytest.fixture(scope="module")
def masters(tmp_path_factory) -> list[Path]:
    """The Office Theme and each bundled Impress template as .pptx, converted in one run."""
    office = soffice()
    if office is None or shutil.which("pdfinfo") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install LibreOffice and poppler-utils (see .ci/run)")
        pytest.skip("LibreOffice or poppler-utils not installed")
    templates = sorted(IMPRESS.glob("*.otp"))
    if not templates:
        pytest.skip(f"no Impress templates in {IMPRESS} (libreoffice-impress not installed)")
    folder = tmp_path_factory.mktemp("masters")
    profile = tmp_path_factory.mktemp("profile")
    subprocess.run(
        [
            office,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pptx",
            "--outdir",
            str(folder),
            *map(str, templates),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    converted = sorted(folder.glob("*.pptx"))
    assert len(converted) == len(templates)
    shutil.copy(OFFICE, folder / "Office_Theme.pptx")
    return [folder / "Office_Theme.pptx", *converted]


def test_every_master_builds_checks_and_renders(masters, tmp_path, run):
    out = tmp_path / "out"
    decks = []
    for master in masters:
        result = run(
            "build",
            "--template",
            str(master),
            "--lang",
            "zh,en",
            "--format",
            "pptx",
            "--out",
            str(out / master.stem),
        )
        assert result.code == 0, f"{master.name}: {result.err}"
        decks += sorted((out / master.stem).glob("*.pptx"))
    assert len(decks) == 2 * len(masters)
    checked = run("check", *map(str, decks))
    assert checked.code == 0, checked.err + checked.out
    # every deck rendered by LibreOffice, in one run, with the bundled font
    pdfs = tmp_path / "pdf"
    profile = tmp_path / "profile"
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(pdfs),
            *map(str, decks),
        ],
        check=True,
        capture_output=True,
        timeout=1800,
    )
    for deck in decks:
        slides = len(Presentation(str(deck)).slides)
        info = subprocess.run(
            ["pdfinfo", str(pdfs / f"{deck.stem}.pdf")], capture_output=True, text=True, check=True
        ).stdout
        pages = int(
            next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages"))
        )
        assert pages == slides == 14, deck.name


def test_content_slides_avoid_a_masters_design_and_titles_keep_its_colour(masters, seed):
    """Focus draws its title page over bold shapes and its content pages on a cleaner master:
    content goes where the design is not. Metropolis lays a photograph over its whole master:
    its colours are read from the photograph, and its white titles are kept."""
    from reportgen.build import resolve_template
    from reportgen.render.layouts import KINDS, choose
    from reportgen.render.pptx import open_master
    from reportgen.template.house import contrast

    by_name = {m.stem: m for m in masters}
    prs = open_master(by_name["Focus"])
    frames = choose(prs, KINDS, "Focus.pptx")
    layouts = [layout for master in prs.slide_masters for layout in master.slide_layouts]
    title_master = layouts[frames["Title"].layout].slide_master
    assert layouts[frames["KPI Grid"].layout].slide_master is not title_master
    metropolis = resolve_template(by_name["Metropolis"], {m.id for m in seed.metrics}).theme
    c = metropolis.colors
    assert c.background not in ("#FFFFFF", "#000000")  # the photograph's colour
    assert c.text == "#FFFFFF" and contrast(c.primary, c.background) >= 3
