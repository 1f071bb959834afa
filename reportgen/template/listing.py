"""`reportgen templates`: what templates there are and what their masters offer."""

from __future__ import annotations

from pathlib import Path

from reportgen.errors import Problem, TemplateError
from reportgen.paths import display_path
from reportgen.safeio import MAX_MASTER_FILE_BYTES, Refused, check_file
from reportgen.template.loader import (
    BUNDLED_TEMPLATES_DIR,
    TEMPLATES_DIR,
    is_master_file,
    template_dir,
)


def _is_template(folder: Path) -> bool:
    return (folder / "theme.yaml").is_file() or (folder / "master.pptx").is_file()


def _available() -> list[Path]:
    """The project's templates (under the working folder), then the bundled ones."""
    found = []
    for root in (TEMPLATES_DIR, BUNDLED_TEMPLATES_DIR):
        if root.is_dir():
            found += sorted(p for p in root.iterdir() if _is_template(p))
    return found


def origin(folder: Path) -> str:
    """Where a template comes from, as `reportgen templates` says it: the project, the
    package (and whether a project template of that name is used instead), or a folder."""
    resolved = folder.resolve()
    if resolved.parent == BUNDLED_TEMPLATES_DIR.resolve():
        local = TEMPLATES_DIR / folder.name
        if local.is_dir():
            return f"bundled; --template {folder.name} takes the project's {display_path(local)}"
        return "bundled"
    if resolved.parent == TEMPLATES_DIR.resolve():
        return "project"
    return "folder"


def _layouts(master: Path, folder: Path | None = None) -> list[str]:
    """The master's layouts and placeholders, the layout each slide kind takes and why,
    and the look a master without a theme.yaml gives."""
    from reportgen.render.layouts import KINDS, choose, describe
    from reportgen.render.pptx import open_master
    from reportgen.template.house import house_theme
    from reportgen.template.loader import LAYOUTS_FILE, _load_layouts, load_template

    prs = open_master(master)
    width, height = prs.slide_width / 914400, prs.slide_height / 914400
    lines = [f"  slide size {width:.2f} x {height:.2f} in; layouts:"]
    for layout in prs.slide_layouts:
        holders = ", ".join(
            f"{ph.placeholder_format.type.name.lower()}#{ph.placeholder_format.idx}"
            for ph in layout.placeholders
        )
        lines.append(f"    {layout.name}: {holders or 'no placeholders'}")
    problems: list[Problem] = []
    named = dict(_load_layouts(folder, problems)) if folder is not None else {}
    if problems:
        raise TemplateError(problems)
    shown = display_path(folder / LAYOUTS_FILE) if named else None
    lines.append("  slides take:")
    lines += describe(choose(prs, KINDS, display_path(master), named, shown))
    if folder is None or not (folder / "theme.yaml").is_file():
        theme = house_theme(prs, load_template().theme, master.stem)
        c, f = theme.colors, theme.typefaces
        lines.append(
            f"  look from the master: titles {c.heading}, figures {c.primary}, "
            f"text {c.text} on {c.background}, "
            f"series {' '.join(c.series)}; headings in {f.heading_latin} / "
            f"{f.heading_east_asian}, body in {f.body_latin} / {f.body_east_asian}"
        )
    return lines


def describe(name_or_path: str | None) -> str:
    """A readable listing of one template, a .pptx master, or every template."""
    if name_or_path and is_master_file(name_or_path):
        return "\n".join([f"{name_or_path} (master)", *_layouts(Path(name_or_path))])
    folders = [template_dir(name_or_path)] if name_or_path else _available()
    out = []
    for folder in folders:
        if not folder.is_dir():
            raise TemplateError(
                [Problem(display_path(folder), None, None, None, "template folder not found")]
            )
        if not _is_template(folder):
            raise TemplateError(
                [
                    Problem(
                        display_path(folder),
                        None,
                        None,
                        None,
                        "not a template: no theme.yaml or master.pptx",
                    )
                ]
            )
        parts = [p.name for p in sorted(folder.iterdir()) if p.suffix in (".yaml", ".pptx")]
        out.append(f"{folder.name}  ({origin(folder)}: {display_path(folder)}: {', '.join(parts)})")
        master = folder / "master.pptx"
        if master.exists():
            try:  # a template's master is opened only from inside it, as a build does
                check_file(folder, master.name, MAX_MASTER_FILE_BYTES)
            except Refused as refused:
                raise TemplateError(
                    [Problem(display_path(master), None, None, None, refused.reason)]
                ) from None
            out.extend(_layouts(master, folder))
    return "\n".join(out) if out else "no templates found"
