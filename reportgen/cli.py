"""The `reportgen` command line.

Exit codes: 0 ok, 1 invalid data or template, 2 usage error, 3 build or internal failure;
as for any Unix tool, 128 + the signal when a build is stopped (130 Ctrl-C, 143 SIGTERM,
129 SIGHUP; see reportgen.signals) and 141 when a pipe's reader left (no message).
Errors are one line each on standard error, never a traceback (set REPORTGEN_DEBUG=1 to see
one), all reported by ``_report`` whichever command raised them. Heavy libraries are
imported inside the commands that need them, so `--help` is quick.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import sys
import traceback
from pathlib import Path

import click

from reportgen import __version__
from reportgen import formats as output_formats
from reportgen.config import MAX_JOBS, choose
from reportgen.errors import DataError, ProblemsError, ReportgenError, UsageError
from reportgen.locale import LANGS
from reportgen.paths import OUTPUT_DIR, display_path
from reportgen.signals import Stopped

TABLES = ("metrics", "rankings", "events", "articles")


def _data_option(function):
    return click.argument("data_dir", required=False, type=click.Path(path_type=Path))(function)


# Options several commands share, defined once so their names and help stay the same.
_data_flag = click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path),
    help="Data folder (default: the one reportgen.toml names, else the bundled seed example).",
)
_lang_flag = click.option(
    "--lang",
    "langs",
    default=LANGS[0],
    show_default=True,
    help=f"Language(s), comma-separated: {', '.join(LANGS)}.",
)


def _data_dirs(given: Path | None = None, *, empty_ok: bool = False) -> list[Path]:
    """The data folders a command works on (see reportgen.folders.data_dirs)."""
    from reportgen.config import load_config
    from reportgen.folders import data_dirs

    configured = load_config()[0].get("data", [])
    return data_dirs([given] if given is not None else [], configured, empty_ok=empty_ok)


def _data_dir(given: Path | None) -> Path:
    """The one data folder a command that reads one dataset works on."""
    folders = _data_dirs(given)
    if len(folders) > 1:
        where = display_path(given) if given is not None else "reportgen.toml"
        raise UsageError(
            f"{where} names {len(folders)} data folders ({display_path(folders[0])}, ...): "
            "name one with --data"
        )
    return folders[0]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="reportgen")
def cli() -> None:
    """Turn the facts in news articles into validated tables, briefing decks and PDF summaries."""


@cli.command()
@_data_option
@click.option("-q", "--quiet", is_flag=True, help="Print problems only, no summary line.")
def validate(data_dir: Path | None, quiet: bool) -> None:
    """Check a data folder, or each one in a folder of them (default: those reportgen.toml
    names, else the bundled seed example): schema, references, provenance of every quote and
    value, derived formulas, and that the default template's fonts can draw every text.
    Reports every problem, one per line.

    Example: reportgen validate data/draft-2023-06"""
    from reportgen.data import load_dataset
    from reportgen.template import display_face

    problems = []
    face = display_face()  # validate accepts only what build can draw: the default face
    for root in _data_dirs(data_dir):
        try:
            dataset = load_dataset(root, face)  # raises DataError listing every problem
        except DataError as error:
            problems += error.problems
            continue
        if not quiet:
            reported = sum(1 for m in dataset.metrics if not m.is_derived)
            click.echo(
                f"{display_path(root)}: valid — {reported} reported and "
                f"{len(dataset.metrics) - reported} derived metrics, {len(dataset.rankings)} "
                f"rankings, {len(dataset.events)} events, {len(dataset.articles)} articles"
            )
    if problems:
        raise DataError(problems)


@cli.command()
@click.argument("names", nargs=-1, type=click.Choice(TABLES))
@_data_flag
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "md", "xlsx"]), default="csv", show_default=True
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    help="Write files into this folder instead of standard output "
    "(xlsx always writes a file; default folder: output/).",
)
def tables(names: tuple[str, ...], data_dir: Path | None, fmt: str, out_dir: Path | None) -> None:
    """Print or write the dataset's tables: metrics, rankings, events, articles (default: all).

    \b
    Examples:
    reportgen tables metrics --format csv        # to standard output
    reportgen tables --format xlsx               # output/<dataset>-tables.xlsx
    reportgen tables --format md --out output/   # one file per table
    """
    from reportgen.data import load_dataset
    from reportgen.tables import serialise, write_tables

    selected = list(dict.fromkeys(names)) or list(TABLES)
    if fmt == "csv" and out_dir is None and len(selected) != 1:
        raise UsageError(
            "CSV on standard output holds one table: name one "
            f"({', '.join(TABLES)}) or give --out DIR"
        )
    dataset = load_dataset(_data_dir(data_dir))
    if out_dir is None and fmt != "xlsx":
        frames = {name: dataset.table(name) for name in selected}
        _emit(serialise(frames, fmt))
        return
    for path in write_tables(dataset, selected, fmt, out_dir or OUTPUT_DIR):
        click.echo(f"wrote {path} ({path.stat().st_size:,} bytes)", err=True)


@cli.command()
@_data_flag
@click.option(
    "--template",
    "template",
    default="briefing",
    show_default=True,
    help="Template name (under templates/) or folder.",
)
@_lang_flag
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    help="Folder for the charts (default: output/charts).",
)
@click.option(
    "--format",
    "formats",
    default="png,svg",
    show_default=True,
    help="File formats, comma-separated: png, svg.",
)
@click.option("--no-cache", is_flag=True, help="Redraw every chart instead of reusing the cache.")
def charts(
    data_dir: Path | None,
    template: str,
    langs: str,
    out_dir: Path | None,
    formats: str,
    no_cache: bool,
) -> None:
    """Render every chart the template plans, as PNG (slides) and SVG (the PDF), with a
    manifest of alt texts and takeaways.

    Example: reportgen charts --lang zh,en --out output/charts"""
    from reportgen.data import load_dataset
    from reportgen.paths import cache_root
    from reportgen.template import load_template

    cache_root()  # before matplotlib is imported: it follows a cache that had to move
    languages = _split_choice(langs, LANGS, "--lang")
    kinds = _split_choice(formats, ("png", "svg"), "--format")
    dataset = load_dataset(_data_dir(data_dir))
    loaded = load_template(template, {m.id for m in dataset.metrics})
    from reportgen.charts import render_charts, resolve_all

    for lang in languages:  # resolve everything before drawing anything
        resolve_all(dataset, loaded.charts, lang)
    target = out_dir or OUTPUT_DIR / "charts"
    theme, face = loaded.theme, loaded.face("east_asian")
    for lang in languages:
        files = render_charts(
            dataset,
            loaded.charts,
            lang,
            target,
            theme=theme,
            face=face,
            formats=tuple(kinds),
            use_cache=not no_cache,
        )
        reused = sum(1 for f in files if f.cached)
        click.echo(f"{lang}: {len(files)} files in {target} ({reused} from cache)", err=True)


@cli.command()
@click.option(
    "--data",
    "data_dirs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Data folder; repeat for a batch (default: the bundled seed data).",
)
@click.option(
    "--template",
    "template",
    default=None,
    help="Template name (under templates/), folder, or your own .pptx/.potx master "
    "[default: briefing].",
)
@click.option(
    "--lang", "langs", default=None, help="Language(s), comma-separated: zh, en [default: zh]."
)
@click.option(
    "--format",
    "formats",
    default=None,
    help=f"Output format(s), comma-separated: {', '.join(output_formats.NAMES)} [default: all].",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Output folder [default: output/].",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, MAX_JOBS),
    default=None,
    help="Processes to render with [default: the number of cores, at most 4].",
)
@click.option(
    "--force",
    is_flag=True,
    help="Rebuild outputs even when nothing changed, and replace those another data folder made.",
)
@click.option(
    "--no-check",
    is_flag=True,
    help="Skip `reportgen check` on each deck and PDF before it is written.",
)
@click.option("--quiet", "-q", is_flag=True, help="Only errors.")
@click.option("--verbose", "-v", is_flag=True, help="One line per step, with timings.")
def build(
    data_dirs: tuple[Path, ...],
    template: str | None,
    langs: str | None,
    formats: str | None,
    out_dir: Path | None,
    jobs: int | None,
    force: bool,
    no_check: bool,
    quiet: bool,
    verbose: bool,
) -> None:
    """Build the briefing deck, the PDF summary and the tables workbook.

    Everything is checked before anything is drawn; unchanged outputs are reused; each file is
    written atomically. Defaults come from reportgen.toml or [tool.reportgen] in
    pyproject.toml when present.

    \b
    Examples:
      reportgen build --lang zh,en
      reportgen build --data data/draft-2023-06 --template house.potx --out output/2023-06
    """
    import time

    from reportgen import folders
    from reportgen.build import BuildContext
    from reportgen.build import build as run_build
    from reportgen.config import load_config
    from reportgen.progress import Progress
    from reportgen.signals import stop_on_signals

    config, _ = load_config()  # every value checked; options win over it
    languages = (
        _split_choice(langs, LANGS, "--lang")
        if langs is not None
        else config.get("lang", [LANGS[0]])
    )
    kinds = (
        _split_choice(formats, output_formats.NAMES, "--format")
        if formats is not None
        else config.get("format", list(output_formats.NAMES))
    )
    started = time.perf_counter()
    progress = Progress(quiet=quiet, verbose=verbose)
    context = BuildContext(
        data_dirs=tuple(folders.data_dirs(data_dirs, config.get("data", []))),
        template=template if template is not None else config.get("template", "briefing"),
        langs=languages,
        formats=kinds,
        out_dir=out_dir if out_dir is not None else config.get("out", OUTPUT_DIR),
        jobs=jobs or config.get("jobs") or default_jobs(),
        force=force,
        check=not no_check,
        progress=progress.update,
    )
    with stop_on_signals():  # SIGINT/SIGTERM/SIGHUP: workers ended, exit 128 + signal
        built = run_build(context)
    progress.summary(built, time.perf_counter() - started, context.warnings)


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, exists=True))
@_data_flag
def check(files: tuple[Path, ...], data_dir: Path | None) -> None:
    """Lint built decks and PDFs (files, or every one in the folders named; default: output/)
    against the data folder each was built from (as its output folder records; --data names
    one for all).

    Example: reportgen check output/

    One line per finding: overflowing text, a shape or table past the slide's edge, text drawn
    past a PDF page's edge, placeholder text ((draft), （待补充）, 请在此写下讲解要点, □/■), a
    run without an East Asian face, a missing glyph, a picture or chart without alt text, an
    empty placeholder, a number the data does not support on a slide, in a chart or in the
    notes (or a hedge dropped), a chart whose values differ from its labels, a derived value
    without its mark, a font not embedded, a file that is not a readable deck or PDF. Exit 0
    when clean, 1 with findings.
    """
    from reportgen.check import check_files
    from reportgen.data import load_dataset
    from reportgen.owner import made_from

    paths = _documents(files, "check")
    # Each file against the data folder that made it (the output folder's record), unless
    # --data names one: `check output/` works in a project of many data folders.
    by_folder: dict[Path, list[Path]] = {}
    for path in paths:
        folder = data_dir or made_from(path) or _data_dir(None)
        by_folder.setdefault(folder, []).append(path)
    findings = sorted(
        finding
        for folder, group in by_folder.items()
        for finding in check_files(group, load_dataset(folder))
    )
    for finding in findings:
        click.echo(str(finding), err=True)
    if findings:
        click.echo(f"reportgen: {len(findings)} finding(s) in {len(paths)} file(s)", err=True)
        sys.exit(1)
    click.echo(f"reportgen: {len(paths)} file(s) checked, no findings", err=True)


@cli.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@click.option(
    "--format", "fmt", type=click.Choice(["json", "yaml", "csv"]), default="json", show_default=True
)
@click.option(
    "--date",
    "article_date",
    default=None,
    help="The articles' date (YYYY-MM-DD) where a file's header or dateline does not give it.",
)
@click.option(
    "--to-data",
    "to_data",
    type=click.Path(path_type=Path),
    default=None,
    help="Write one draft data folder (unreviewed) from all the articles.",
)
@click.option(
    "--subject",
    default=None,
    help="What the articles are about (e.g. 上合示范区) [default: the entity most figures name].",
)
@click.option(
    "--topics",
    "topics_file",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    default=None,
    help="A topics.yaml adding topics or words to the bundled lexicon.",
)
def extract(
    articles: tuple[Path, ...],
    fmt: str,
    article_date: str | None,
    to_data: Path | None,
    subject: str | None,
    topics_file: Path | None,
) -> None:
    """Find the quantitative facts in Chinese articles, or draft one data folder from them.

    ARTICLES are text files, or folders whose *.txt files are taken in name order. A file may
    start with a header block (title:, outlet:, date:, url:, author: lines, then ---).

    \b
    Example:
      reportgen extract articles/2023-06/ --to-data data/draft-2023-06
    """
    import datetime as dt

    from reportgen.errors import Problem

    when = None
    if article_date:
        try:
            when = dt.date.fromisoformat(article_date)
        except ValueError:
            raise UsageError(f"--date takes YYYY-MM-DD, not '{article_date}'") from None
    files = _article_files(articles)
    if to_data is None:
        from reportgen.extract import extract as find_facts
        from reportgen.extract.output import render

        if len(files) > 1:
            raise UsageError("printing facts takes one file; use --to-data for several")
        _, text = _read_article(files[0])
        _emit(render(find_facts(text, when), fmt))
        return
    from reportgen.data.topics import Topics, TopicsError
    from reportgen.extract.draft import CannotDraft, NeedsDate, Source, write_draft

    try:
        topics = Topics.load(topics_file)
    except TopicsError as exc:
        raise DataError([Problem(str(topics_file), None, None, None, str(exc))]) from None
    sources = [Source(str(file), *_read_article(file)) for file in files]
    try:
        counts = write_draft(sources, to_data, when, subject or "", topics)
    except FileExistsError as exc:
        raise UsageError(str(exc)) from None
    except NeedsDate as exc:
        raise UsageError(f"{exc.file}: {exc}") from None
    except CannotDraft as exc:  # a draft that would not pass validate: write nothing
        raise DataError([Problem(exc.file or str(to_data), None, None, None, str(exc))]) from None
    click.echo(
        f"wrote {to_data} (dataset {counts['id']}): {counts['articles']} article(s), "
        f"{counts['metrics']} metrics, {counts['rankings']} rankings and {counts['events']} "
        f"events to review (all marked reviewed: false); then run reportgen validate {to_data}",
        err=True,
    )
    if counts["left_out"]:
        click.echo(f"left out {len(counts['left_out'])} fact(s) to add by hand:", err=True)
        for line in counts["left_out"]:
            click.echo(f"  {line}", err=True)


def _article_files(paths: tuple[Path, ...]) -> list[Path]:
    """The article files named: files as given, folders as their *.txt files in name order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.glob("*.txt") if p.is_file())
            if not found:
                raise UsageError(f"{display_path(path)}: no .txt articles in this folder")
            files += found
        else:
            files.append(path)
    seen: set[Path] = set()
    unique = []
    for file in files:
        if file.resolve() not in seen:  # a file named twice (a folder and a file in it) once
            seen.add(file.resolve())
            unique.append(file)
    return unique


@cli.command()
@click.argument("data_dir", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.argument("out_dir", type=click.Path(path_type=Path))
@click.option(
    "--from",
    "base",
    default="briefing",
    show_default=True,
    help="Template whose theme and master the new plans use.",
)
def plan(data_dir: Path, out_dir: Path, base: str) -> None:
    """Write a first template (charts, deck and summary plans) for a data folder that has
    none, e.g. a draft from `reportgen extract --to-data`. Edit it, then build with
    --template OUT_DIR.

    Example: reportgen plan data/draft-2023-06 templates/2023-06"""
    import shlex

    from reportgen.data import load_dataset
    from reportgen.template import template_dir
    from reportgen.template.write import write_plan

    dataset = load_dataset(data_dir)
    try:
        counts = write_plan(dataset, template_dir(base), out_dir)
    except FileExistsError as exc:
        raise UsageError(str(exc)) from None
    click.echo(
        f"wrote {out_dir}: {counts['charts']} charts, {counts['slides']} slides; edit the titles "
        "and talking points, then: reportgen build --data "
        f"{shlex.quote(str(data_dir))} --template {shlex.quote(str(out_dir))}",
        err=True,
    )


@cli.command()
@click.argument(
    "paths",
    nargs=-1,
    required=True,
    type=click.Path(path_type=Path, exists=True),
)
@click.option("--show-misses", is_flag=True, help="List every missed and extra fact.")
@click.option(
    "--deck",
    is_flag=True,
    help="Measure decks instead: take each article (a file) or folder of articles through "
    "extract --to-data, plan and build --lang zh,en, and count what a presenter should "
    "not get.",
)
@click.option("--each", is_flag=True, help="With --deck: one deck per file, folders too.")
@click.option(
    "--date",
    "article_date",
    default=None,
    help="With --deck: the articles' date (YYYY-MM-DD), handed to extract.",
)
@click.option("--subject", default=None, help="With --deck: handed to extract.")
@click.option(
    "--keep",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="With --deck: leave each deck's data, plan and outputs in this folder.",
)
@click.option("--json", "as_json", is_flag=True, help="With --deck: print JSON, not a table.")
@click.option("--details", is_flag=True, help="With --deck: list every text or chart that counted.")
def evaluate(
    paths: tuple[Path, ...],
    show_misses: bool,
    deck: bool,
    each: bool,
    article_date: str | None,
    subject: str | None,
    keep: Path | None,
    as_json: bool,
    details: bool,
) -> None:
    """Score the extractor against hand-checked gold files: precision, recall and F1 for
    detection, full match (value + unit + qualifier) and subject, per kind.

    With --deck, PATHS are articles (files, or folders of *.txt: one deck per folder) and
    each deck is measured: whether extract, plan and build succeeded, slides, placeholder
    or generic texts on slides and in notes, charts mixing roles, units or period kinds on
    one axis, figures whose source sentence is in their slide's notes, and Chinese on the
    English slides. It measures: the exit code is 0 whatever it finds.

    \b
    Examples:
      reportgen evaluate tests/extract/gold/*.yaml
      reportgen evaluate --deck --each tests/deck/held_out/*.txt --date 2024-12-15
    """
    if deck:
        if show_misses:
            raise UsageError("--show-misses scores gold files; it does not go with --deck")
        _evaluate_decks(paths, each, article_date, subject, keep, as_json, details)
        return
    given = [
        name
        for name, value in (
            ("--each", each),
            ("--date", article_date),
            ("--subject", subject),
            ("--keep", keep),
            ("--json", as_json),
            ("--details", details),
        )
        if value
    ]
    if given:
        raise UsageError(f"{', '.join(given)} go(es) with --deck")
    folders = [display_path(p) for p in paths if p.is_dir()]
    if folders:
        raise UsageError(f"gold files are files, not folders: {', '.join(folders)}")
    from reportgen.extract.evaluate import Report, format_report
    from reportgen.extract.evaluate import evaluate as score

    pooled = Report()
    for gold in paths:
        report = score(gold)
        pooled.add(report)
        click.echo(format_report(report, str(gold)))
        if show_misses:
            for line in report.misses:
                click.echo(f"    {line}")
    if len(paths) > 1:  # one number for a set of articles, counted fact by fact
        click.echo(format_report(pooled, f"all {len(paths)} files, pooled"))


def _evaluate_decks(
    paths: tuple[Path, ...],
    each: bool,
    article_date: str | None,
    subject: str | None,
    keep: Path | None,
    as_json: bool,
    details: bool,
) -> None:
    """`evaluate --deck`: each set of articles through the path, its decks counted."""
    import datetime as dt

    from reportgen.deckeval import deck_sets, evaluate_decks, format_table, to_json

    if article_date:
        try:
            dt.date.fromisoformat(article_date)
        except ValueError:
            raise UsageError(f"--date takes YYYY-MM-DD, not '{article_date}'") from None
    try:
        sets = deck_sets(paths, each)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    reports = evaluate_decks(
        sets,
        article_date,
        subject,
        keep,
        progress=None if as_json else lambda line: click.echo(line, err=True),
    )
    _emit((to_json(reports) if as_json else format_table(reports, details)) + "\n")


def _read_article(file: Path) -> tuple[bytes, str]:
    """The article's bytes (read once, bounded: a draft keeps them as its raw page) and text."""
    from reportgen.errors import Problem
    from reportgen.safeio import MAX_EXTRACT_BYTES, Refused, read_file
    from reportgen.yamlio import decode_text

    problems: list[Problem] = []
    try:
        raw = read_file(file, MAX_EXTRACT_BYTES)
    except Refused as refused:  # too large, a pipe or device: one line, exit 1
        raise DataError([Problem(str(file), None, None, None, refused.reason)]) from None
    text = decode_text(raw, str(file), problems)
    if text is None:  # not UTF-8, UTF-16, NUL bytes
        raise DataError(problems)
    return raw, text


@cli.command()
@click.argument("target", type=click.Path(path_type=Path))
@click.option("--empty", is_flag=True, help="No example data folder: data/ starts empty.")
@click.option(
    "--install",
    default=None,
    help="The pip requirement the workflow installs reportgen from, e.g. "
    "git+https://example.org/you/reportgen@v1 [default: where this reportgen came from, "
    "if a runner can reach it; else the repository variable REPORTGEN_INSTALL].",
)
def new(target: Path, empty: bool, install: str | None) -> None:
    """Make a project folder: reportgen.toml, data/ with the seed example, templates/ with a
    copy of the default template to edit, articles/ for incoming texts, the scheduled
    workflow and a README of what to do next. TARGET must be new or empty.

    \b
    Example:
      reportgen new brief && cd brief && reportgen build
    """
    import shlex

    from reportgen.project import installed_from, new_project

    requirement = install or installed_from()
    try:
        names = new_project(target, empty=empty, install=requirement)
    except FileExistsError:  # new_folder's own check: a file, or a folder with anything in it
        raise UsageError(
            f"{display_path(target)}: not empty; reportgen new makes a project in a new or "
            "empty folder"
        ) from None
    except OSError as exc:
        raise UsageError(f"{display_path(target)}: cannot write ({exc.strerror or exc})") from None
    click.echo(f"wrote {display_path(target)}/: {', '.join(names)}", err=True)
    if not requirement:
        click.echo(
            "the workflow installs reportgen from the repository variable REPORTGEN_INSTALL: "
            "set it on GitHub (or make the project again with --install REQUIREMENT)",
            err=True,
        )
    click.echo(
        f"next: cd {shlex.quote(display_path(target))} && reportgen build"
        + ("   (after adding a data folder to data/; see README.md)" if empty else ""),
        err=True,
    )


@cli.command()
@click.argument("data_dir", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option(
    "--port", type=click.IntRange(0, 65535), default=0, help="Port [default: a free one]."
)
@click.option("--no-open", is_flag=True, help="Do not open the page in a browser.")
def review(data_dir: Path, port: int, no_open: bool) -> None:
    """Review a draft data folder in the browser: each article with every drafted figure
    marked in place; accept, correct or drop each one. Every change is validated and
    written to the folder's YAML at once (comments and order kept). Ctrl-C stops.

    \b
    Example:
      reportgen review data/2023-06
    """
    import webbrowser

    from reportgen.fonts import resolve
    from reportgen.review.server import Review, serve
    from reportgen.template import display_face

    face = display_face() or resolve("Noto Sans SC")
    session = Review(data_dir, face)
    session.state()  # an invalid folder stops here, every problem listed (exit 1)
    try:
        server = serve(session, port)
    except OSError as exc:
        raise UsageError(f"--port {port}: cannot listen there ({exc.strerror or exc})") from None
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    click.echo(f"reportgen: reviewing {display_path(data_dir)} at {url} (Ctrl-C stops)", err=True)
    if not no_open:
        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:  # Ctrl-C is how a review ends, not a failure
        click.echo("reportgen: review stopped; every change was saved when it was made", err=True)
    finally:
        server.server_close()


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="One line of JSON, for a CI matrix.")
def folders(as_json: bool) -> None:
    """List what a run here works on: each data folder `reportgen build` builds and each
    folder of new articles under articles/ that has no data folder yet (drafted into
    drafts/NAME), and whether its outputs come from reviewed data.

    \b
    Example (a GitHub Actions step feeding a matrix with fromJSON):
      echo "jobs=$(reportgen folders --json)" >> "$GITHUB_OUTPUT"
    """
    from reportgen.folders import article_dirs, matrix, work

    data = _data_dirs(empty_ok=True)
    jobs = work(data, article_dirs(data=data))
    if as_json:
        click.echo(matrix(jobs))
        return
    for job in jobs:
        source = f"drafted from {job.articles}" if job.articles else "data folder"
        state = "reviewed" if job.reviewed else "NOT REVIEWED"
        click.echo(f"{job.data}  ({source}; {state}; artifact {job.artifact})")
    if not jobs:
        click.echo("no data folders and no new articles here", err=True)


@cli.command()
@click.argument("template", required=False)
def templates(template: str | None) -> None:
    """List templates (or one template, or a .pptx/.potx master): each layout's placeholders,
    and which layout each kind of slide will take, and why, before anything is built.

    Example: reportgen templates house.potx"""
    from reportgen.template.listing import describe

    click.echo(describe(template))


@cli.command()
@click.argument("documents", nargs=-1, type=click.Path(path_type=Path, exists=True))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder for the PNG pages and contact sheets [default: output/preview].",
)
@click.option("--dpi", type=click.IntRange(30, 300), default=80, show_default=True)
def preview(documents: tuple[Path, ...], out_dir: Path | None, dpi: int) -> None:
    """Render decks and PDFs (files, or every one in the folders named; default: output/) to
    PNG pages and a contact sheet.

    Example: reportgen preview output/ --out output/preview

    Decks need LibreOffice and PDFs need poppler's pdftoppm; the bundled font is handed to
    LibreOffice, so no system Chinese fonts are needed.
    """
    from reportgen.fonts import bundled_faces, resolve
    from reportgen.render.preview import preview as render_preview
    from reportgen.signals import stop_on_signals

    files = _documents(documents, "preview")
    faces = [resolve(family) for family in bundled_faces()]
    target = out_dir or OUTPUT_DIR / "preview"
    with stop_on_signals():  # a stop ends LibreOffice and removes the temporary folders
        for document in files:
            pages, sheet = render_preview(document, target, faces, dpi=dpi)
            click.echo(f"{document}: {len(pages)} page(s), contact sheet {sheet}", err=True)


def _documents(named: tuple[Path, ...], verb: str) -> list[Path]:
    """The decks and PDFs a command works on: the files named, those in the folders named
    (not their subfolders), or those in output/; a usage error naming what is wrong."""
    from reportgen.check import CHECKED_SUFFIXES

    kinds = " and ".join(CHECKED_SUFFIXES)

    def inside(folder: Path) -> list[Path]:
        return sorted(p for p in folder.iterdir() if p.suffix.lower() in CHECKED_SUFFIXES)

    if not named:
        found = inside(OUTPUT_DIR) if OUTPUT_DIR.is_dir() else []
        if not found:
            raise UsageError(f"nothing to {verb}: build first, or name {kinds} files or folders")
        return found
    paths: list[Path] = []
    for path in named:
        if path.is_dir():
            found = inside(path)
            if not found:
                raise UsageError(f"nothing to {verb} in {display_path(path)}: no {kinds} files")
            paths += found
        elif path.suffix.lower() in CHECKED_SUFFIXES:
            paths.append(path)
        else:
            raise UsageError(f"{verb} takes {kinds} files or folders, not {display_path(path)}")
    return paths


def default_jobs() -> int:
    import os

    return max(1, min(os.cpu_count() or 1, 4))


def _split_choice(value: str, allowed: tuple[str, ...], option: str) -> list[str]:
    try:
        return choose(value.split(","), allowed)
    except ValueError as exc:
        raise UsageError(f"{option} {exc} (comma-separated), not '{value}'") from None


#: Container allocations between two young-generation garbage collections while a command
#: runs (Python's default is 700), and how rarely the older generations are collected.
GC_THRESHOLDS = (50_000, 20, 20)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run one command; whatever it raises becomes one message and an exit code
    in ``_report``, the same way for every command."""
    _guard_standard_streams()
    with _rare_collections():
        try:
            code = _run(sys.argv[1:] if argv is None else list(argv))
            sys.stdout.flush()  # a reader that left shows here, not as noise at interpreter exit
        except (Exception, KeyboardInterrupt, Stopped) as exc:
            try:
                code = _report(exc)
            except BrokenPipeError:  # standard error's reader left while we reported
                code = _reader_left()
    sys.exit(code)


@contextlib.contextmanager
def _rare_collections():
    """Collect reference cycles rarely while a command runs. A command lives for seconds and
    what it allocates mostly lives as long (modules, the dataset, the glossary, pypinyin's
    dictionaries): at Python's default the cycle collector re-scanned them hundreds of times,
    a fifth of a build's time before its workers start and over a tenth of the PDF worker's
    (forked workers inherit the setting). A batch of ten builds peaks about 5 % higher in
    memory. The caller's thresholds are restored after (tests run commands in one process)."""
    import gc

    previous = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*previous)


#: The variable a shell sets to ask for completions (click's convention for "reportgen").
COMPLETE_VAR = "_REPORTGEN_COMPLETE"


def _run(args: list[str]) -> int | str | None:
    """Parse and invoke, with no error handling of click's own: click's main would turn a
    broken pipe into a silent exit 1, which reads as "invalid data"."""
    import os

    instruction = os.environ.get(COMPLETE_VAR)
    if instruction:  # the shell asks for completions (see the README's Commands)
        from click.shell_completion import shell_complete

        return shell_complete(cli, {}, "reportgen", COMPLETE_VAR, instruction)
    try:
        with cli.make_context("reportgen", args) as ctx:
            cli.invoke(ctx)
    except click.exceptions.Exit as exc:  # --help, --version
        return exc.exit_code
    except SystemExit as exc:  # a command's own exit code (check: 1 with findings)
        return exc.code
    return 0


def _report(exc: BaseException) -> int:
    """The one place a failure becomes what the user reads and the exit code."""
    if isinstance(exc, Stopped):  # a build ended by a signal, its workers with it
        _say(f"reportgen: {exc}")
        return exc.exit_code
    if isinstance(exc, (KeyboardInterrupt, click.exceptions.Abort)):
        _say("reportgen: interrupted")
        return 130
    if isinstance(exc, OSError) and exc.errno == errno.EPIPE:
        return _reader_left()
    if isinstance(exc, click.ClickException):  # one line, like every other error
        ctx = getattr(exc, "ctx", None)
        help_hint = f" (see {ctx.command_path} --help)" if ctx is not None else ""
        _say(f"reportgen: {exc.format_message()}{help_hint}")
        return exc.exit_code
    if isinstance(exc, ProblemsError):
        for problem in exc.problems:
            _say(str(problem))
        _say(f"reportgen: {len(exc.problems)} problem(s); nothing was written")
        return exc.exit_code
    if isinstance(exc, ReportgenError):
        _say(f"reportgen: {exc}")
        return exc.exit_code
    if isinstance(exc, OSError):
        where = f" {exc.filename}" if exc.filename else ""
        _say(f"reportgen: cannot write or read{where}: {exc.strerror or exc}")
        return 3
    if os.environ.get("REPORTGEN_DEBUG"):
        traceback.print_exception(type(exc), exc, exc.__traceback__)
    _say(
        f"reportgen: internal error: {type(exc).__name__}: {exc} "
        "(set REPORTGEN_DEBUG=1 for a traceback)"
    )
    return 3


def _say(message: str) -> None:
    """One line on standard error, even for a message that quotes a tool's several lines."""
    click.echo(re.sub(r"\s*[\r\n]+\s*", " / ", message.strip()), err=True)


#: What the shell reports for a tool that SIGPIPE stopped (128 + 13).
READER_LEFT = 141


def _emit(text: str) -> None:
    """A command's output on standard output, in pieces, each flushed: one large write to a
    pipe whose reader leaves part-way is cut short without an error, which would report a
    truncated output as success; a piece written after the reader left raises EPIPE."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a stand-in (a closed stdout, a test's capture): it raises or keeps all
        stream.write(text)
        return
    stream.flush()
    data = text.encode(stream.encoding or "utf-8", errors=stream.errors or "strict")
    for start in range(0, len(data), 1 << 16):
        buffer.write(data[start : start + (1 << 16)])
        buffer.flush()


def _reader_left() -> int:
    """A pipe's reader left (`reportgen tables ... | head -1`): stop quietly, as Unix tools
    do, with their status, which is not success (a build whose log reader left did not
    finish). What is still buffered goes to /dev/null so exit adds no noise."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            with contextlib.suppress(OSError, ValueError):
                _to_devnull(stream.fileno())
    return READER_LEFT


class StdoutClosed(ReportgenError):
    """Standard output was closed (`>&-`) and the command had something to print."""

    def __init__(self) -> None:
        super().__init__(
            "cannot write to standard output: it is closed; redirect it to a file or /dev/null"
        )


class _ClosedOutput(io.TextIOBase):
    """Stands in for a standard output the shell closed: printing to it is an error the user
    is told about, not output lost in silence."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise StdoutClosed()


def _guard_standard_streams() -> None:
    """Give a closed standard stream /dev/null, so that no file reportgen opens (an output,
    a temporary file) takes its number and receives what a library or a subprocess prints;
    then make printing to a closed standard output an error and to a closed standard error
    a no-op (a closed stderr sent build's progress lines to standard output)."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            _to_devnull(fd)
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the process


def _to_devnull(fd: int) -> None:
    null = os.open(os.devnull, os.O_RDWR)
    if null != fd:
        os.dup2(null, fd)
        os.close(null)
