"""A reviewer's change: written at once with the file's comments and order kept, validated
first (a change the validator rejects is refused with its message and nothing is written),
and refused when the file changed since the page read it."""

from __future__ import annotations

import difflib
import shutil

import pytest
import yaml

from reportgen.data import load_dataset
from reportgen.review.edits import Change, Refused, apply, version
from tests.conftest import MINI_DIR, ROOT, SEED_DIR


@pytest.fixture
def seed_copy(tmp_path):
    target = tmp_path / "seed"
    shutil.copytree(SEED_DIR, target)
    return target


def _change(folder, kind="metric", **kwargs):
    name = {"metric": "metrics.yaml", "ranking": "rankings.yaml", "event": "events.yaml"}[kind]
    current = version((folder / name).read_bytes())
    return Change(kind=kind, version=kwargs.pop("version", current), **kwargs)


def _diff(before: str, after: str) -> list[str]:
    lines = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in lines if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def test_saving_what_is_there_leaves_the_same_bytes(seed_copy):
    path = seed_copy / "metrics.yaml"
    before = path.read_bytes()
    fields = {"label_zh": "对外贸易额", "label_en": "Foreign trade", "value": "36000000000"}
    apply(
        seed_copy,
        _change(seed_copy, id="foreign_trade_2022", action="save", fields=fields),
        load_dataset,
    )
    assert path.read_bytes() == before


def test_an_edit_changes_its_line_only_and_keeps_the_comments(seed_copy):
    path = seed_copy / "metrics.yaml"
    before = path.read_text(encoding="utf-8")
    assert "# --- trade" in before
    change = _change(
        seed_copy, id="foreign_trade_2022", action="save", fields={"label_en": "Total trade"}
    )
    new_version = apply(seed_copy, change, load_dataset)
    after = path.read_text(encoding="utf-8")
    assert _diff(before, after) == ["-    label_en: Foreign trade", "+    label_en: Total trade"]
    assert new_version == version(after.encode("utf-8"))


def test_accepting_sets_reviewed_true(tmp_path):
    folder = tmp_path / "mini"
    shutil.copytree(MINI_DIR, folder)
    path = folder / "metrics.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "    topic: logistics\n", "    topic: logistics\n    reviewed: false\n", 1
    )
    path.write_text(text, encoding="utf-8")
    apply(folder, _change(folder, id="trains_total", action="accept"), load_dataset)
    assert _diff(text, path.read_text(encoding="utf-8")) == [
        "-    reviewed: false",
        "+    reviewed: true",
    ]
    assert all(m.reviewed for m in load_dataset(folder).metrics)


def test_a_value_the_quote_does_not_hold_is_refused_with_the_validators_words(seed_copy):
    path = seed_copy / "metrics.yaml"
    before = path.read_bytes()
    change = _change(seed_copy, id="foreign_trade_2022", action="save", fields={"value": "37e9"})
    with pytest.raises(Refused) as refused:
        apply(seed_copy, change, load_dataset)
    assert refused.value.field == "value"
    assert "does not appear in the quote" in refused.value.message
    assert path.read_bytes() == before


def test_text_where_a_number_goes_is_refused(seed_copy):
    change = _change(seed_copy, id="foreign_trade_2022", action="save", fields={"value": "lots"})
    with pytest.raises(Refused) as refused:
        apply(seed_copy, change, load_dataset)
    assert (refused.value.field, refused.value.message) == ("value", "'lots' is not a number")


def test_a_change_to_an_older_file_than_on_disk_is_refused(seed_copy):
    stale = _change(seed_copy, id="foreign_trade_2022", action="save", fields={"label_en": "A"})
    apply(seed_copy, _change(seed_copy, id="foreign_trade_2022", action="accept"), load_dataset)
    written = (seed_copy / "metrics.yaml").read_bytes()
    with pytest.raises(Refused) as refused:
        apply(seed_copy, stale, load_dataset)
    assert (
        refused.value.status == 409 and "changed since this page read it" in refused.value.message
    )
    assert (seed_copy / "metrics.yaml").read_bytes() == written


def test_dropping_removes_the_entry_and_nothing_else(tmp_path):
    folder = tmp_path / "mini"
    shutil.copytree(MINI_DIR, folder)
    apply(folder, _change(folder, id="trains_total", action="drop"), load_dataset)
    ids = [m["id"] for m in yaml.safe_load((folder / "metrics.yaml").read_text())["metrics"]]
    assert ids == ["trade_2023", "trade_growth_2023", "trade_2022_implied"]


def test_dropping_a_figure_others_are_computed_from_is_refused(tmp_path):
    folder = tmp_path / "mini"
    shutil.copytree(MINI_DIR, folder)
    before = (folder / "metrics.yaml").read_bytes()
    with pytest.raises(Refused) as refused:
        apply(folder, _change(folder, id="trade_2023", action="drop"), load_dataset)
    assert refused.value.field is None
    assert "trade_2022_implied" in refused.value.message
    assert (folder / "metrics.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"id": "nosuch", "action": "accept"}, 404),
        ({"id": "trade_2023", "action": "burn"}, 400),
        ({"id": "trade_2023", "action": "save", "fields": {"quote": "x"}}, 400),
    ],
)
def test_unknown_entries_actions_and_fields_are_refused(tmp_path, kwargs, status):
    folder = tmp_path / "mini"
    shutil.copytree(MINI_DIR, folder)
    with pytest.raises(Refused) as refused:
        apply(folder, _change(folder, **kwargs), load_dataset)
    assert refused.value.status == status


def test_dropping_a_figure_takes_the_points_that_print_it_and_the_link_of_its_change(tmp_path, run):
    """出口和进口分别增长{trade_03}和{trade_04}: dropping the import growth leaves the export
    growth without that clause (it would print a number no figure holds); dropping a level
    leaves its change standing alone."""
    folder = tmp_path / "draft"
    examples = ROOT / "examples" / "articles-2023-06"
    assert run("extract", str(examples), "--to-data", str(folder)).code == 0
    apply(folder, _change(folder, id="trade_04", action="drop"), load_dataset)
    apply(folder, _change(folder, id="logistics_06", action="drop"), load_dataset)
    entries = {m.id: m for m in load_dataset(folder).metrics}
    assert "trade_04" not in entries and "logistics_06" not in entries
    assert entries["trade_03"].point is None and entries["trade_01"].point is not None
    assert entries["logistics_07"].change_of is None and entries["logistics_07"].point is None


def test_a_file_keeps_its_line_ends_and_its_permissions(tmp_path):
    folder = tmp_path / "mini"
    shutil.copytree(MINI_DIR, folder)
    path = folder / "metrics.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    path.chmod(0o600)
    apply(folder, _change(folder, id="trains_total", action="accept"), load_dataset)
    data = path.read_bytes()
    assert b"reviewed: true\r\n" in data and data.count(b"\n") == data.count(b"\r\n")
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_file_keeps_its_byte_order_mark(tmp_path):
    folder = tmp_path / "mini"
    shutil.copytree(MINI_DIR, folder)
    path = folder / "metrics.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    apply(folder, _change(folder, id="trains_total", action="accept"), load_dataset)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfmetrics:") and data.count(b"\xef\xbb\xbf") == 1
