"""The output format registry: every format builds, names its file, counts, checks; the
pipeline, the check, the progress summary and the command line all read it."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import openpyxl
import pptx
import pypdf
import pytest

from reportgen import formats
from reportgen.build import BuildContext, build, schedule
from reportgen.check import CHECKED_SUFFIXES, check_bytes
from reportgen.errors import UsageError
from reportgen.progress import Progress


def independent_count(name: str, data: bytes) -> int:
    """Slides, pages or sheets, read back by the libraries that read such files."""
    if name == "pptx":
        return len(pptx.Presentation(io.BytesIO(data)).slides)
    if name == "pdf":
        return len(pypdf.PdfReader(io.BytesIO(data)).pages)
    if name == "xlsx":
        return len(openpyxl.load_workbook(io.BytesIO(data)).sheetnames)
    if name == "html":  # the figures the page describes, one block each
        return data.decode("utf-8").count('<div class="figure')
    raise AssertionError(f"a new format {name}: say here how to count its pages")


MAGIC = {"pptx": b"PK\x03\x04", "pdf": b"%PDF-", "xlsx": b"PK\x03\x04", "html": b"<!DOCTYPE html>"}


@pytest.fixture(scope="module")
def drawn(seed, briefing, tmp_path_factory):
    """Every registered format drawn from the seed in Chinese: (content, bytes)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        made = {}
        for fmt in formats.FORMATS:
            content = fmt.content(seed, briefing, "zh") if fmt.content else None
            made[fmt.name] = (content, fmt.render(content, briefing, seed))
    return made


@pytest.mark.parametrize("name", formats.NAMES)
def test_every_format_builds_counts_and_passes_its_check(name, drawn, seed):
    fmt = formats.get(name)
    content, data = drawn[name]
    assert data.startswith(MAGIC[name])
    assert fmt.count(content, data) == independent_count(name, data) > 0
    if fmt.check is not None:
        assert fmt.check(data, seed, f"seed.{name}", None) == []  # a file read from disk
        assert fmt.check(data, seed, f"seed.{name}", content) == []  # a build's own check
        assert check_bytes(data, name, seed, f"seed.{name}") == []


@pytest.mark.parametrize("name", [fmt.name for fmt in formats.checked()])
def test_a_checked_format_checks_its_bytes_against_the_content_it_was_given(
    name, drawn, seed, briefing, tmp_path, monkeypatch
):
    """Bytes drawn from other content (the English document) are not what the Chinese
    content decided: the check with that content says so, naming the facts."""
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path))
    content, _ = drawn[name]
    fmt = formats.get(name)
    english = fmt.render(fmt.content(seed, briefing, "en", None), briefing, seed)
    found = [str(f) for f in fmt.check(english, seed, f"seed.{name}", content)]
    assert any("is not printed as the content decided" in f for f in found)


@pytest.mark.parametrize("name", [fmt.name for fmt in formats.checked()])
def test_a_checked_format_reports_bytes_it_cannot_read_as_one_finding(name, seed):
    findings = check_bytes(b"not a document", name, seed, f"broken.{name}")
    assert len(findings) == 1
    assert findings[0].file == f"broken.{name}"


def test_a_format_without_a_check_has_no_findings(seed):
    assert [fmt.name for fmt in formats.FORMATS if fmt.check is None] == ["xlsx", "html"]
    assert check_bytes(b"anything", "xlsx", seed, "t.xlsx") == []


def test_each_format_names_its_file():
    names = {
        fmt.name: [fmt.filename("zone-2023-06", "house", lang) for lang in ("zh", "en")]
        for fmt in formats.FORMATS
    }
    assert names == {
        "pptx": ["zone-2023-06_house_zh.pptx", "zone-2023-06_house_en.pptx"],
        "pdf": ["zone-2023-06_house-summary_zh.pdf", "zone-2023-06_house-summary_en.pdf"],
        "xlsx": ["zone-2023-06-tables.xlsx"] * 2,  # one workbook for all languages
        "html": ["zone-2023-06_house-sources_zh.html", "zone-2023-06_house-sources_en.html"],
    }


def test_what_each_format_needs():
    needs = {
        fmt.name: (fmt.needs_template, fmt.plan_file, fmt.languages, fmt.unit)
        for fmt in formats.FORMATS
    }
    assert needs == {
        "pptx": (True, "deck.yaml", True, "slides"),
        "pdf": (True, "summary.yaml", True, "pages"),
        "xlsx": (False, None, False, "sheets"),
        "html": (True, "deck.yaml", True, "figures"),
    }


@pytest.mark.parametrize("name", ["docx", "", "PPTX", None])
def test_an_unknown_format_is_a_one_line_usage_error_not_a_key_error(name, tmp_path):
    with pytest.raises(UsageError) as failure:
        formats.get(name)
    message = str(failure.value)
    assert "\n" not in message and "pptx, pdf, xlsx, html" in message
    with pytest.raises(UsageError):
        BuildContext([tmp_path], "briefing", ["zh"], [name], tmp_path)


def test_an_unknown_format_on_the_command_line_is_exit_2(run, tmp_path):
    result = run("build", "--format", "pptx,docx", "--out", str(tmp_path / "out"))
    assert result.code == 2
    assert result.err.strip().splitlines() == [
        "reportgen: --format takes pptx, pdf, xlsx, html (comma-separated), not 'pptx,docx'"
    ]
    assert not (tmp_path / "out").exists()


def test_the_command_line_check_and_settings_read_the_registry(run):
    assert formats.NAMES == ("pptx", "pdf", "xlsx", "html")
    assert CHECKED_SUFFIXES == (".pptx", ".pdf")
    help_text = " ".join(run("build", "--help").out.split())
    assert "comma-separated: pptx, pdf, xlsx, html [default: all]" in help_text


def test_the_summary_names_each_formats_unit(tmp_path):
    from reportgen.build import Built

    stream = io.StringIO()
    built = [
        Built(tmp_path / f"out.{fmt.name}", fmt.name, "zh", 3, 2048) for fmt in formats.FORMATS
    ]
    Progress(stream=stream).summary(built, 1.0)
    lines = stream.getvalue().splitlines()
    assert [line.split("  ")[2].split(",")[0] for line in lines[1:]] == [
        "3 slides",
        "3 pages",
        "3 sheets",
        "3 figures",
    ]


def _text_format(name: str) -> formats.OutputFormat:
    """A format no module knows: a plain-text list of the dataset's metric ids."""
    return formats.OutputFormat(
        name=name,
        unit="lines",
        part=None,
        languages=True,
        filename=lambda dataset_id, template, lang: f"{dataset_id}-ids_{lang}.{name}",
        content=None,
        render=lambda content, template, dataset: "\n".join(m.id for m in dataset.metrics).encode(),
        count=lambda content, data: data.count(b"\n") + 1,
    )


def test_an_unregistered_format_cannot_be_built(tmp_path):
    with pytest.raises(UsageError, match="no output format 'txt'"):
        BuildContext([tmp_path], "briefing", ["zh"], [_text_format("txt")], tmp_path)


def test_a_new_format_is_one_registry_entry(monkeypatch, mini, tmp_path):
    """Registered, it is chosen by name, scheduled per language, drawn, counted, written and
    reused like the others: nothing in the pipeline names a format."""
    extra = _text_format("txt")
    monkeypatch.setattr(formats, "FORMATS", (*formats.FORMATS, extra))
    context = BuildContext([mini], "no-template-needed", ["zh", "en"], ["txt", "xlsx"], tmp_path)
    assert [fmt.name for fmt in context.formats] == ["xlsx", "txt"]
    jobs = schedule(context)
    assert all(job.output_format is formats.get(job.task.fmt) for job in jobs)
    assert [(job.task.fmt, job.task.lang) for job in jobs] == [
        ("txt", "zh"),
        ("txt", "en"),
        ("xlsx", ""),
    ]
    built = build(context)
    assert [b.path.name for b in built] == [
        "mini-ids_zh.txt",
        "mini-ids_en.txt",
        "mini-tables.xlsx",
    ]
    ids = (tmp_path / "mini-ids_en.txt").read_text().splitlines()
    assert "trade_2023" in ids and built[0].pages == len(ids)
    assert all(b.reused for b in build(replace(context, formats=("txt",))))
    with zipfile.ZipFile(tmp_path / "mini-tables.xlsx") as workbook:
        assert "xl/workbook.xml" in workbook.namelist()
