"""The dataset's tables as CSV, Markdown or an Excel workbook.

Formatting lives here, apart from the data: values are written as plain numbers (no
exponent, no trailing ``.0``) and missing cells are empty.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from reportgen.data import Dataset
from reportgen.formats import workbook_filename
from reportgen.outputs import atomic_write, document_time, reproducible_zip
from reportgen.text.numerals import format_plain

#: First characters that make a spreadsheet read a CSV cell as a formula (OWASP, "CSV
#: Injection"): a label "=HYPERLINK(...)" must stay text when the file is opened in Excel.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _display(frame: pd.DataFrame, *, text_cell=str) -> pd.DataFrame:
    """Every cell as the text a person should read: numbers plain, missing as empty.

    ``text_cell`` turns a cell that holds text (not a number) into what is written."""
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if pd.api.types.is_float_dtype(series):
            out[column] = [format_plain(v) if pd.notna(v) else "" for v in series]
        else:
            out[column] = [
                ""
                if v is None or (not isinstance(v, str) and pd.isna(v))
                else text_cell(v)
                if isinstance(v, str)
                else str(v)
                for v in series
            ]
    return out


def csv_text_cell(text: str) -> str:
    """A text cell a spreadsheet cannot run: a leading = + - @ tab or CR gets a ' before it.
    Numbers are written apart (a negative number stays a number)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(frame: pd.DataFrame) -> str:
    return _display(frame, text_cell=csv_text_cell).to_csv(index=False, lineterminator="\n")


def to_markdown(frame: pd.DataFrame) -> str:
    """A GitHub-style pipe table; pipes and line breaks in cells are escaped, not lost."""
    shown = _display(frame)

    def cell(text: str) -> str:
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")

    header = "| " + " | ".join(cell(str(c)) for c in shown.columns) + " |"
    rule = "| " + " | ".join("---" for _ in shown.columns) + " |"
    rows = ["| " + " | ".join(cell(v) for v in row) + " |" for row in shown.itertuples(index=False)]
    return "\n".join([header, rule, *rows]) + "\n"


def to_xlsx(
    frames: dict[str, pd.DataFrame],
    source_date: str | None = None,
    figures: list[dict[str, object]] | None = None,
) -> bytes:
    """A workbook an analyst can use as it is: first the figures as a presenter reads them
    (``content.figures``), then one sheet per table. Every sheet is an Excel table with
    filters and a frozen header row, columns as wide as their text (Chinese counted double),
    numbers as numbers with a number format, ISO dates as dates, derived figures in italics."""
    from openpyxl.styles import Font

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        sheets = {}
        if figures is not None:
            from reportgen.content.figures import COLUMNS

            frame = pd.DataFrame(figures, columns=list(COLUMNS)).rename(columns=COLUMNS)
            frame.to_excel(writer, sheet_name=FIGURES_SHEET, index=False)
            sheets[FIGURES_SHEET] = writer.sheets[FIGURES_SHEET]
            derived = [bool(row["derived"]) for row in figures]
            for row, is_derived in enumerate(derived, start=2):
                if is_derived:
                    for cell in sheets[FIGURES_SHEET][row]:
                        cell.font = Font(italic=True)
        for name, frame in frames.items():
            frame.to_excel(writer, sheet_name=name, index=False)
            sheets[name] = writer.sheets[name]
        for name, sheet in sheets.items():
            _text_never_formula(sheet)
            _for_analysts(sheet, name)
        writer.book.properties.creator = "reportgen"
    return reproducible_zip(buffer.getvalue(), document_time(source_date))


#: The workbook's first sheet: the figures as a presenter reads them.
FIGURES_SHEET = "figures"
#: Columns whose ISO texts are dates (a day, or a month shown as one).
DATE_COLUMNS = {"date", "start", "end", "as_of", "日期 / Date"}
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def _for_analysts(sheet, name: str) -> None:
    """Dates, number formats, widths, a frozen header and an Excel table with filters."""
    import datetime as dt

    from openpyxl.worksheet.table import Table, TableStyleInfo

    headers = [cell.value for cell in sheet[1]]
    for column, header in enumerate(headers, start=1):
        width = _display_width(str(header))
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            value = cell.value
            if header in DATE_COLUMNS and isinstance(value, str):
                day, month = _ISO_DAY.match(value), _ISO_MONTH.match(value)
                if day:
                    cell.value = dt.date(*map(int, day.groups()))
                    cell.number_format = "yyyy-mm-dd"
                elif month:
                    cell.value = dt.date(int(month[1]), int(month[2]), 1)
                    cell.number_format = "yyyy-mm"
            elif isinstance(value, bool):
                pass
            elif isinstance(value, int | float):
                whole = float(value).is_integer()
                cell.number_format = "#,##0" if whole else "#,##0.0###"
            width = max(width, _display_width(_as_text(cell.value)))
        letter = sheet.cell(row=1, column=column).column_letter
        sheet.column_dimensions[letter].width = min(max(8, width + 2), 60)
    sheet.freeze_panes = "A2"
    # printed (or saved as PDF): landscape, every column on the page's width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    if sheet.max_row >= 1 and headers:
        table = Table(displayName=f"T_{re.sub(r'[^A-Za-z0-9_]', '_', name)}", ref=sheet.dimensions)
        table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
        sheet.add_table(table)


def _as_text(value) -> str:
    """A cell's value as it reads (for its column's width)."""
    import datetime as dt

    if value is None:
        return ""
    if isinstance(value, dt.date):
        return "2023-05-10"
    if isinstance(value, bool):
        return "FALSE"
    if isinstance(value, int | float):
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    return str(value)


def _display_width(text: str) -> int:
    """Characters as a spreadsheet column counts them: East Asian wide ones count two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _text_never_formula(sheet) -> None:
    """openpyxl stores any string starting with "=" as a formula; every cell comes from data,
    so none is: such a cell is stored as a string and marked quote-prefixed, as Excel marks
    text typed after an apostrophe, so editing it keeps it text."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"
                cell.quotePrefix = True


def serialise(frames: dict[str, pd.DataFrame], fmt: str) -> str:
    """One or more tables as text for standard output (csv holds exactly one table)."""
    if fmt == "csv":
        if len(frames) != 1:
            raise ValueError("CSV on standard output holds one table; name it or use --out")
        return to_csv(next(iter(frames.values())))
    if fmt == "md":
        return (
            "\n".join(f"## {name}\n\n{to_markdown(frame)}" for name, frame in frames.items())
            if len(frames) > 1
            else to_markdown(next(iter(frames.values())))
        )
    raise ValueError(f"format '{fmt}' cannot go to standard output; use --out")


def workbook(dataset: Dataset, names: Sequence[str]) -> bytes:
    """The dataset's workbook: its figures as read, then the named tables."""
    from reportgen.content.figures import figure_rows

    frames = {name: dataset.table(name) for name in names}
    source = dataset.page.date_earliest if dataset.page else dataset.info.as_of
    return to_xlsx(frames, source, figure_rows(dataset))


def write_tables(dataset: Dataset, names: Sequence[str], fmt: str, out_dir: Path) -> list[Path]:
    """Write the named tables into ``out_dir``; returns the files written."""
    frames = {name: dataset.table(name) for name in names}
    prefix = dataset.info.id
    if fmt == "xlsx":
        path = out_dir / workbook_filename(prefix)
        atomic_write(path, workbook(dataset, names))
        return [path]
    written = []
    for name, frame in frames.items():
        text = to_csv(frame) if fmt == "csv" else to_markdown(frame)
        path = out_dir / f"{prefix}-{name}.{fmt}"
        atomic_write(path, text.encode("utf-8"))
        written.append(path)
    return written
