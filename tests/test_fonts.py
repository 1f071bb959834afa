import shutil

import pytest

from reportgen.fonts import (
    FontError,
    bundled_faces,
    check_glyphs,
    missing_glyphs,
    resolve,
    text_width,
)


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
