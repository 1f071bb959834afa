"""`reportgen plan`'s files: a planned template written into a new folder.

What the template holds is chosen in ``planner``; this module only writes it. The charts,
deck and summary plans are serialised from their models (``model_dump``), so a file can only
say what the schema allows; the theme and the master are copied from an existing template.
The result is a draft to edit (titles, talking points), but it builds as written.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from reportgen.charts.spec import ChartSpec
from reportgen.data import Dataset
from reportgen.errors import Problem, TemplateError
from reportgen.locale.texts import unfolded
from reportgen.outputs import atomic_write
from reportgen.paths import display_path
from reportgen.safeio import MAX_DATA_FILE_BYTES, MAX_MASTER_FILE_BYTES, Refused, read_inside
from reportgen.template.planner import Plans, plan_template
from reportgen.theme import theme_name
from reportgen.yamlio import decode_text, dump_yaml

#: Keys a chart writes first, before the rest in its model's order: a rank chart names its
#: table before its titles, as planned charts always have (the files stay byte for byte).
_CHART_KEYS_FIRST = ("id", "kind", "table")


def write_plan(dataset: Dataset, base: Path, target: Path) -> dict[str, int]:
    """Write theme, master, charts, deck and summary plans for ``dataset`` into ``target``,
    the theme and master copied from the template folder ``base``. Everything is read,
    decoded and planned before anything is written."""
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} exists and is not empty; choose a new folder")
    master = _read_base(base, "master.pptx")
    problems: list[Problem] = []
    theme = decode_text(_read_base(base, "theme.yaml"), display_path(base / "theme.yaml"), problems)
    if theme is None:
        raise TemplateError(problems)
    try:
        plans = plan_template(dataset)
    except ValidationError as exc:  # e.g. more figure tables than a deck has slides for
        reasons = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or exc.title}: {e['msg']}"
            for e in exc.errors(include_url=False)
        )
        problem = f"no template that builds can be planned for this data ({reasons})"
        raise TemplateError([Problem(display_path(target), None, None, None, problem)]) from None
    files = {
        "master.pptx": master,
        "theme.yaml": renamed_theme(theme, target).encode("utf-8"),
        **plan_files(plans),
    }
    target.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        atomic_write(target / name, data)
    return {"charts": len(plans.charts), "slides": len(plans.deck.slides)}


def renamed_theme(theme: str, target: Path) -> str:
    """The base theme's text named after the new folder: the theme's name names the outputs
    (<dataset>_<template>_<lang>.pptx), so they carry the new template's name, not the name
    of the one it was copied from. Only the name line changes; the comments stay."""
    name = theme_name(target.resolve().name)
    return re.sub(r"(?m)^name:.*$", lambda _: f"name: {name}", theme, count=1)


def plan_files(plans: Plans) -> dict[str, bytes]:
    """charts.yaml, deck.yaml and (when there is one) summary.yaml, by file name."""
    files = {
        "charts.yaml": dump_yaml({"charts": [chart_fields(c) for c in plans.charts]}),
        "deck.yaml": dump_yaml(written_fields(plans.deck)),
    }
    if plans.summary is not None:
        files["summary.yaml"] = dump_yaml(written_fields(plans.summary))
    return files


def written_fields(model: BaseModel) -> dict[str, Any]:
    """A model's fields as a template file writes them: by their YAML names (``from``), and
    only those that differ from the default, so the file says what was chosen; a chart's
    texts once per language (``title_zh``), as charts.yaml writes them."""
    return unfolded(model, model.model_dump(mode="json", by_alias=True, exclude_defaults=True))


def chart_fields(spec: ChartSpec) -> dict[str, Any]:
    """A chart's fields as charts.yaml writes them."""
    fields = written_fields(spec)
    first = {key: fields.pop(key) for key in _CHART_KEYS_FIRST if key in fields}
    return {**first, **fields}


def _read_base(base: Path, name: str) -> bytes:
    """A file of the base template, read like any template file: from inside its folder, a
    regular file, bounded (a link out would copy another folder's file into the new one)."""
    limit = MAX_MASTER_FILE_BYTES if name.endswith(".pptx") else MAX_DATA_FILE_BYTES
    try:
        return read_inside(base, name, limit)
    except Refused as refused:
        shown = display_path(base / name)
        raise TemplateError([Problem(shown, None, None, None, refused.reason)]) from None
