"""The build pipeline, top to bottom: check everything, plan the outputs, render, write.

1. Every data folder and the template are loaded and checked before anything is drawn.
2. Each output (one data folder x language x format) is a task. A task whose inputs have not
   changed since the file on disk was made is skipped: its input digest (data files, template
   files, reportgen's code, library versions, SOURCE_DATE_EPOCH) is kept in
   ``<out>/.reportgen-state.json`` with the output's own hash.
3. Tasks run in ``--jobs`` processes; each writes its file atomically, so an interrupted or failed
   build never leaves a truncated file or replaces a good one. A worker gets everything it needs
   as arguments (it works the same started by fork, forkserver or spawn) and ends with the
   build, however the build ends: a signal the build can catch ends its workers first
   (``reportgen.signals``), and the workers of a SIGKILL'd build end at once by themselves.
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
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.check import CheckError
from reportgen.errors import Problem, ProblemsError, ReportgenError, TemplateError, UsageError
from reportgen.outputs import atomic_write, source_date_epoch, stale_temps
from reportgen.paths import display_path
from reportgen.safeio import Refused, chunks, read_file, resolve_inside
from reportgen.signals import die_with_parent
from reportgen.template import (
    DEFAULT_TEMPLATE,
    Template,
    display_face,
    load_template,
    template_dir,
)

if TYPE_CHECKING:
    from reportgen.data import Dataset

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


@dataclass(eq=False)
class Job:
    """One task and everything it needs, handed to the worker as its argument.

    Nothing reaches a worker through module globals, so a worker started by fork, forkserver
    or spawn renders the same bytes; and a worker never reads the data folder again, so it
    renders and checks exactly the dataset the build validated and hashed."""

    task: Task
    template: Template | None  # None for a workbook built without a template
    content: object | None  # the Deck or Summary decided before drawing
    dataset: Dataset


def plan(
    data_dirs: list[Path],
    template_name: str,
    langs: list[str],
    formats: list[str],
    out_dir: Path,
    warnings: list[str] | None = None,
    *,
    check: bool = True,
) -> list[Job]:
    """Check every input, then list the outputs to make. Raises before anything is drawn."""
    from reportgen.data import DataError, load_dataset

    source_date_epoch()  # a bad SOURCE_DATE_EPOCH is a usage error before any work
    # Text a deck or a summary shows must be drawable in the template's face: a character the
    # font lacks is a data problem on its field, found here rather than after drawing began.
    drawn = "pptx" in formats or "pdf" in formats
    face = display_face(template_name) if drawn else None
    problems: list[Problem] = []
    datasets = []
    for data_dir in data_dirs:
        try:
            datasets.append((data_dir, load_dataset(data_dir, face)))
        except DataError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DataError(problems)
    jobs: list[Job] = []
    for data_dir, dataset in datasets:
        unreviewed = sum(1 for entry in (*dataset.metrics, *dataset.events) if not entry.reviewed)
        if unreviewed and warnings is not None:
            warnings.append(
                f"{display_path(data_dir)}: {unreviewed} metric(s) and event(s) are "
                "drafts not yet reviewed (reviewed: false)"
            )
        ident = dataset.info.id

        def job(lang, fmt, path, template, content=None, data_dir=data_dir, dataset=dataset):
            task = Task(data_dir, dataset.info.id, template_name, lang, fmt, path, check)
            return Job(task, template, content, dataset)

        if "pptx" not in formats and "pdf" not in formats:
            # The workbook needs no template: a new data folder gets its tables before anyone
            # has written a slide plan for it.
            if "xlsx" in formats:
                jobs.append(job("", "xlsx", out_dir / tables_filename(ident), None))
            continue
        template = resolve_template(template_name, {m.id for m in dataset.metrics})
        for fmt, needed in (("pptx", template.deck), ("pdf", template.summary)):
            if fmt in formats and needed is None:
                name = "deck.yaml" if fmt == "pptx" else "summary.yaml"
                raise UsageError(f"template '{template_name}' has no {name} for --format {fmt}")
        content = _check_content(dataset, template, langs, formats)
        for lang in langs:
            for fmt, filename in (("pptx", deck_filename), ("pdf", summary_filename)):
                if fmt in formats:
                    path = out_dir / filename(ident, template, lang)
                    jobs.append(job(lang, fmt, path, template, content[lang, fmt]))
        if "xlsx" in formats:
            jobs.append(job("", "xlsx", out_dir / tables_filename(ident), template))
    paths = [j.task.path for j in jobs]
    clashes = sorted({display_path(p) for p in paths if paths.count(p) > 1})
    if clashes:
        raise UsageError(
            "two data folders would write the same file (same dataset id): " + ", ".join(clashes)
        )
    return jobs


def _check_content(
    dataset, template: Template, langs: list[str], formats: list[str]
) -> dict[tuple[str, str], object]:
    """Fill every slide and page once without drawing: a snippet naming an unknown metric,
    an unsafe snippet or a chart that does not fit the data fails here, before any drawing.
    The content models are kept for the renderers, so a deck's slides are decided once."""
    content: dict[tuple[str, str], object] = {}
    for lang in langs:
        if "pptx" in formats:
            from reportgen.content.deck import build_deck

            content[lang, "pptx"] = build_deck(dataset, template, template.deck, lang)
        if "pdf" in formats:
            from reportgen.content.summary import build_summary

            content[lang, "pdf"] = build_summary(dataset, template, template.summary, lang)
    return content


def _check_master(template: Template) -> None:
    from reportgen.render.pptx import check_master, open_master

    layouts = {slide.layout for slide in template.deck.slides}
    check_master(open_master(template.master), layouts, display_path(template.master))


# --- running one task (in this process or a worker) ------------------------------------


def render_task(job: Job) -> tuple[bytes, int]:
    """The bytes of one output and its slide, page or sheet count."""
    task = job.task
    if task.fmt == "pptx":
        from reportgen.render.pptx import render_deck

        return render_deck(job.content, job.template), len(job.content.slides)
    if task.fmt == "pdf":
        from reportgen.render.pdf import page_count, render_summary

        data = render_summary(job.content, job.template)
        return data, page_count(data)
    from reportgen.data.dataset import TABLE_NAMES
    from reportgen.tables import to_xlsx

    dataset = job.dataset
    frames = {name: dataset.table(name) for name in TABLE_NAMES}
    return to_xlsx(frames, dataset.page.date_earliest if dataset.page else None), len(frames)


def run_task(job: Job) -> Built:
    """Render, check and atomically write one output (runs in a worker with --jobs).

    The check runs on the bytes before they are written: an output with findings never
    replaces the previous file."""
    task = job.task
    started = time.perf_counter()
    data, count = render_task(job)
    if task.check:
        from reportgen.check import CheckError, check_bytes

        findings = check_bytes(data, task.fmt, job.dataset, display_path(task.path))
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
    jobs: list[Job], workers: int, context, collect: Callable[[Callable[[], Built], Job], None]
) -> None:
    """Run the jobs in ``workers`` processes, collecting each result as it comes; on any
    interruption (a signal, Ctrl-C, an error here) the workers are ended before it goes on."""
    context = context or multiprocessing.get_context()
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_worker_start,
        initargs=(os.getpid(), context.get_start_method()),
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


def input_digest(task: Task, source_digest: str, folders: dict[Path, str] | None = None) -> str:
    """Everything an output depends on. The data folder counts by ``source_digest``, the hash
    of the files its dataset read as they were loaded (a file it does not name cannot change
    an output, so a large unrelated file in raw/ is never read); the template by its files.
    ``folders`` keeps each template's hash for the rest of a build, so it is read once, not
    once per output."""
    folders = {} if folders is None else folders
    digest = hashlib.sha256()
    for part in (
        task.fmt,
        task.lang,
        "checked" if task.check else "unchecked",  # --no-check output is no checked output
        os.environ.get("SOURCE_DATE_EPOCH", ""),
        _environment_digest(),
        source_digest,
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
    context: multiprocessing.context.BaseContext | None = None,
) -> list[Built]:
    """Plan, skip what is up to date, render the rest (in ``jobs`` processes started by
    ``context``, default Python's), write."""
    progress = progress or (lambda *_: None)
    planned = plan(data_dirs, template_name, langs, formats, out_dir, warnings, check=check)
    tasks = [job.task for job in planned]
    _remove_stale_temps(tasks)
    state = _State(out_dir)
    folders: dict[Path, str] = {}
    digests = {
        job.task: input_digest(job.task, job.dataset.source_digest, folders) for job in planned
    }
    results: list[Built] = []
    todo: list[Job] = []
    for job in planned:
        task = job.task
        if not force and state.fresh(task, digests[task]):
            kind_count = state.entries[task.path.name].get("count", 0)
            built = Built(
                task.path, task.fmt, task.lang, kind_count, task.path.stat().st_size, reused=True
            )
            results.append(built)
            progress("reused", task, built)
        else:
            todo.append(job)
    for job in todo:  # an unusable master fails the build before any drawing
        if job.task.fmt == "pptx":
            _check_master(job.template)
    if any(job.task.fmt in ("pptx", "pdf") for job in todo):
        from reportgen.paths import cache_root

        cache_root()  # decided here, once: workers share it (and any warning is said once)
    failures: list[str] = []

    def collect(get: Callable[[], Built], job: Job) -> None:
        _collect(get, job.task, state, digests, results, failures, progress)

    try:
        for job in todo:
            progress("start", job.task, None)
        if jobs > 1 and len(todo) > 1:
            _run_in_workers(todo, min(jobs, len(todo)), context, collect)
        else:
            for job in todo:
                collect(lambda j=job: run_task(j), job)
    except BaseException:
        _remove_stale_temps(tasks)  # what ended workers were writing
        raise
    finally:
        state.save()  # what was written is reused next time, even after a stop
    if failures:
        raise BuildError(failures)
    order = {task.path: n for n, task in enumerate(tasks)}
    return sorted(results, key=lambda b: order[b.path])


def _remove_stale_temps(tasks: list[Task]) -> None:
    """Temporary files that writers no longer running (a killed build, its ended workers)
    left beside the outputs: only reportgen's own, never the outputs or a user's file."""
    for task in tasks:
        for stale in stale_temps(task.path):
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
