import csv
import io
import zipfile

import openpyxl
import pandas as pd
import pytest

from reportgen import formats
from reportgen.data import load_dataset
from reportgen.formats import workbook_filename
from reportgen.tables import (
    csv_text_cell,
    serialise,
    to_csv,
    to_markdown,
    to_xlsx,
    write_tables,
)
from tests.conftest import edit


def test_csv_writes_plain_numbers_and_empty_cells(mini):
    text = to_csv(load_dataset(mini).metrics_table())
    rows = list(csv.DictReader(io.StringIO(text)))
    by_id = {row["id"]: row for row in rows}
    assert by_id["trade_2023"]["value"] == "10000000000"
    assert by_id["trade_growth_2023"]["value"] == "25"
    assert by_id["trade_2023"]["hedge"] == ""
    assert by_id["trains_total"]["hedge"] == "近"


def test_markdown_escapes_pipes_and_newlines():
    frame = pd.DataFrame({"a": ["x|y", "line\nbreak"], "b": [1.5, None]})
    lines = to_markdown(frame).splitlines()
    assert lines[0] == "| a | b |"
    assert lines[2] == "| x\\|y | 1.5 |"
    assert lines[3] == "| line<br>break |  |"


def test_xlsx_is_reproducible_and_keeps_numbers(mini):
    dataset = load_dataset(mini)
    frames = {"metrics": dataset.metrics_table(), "events": dataset.events_table()}
    first, second = to_xlsx(frames), to_xlsx(frames)
    assert first == second
    back = pd.read_excel(io.BytesIO(first), sheet_name=None)
    assert list(back) == ["metrics", "events"]
    assert back["metrics"].set_index("id").loc["trade_2023", "value"] == 1e10
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert b"1980-01-01T00:00:00Z" in archive.read("docProps/core.xml")


def test_source_date_epoch_sets_the_stamp(mini, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1685491200")  # 2023-05-31
    data = to_xlsx({"metrics": load_dataset(mini).metrics_table()})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert b"2023-05-31T00:00:00Z" in archive.read("docProps/core.xml")


def test_write_tables_names_files_after_the_dataset(mini, tmp_path):
    out = tmp_path / "out"
    written = write_tables(load_dataset(mini), ["metrics", "events"], "md", out)
    assert [p.name for p in written] == ["mini-metrics.md", "mini-events.md"]
    assert sorted(p.name for p in out.iterdir()) == ["mini-events.md", "mini-metrics.md"]


INJECTIONS = ['=HYPERLINK("http://x.example","click")', "+1+1", "-2+3", "@SUM(A1)", "\tx"]


def test_csv_text_cells_cannot_start_a_formula_and_numbers_stay_numbers():
    frame = pd.DataFrame(
        {"label": [*INJECTIONS, "ok", "-"], "value": [-5.0, 1.5, -0.25, 3.0, 4.0, 5.0, 6.0]}
    )
    rows = list(csv.DictReader(io.StringIO(to_csv(frame))))
    assert [row["label"] for row in rows] == [*("'" + text for text in INJECTIONS), "ok", "'-"]
    assert [row["value"] for row in rows][:3] == ["-5", "1.5", "-0.25"]
    assert csv_text_cell("\rx") == "'\rx" and csv_text_cell("a=b") == "a=b"


def test_xlsx_stores_formula_like_labels_as_literal_text(mini):
    edit(
        mini / "metrics.yaml",
        "label_zh: 对外贸易额\n",
        'label_zh: \'=HYPERLINK("http://x.example","click")\'\n',
    )
    dataset = load_dataset(mini)
    data = to_xlsx({"metrics": dataset.metrics_table()})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    assert '<is><t>=HYPERLINK("http://x.example","click")</t></is>' in sheet.replace("&quot;", '"')
    back = openpyxl.load_workbook(io.BytesIO(data))["metrics"]
    cell = next(c for c in back["B"] if str(c.value).startswith("="))
    assert cell.data_type == "s" and cell.quotePrefix


def test_serialise_gives_one_csv_table_or_markdown_sections():
    one = {"a": pd.DataFrame({"x": [1.0, 2.5]})}
    two = {**one, "b": pd.DataFrame({"y": ["p|q"]})}
    assert serialise(one, "csv") == "x\n1\n2.5\n"
    assert serialise(one, "md") == "| x |\n| --- |\n| 1 |\n| 2.5 |\n"
    assert serialise(two, "md").splitlines()[0] == "## a"
    assert "## b" in serialise(two, "md") and "p\\|q" in serialise(two, "md")
    with pytest.raises(ValueError, match="holds one table"):
        serialise(two, "csv")
    with pytest.raises(ValueError, match="cannot go to standard output"):
        serialise(one, "xlsx")


def test_tables_and_build_name_the_workbook_alike(mini, tmp_path):
    written = write_tables(load_dataset(mini), ["metrics"], "xlsx", tmp_path)
    assert [p.name for p in written] == [workbook_filename("mini")] == ["mini-tables.xlsx"]
    assert formats.get("xlsx").filename("mini", "briefing", "zh") == written[0].name


def test_the_workbook_opens_with_the_figures_as_a_presenter_reads_them(seed):
    import datetime as dt

    from openpyxl import load_workbook

    from reportgen.data.dataset import TABLE_NAMES
    from reportgen.tables import workbook

    data = workbook(seed, TABLE_NAMES)
    assert data == workbook(seed, TABLE_NAMES)  # byte-identical on rebuild
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["figures", *TABLE_NAMES]
    sheet = book["figures"]
    headers = [c.value for c in sheet[1]]
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=2)}
    trade = {h: c for h, c in zip(headers, rows["foreign_trade_2022"], strict=True)}
    assert trade["数值（如文中）"].value == "360亿元"
    assert trade["Value as shown"].value == "CNY 36 bn"
    number = trade["数值 / Number"]
    assert number.value == 36_000_000_000 and number.number_format == "#,##0"  # a number
    assert trade["日期 / Date"].value == dt.datetime(2023, 5, 1)  # a date, shown as a month
    assert trade["日期 / Date"].number_format == "yyyy-mm"
    derived = {h: c for h, c in zip(headers, rows["foreign_trade_2021_implied"], strict=True)}
    assert derived["推算 / Derived"].value is True and derived["Value as shown"].font.i
    assert derived["数值（如文中）"].value.endswith("（推算）")
    assert "÷" in derived["推算方法"].value  # how it was computed, in words
    for name in book.sheetnames:
        shown = book[name]
        assert shown.freeze_panes == "A2"
        assert len(shown.tables) == 1  # an Excel table: filters on every column
        (table,) = shown.tables.values()
        assert table.ref == shown.dimensions
    label = book["figures"].column_dimensions["B"].width  # Chinese labels count double
    longest = max(len(c.value or "") for (c,) in sheet.iter_rows(min_row=2, min_col=2, max_col=2))
    assert label >= min(2 * longest, 60)
    articles = book["articles"]
    date_column = [c.value for c in articles[1]].index("date") + 1
    assert all(
        isinstance(articles.cell(row=r, column=date_column).value, dt.datetime)
        for r in range(2, articles.max_row + 1)
    )
