"""A build never replaces outputs another data folder made (`reportgen.owner`).

Most builds here make the workbook alone from the small fixture: it needs no template and no
drawing, so the rule is exercised quickly; the slow test checks decks and PDFs the same way."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reportgen.build import BuildContext, build
from reportgen.errors import UsageError
from reportgen.owner import MANIFEST_FILE, Owner, Owners
from tests.conftest import MINI_DIR, SEED_DIR, edit


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))


def two_copies(tmp_path: Path, source: Path = MINI_DIR) -> tuple[Path, Path]:
    """Two data folders with the same dataset id at different places, as two months' drafts
    of files both named article.txt were."""
    first, second = tmp_path / "may" / source.name, tmp_path / "june" / source.name
    shutil.copytree(source, first)
    shutil.copytree(source, second)
    return first, second


def files(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder``, the records beside the outputs included."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def workbook(run, data: Path, out: Path, *extra: str):
    return run("build", "--data", str(data), "--format", "xlsx", "--out", str(out), *extra)


def test_a_second_folder_with_the_same_id_is_refused_and_the_first_outputs_stay(run, tmp_path):
    may, june = two_copies(tmp_path)
    out = tmp_path / "out"
    assert workbook(run, may, out).code == 0
    before = files(out)
    # The copy is byte-identical, so its outputs would even count as unchanged: refused all
    # the same, it did not make them.
    result = workbook(run, june, out)
    assert result.code == 2
    assert result.err.count("\n") == 1 and result.err.startswith("reportgen: "), result.err
    line = result.err.strip()
    assert f"{out / 'mini-tables.xlsx'} made by the data folder {may} (dataset 'mini')" in line
    assert f"would be replaced by {june}" in line
    assert "--out" in line and "--force" in line
    assert files(out) == before  # nothing written, not even the records


def test_a_data_folder_rebuilds_over_its_own_outputs(run, tmp_path):
    may, _ = two_copies(tmp_path)
    out = tmp_path / "out"
    assert workbook(run, may, out).code == 0
    first = files(out)
    assert workbook(run, may, out, "--force").code == 0  # written again, not reused
    assert files(out) == first
    edit(may / "metrics.yaml", "label_en: Foreign trade\n", "label_en: Total trade\n")
    assert workbook(run, may, out).code == 0
    assert files(out)["mini-tables.xlsx"] != first["mini-tables.xlsx"]
    assert files(out)[MANIFEST_FILE] == first[MANIFEST_FILE]


def test_force_replaces_another_folders_outputs_and_records_the_new_maker(run, tmp_path):
    may, june = two_copies(tmp_path)
    edit(june / "metrics.yaml", "label_en: Foreign trade\n", "label_en: Total trade\n")
    out = tmp_path / "out"
    assert workbook(run, may, out).code == 0
    mays = files(out)["mini-tables.xlsx"]
    assert workbook(run, june, out, "--force").code == 0
    assert files(out)["mini-tables.xlsx"] != mays
    recorded = json.loads((out / MANIFEST_FILE).read_text(encoding="utf-8"))
    assert recorded["outputs"]["mini-tables.xlsx"] == {"data": "../june/mini", "dataset": "mini"}
    # Now the first folder is the other one.
    assert workbook(run, may, out).code == 2


def test_the_record_is_sorted_deterministic_json_of_paths_from_the_output_folder(run, tmp_path):
    data = tmp_path / "project" / "data"
    shutil.copytree(MINI_DIR, data / "mini")
    shutil.copytree(MINI_DIR, data / "zone")
    edit(data / "zone" / "dataset.yaml", "id: mini\n", "id: zone\n")
    out = tmp_path / "project" / "output"
    assert workbook(run, data / "zone", out).code == 0
    assert workbook(run, data / "mini", out).code == 0  # another id: both live in one folder
    expected = (
        "{\n"
        ' "outputs": {\n'
        '  "mini-tables.xlsx": {\n'
        '   "data": "../data/mini",\n'
        '   "dataset": "mini"\n'
        "  },\n"
        '  "zone-tables.xlsx": {\n'
        '   "data": "../data/zone",\n'
        '   "dataset": "zone"\n'
        "  }\n"
        " },\n"
        ' "version": 1\n'
        "}\n"
    )
    assert (out / MANIFEST_FILE).read_text(encoding="ascii") == expected
    # Built the other way round in a second clone elsewhere: the same bytes.
    clone = tmp_path / "elsewhere" / "clone"
    shutil.copytree(data, clone / "data")
    assert workbook(run, clone / "data" / "mini", clone / "output").code == 0
    assert workbook(run, clone / "data" / "zone", clone / "output").code == 0
    assert (clone / "output" / MANIFEST_FILE).read_text(encoding="ascii") == expected


def test_a_project_moved_with_its_output_folder_still_owns_its_outputs(run, tmp_path):
    project = tmp_path / "alice" / "project"
    shutil.copytree(MINI_DIR, project / "data" / "mini")
    assert workbook(run, project / "data" / "mini", project / "output").code == 0
    moved = tmp_path / "ci" / "workspace" / "project"
    shutil.move(str(project), str(moved))
    result = workbook(run, moved / "data" / "mini", moved / "output")
    assert result.code == 0, result.err


def test_a_data_folder_moved_alone_is_refused_once_and_force_records_it(run, tmp_path):
    may, _ = two_copies(tmp_path)
    out = tmp_path / "out"
    assert workbook(run, may, out).code == 0
    renamed = may.parent / "zone-2023-05"
    may.rename(renamed)
    assert workbook(run, renamed, out).code == 2
    assert workbook(run, renamed, out, "--force").code == 0
    assert workbook(run, renamed, out).code == 0


def test_an_output_without_a_record_is_adopted_by_the_build_that_makes_that_name(run, tmp_path):
    may, june = two_copies(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "mini-tables.xlsx").write_bytes(b"a workbook built before outputs were recorded")
    assert workbook(run, may, out).code == 0
    recorded = json.loads((out / MANIFEST_FILE).read_text(encoding="utf-8"))
    assert recorded["outputs"] == {"mini-tables.xlsx": {"data": "../may/mini", "dataset": "mini"}}
    assert workbook(run, june, out).code == 2  # from then on it is the first folder's


def test_deleting_another_folders_output_lets_a_build_make_it(run, tmp_path):
    may, june = two_copies(tmp_path)
    out = tmp_path / "out"
    assert workbook(run, may, out).code == 0
    (out / "mini-tables.xlsx").unlink()
    assert workbook(run, june, out).code == 0
    recorded = json.loads((out / MANIFEST_FILE).read_text(encoding="utf-8"))
    assert recorded["outputs"]["mini-tables.xlsx"]["data"] == "../june/mini"


def test_a_record_of_files_no_longer_there_is_dropped_and_no_record_is_made_for_nothing(
    tmp_path,
):
    out = tmp_path / "out"
    out.mkdir()
    owners = Owners.load(out)
    owners.record(out / "gone.pptx", Owner("zone", "../zone"))
    owners.save()
    assert list(out.iterdir()) == []  # nothing there, nothing recorded
    (out / "kept.pptx").write_bytes(b"deck")
    owners.record(out / "kept.pptx", Owner("zone", "../zone"))
    owners.save()
    assert list(json.loads((out / MANIFEST_FILE).read_text())["outputs"]) == ["kept.pptx"]


def test_the_record_is_written_only_when_it_changes(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "deck.pptx").write_bytes(b"deck")
    owners = Owners.load(out)
    owners.record(out / "deck.pptx", Owner("zone", "../zone"))
    owners.save()
    stamp = (out / MANIFEST_FILE).stat().st_mtime_ns
    (out / MANIFEST_FILE).chmod(0o444)  # a write would replace the file, not change its mode
    again = Owners.load(out)
    again.record(out / "deck.pptx", Owner("zone", "../zone"))
    again.save()
    assert (out / MANIFEST_FILE).stat().st_mtime_ns == stamp
    assert (out / MANIFEST_FILE).stat().st_mode & 0o777 == 0o444


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{not json", "not JSON"),
        (b"\xff\xfe", "not JSON"),
        (b"[]", "no 'outputs' table"),
        (b'{"outputs": {}, "version": 2}', "version 2, this reportgen reads 1"),
        (b'{"outputs": {"a.pptx": {"dataset": "a"}}, "version": 1}', "a bad entry for 'a.pptx'"),
        (b'{"outputs": {"../a.pptx": {"dataset": "a", "data": "."}}, "version": 1}', "bad entry"),
    ],
)
def test_an_unreadable_record_is_a_usage_error_and_force_starts_it_afresh(
    run, tmp_path, content, reason
):
    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST_FILE).write_bytes(content)
    result = workbook(run, MINI_DIR, out)
    assert result.code == 2 and result.err.count("\n") == 1, result.err
    assert f"cannot read {out / MANIFEST_FILE}" in result.err and reason in result.err
    assert "delete it, or build with --force" in result.err
    assert [p.name for p in out.iterdir()] == [MANIFEST_FILE]  # nothing written
    assert workbook(run, MINI_DIR, out, "--force").code == 0
    recorded = json.loads((out / MANIFEST_FILE).read_text(encoding="utf-8"))
    assert list(recorded["outputs"]) == ["mini-tables.xlsx"]


def test_a_folder_where_the_record_goes_is_refused_in_one_line(run, tmp_path):
    out = tmp_path / "out"
    (out / MANIFEST_FILE).mkdir(parents=True)
    result = workbook(run, MINI_DIR, out)
    assert result.code == 2 and "is a folder, expected a file" in result.err
    assert not (out / "mini-tables.xlsx").exists()


def test_an_owner_is_the_dataset_id_and_the_real_path_from_the_output_folder(tmp_path):
    (tmp_path / "data" / "mini").mkdir(parents=True)
    (tmp_path / "link").symlink_to(tmp_path / "data")
    out = tmp_path / "site" / "output"  # not made yet
    assert Owner.of("mini", tmp_path / "link" / "mini", out) == Owner("mini", "../../data/mini")
    assert Owner.of("mini", tmp_path / "data" / "mini", tmp_path / "data") == Owner("mini", "mini")
    assert Owner("mini", "../../data/mini").folder(out) == (tmp_path / "data" / "mini").resolve()


def test_the_refusal_names_each_other_folder_once_with_its_first_file(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    names = ["zone_briefing_zh.pptx", "zone_briefing-summary_zh.pdf", "zone-tables.xlsx"]
    owners = Owners.load(out)
    for name in names:
        (out / name).write_bytes(b"made by may")
        owners.record(out / name, Owner("zone", "../may"))
    mine = Owner.of("zone", tmp_path / "june", out)
    claims = {out / name: mine for name in names}
    claims[out / "zone_briefing_en.pptx"] = mine  # not there yet: nobody's
    with pytest.raises(UsageError) as refused:
        owners.check(claims)
    assert str(refused.value) == (
        f"{out / names[0]} and 2 more output(s) made by the data folder {tmp_path / 'may'} "
        f"(dataset 'zone') would be replaced by {tmp_path / 'june'}: build into another folder "
        "with --out, or replace them with --force (or delete them first)"
    )
    owners.check({out / "zone_briefing_en.pptx": mine})  # a new file is nobody's


def test_the_same_folder_under_another_id_is_another_maker(tmp_path):
    """File names join the id and the template's name with '_', so dataset 'zone' with
    template 'a_b' and dataset 'zone_a' with template 'b' name the same file."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "zone_a_b_zh.pptx").write_bytes(b"deck")
    owners = Owners.load(out)
    owners.record(out / "zone_a_b_zh.pptx", Owner("zone", "../data"))
    (clash,) = owners.clashes({out / "zone_a_b_zh.pptx": Owner("zone_a", "../data")})
    assert clash.maker.dataset == "zone" and clash.builder.dataset == "zone_a"


@pytest.mark.slow
def test_decks_pdfs_and_workbooks_of_another_folder_are_never_replaced(tmp_path):
    may, june = two_copies(tmp_path, SEED_DIR)
    edit(june / "dataset.yaml", "as_of:", "# june\nas_of:")  # other inputs: would be rebuilt
    out = tmp_path / "out"
    context = BuildContext([may], "briefing", ["zh"], ["pptx", "pdf", "xlsx"], out, jobs=2)
    build(context)
    before = files(out)
    assert len(before) == 5  # three outputs, the state and the record
    with pytest.raises(UsageError) as refused:
        build(BuildContext([june], "briefing", ["zh"], ["pptx", "pdf", "xlsx"], out, jobs=2))
    assert "and 2 more output(s)" in str(refused.value)
    assert files(out) == before
    # The same folder over its own outputs: written again, the same bytes.
    again = build(BuildContext([may], "briefing", ["zh"], ["pptx", "pdf", "xlsx"], out, force=True))
    assert not any(built.reused for built in again)
    assert files(out) == before
