import io
import os
import shutil
import subprocess
import sys

import pytest

from reportgen.fonts import (
    FontError,
    bundled_faces,
    check_glyphs,
    missing_glyphs,
    resolve,
    text_width,
    truetype_subset,
)
from tests.conftest import ROOT, reportgen_process


def test_bundled_faces_are_files_inside_an_installed_package():
    faces = bundled_faces()
    assert set(faces) == {"Noto Sans SC", "Noto Serif SC"}
    assert all(path.is_file() and path.suffix == ".otf" for path in faces.values())


def test_resolve_never_falls_back_to_a_system_font():
    with pytest.raises(FontError, match="font family 'SimHei' is not available"):
        resolve("SimHei")


def test_template_fonts_take_precedence(tmp_path):
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    shutil.copy(bundled_faces()["Noto Serif SC"], fonts / "house.otf")
    face = resolve("Noto Serif SC", fonts)
    assert face.path == fonts / "house.otf"


def test_missing_glyphs_are_named():
    face = resolve("Noto Sans SC")
    assert missing_glyphs("上合示范区 4700余家 “A—B” ÷×²", face) == []
    assert missing_glyphs("园区\U0001f680\u0e01", face) == ["\U0001f680", "\u0e01"]
    with pytest.raises(FontError, match="slide 3: font 'Noto Sans SC' has no glyph for"):
        check_glyphs([("slide 3", "ok"), ("slide 3", "\U0001f680")], face)


def test_text_width_uses_the_font_advances():
    face = resolve("Noto Sans SC")
    assert text_width("上合示范区", face, 10) == pytest.approx(50)  # CJK: one em each
    assert text_width("iiii", face, 10) < text_width("MMMM", face, 10)


def test_an_unwritable_cache_folder_falls_back_to_a_temporary_one(tmp_path, monkeypatch, capsys):
    from reportgen.paths import cache_root

    home = tmp_path / "home"
    home.write_text("a file: nothing can be created under it, not even by root")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("REPORTGEN_CACHE_DIR", raising=False)  # restored after the test
    first = cache_root()
    second = cache_root()
    assert first == second and first.is_dir() and os.access(first, os.W_OK)
    assert not first.is_relative_to(home)
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"cannot write the cache folder {home}/.cache/reportgen" in err


@pytest.mark.slow
def test_pdfs_build_with_an_unwritable_home_and_say_so_once(tmp_path):
    """Every PDF failed when HOME could not be written: the font subsets are a cache."""
    home = tmp_path / "home"
    home.write_text("not a folder")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    out = tmp_path / "out"
    args = ["build", "--format", "pdf", "--lang", "zh,en", "--jobs", "2", "--out", str(out)]
    result = reportgen_process(
        args, drop=("REPORTGEN_CACHE_DIR", "XDG_CACHE_HOME"), HOME=str(home), TMPDIR=str(scratch)
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("cannot write the cache folder") == 1, result.stderr
    assert sorted(p.suffix for p in out.iterdir() if not p.name.startswith(".")) == [".pdf"] * 2
    assert list(scratch.iterdir()) == []  # the temporary cache went with the run


def test_charts_with_an_unwritable_home_say_so_once_and_matplotlib_not_at_all(tmp_path):
    home = tmp_path / "home"
    home.write_text("not a folder")
    result = reportgen_process(
        ["charts", "--lang", "en", "--out", str(tmp_path)],
        drop=("REPORTGEN_CACHE_DIR", "XDG_CACHE_HOME", "MPLCONFIGDIR"),
        HOME=str(home),
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("cannot write the cache folder") == 1, result.stderr
    assert "Matplotlib" not in result.stderr and "matplotlib" not in result.stderr


def test_a_fonts_character_map_is_parsed_once_then_read_from_the_cache(tmp_path):
    """validate checks every text's glyphs: the second run reads the cached character map
    and does not import fontTools (parsing a CJK font's cmap costs more than validating)."""
    code = (
        "import sys\n"
        "from reportgen.fonts import missing_glyphs\n"
        "from reportgen.template import display_face\n"
        "face = display_face()\n"
        "print(missing_glyphs('对外贸易 trade \\U0001f600', face), 'fontTools' in sys.modules)\n"
    )
    env = {**os.environ, "REPORTGEN_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=300,
            check=True,
        ).stdout.strip()
        for _ in range(2)
    ]
    assert runs == ["['\U0001f600'] True", "['\U0001f600'] False"]
    assert len(list((tmp_path / "fonts").glob("cmap-*.u32"))) == 1


def test_a_subset_is_truetype_covering_its_text_and_the_same_bytes_each_time(tmp_path, monkeypatch):
    """The PDF embeds this subset: it must hold every character as TrueType outlines, and
    cutting it again (a new cache, as on a fresh machine) must give the same bytes."""
    from fontTools.ttLib import TTFont

    face = resolve("Noto Sans SC")
    text = "青岛上合示范区进出口增长 12.5% Trade"
    made = []
    for run in ("a", "b"):
        monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / run))
        name, path = truetype_subset(face, text)
        assert path.is_relative_to(tmp_path / run)
        made.append((name, path.read_bytes()))
    assert made[0] == made[1]
    font = TTFont(io.BytesIO(made[0][1]))
    assert "glyf" in font and "CFF " not in font
    cmap = font.getBestCmap()
    assert all(ord(ch) in cmap for ch in set(text))
    assert font["glyf"][cmap[ord("青")]].numberOfContours > 0  # outlines, not empty boxes


def test_advances_are_parsed_once_then_read_from_the_cache_with_the_same_widths(tmp_path):
    """Every process that fits text (a build's deck and PDF workers) needs the face's
    advances: the second reads them from the cache, without fontTools, and measures alike."""
    code = (
        "import sys\n"
        "from reportgen.fonts import resolve, text_width\n"
        "face = resolve('Noto Sans SC')\n"
        "print(text_width('对外贸易 Trade 12.5%', face, 18), 'fontTools' in sys.modules)\n"
    )
    env = {**os.environ, "REPORTGEN_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=300,
            check=True,
        ).stdout.split()
        for _ in range(2)
    ]
    assert runs[0][1] == "True" and runs[1][1] == "False"
    assert runs[0][0] == runs[1][0]
    assert len(list((tmp_path / "fonts").glob("advances-*.u32"))) == 1
