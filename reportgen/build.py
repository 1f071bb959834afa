"""The build pipeline, top to bottom: check everything, plan the outputs, render, write.

1. Every data folder and the template are loaded and checked before anything is drawn.
2. Each output (one data folder x language x format) is a task. A task whose inputs have not
   changed since the file on disk was made is skipped: its input digest (data files, template
   files, reportgen's code, library versions, SOURCE_DATE_EPOCH) is kept in
   ``<out>/.reportgen-state.json`` with the output's own hash.
3. Tasks run in ``--jobs`` processes; each writes its file atomically, so an interrupted or failed
   build never leaves a truncated file or replaces a good one.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from reportgen.check import CheckError
from reportgen.errors import Problem, ProblemsError, ReportgenError, TemplateError, UsageError
from reportgen.outputs import atomic_write
from reportgen.paths import display_path
from reportgen.safeio import Refused, chunks, resolve_inside
from reportgen.template import DEFAULT_TEMPLATE, Template, load_template, template_dir

STATE_FILE = ".reportgen-state.json"


@dataclass(frozen=True)
class Task:
    data_dir: Path
    dataset_id: str
    template: str
    lang: str  # "" for the language-neutral tables workbook
    fmt: str
    path: Path
    check: bool = True

    @property
    def label(self) -> str:
        return f"{self.dataset_id} {self.fmt}{' ' + self.lang if self.lang else ''}"


@dataclass(frozen=True)
class Built:
    path: Path
    kind: str
    lang: str
    pages: int  # slides, pages or sheets
    size: int
    reused: bool = False
    seconds: float = 0.0


def resolve_template(name_or_path: str | Path, metric_ids: set[str]) -> Template:
    """A template folder or name; or an organisation's own .pptx master, used with the
    default template's theme and plans."""
    path = Path(name_or_path)
    if path.suffix.lower() == ".pptx":
        if not path.is_file():
            raise TemplateError(
                [Problem(display_path(path), None, None, None, "PowerPoint master not found")]
            )
        base = load_template(DEFAULT_TEMPLATE, metric_ids)
        return replace(base, master_override=path)
    return load_template(name_or_path, metric_ids)


def deck_filename(dataset_id: str, template: Template, lang: str) -> str:
    """What and when: the data set (its id carries the period), the template, the language."""
    return f"{dataset_id}_{template.name}_{lang}.pptx"


def summary_filename(dataset_id: str, template: Template, lang: str) -> str:
    return f"{dataset_id}_{template.name}-summary_{lang}.pdf"


def tables_filename(dataset_id: str) -> str:
    return f"{dataset_id}-tables.xlsx"


def plan(
    data_dirs: list[Path],
    template_name: str,
    langs: list[str],
    formats: list[str],
    out_dir: Path,
    warnings: list[str] | None = None,
) -> list[Task]:
    """Check every input, then list the outputs to make. Raises before anything is drawn."""
    from reportgen.data import DataError, load_dataset

    problems: list[Problem] = []
    datasets = []
    for data_dir in data_dirs:
        try:
            datasets.append((data_dir, load_dataset(data_dir)))
        except DataError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DataError(problems)
    tasks: list[Task] = []
    for data_dir, dataset in datasets:
        unreviewed = sum(1 for entry in (*dataset.metrics, *dataset.events) if not entry.reviewed)
        if unreviewed and warnings is not None:
            warnings.append(
                f"{display_path(data_dir)}: {unreviewed} metric(s) and event(s) are "
                "drafts not yet reviewed (reviewed: false)"
            )
        ident = dataset.info.id
        if "pptx" not in formats and "pdf" not in formats:
            # The workbook needs no template: a new data folder gets its tables before anyone
            # has written a slide plan for it.
            _LOADED[(data_dir, template_name)] = (dataset, None)
            if "xlsx" in formats:
                tasks.append(
                    Task(
                        data_dir, ident, template_name, "", "xlsx", out_dir / tables_filename(ident)
                    )
                )
            continue
        template = resolve_template(template_name, {m.id for m in dataset.metrics})
        _LOADED[(data_dir, template_name)] = (dataset, template)  # workers reuse (fork)
        for fmt, needed in (("pptx", template.deck), ("pdf", template.summary)):
            if fmt in formats and needed is None:
                name = "deck.yaml" if fmt == "pptx" else "summary.yaml"
                raise UsageError(f"template '{template_name}' has no {name} for --format {fmt}")
        _check_content(data_dir, dataset, template, langs, formats)
        for lang in langs:
            for fmt, filename in (("pptx", deck_filename), ("pdf", summary_filename)):
                if fmt in formats:
                    path = out_dir / filename(ident, template, lang)
                    tasks.append(Task(data_dir, ident, template_name, lang, fmt, path))
        if "xlsx" in formats:
            tasks.append(
                Task(data_dir, ident, template_name, "", "xlsx", out_dir / tables_filename(ident))
            )
    paths = [t.path for t in tasks]
    clashes = sorted({display_path(p) for p in paths if paths.count(p) > 1})
    if clashes:
        raise UsageError(
            "two data folders would write the same file (same dataset id): " + ", ".join(clashes)
        )
    return tasks


def _check_content(
    data_dir: Path, dataset, template: Template, langs: list[str], formats: list[str]
) -> None:
    """Fill every slide and page once without drawing: a snippet naming an unknown metric,
    an unsafe snippet or a chart that does not fit the data fails here, before any drawing."""
    for lang in langs:
        if "pptx" in formats:
            from reportgen.content.deck import build_deck

            _CONTENT[(data_dir, lang, "pptx")] = build_deck(dataset, template, template.deck, lang)
        if "pdf" in formats:
            from reportgen.content.summary import build_summary

            _CONTENT[(data_dir, lang, "pdf")] = build_summary(
                dataset, template, template.summary, lang
            )


#: Content models built by the pre-drawing check, reused by the renderers (forked workers
#: inherit them), so a deck's slides are decided once per build.
_CONTENT: dict[tuple, object] = {}


def _check_master(template: Template) -> None:
    from reportgen.render.pptx import check_master, open_master

    layouts = {slide.layout for slide in template.deck.slides}
    check_master(open_master(template.master), layouts, display_path(template.master))


# --- running one task (in this process or a worker) ------------------------------------


_LOADED: dict[tuple[Path, str], tuple] = {}


def _inputs(data_dir: Path, template_name: str) -> tuple:
    """The checked dataset and template of a task, loaded once per process."""
    key = (data_dir, template_name)
    if key not in _LOADED:
        from reportgen.data import load_dataset

        dataset = load_dataset(data_dir)
        _LOADED[key] = (dataset, resolve_template(template_name, {m.id for m in dataset.metrics}))
    return _LOADED[key]


def render_task(task: Task) -> tuple[bytes, int]:
    """The bytes of one output and its slide, page or sheet count."""
    dataset, template = _inputs(task.data_dir, task.template)
    if task.fmt == "pptx":
        from reportgen.content.deck import build_deck
        from reportgen.render.pptx import render_deck

        deck = _CONTENT.get((task.data_dir, task.lang, "pptx")) or build_deck(
            dataset, template, template.deck, task.lang
        )
        return render_deck(deck, template), len(deck.slides)
    if task.fmt == "pdf":
        from reportgen.content.summary import build_summary
        from reportgen.render.pdf import page_count, render_summary

        summary = _CONTENT.get((task.data_dir, task.lang, "pdf")) or build_summary(
            dataset, template, template.summary, task.lang
        )
        data = render_summary(summary, template)
        return data, page_count(data)
    from reportgen.data.dataset import TABLE_NAMES
    from reportgen.tables import to_xlsx

    frames = {name: dataset.table(name) for name in TABLE_NAMES}
    return to_xlsx(frames, dataset.page.date_earliest if dataset.page else None), len(frames)


def run_task(task: Task) -> Built:
    """Render, check and atomically write one output (runs in a worker with --jobs).

    The check runs on the bytes before they are written: an output with findings never
    replaces the previous file."""
    started = time.perf_counter()
    data, count = render_task(task)
    if task.check:
        from reportgen.check import CheckError, check_bytes

        findings = check_bytes(
            data, task.fmt, _inputs(task.data_dir, task.template)[0], display_path(task.path)
        )
        if findings:
            raise CheckError(findings)
    atomic_write(task.path, data)
    return Built(
        task.path, task.fmt, task.lang, count, len(data), seconds=time.perf_counter() - started
    )


# --- up-to-date checks -----------------------------------------------------------------------


def _files_digest(root: Path, digest) -> None:
    """Names and bytes of the regular files under ``root`` (or of ``root`` itself), streamed in
    1 MiB chunks so a large file costs no memory. Links out of the folder, pipes and devices
    are left out: the readers refuse them, so they cannot shape an output."""
    if root.is_file():
        digest.update(root.name.encode() + b"\0")
        for chunk in chunks(root):
            digest.update(chunk)
        return
    names = []
    for folder, subfolders, files in os.walk(root):  # does not enter linked folders
        subfolders.sort()
        names += [Path(folder, name).relative_to(root).as_posix() for name in files]
    for name in sorted(names):
        try:
            pieces = chunks(resolve_inside(root, name), follow=False)
            first = next(pieces, b"")
        except Refused:
            continue
        digest.update(name.encode() + b"\0" + first)
        for chunk in pieces:
            digest.update(chunk)


@cache
def _environment_digest() -> str:
    """reportgen's own code and the versions of the libraries that shape the bytes."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256()
    _files_digest(Path(__file__).resolve().parent, digest)
    for package in (
        "python-pptx",
        "reportlab",
        "matplotlib",
        "openpyxl",
        "fonttools",
        "svglib",
        "pylopdf-fonts-zh-cn",
        "pandas",
    ):
        try:
            digest.update(f"{package}={version(package)}".encode())
        except PackageNotFoundError:
            digest.update(package.encode())
    return digest.hexdigest()


def input_digest(task: Task, folders: dict[Path, str] | None = None) -> str:
    """Everything an output depends on. The data folder counts by the files its dataset read
    (hashed as they were loaded; a file it does not name cannot change an output, so a large
    unrelated file in raw/ is never read); the template by its files. ``folders`` keeps each
    template's hash for the rest of a build, so it is read once, not once per output."""
    folders = {} if folders is None else folders
    digest = hashlib.sha256()
    for part in (
        task.fmt,
        task.lang,
        os.environ.get("SOURCE_DATE_EPOCH", ""),
        _environment_digest(),
        _inputs(task.data_dir, task.template)[0].source_digest,
    ):
        digest.update(part.encode() + b"\0")
    if Path(task.template).suffix.lower() != ".pptx":
        roots = [template_dir(task.template)]
    else:  # an organisation's master with the default template's theme and plans
        roots = [template_dir(DEFAULT_TEMPLATE), Path(task.template)]
    for root in roots:
        if root not in folders:
            folder = hashlib.sha256()
            _files_digest(root, folder)
            folders[root] = folder.hexdigest()
        digest.update(folders[root].encode() + b"\0")
    return digest.hexdigest()


def _file_sha(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class _State:
    """What was built from what, kept beside the outputs."""

    def __init__(self, out_dir: Path):
        self.path = out_dir / STATE_FILE
        try:
            self.entries = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(self.entries, dict):
                self.entries = {}
        except (OSError, ValueError):
            self.entries = {}

    def fresh(self, task: Task, inputs: str) -> bool:
        entry = self.entries.get(task.path.name)
        return (
            bool(entry)
            and entry.get("inputs") == inputs
            and entry.get("sha256") == _file_sha(task.path)
        )

    def record(self, task: Task, inputs: str) -> None:
        self.entries[task.path.name] = {"inputs": inputs, "sha256": _file_sha(task.path)}

    def save(self) -> None:
        text = json.dumps(self.entries, indent=1, sort_keys=True) + "\n"
        atomic_write(self.path, text.encode("utf-8"))


# --- the whole build -------------------------------------------------------------------------


def build(
    data_dirs: list[Path],
    template_name: str,
    langs: list[str],
    formats: list[str],
    out_dir: Path,
    *,
    jobs: int = 1,
    force: bool = False,
    check: bool = True,
    warnings: list[str] | None = None,
    progress: Callable[[str, Task, Built | None], None] | None = None,
) -> list[Built]:
    """Plan, skip what is up to date, render the rest (in ``jobs`` processes), write."""
    progress = progress or (lambda *_: None)
    tasks = [
        replace(t, check=check)
        for t in plan(data_dirs, template_name, langs, formats, out_dir, warnings)
    ]
    _remove_stale_temps(tasks)
    state = _State(out_dir)
    folders: dict[Path, str] = {}
    digests = {task: input_digest(task, folders) for task in tasks}
    results: list[Built] = []
    todo = []
    for task in tasks:
        if not force and state.fresh(task, digests[task]):
            kind_count = state.entries[task.path.name].get("count", 0)
            built = Built(
                task.path, task.fmt, task.lang, kind_count, task.path.stat().st_size, reused=True
            )
            results.append(built)
            progress("reused", task, built)
        else:
            todo.append(task)
    for task in todo:  # an unusable master fails the build before any drawing
        if task.fmt == "pptx":
            _check_master(_inputs(task.data_dir, task.template)[1])
    failures: list[str] = []
    if jobs > 1 and len(todo) > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, len(todo))) as pool:
            futures = {}
            for task in todo:
                progress("start", task, None)
                futures[pool.submit(run_task, task)] = task
            for future in as_completed(futures):
                task = futures[future]
                _collect(future.result, task, state, digests, results, failures, progress)
    else:
        for task in todo:
            progress("start", task, None)
            _collect(lambda t=task: run_task(t), task, state, digests, results, failures, progress)
    state.save()
    if failures:
        raise BuildError(failures)
    order = {task.path: n for n, task in enumerate(tasks)}
    return sorted(results, key=lambda b: order[b.path])


def _remove_stale_temps(tasks: list[Task]) -> None:
    """Temporary files a killed build left beside its outputs (never the outputs themselves)."""
    for task in tasks:
        for stale in task.path.parent.glob(f".{task.path.name}.*.tmp"):
            stale.unlink(missing_ok=True)


def _collect(get, task, state, digests, results, failures, progress) -> None:
    try:
        built = get()
    except ProblemsError as exc:
        failures.append(f"{task.label}: " + "; ".join(str(p) for p in exc.problems))
        progress("failed", task, None)
        return
    except CheckError as exc:  # the output was not written
        failures.extend(f"check: {finding}" for finding in exc.findings)
        progress("failed", task, None)
        return
    except ReportgenError as exc:
        failures.append(f"{task.label}: {exc}")
        progress("failed", task, None)
        return
    except Exception as exc:  # a worker's unexpected error is reported, not a traceback
        failures.append(f"{task.label}: {type(exc).__name__}: {exc}")
        progress("failed", task, None)
        return
    state.record(task, digests[task])
    state.entries[task.path.name]["count"] = built.pages
    results.append(built)
    progress("done", task, built)


class BuildError(ReportgenError):
    """Some outputs could not be made; the others were written, failed ones left as they were."""

    exit_code = 3

    def __init__(self, failures: list[str]):
        self.failures = failures
        super().__init__("; ".join(failures))
