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
    from reportgen.data import check_folder

    root = data_dir or default_data_dir()
    problems = check_folder(root)
    if problems:
        raise DataError(problems)
    if not quiet:
        from reportgen.data import load_dataset

        dataset = load_dataset(root)
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
@_data_flag
@click.option(
    "--template",
    "template",
    default="briefing",
    show_default=True,
    help="Template name (under templates/), folder, or your own .pptx master.",
)
@_lang_flag
@click.option(
    "--format",
    "formats",
    default="pptx,pdf",
    show_default=True,
    help="Output format(s), comma-separated: pptx, pdf.",
)
@click.option(
    "--out", "out_dir", type=click.Path(path_type=Path), help="Output folder (default: output/)."
)
def build(
    data_dir: Path | None, template: str, langs: str, formats: str, out_dir: Path | None
) -> None:
    """Build the briefing deck and PDF summary for a data folder: everything is validated and
    rendered first, then written atomically."""
    from reportgen.build import build as run_build

    languages = _split_choice(langs, ("zh", "en"), "--lang")
    kinds = _split_choice(formats, ("pptx", "pdf"), "--format")
    built = run_build(
        data_dir or default_data_dir(), template, languages, kinds, out_dir or OUTPUT_DIR
    )
    for item in built:
        unit = "slides" if item.kind == "pptx" else "pages"
        click.echo(
            f"wrote {item.path} ({item.pages} {unit}, {item.path.stat().st_size:,} bytes)",
            err=True,
        )


@cli.command()
@click.argument("template", required=False)
def templates(template: str | None) -> None:
    """List templates (or one template, or a .pptx master) with each layout's placeholders."""
    from reportgen.templates_info import describe

    click.echo(describe(template))


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
