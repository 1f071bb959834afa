"""The `reportgen` command line.

Exit codes: 0 ok, 1 invalid data or template, 2 usage error, 3 build or internal failure.
Errors are one line each on standard error, never a traceback (set REPORTGEN_DEBUG=1 to see
one). Heavy libraries are imported inside the commands that need them, so `--help` is quick.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

import click

from reportgen import __version__
from reportgen.errors import DataError, ProblemsError, ReportgenError, UsageError
from reportgen.paths import OUTPUT_DIR, default_data_dir

TABLES = ("metrics", "rankings", "events", "articles")


def _data_option(function):
    return click.argument("data_dir", required=False, type=click.Path(path_type=Path))(function)


# Options several commands share, defined once so their names and help stay the same.
_data_flag = click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path),
    help="Data folder (default: the bundled seed data).",
)
_lang_flag = click.option(
    "--lang", "langs", default="zh", show_default=True, help="Language(s), comma-separated: zh, en."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="reportgen")
def cli() -> None:
    """Turn the facts in news articles into validated tables, briefing decks and PDF summaries."""


@cli.command()
@_data_option
@click.option("-q", "--quiet", is_flag=True, help="Print problems only, no summary line.")
def validate(data_dir: Path | None, quiet: bool) -> None:
    """Check a data folder (default: the bundled seed data): schema, references, provenance
    of every quote and value, and derived formulas. Reports every problem, one per line."""
    from reportgen.data import load_dataset

    root = data_dir or default_data_dir()
    dataset = load_dataset(root)  # raises DataError listing every problem
    if not quiet:
        reported = sum(1 for m in dataset.metrics if not m.is_derived)
        click.echo(
            f"{root}: valid — {reported} reported and {len(dataset.metrics) - reported} derived "
            f"metrics, {len(dataset.rankings)} rankings, {len(dataset.events)} events, "
            f"{len(dataset.articles)} articles"
        )


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
    reportgen tables metrics --format csv        # to standard output
    reportgen tables --format xlsx               # output/<dataset>-tables.xlsx
    reportgen tables --format md --out output/   # one file per table
    """
    from reportgen.data import load_dataset
    from reportgen.tables import render, write_tables

    selected = list(dict.fromkeys(names)) or list(TABLES)
    if fmt == "csv" and out_dir is None and len(selected) != 1:
        raise UsageError(
            "CSV on standard output holds one table: name one "
            f"({', '.join(TABLES)}) or give --out DIR"
        )
    dataset = load_dataset(data_dir or default_data_dir())
    if out_dir is None and fmt != "xlsx":
        frames = {name: dataset.table(name) for name in selected}
        sys.stdout.write(render(frames, fmt))
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
    manifest of alt texts and takeaways."""
    from reportgen.data import load_dataset
    from reportgen.template import load_template

    languages = _split_choice(langs, ("zh", "en"), "--lang")
    kinds = _split_choice(formats, ("png", "svg"), "--format")
    dataset = load_dataset(data_dir or default_data_dir())
    loaded = load_template(template, {m.id for m in dataset.metrics})
    from reportgen.charts import render_charts, resolve_all

    for lang in languages:  # resolve everything before drawing anything
        resolve_all(dataset, loaded, lang)
    target = out_dir or OUTPUT_DIR / "charts"
    for lang in languages:
        files = render_charts(
            dataset, loaded, lang, target, formats=tuple(kinds), use_cache=not no_cache
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
    help="Template name (under templates/), folder, or your own .pptx master [default: briefing].",
)
@click.option(
    "--lang", "langs", default=None, help="Language(s), comma-separated: zh, en [default: zh]."
)
@click.option(
    "--format",
    "formats",
    default=None,
    help="Output format(s), comma-separated: pptx, pdf, xlsx [default: all].",
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
    type=click.IntRange(1, 64),
    default=None,
    help="Processes to render with [default: the number of cores, at most 4].",
)
@click.option("--force", is_flag=True, help="Rebuild outputs even when nothing changed.")
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
    """
    import time

    from reportgen.build import build as run_build
    from reportgen.config import load_config
    from reportgen.progress import Progress

    config, _ = load_config()
    languages = _split_choice(langs or ",".join(config.get("lang", ["zh"])), ("zh", "en"), "--lang")
    kinds = _split_choice(
        formats or ",".join(config.get("format", ["pptx", "pdf", "xlsx"])),
        ("pptx", "pdf", "xlsx"),
        "--format",
    )
    folders = (
        [Path(d) for d in data_dirs]
        or [Path(d) for d in config.get("data", [])]
        or [default_data_dir()]
    )
    started = time.perf_counter()
    warnings: list[str] = []
    progress = Progress(quiet=quiet, verbose=verbose)
    built = run_build(
        folders,
        template or config.get("template", "briefing"),
        languages,
        kinds,
        out_dir or Path(config.get("out", OUTPUT_DIR)),
        jobs=jobs or config.get("jobs") or default_jobs(),
        force=force,
        check=not no_check,
        warnings=warnings,
        progress=progress.update,
    )
    progress.summary(built, time.perf_counter() - started, warnings)


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, exists=True, dir_okay=False))
@_data_flag
def check(files: tuple[Path, ...], data_dir: Path | None) -> None:
    """Lint built decks and PDFs (default: every one in output/) against the dataset.

    One line per finding: overflowing text, a run without an East Asian face, a missing glyph,
    a picture or chart without alt text, an empty placeholder, a number the data does not
    support (or a hedge dropped), a derived value without its mark, a font not embedded.
    Exit 0 when clean, 1 with findings.
    """
    from reportgen.check import check_files
    from reportgen.data import load_dataset

    paths = list(files) or sorted(
        p for p in OUTPUT_DIR.glob("*") if p.suffix.lower() in (".pptx", ".pdf")
    )
    if not paths:
        raise UsageError("nothing to check: build first, or name .pptx/.pdf files")
    findings = check_files(paths, load_dataset(data_dir or default_data_dir()))
    for finding in findings:
        click.echo(str(finding), err=True)
    if findings:
        click.echo(f"reportgen: {len(findings)} finding(s) in {len(paths)} file(s)", err=True)
        sys.exit(1)
    click.echo(f"reportgen: {len(paths)} file(s) checked, no findings", err=True)


@cli.command()
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option(
    "--format", "fmt", type=click.Choice(["json", "yaml", "csv"]), default="json", show_default=True
)
@click.option(
    "--date",
    "article_date",
    default=None,
    help="The article's date (YYYY-MM-DD), to resolve 去年/今年 and years left out.",
)
@click.option(
    "--to-data",
    "to_data",
    type=click.Path(path_type=Path),
    default=None,
    help="Write a draft data folder (unreviewed) instead of printing the facts.",
)
def extract(file: Path, fmt: str, article_date: str | None, to_data: Path | None) -> None:
    """Find the quantitative facts in a Chinese article: spans, kinds, values, units, hedges,
    subjects and sentences; or start a data folder from them with --to-data."""
    import datetime as dt

    from reportgen.extract import extract as find_facts
    from reportgen.extract.output import render

    when = None
    if article_date:
        try:
            when = dt.date.fromisoformat(article_date)
        except ValueError:
            raise UsageError(f"--date takes YYYY-MM-DD, not '{article_date}'") from None
    text = _read_article(file)
    facts = find_facts(text, when)
    if to_data is None:
        sys.stdout.write(render(facts, fmt))
        return
    from reportgen.errors import Problem
    from reportgen.extract.draft import CannotDraft, write_draft

    if when is None:
        raise UsageError("--to-data needs --date YYYY-MM-DD (the article's date)")
    try:
        counts = write_draft(file, text, facts, to_data, when)
    except FileExistsError as exc:
        raise UsageError(str(exc)) from None
    except CannotDraft as exc:  # a draft that would not pass validate: write nothing
        raise DataError([Problem(str(file), None, None, None, str(exc))]) from None
    click.echo(
        f"wrote {to_data}: {counts['metrics']} metrics and {counts['events']} events "
        f"to review (all marked reviewed: false); then run reportgen validate {to_data}",
        err=True,
    )
    if counts["left_out"]:
        click.echo(f"left out {len(counts['left_out'])} fact(s) to add by hand:", err=True)
        for line in counts["left_out"]:
            click.echo(f"  {line}", err=True)


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
    --template OUT_DIR."""
    from reportgen.data import load_dataset
    from reportgen.planner import write_plan
    from reportgen.template import template_dir

    dataset = load_dataset(data_dir)
    try:
        counts = write_plan(dataset, template_dir(base), out_dir)
    except FileExistsError as exc:
        raise UsageError(str(exc)) from None
    click.echo(
        f"wrote {out_dir}: {counts['charts']} charts, {counts['slides']} slides; edit the titles "
        f"and talking points, then: reportgen build --data {data_dir} --template {out_dir}",
        err=True,
    )


@cli.command()
@click.argument(
    "gold_files",
    nargs=-1,
    required=True,
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
)
@click.option("--show-misses", is_flag=True, help="List every missed and extra fact.")
def evaluate(gold_files: tuple[Path, ...], show_misses: bool) -> None:
    """Score the extractor against hand-checked gold files: precision, recall and F1 for
    detection, full match (value + unit + qualifier) and subject, per kind."""
    from reportgen.extract.evaluate import Report, format_report
    from reportgen.extract.evaluate import evaluate as score

    pooled = Report()
    for gold in gold_files:
        report = score(gold)
        pooled.add(report)
        click.echo(format_report(report, str(gold)))
        if show_misses:
            for line in report.misses:
                click.echo(f"    {line}")
    if len(gold_files) > 1:  # one number for a set of articles, counted fact by fact
        click.echo(format_report(pooled, f"all {len(gold_files)} files, pooled"))


def _read_article(file: Path) -> str:
    from reportgen.errors import Problem
    from reportgen.yamlio import read_text

    problems: list[Problem] = []
    text = read_text(file, str(file), problems, limit=20 * 1024 * 1024)
    if text is None:
        raise DataError(problems)  # not UTF-8, NUL bytes, too large: one line, exit 1
    return text


@cli.command()
@click.argument("template", required=False)
def templates(template: str | None) -> None:
    """List templates (or one template, or a .pptx master) with each layout's placeholders."""
    from reportgen.templates_info import describe

    click.echo(describe(template))


@cli.command()
@click.argument("documents", nargs=-1, type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder for the PNG pages and contact sheets [default: output/preview].",
)
@click.option("--dpi", type=click.IntRange(30, 300), default=80, show_default=True)
def preview(documents: tuple[Path, ...], out_dir: Path | None, dpi: int) -> None:
    """Render decks and PDFs (default: every one in output/) to PNG pages and a contact sheet.

    Decks need LibreOffice and PDFs need poppler's pdftoppm; the bundled font is handed to
    LibreOffice, so no system Chinese fonts are needed.
    """
    from reportgen.fonts import bundled_faces, resolve
    from reportgen.render.preview import preview as render_preview

    files = list(documents) or sorted(
        p for p in OUTPUT_DIR.glob("*") if p.suffix.lower() in (".pptx", ".pdf")
    )
    if not files:
        raise UsageError("nothing to preview: build first, or name .pptx/.pdf files")
    faces = [resolve(family) for family in bundled_faces()]
    target = out_dir or OUTPUT_DIR / "preview"
    for document in files:
        pages, sheet = render_preview(document, target, faces, dpi=dpi)
        click.echo(f"{document}: {len(pages)} page(s), contact sheet {sheet}", err=True)


def default_jobs() -> int:
    import os

    return max(1, min(os.cpu_count() or 1, 4))


def _split_choice(value: str, allowed: tuple[str, ...], option: str) -> list[str]:
    chosen = [part.strip() for part in value.split(",") if part.strip()]
    unknown = [part for part in chosen if part not in allowed]
    if unknown or not chosen:
        raise UsageError(f"{option} takes {', '.join(allowed)} (comma-separated), not '{value}'")
    return list(dict.fromkeys(chosen))


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI and turn every failure into a message and an exit code."""
    try:
        cli.main(args=argv, prog_name="reportgen", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("reportgen: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except ProblemsError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        click.echo(f"reportgen: {len(exc.problems)} problem(s); nothing was written", err=True)
        sys.exit(exc.exit_code)
    except ReportgenError as exc:
        click.echo(f"reportgen: {exc}", err=True)
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.stderr.close()  # `reportgen tables | head`: the reader left, which is fine
        sys.exit(0)
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        click.echo(f"reportgen: cannot write or read{where}: {exc.strerror or exc}", err=True)
        sys.exit(3)
    except Exception as exc:
        if os.environ.get("REPORTGEN_DEBUG"):
            traceback.print_exc()
        click.echo(
            f"reportgen: internal error: {type(exc).__name__}: {exc} "
            "(set REPORTGEN_DEBUG=1 for a traceback)",
            err=True,
        )
        sys.exit(3)
    sys.exit(0)
