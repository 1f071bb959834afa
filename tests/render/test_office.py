"""The deck through LibreOffice: every slide becomes a page with real Chinese glyphs."""

from __future__ import annotations

import os
import subprocess

import pytest

from reportgen.render.office import to_pdf

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_deck_renders_every_slide_with_the_bundled_face(office, decks, briefing, tmp_path, lang):
    deck, data = decks[lang]
    pptx = tmp_path / f"deck-{lang}.pptx"
    pptx.write_bytes(data)
    pdf = to_pdf(pptx, tmp_path, [briefing.face()])
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(
        next(line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:"))
    )
    assert pages == len(deck.slides)
    fonts = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert "NotoSansSC" in fonts  # Chinese set in the bundled face, not a fallback box font
    for page in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert text.strip(), f"page {page} is empty"
        title = deck.slides[page - 1].title.replace(" ", "")
        assert title[:4] in text.replace(" ", "")


def test_missing_libreoffice_says_how_to_install_it(monkeypatch, tmp_path, run):
    monkeypatch.setattr("reportgen.render.office.soffice", lambda: None)
    deck = tmp_path / "x.pptx"
    deck.write_bytes(b"PK")
    result = run("preview", str(deck))
    assert result.code == 3
    assert "apt-get install --no-install-recommends libreoffice-impress" in result.err


def test_a_stopped_preview_leaves_no_temporary_folder_and_no_office(office, decks, tmp_path):
    """A preview stopped while LibreOffice converts (timeout, a CI cancel) removes its own and
    LibreOffice's temporary files, and LibreOffice goes with it."""
    import signal
    import sys
    import time

    from tests.conftest import ROOT

    deck = tmp_path / "deck.pptx"
    deck.write_bytes(decks["zh"][1])
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch), "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "reportgen", "preview", str(deck), "--out", str(tmp_path / "png")],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not list(scratch.glob("reportgen-office-*/profile")) and process.poll() is None:
        assert time.monotonic() < deadline, "LibreOffice never started"
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM, err
    assert err.strip().endswith(
        "stopped by SIGTERM; outputs not yet written keep their previous files"
    )
    assert list(scratch.iterdir()) == []


def test_an_office_that_takes_too_long_is_stopped_with_one_line(office, decks, tmp_path):
    from reportgen.fonts import resolve
    from reportgen.render.office import OfficeError

    deck = tmp_path / "deck.pptx"
    deck.write_bytes(decks["zh"][1])
    with pytest.raises(OfficeError, match=r"did not finish in 0\.2 s; stopped it"):
        to_pdf(deck, tmp_path / "pdf", [resolve("Noto Sans SC")], timeout=0.2)


def test_faces_a_deck_names_but_the_machine_lacks_are_drawn_in_the_measured_face(tmp_path):
    import shutil
    import zipfile

    from reportgen.fonts import bundled_faces, resolve
    from reportgen.render.office import fontconfig_file, missing_faces

    if shutil.which("fc-list") is None:
        pytest.skip("fontconfig's fc-list not installed")
    deck = tmp_path / "deck.pptx"
    with zipfile.ZipFile(deck, "w") as package:
        package.writestr(
            "ppt/theme/theme1.xml",
            '<a:theme><a:latin typeface="Nowhere Sans Zed"/><a:ea typeface="+mn-ea"/></a:theme>',
        )
    assert missing_faces(deck) == ("Nowhere Sans Zed",)  # theme references are not faces
    faces = [resolve(family) for family in bundled_faces()]
    conf = fontconfig_file(tmp_path, faces, missing_faces(deck)).read_text(encoding="utf-8")
    assert "<string>Nowhere Sans Zed</string>" in conf
    assert f"<string>{faces[0].family}</string></edit>" in conf
