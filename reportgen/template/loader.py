"""A template folder found by name or path, read and checked: theme, charts, deck and summary.

``load_template`` checks the files and, given a dataset, that every metric a chart names
exists, reporting every problem at once like ``reportgen validate`` does for data.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.bundled import TEMPLATES as BUNDLED_TEMPLATES_DIR
from reportgen.errors import Problem, ReportgenError, TemplateError
from reportgen.fonts import FONT_SUFFIXES, Face, resolve
from reportgen.paths import display_path
from reportgen.safeio import (
    MAX_FONT_BYTES,
    MAX_MASTER_FILE_BYTES,
    Refused,
    check_file,
    resolve_inside,
)
from reportgen.theme import Theme, theme_name
from reportgen.yamlio import LineDict, load_yaml, validate_model

if TYPE_CHECKING:  # the plan and chart schemas load with a template, not to find its face
    from reportgen.charts.spec import ChartSpec
    from reportgen.template.plan import DeckPlan, SummaryPlan

DEFAULT_TEMPLATE = "briefing"
#: The files that are an organisation's PowerPoint master when given as the template.
MASTER_SUFFIXES = (".pptx", ".potx")
LAYOUTS_FILE = "layouts.yaml"
#: A project's own templates, one folder each, under the working folder: looked at first.
TEMPLATES_DIR = Path("templates")
# BUNDLED_TEMPLATES_DIR (reportgen.bundled.TEMPLATES), the package's own: looked at second.


@dataclass(frozen=True)
class Template:
    root: Path
    theme: Theme
    charts: tuple[ChartSpec, ...]
    deck: DeckPlan | None = None
    summary: SummaryPlan | None = None
    master_override: Path | None = None  # an organisation's own .pptx/.potx master
    #: Slide kind -> layout name, where layouts.yaml names one (the rest are chosen).
    layouts: tuple[tuple[str, str], ...] = ()
    layouts_file: Path | None = None

    @property
    def master(self) -> Path:
        """The PowerPoint master the deck is built on."""
        return self.master_override or self.root / "master.pptx"

    @property
    def name(self) -> str:
        return self.theme.name

    @property
    def fonts_dir(self) -> Path:
        return self.root / "fonts"

    def face(self, role: str = "east_asian") -> Face:
        """The face for a theme role ('latin' or 'east_asian'), via the one resolver."""
        return resolve(getattr(self.theme.fonts, role), self.fonts_dir)

    def chart(self, chart_id: str) -> ChartSpec:
        for spec in self.charts:
            if spec.id == chart_id:
                return spec
        raise KeyError(f"template '{self.name}' plans no chart '{chart_id}'")


def is_master_file(name_or_path: str | Path) -> bool:
    """Whether a --template value names a PowerPoint master file (.pptx or .potx)."""
    return Path(name_or_path).suffix.lower() in MASTER_SUFFIXES


def template_dir(name_or_path: str | Path) -> Path:
    """A template folder from a path, or from a name: the project's ``templates/NAME`` (under
    the working folder) if there is one, else the bundled template of that name. A project's
    copy of a bundled template (what `reportgen new` writes) thus wins over the original."""
    path = Path(name_or_path)
    if path.is_dir() or path.parent != Path("."):
        return path
    local = TEMPLATES_DIR / path
    if local.is_dir():
        return local
    bundled = BUNDLED_TEMPLATES_DIR / path
    return bundled if bundled.is_dir() else local


def display_face(name_or_path: str | Path = DEFAULT_TEMPLATE) -> Face | None:
    """The face a template sets a dataset's text in (its theme's East Asian face, which every
    renderer and the output check use), read before the dataset is loaded so the data's
    characters are checked against it. An organisation's master (a file, or a folder without
    a theme.yaml) measures with the default template's face. None if the theme or font cannot
    be had: ``load_template`` reports that."""
    path = Path(name_or_path)
    root = template_dir(DEFAULT_TEMPLATE if is_master_file(path) else path)
    if not (root / "theme.yaml").exists():
        root = template_dir(DEFAULT_TEMPLATE)
    problems: list[Problem] = []
    doc = load_yaml(root / "theme.yaml", display_path(root / "theme.yaml"), problems)
    theme = validate_model(Theme, doc, "", "theme", problems) if isinstance(doc, LineDict) else None
    if theme is None or not _check_files(root, problems):  # a FIFO font would hang the resolver
        return None
    try:
        return resolve(theme.fonts.east_asian, root / "fonts")
    except ReportgenError:
        return None


def load_template(
    name_or_path: str | Path = DEFAULT_TEMPLATE, metric_ids: set[str] | None = None
) -> Template:
    """Load and check a template; with ``metric_ids``, also check the charts' references."""
    root = template_dir(name_or_path)
    problems: list[Problem] = []
    if not root.is_dir():
        raise TemplateError(
            [Problem(display_path(root), None, None, None, "template folder not found")]
        )
    theme_file = display_path(root / "theme.yaml")
    if not (root / "theme.yaml").exists() and (root / "master.pptx").exists():
        theme, doc, theme_root = (
            _house_theme(root, problems),
            LineDict(),
            template_dir(DEFAULT_TEMPLATE),
        )
    else:
        theme_root = root
        doc = load_yaml(root / "theme.yaml", theme_file, problems)
        theme = (
            validate_model(Theme, doc, theme_file, "theme", problems)
            if isinstance(doc, LineDict)
            else None
        )
    if doc is not None and not isinstance(doc, LineDict):
        problems.append(Problem(theme_file, None, None, None, "expected a mapping"))
    failed: set[str] | None = set()  # charts already reported; None: charts.yaml unreadable
    charts = _load_charts(root, problems, metric_ids, failed)
    if charts is None:
        charts, failed = [], None
    kinds = {spec.id: spec.kind for spec in charts}
    deck = _load_deck(root, problems, kinds, failed)
    summary = _load_summary(root, problems, set(kinds), metric_ids, failed)
    layouts = _load_layouts(root, problems)
    if _check_files(root, problems) and theme is not None:
        for role in ("latin", "east_asian"):
            try:
                resolve(getattr(theme.fonts, role), theme_root / "fonts")
            except ReportgenError as exc:
                problems.append(
                    Problem(theme_file, doc.line_of("fonts"), "theme", f"fonts.{role}", str(exc))
                )
    if problems:
        raise TemplateError(problems)
    return Template(
        root=root,
        theme=theme,
        charts=tuple(charts),
        deck=deck,
        summary=summary,
        layouts=layouts,
        layouts_file=root / LAYOUTS_FILE if layouts else None,
    )


def _house_theme(root: Path, problems: list[Problem]) -> Theme | None:
    """A folder's look from its master (no theme.yaml), on the default template's sizes."""
    from reportgen.template.house import master_theme

    try:
        check_file(root, "master.pptx", MAX_MASTER_FILE_BYTES)
        base = load_template(DEFAULT_TEMPLATE).theme
        return master_theme(root / "master.pptx", base).model_copy(
            update={"name": theme_name(root.name)}
        )
    except Refused as refused:
        problems.append(
            Problem(display_path(root / "master.pptx"), None, None, None, refused.reason)
        )
    except ReportgenError as exc:
        problems.extend(
            getattr(exc, "problems", [])
            or [Problem(display_path(root / "master.pptx"), None, None, None, str(exc))]
        )
    return None


def _load_layouts(root: Path, problems: list[Problem]) -> tuple[tuple[str, str], ...]:
    """layouts.yaml: which of the master's layouts a slide kind takes, where the automatic
    choice is not wanted (``layouts: {Chart: 图表页}``)."""
    from reportgen.template.plan import LAYOUT_BLOCKS

    path = root / LAYOUTS_FILE
    if not path.exists():
        return ()
    shown = display_path(path)
    doc = load_yaml(path, shown, problems)
    if doc is None:
        return ()
    mapping = doc.get("layouts") if isinstance(doc, LineDict) else None
    if not isinstance(mapping, dict) or set(doc) - {"layouts"}:
        problems.append(
            Problem(shown, None, None, None, "expected a mapping with a 'layouts' mapping")
        )
        return ()
    found = []
    for kind, name in mapping.items():
        line = mapping.line_of(kind) if isinstance(mapping, LineDict) else None
        if kind not in LAYOUT_BLOCKS:
            problems.append(
                Problem(
                    shown,
                    line,
                    "layouts",
                    str(kind),
                    "not a slide kind; one of " + ", ".join(LAYOUT_BLOCKS),
                )
            )
        elif not isinstance(name, str) or not name.strip():
            problems.append(Problem(shown, line, "layouts", kind, "expected a layout name"))
        else:
            found.append((kind, name))
    return tuple(found)


def _check_files(root: Path, problems: list[Problem]) -> bool:
    """The master and the font files, which libraries open themselves: each must be a
    regular file inside the template folder and of a plausible size, checked before any
    library opens it (a FIFO would hang it, a link out would read another folder)."""
    names = ["master.pptx"]
    fonts = root / "fonts"
    try:
        if fonts.is_dir():
            resolve_inside(root, "fonts")  # a link out of the template is refused
            names += [
                f"fonts/{p.name}"
                for p in sorted(fonts.iterdir())
                if p.suffix.lower() in FONT_SUFFIXES
            ]
    except Refused as refused:
        problems.append(Problem(display_path(fonts), None, None, None, refused.reason))
        return False
    ok = True
    for name in names:
        path = root / name
        if not (path.exists() or path.is_symlink()):
            continue
        limit = MAX_MASTER_FILE_BYTES if name == "master.pptx" else MAX_FONT_BYTES
        try:
            check_file(root, name, limit)
        except Refused as refused:
            problems.append(Problem(display_path(path), None, None, None, refused.reason))
            ok = False
    return ok


def _load_charts(
    root: Path, problems: list[Problem], metric_ids: set[str] | None, failed: set[str]
) -> list[ChartSpec] | None:
    """The chart specs; None if charts.yaml cannot be read. Ids of charts that fail their own
    checks go into ``failed``, so plans naming them are not reported again."""
    path = root / "charts.yaml"
    if not path.exists():
        return []
    shown = display_path(path)
    doc = load_yaml(path, shown, problems)
    if doc is None:
        return None
    if not isinstance(doc, LineDict) or not isinstance(doc.get("charts"), list):
        problems.append(Problem(shown, None, None, None, "expected a mapping with a 'charts' list"))
        return None
    from reportgen.charts.spec import ChartSpec

    specs: list[ChartSpec] = []
    seen: set[str] = set()
    for index, item in enumerate(doc["charts"]):
        if not isinstance(item, LineDict):
            problems.append(
                Problem(shown, None, f"chart #{index + 1}", None, "expected a mapping of fields")
            )
            continue
        label = (
            f"chart '{item.get('id')}'"
            if isinstance(item.get("id"), str)
            else f"chart #{index + 1}"
        )
        spec = validate_model(ChartSpec, item, shown, label, problems)
        if spec is None:
            if isinstance(item.get("id"), str):
                failed.add(item["id"])
            continue
        if spec.id in seen:
            problems.append(Problem(shown, item.line_of("id"), label, "id", "duplicate chart id"))
        seen.add(spec.id)
        if metric_ids is not None:
            for metric_id in spec.metric_ids():
                if metric_id not in metric_ids:
                    problems.append(
                        Problem(shown, item.line, label, None, f"unknown metric id '{metric_id}'")
                    )
        specs.append(spec)
    return specs


def _already_reported(chart_id: str, failed: set[str] | None) -> bool:
    """A plan naming a chart that failed its own checks, or any chart when charts.yaml could
    not be read, fails because of a problem already reported: it is not reported again."""
    return failed is None or chart_id in failed


def _chart_kind_for() -> dict[str, tuple[str, ...]]:
    """Which chart kinds each chart-holding field of a slide takes."""
    from reportgen.charts.kinds import NATIVE_KINDS

    return {"kpis": ("kpi",), "timeline": ("timeline",), "chart": NATIVE_KINDS}


def _load_deck(
    root: Path, problems: list[Problem], chart_kinds: dict[str, str], failed: set[str] | None
) -> DeckPlan | None:
    path = root / "deck.yaml"
    if not path.exists():
        return None
    shown = display_path(path)
    doc = load_yaml(path, shown, problems)
    if doc is None:
        return None
    if not isinstance(doc, LineDict):
        problems.append(Problem(shown, None, None, None, "expected a mapping with a 'slides' list"))
        return None
    from reportgen.template.plan import DeckPlan

    plan = validate_model(DeckPlan, doc, shown, "deck", problems)
    if plan is None:
        return None
    lines = {
        item.get("id"): item.line for item in doc.get("slides", []) if isinstance(item, LineDict)
    }
    for slide in plan.slides:
        for field, kinds in _chart_kind_for().items():
            chart_id = getattr(slide, field)
            if chart_id is None:
                continue
            label = f"slide '{slide.id}'"
            if chart_id not in chart_kinds and _already_reported(chart_id, failed):
                continue
            if chart_id not in chart_kinds:
                problems.append(
                    Problem(
                        shown,
                        lines.get(slide.id),
                        label,
                        field,
                        f"no chart '{chart_id}' in charts.yaml",
                    )
                )
            elif chart_kinds[chart_id] not in kinds:
                problems.append(
                    Problem(
                        shown,
                        lines.get(slide.id),
                        label,
                        field,
                        f"chart '{chart_id}' is a '{chart_kinds[chart_id]}' chart; "
                        f"'{field}' takes {' or '.join(kinds)}",
                    )
                )
    return plan


def _load_summary(
    root: Path,
    problems: list[Problem],
    chart_ids: set[str],
    metric_ids: set[str] | None,
    failed: set[str] | None,
) -> SummaryPlan | None:
    path = root / "summary.yaml"
    if not path.exists():
        return None
    shown = display_path(path)
    doc = load_yaml(path, shown, problems)
    if not isinstance(doc, LineDict):
        if doc is not None:
            problems.append(Problem(shown, None, None, None, "expected a mapping"))
        return None
    from reportgen.template.plan import SummaryPlan

    plan = validate_model(SummaryPlan, doc, shown, "summary", problems)
    if plan is None:
        return None
    for chart_id in plan.charts:
        if chart_id not in chart_ids and not _already_reported(chart_id, failed):
            problems.append(
                Problem(
                    shown,
                    doc.line_of("charts"),
                    "summary",
                    "charts",
                    f"no chart '{chart_id}' in charts.yaml",
                )
            )
    if metric_ids is not None:
        for figure in plan.key_figures:
            for metric_id in filter(None, (figure.metric, figure.change)):
                if metric_id not in metric_ids:
                    problems.append(
                        Problem(
                            shown,
                            doc.line_of("key_figures"),
                            "summary",
                            "key_figures",
                            f"unknown metric id '{metric_id}'",
                        )
                    )
    return plan
