"""`reportgen templates`: what templates there are and what their masters offer."""

from __future__ import annotations

from pathlib import Path

from reportgen.errors import Problem, TemplateError
from reportgen.paths import display_path
from reportgen.safeio import MAX_MASTER_FILE_BYTES, Refused, check_file
from reportgen.template.loader import CHECKOUT_TEMPLATES_DIR, TEMPLATES_DIR, template_dir


def _available() -> list[Path]:
    roots = [TEMPLATES_DIR, CHECKOUT_TEMPLATES_DIR]
    for root in roots:
        if root.is_dir():
            return sorted(p for p in root.iterdir() if (p / "theme.yaml").is_file())
    return []


def _layouts(master: Path) -> list[str]:
    from reportgen.render.pptx import open_master

    prs = open_master(master)
    lines = []
    for layout in prs.slide_layouts:
        holders = ", ".join(
            f"{ph.placeholder_format.type.name.lower()}#{ph.placeholder_format.idx}"
            for ph in layout.placeholders
        )
        lines.append(f"    {layout.name}: {holders or 'no placeholders'}")
    return lines


def describe(name_or_path: str | None) -> str:
    """A readable listing of one template, a .pptx master, or every template."""
    if name_or_path and Path(name_or_path).suffix.lower() == ".pptx":
        return "\n".join([f"{name_or_path} (master)", *_layouts(Path(name_or_path))])
    folders = [template_dir(name_or_path)] if name_or_path else _available()
    out = []
    for folder in folders:
        if not folder.is_dir():
            raise TemplateError(
                [Problem(display_path(folder), None, None, None, "template folder not found")]
            )
        if not (folder / "theme.yaml").is_file():  # what makes a folder a template
            raise TemplateError(
                [Problem(display_path(folder), None, None, None, "not a template: no theme.yaml")]
            )
        parts = [p.name for p in sorted(folder.iterdir()) if p.suffix in (".yaml", ".pptx")]
        out.append(f"{folder.name}  ({display_path(folder)}: {', '.join(parts)})")
        master = folder / "master.pptx"
        if master.exists():
            try:  # a template's master is opened only from inside it, as a build does
                check_file(folder, master.name, MAX_MASTER_FILE_BYTES)
            except Refused as refused:
                raise TemplateError(
                    [Problem(display_path(master), None, None, None, refused.reason)]
                ) from None
            out.extend(_layouts(master))
    return "\n".join(out) if out else "no templates found"
