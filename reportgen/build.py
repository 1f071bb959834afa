"""The build pipeline, top to bottom: check everything, schedule the outputs, render, write.

1. Every data folder and the template are loaded and checked before anything is drawn.
2. Each output (one data folder x language x format) is a task; ``schedule`` lists them. A
   task whose inputs have not changed since the file on disk was made is skipped: its input
   digest (data files, template files, reportgen's code, library versions,
   SOURCE_DATE_EPOCH) is kept in ``<out>/.reportgen-state.json`` with the output's own hash.
   An output another data folder made (``<out>/.reportgen-outputs.json``, ``reportgen.owner``)
   stops the build here, before anything is written, unless ``force`` says to replace it.
3. Tasks run in ``--jobs`` processes; each writes its file atomically, so an interrupted or failed
   build never leaves a truncated file or replaces a good one. A worker gets everything it needs
   as arguments (it works the same started by fork, forkserver or spawn) and ends with the
   build, however the build ends: a signal the build can catch ends its workers first
   (``reportgen.signals``), and the workers of a SIGKILL'd build end at once by themselves.

What a build is asked to do is one ``BuildContext``, handed down the pipeline; what each
output format needs (template part, file name, content, renderer, check) is read from
``reportgen.formats``. Nothing about a build is kept in module globals.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen import formats as output_formats
from reportgen.check import CheckError
from reportgen.data.loader import data_folders
from reportgen.data.translation import described, untranslated
from reportgen.errors import Problem, ProblemsError, ReportgenError, TemplateError, UsageError
from reportgen.formats import OutputFormat
from reportgen.locale import LANGS
from reportgen.outputs import atomic_write, source_date_epoch, stale_temps
from reportgen.owner import Owner, Owners
from reportgen.paths import display_path
from reportgen.safeio import Refused, chunks, read_file, resolve_inside
from reportgen.signals import die_with_parent
from reportgen.template import (
    DEFAULT_TEMPLATE,
    Template,
    display_face,
    is_master_file,
    load_template,
    template_dir,
)
from reportgen.template.house import master_theme
from reportgen.template.planner import plan_template

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from reportgen.data import Dataset

STATE_FILE = ".reportgen-state.json"


@dataclass(frozen=True)
class Task:
    data_dir: Path
    dataset_id: str
    template: str | Path
    lang: str  # "" for an output made once for all languages (the tables workbook)
    fmt: str  # an output format's name (``reportgen.formats``)
    path: Path
    check: bool = True

    @property
    def label(self) -> str:
        return f"{self.dataset_id} {self.fmt}{' ' + self.lang if self.lang else ''}"


@dataclass(frozen=True)
class Built:
    path: Path
    kind: str  # the output format's name
    lang: str
    pages: int  # slides, pages or sheets
    size: int
    reused: bool = False
    seconds: float = 0.0


#: What the pipeline tells its caller as it goes: ("start" | "done" | "reused" | "failed",
#: the task, what was built or None).
ProgressSink = Callable[[str, Task, "Built | None"], None]


@dataclass(frozen=True)
class BuildContext:
    """What one build is asked to do, decided once by its caller (the command line, a script,
    a test) and handed down the pipeline instead of a dozen parameters.

    ``formats`` may be given by name; they are kept as registered formats, in the registry's
    order whatever order they were named in (outputs are listed and made in that order).
    ``warnings`` and ``progress`` are where the build reports to: the build appends to
    the one and calls the other, and changes nothing else here."""

    data_dirs: tuple[Path, ...]
    template: str | Path  # a name under templates/, a folder, or an organisation's .pptx master
    langs: tuple[str, ...]
    formats: tuple[OutputFormat, ...]
    out_dir: Path
    jobs: int = 1  # render processes
    check: bool = True  # run `reportgen check` on each output before it is written
    #: Rebuild outputs whose inputs did not change, and replace outputs another data folder made.
    force: bool = False
    warnings: list[str] = field(default_factory=list, compare=False)
    progress: ProgressSink | None = field(default=None, compare=False)
    #: How worker processes are started (default: Python's).
    mp_context: BaseContext | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        chosen = {
            output_formats.get(fmt.name if isinstance(fmt, OutputFormat) else fmt).name
            for fmt in self.formats
        }
        fixed = {
            # a parent folder stands for every data folder directly inside it
            "data_dirs": tuple(
                folder for given in self.data_dirs for folder in data_folders(Path(given))
            ),
            "langs": tuple(self.langs),
            "formats": tuple(fmt for fmt in output_formats.FORMATS if fmt.name in chosen),
            "out_dir": Path(self.out_dir),
        }
        for name, value in fixed.items():
            object.__setattr__(self, name, value)

    @property
    def needs_template(self) -> bool:
        """Whether any chosen format is drawn from the template (the workbook alone is not)."""
        return any(fmt.needs_template for fmt in self.formats)


def resolve_template(
    name_or_path: str | Path, metric_ids: set[str], dataset: Dataset | None = None
) -> Template:
    """A template folder or name; or an organisation's own .pptx master, used with the
    default template's theme and plans. A template whose charts name none of the data's
    figures was planned for another data folder: with ``dataset``, its look is kept and the
    deck and summary follow this data's story (what ``reportgen plan`` would write)."""
    path = Path(name_or_path)
    if is_master_file(path):
        if not path.is_file():
            raise TemplateError(
                [Problem(display_path(path), None, None, None, "PowerPoint master not found")]
            )
        default = resolve_template(DEFAULT_TEMPLATE, metric_ids, dataset)
        return replace(default, master_override=path, theme=master_theme(path, default.theme))
    own = load_template(name_or_path)
    if not own.charts and own.deck is None and own.summary is None:
        # a house template folder: its master, its look and its layouts; the default plans
        default = resolve_template(DEFAULT_TEMPLATE, metric_ids, dataset)
        return replace(
            default,
            master_override=own.master,
            theme=own.theme,
            layouts=own.layouts,
            layouts_file=own.layouts_file,
        )
    if dataset is not None:
        base = own
        named = {i for spec in base.charts for i in spec.metric_ids()}
        if named and not named & metric_ids:
            plans = plan_template(dataset)
            return replace(base, charts=plans.charts, deck=plans.deck, summary=plans.summary)
    return load_template(name_or_path, metric_ids)


@dataclass(eq=False)
class Job:
    """One task and everything it needs, handed to the worker as its argument.

    Nothing reaches a worker through module globals, so a worker started by fork, forkserver
    or spawn renders the same bytes; and a worker never reads the data folder again, so it
    renders and checks exactly the dataset the build validated and hashed."""

    task: Task
    output_format: OutputFormat  # how to draw, count and check it
    template: Template | None  # None when no chosen format needs one (the workbook alone)
    content: object | None  # the Deck or Summary decided before drawing; None for the workbook
    dataset: Dataset


def schedule(context: BuildContext) -> list[Job]:
    """Check every input, then list the outputs to make. Raises before anything is drawn."""
    source_date_epoch()  # a bad SOURCE_DATE_EPOCH is a usage error before any work
    jobs: list[Job] = []
    for data_dir, dataset in _load_datasets(context):
        if dataset.unreviewed:
            context.warnings.append(
                f"{display_path(data_dir)}: {dataset.unreviewed} metric(s), ranking(s) and "
                "event(s) are drafts not yet reviewed (reviewed: false)"
            )
        gaps = untranslated(dataset)
        if gaps and any(lang != LANGS[0] for lang in context.langs):
            terms = tuple(dict.fromkeys(t for found in gaps.values() for t in found))
            context.warnings.append(
                f"{display_path(data_dir)}: {len(terms)} text(s) not in the glossary are given "
                f"in pinyin: {described(terms)}"
            )
        template = None
        if context.needs_template:
            template = resolve_template(context.template, {m.id for m in dataset.metrics}, dataset)
            _check_parts(template, context)
        content = _decide_content(dataset, template, context)
        template_name = template.name if template is not None else ""
        for lang, fmt in _outputs(context):
            path = context.out_dir / fmt.filename(dataset.info.id, template_name, lang)
            task = Task(
                data_dir, dataset.info.id, context.template, lang, fmt.name, path, context.check
            )
            jobs.append(Job(task, fmt, template, content.get((lang, fmt.name)), dataset))
    paths = [j.task.path for j in jobs]
    clashes = sorted({display_path(p) for p in paths if paths.count(p) > 1})
    if clashes:
        raise UsageError(
            "two data folders would write the same file (same dataset id): " + ", ".join(clashes)
        )
    return jobs


def _load_datasets(context: BuildContext) -> list[tuple[Path, Dataset]]:
    """Every data folder, loaded and validated; the problems of all of them at once."""
    from reportgen.data import DataError, load_dataset

    # Text a deck or a summary shows must be drawable in the template's face: a character the
    # font lacks is a data problem on its field, found here rather than after drawing began.
    face = display_face(context.template) if context.needs_template else None
    problems: list[Problem] = []
    datasets = []
    for data_dir in context.data_dirs:
        try:
            datasets.append((data_dir, load_dataset(data_dir, face)))
        except DataError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DataError(problems)
    return datasets


def _outputs(context: BuildContext) -> Iterable[tuple[str, OutputFormat]]:
    """(language, format) of each output of one data folder, in the order they are made and
    listed: every language's documents, then what is made once for all languages."""
    for lang in context.langs:
        for fmt in context.formats:
            if fmt.languages:
                yield lang, fmt
    for fmt in context.formats:
        if not fmt.languages:
            yield "", fmt


def _check_parts(template: Template, context: BuildContext) -> None:
    """The template has the part (deck plan, summary plan) each chosen format is drawn from."""
    for fmt in context.formats:
        if fmt.part is not None and getattr(template, fmt.part) is None:
            raise UsageError(
                f"template '{context.template}' has no {fmt.plan_file} for --format {fmt.name}"
            )


def _decide_content(
    dataset: Dataset, template: Template | None, context: BuildContext
) -> dict[tuple[str, str], object]:
    """Fill every slide and page once without drawing: a snippet naming an unknown metric,
    an unsafe snippet or a chart that does not fit the data fails here, before any drawing.
    The content models are kept for the renderers and the check, so a deck's slides are
    decided once; the deck and the summary of one language share one ``Facts`` (how each
    number is shown and sourced), so they cannot decide it apart."""
    from reportgen.content.facts import Facts

    facts: dict[str, Facts] = {}
    decided: dict[tuple[str, str], object] = {}
    for lang, fmt in _outputs(context):
        if fmt.content is not None:
            if lang not in facts:
                facts[lang] = Facts(dataset, lang)  # type: ignore[arg-type]
            decided[(lang, fmt.name)] = fmt.content(dataset, template, lang, facts[lang])
    return decided


# --- running one task (in this process or a worker) ------------------------------------


def render_task(job: Job) -> tuple[bytes, int]:
    """The bytes of one output and its slide, page or sheet count."""
    fmt = job.output_format
    data = fmt.render(job.content, job.template, job.dataset)
    return data, fmt.count(job.content, data)


def run_task(job: Job) -> Built:
    """Render, check and atomically write one output (runs in a worker with --jobs).

    The check runs on the bytes before they are written, with the content they were drawn
    from: an output with findings never replaces the previous file."""
    task = job.task
    started = time.perf_counter()
    data, count = render_task(job)
    if task.check:
        from reportgen.check import check_bytes

        findings = check_bytes(
            data, job.output_format, job.dataset, display_path(task.path), job.content
        )
        if findings:
            raise CheckError(findings)
    atomic_write(task.path, data)
    return Built(
        task.path, task.fmt, task.lang, count, len(data), seconds=time.perf_counter() - started
    )


# --- worker processes ------------------------------------------------------------------------


def _worker_start(build_pid: int, method: str) -> None:
    """First thing in every worker: tie its life to the build's.

    The build alone decides what a signal does (it ends its workers), so a worker ignores
    SIGINT and dies outright on SIGTERM/SIGHUP (fork copies the build's handlers). A fork or
    spawn worker on Linux asks the kernel to kill it when its parent, the build, dies
    (PR_SET_PDEATHSIG: this holds even while the worker is busy in C code), then checks that
    the build did not die before that. A forkserver worker's parent is the forkserver, which
    outlives the build as long as any worker lives, so it and every worker elsewhere watch
    the build from a thread instead."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if method != "forkserver" and die_with_parent():
        if os.getppid() != build_pid:
            os._exit(1)
        return
    watcher = threading.Thread(
        target=_exit_with_the_build, args=(build_pid, method), name="reportgen-watch", daemon=True
    )
    watcher.start()


def _exit_with_the_build(build_pid: int, method: str) -> None:
    """Wait until the build that started this worker has ended, then end the worker.

    Spawn and forkserver workers hold a sentinel that becomes ready when the build exits
    (only the build holds its other end); a fork worker's siblings share those, so it watches
    for being handed to another parent instead."""
    parent = multiprocessing.parent_process()
    if method in ("spawn", "forkserver") and parent is not None:
        from multiprocessing.connection import wait

        wait([parent.sentinel])
    else:
        while os.getppid() == build_pid:
            time.sleep(0.5)
    os._exit(1)


def _end_workers(pool: ProcessPoolExecutor) -> None:
    """Kill the pool's processes now and wait until they are gone (a stopped build must not
    leave a worker rendering, or holding its caller's output pipes open)."""
    # Jobs still queued for the dead workers may fill the call queue's pipe, and its feeder
    # thread then waits for a reader that is gone; before Python 3.11 the pool's shutdown
    # joins that thread and hangs. Nothing queued is wanted any more: do not join it.
    call_queue = getattr(pool, "_call_queue", None)
    if call_queue is not None:
        with contextlib.suppress(Exception):
            call_queue.cancel_join_thread()
    # ProcessPoolExecutor.kill_workers() arrives in Python 3.14; before, its process table.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(OSError, ValueError):
            process.kill()
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AssertionError):
            process.join(10)


def _run_in_workers(
    jobs: list[Job],
    workers: int,
    mp_context: BaseContext | None,
    collect: Callable[[Callable[[], Built], Job], None],
) -> None:
    """Run the jobs in ``workers`` processes, collecting each result as it comes; on any
    interruption (a signal, Ctrl-C, an error here) the workers are ended before it goes on."""
    mp_context = mp_context or multiprocessing.get_context()
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=mp_context,
        initializer=_worker_start,
        initargs=(os.getpid(), mp_context.get_start_method()),
    )
    try:
        futures = {pool.submit(run_task, job): job for job in jobs}
        for future in as_completed(futures):
            collect(future.result, futures[future])
        pool.shutdown(wait=True)
    except BaseException:
        _end_workers(pool)
        # A stop while the pool is still starting its manager thread makes shutdown's join
        # fail ("cannot join thread before it is started"); the workers are already gone.
        with contextlib.suppress(RuntimeError):
            pool.shutdown(wait=True, cancel_futures=True)
        raise


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


def environment_digest() -> str:
    """reportgen's own code and the versions of the libraries that shape the bytes.

    Computed by each build once (``build``), not kept in a module cache: a process that
    builds twice sees code or libraries that changed in between."""
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


def input_digest(
    task: Task,
    source_digest: str,
    folders: dict[Path, str] | None = None,
    environment: str | None = None,
) -> str:
    """Everything an output depends on. The data folder counts by ``source_digest``, the hash
    of the files its dataset read as they were loaded (a file it does not name cannot change
    an output, so a large unrelated file in raw/ is never read); the template by its files.
    ``folders`` keeps each template's hash for the rest of a build, so it is read once, not
    once per output; ``environment`` is the build's ``environment_digest()``, computed once."""
    folders = {} if folders is None else folders
    environment = environment_digest() if environment is None else environment
    digest = hashlib.sha256()
    for part in (
        task.fmt,
        task.lang,
        "checked" if task.check else "unchecked",  # --no-check output is no checked output
        os.environ.get("SOURCE_DATE_EPOCH", ""),
        environment,
        source_digest,
    ):
        digest.update(part.encode() + b"\0")
    if not is_master_file(task.template):
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
    """The hash of an output on disk, streamed; None for anything but a regular file (a pipe
    where an output goes is never read, so it cannot make the build wait)."""
    digest = hashlib.sha256()
    try:
        for chunk in chunks(path):
            digest.update(chunk)
    except (Refused, OSError):
        return None
    return digest.hexdigest()


class _State:
    """What was built from what, kept beside the outputs."""

    def __init__(self, out_dir: Path):
        self.path = out_dir / STATE_FILE
        try:  # bounded and regular files only, like every read; anything else starts afresh
            self.entries = json.loads(read_file(self.path).decode("utf-8"))
            if not isinstance(self.entries, dict):
                self.entries = {}
        except (Refused, OSError, ValueError):
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


def build(context: BuildContext) -> list[Built]:
    """Schedule, skip what is up to date, render the rest (in ``context.jobs`` processes
    started by ``context.mp_context``, default Python's), write."""
    progress = context.progress or (lambda *_: None)
    scheduled = schedule(context)
    tasks = [job.task for job in scheduled]
    owners = Owners.load(context.out_dir, force=context.force)
    claims = {
        task.path: Owner.of(task.dataset_id, task.data_dir, context.out_dir) for task in tasks
    }
    if not context.force:
        owners.check(claims)  # another data folder's outputs: refused before anything is written
    _remove_stale_temps(tasks)
    state = _State(context.out_dir)
    folders: dict[Path, str] = {}
    environment = environment_digest()
    digests = {
        job.task: input_digest(job.task, job.dataset.source_digest, folders, environment)
        for job in scheduled
    }
    run = _Run(state, digests, progress, owners, claims)
    todo: list[Job] = []
    for job in scheduled:
        task = job.task
        if not context.force and state.fresh(task, digests[task]):
            kind_count = state.entries[task.path.name].get("count", 0)
            built = Built(
                task.path, task.fmt, task.lang, kind_count, task.path.stat().st_size, reused=True
            )
            run.results.append(built)
            owners.record(task.path, claims[task.path])
            progress("reused", task, built)
        else:
            todo.append(job)
    _preflight(todo)
    try:
        for job in todo:
            progress("start", job.task, None)
        if context.jobs > 1 and len(todo) > 1:
            _run_in_workers(todo, min(context.jobs, len(todo)), context.mp_context, run.collect)
        else:
            for job in todo:
                run.collect(lambda j=job: run_task(j), job)
    except BaseException:
        _remove_stale_temps(tasks)  # what ended workers were writing
        raise
    finally:
        try:
            state.save()  # what was written is reused next time, even after a stop
        finally:
            owners.save()  # and whose each output is, for the files that were made
    if run.failures:
        raise BuildError(run.failures)
    order = {task.path: n for n, task in enumerate(tasks)}
    return sorted(run.results, key=lambda b: order[b.path])


def _preflight(todo: list[Job]) -> None:
    """What must hold before any drawing: each format's own check of its template (an
    unusable master fails the build here), and the chart cache, decided once so workers
    share it (and any warning about it is said once)."""
    seen: set[tuple[str, int]] = set()
    for job in todo:
        fmt = job.output_format
        if fmt.preflight is not None and (fmt.name, id(job.template)) not in seen:
            seen.add((fmt.name, id(job.template)))
            fmt.preflight(job.template)
    if any(job.output_format.charts for job in todo):
        from reportgen.paths import cache_root

        cache_root()


def _remove_stale_temps(tasks: list[Task]) -> None:
    """Temporary files that writers no longer running (a killed build, its ended workers)
    left beside the outputs: only reportgen's own, never the outputs or a user's file."""
    for task in tasks:
        for stale in stale_temps(task.path):
            stale.unlink(missing_ok=True)


class _Run:
    """What one build has made so far: outputs built or reused, failures, the state
    recording what each written output was made from, and the record of which data folder
    made it."""

    def __init__(
        self,
        state: _State,
        digests: dict[Task, str],
        progress: ProgressSink,
        owners: Owners,
        claims: dict[Path, Owner],
    ):
        self.state, self.digests, self.progress = state, digests, progress
        self.owners, self.claims = owners, claims
        self.results: list[Built] = []
        self.failures: list[str] = []

    def collect(self, get: Callable[[], Built], job: Job) -> None:
        """Take one task's result (``get`` returns it or raises what the task raised)."""
        task = job.task
        try:
            built = get()
        except ProblemsError as exc:
            self._failed(task, f"{task.label}: " + "; ".join(str(p) for p in exc.problems))
            return
        except CheckError as exc:  # the output was not written
            self._failed(task, *(f"check: {finding}" for finding in exc.findings))
            return
        except ReportgenError as exc:
            self._failed(task, f"{task.label}: {exc}")
            return
        except Exception as exc:  # a worker's unexpected error is reported, not a traceback
            self._failed(task, f"{task.label}: {type(exc).__name__}: {exc}")
            return
        self.state.record(task, self.digests[task])
        self.state.entries[task.path.name]["count"] = built.pages
        self.owners.record(task.path, self.claims[task.path])
        self.results.append(built)
        self.progress("done", task, built)

    def _failed(self, task: Task, *failures: str) -> None:
        self.failures.extend(failures)
        self.progress("failed", task, None)


class BuildError(ReportgenError):
    """Some outputs could not be made; the others were written, failed ones left as they were."""

    exit_code = 3

    def __init__(self, failures: list[str]):
        self.failures = failures
        super().__init__("; ".join(failures))
