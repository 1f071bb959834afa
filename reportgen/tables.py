"""The dataset's tables as CSV, Markdown or an Excel workbook.

Formatting lives here, apart from the data: values are written as plain numbers (no
exponent, no trailing ``.0``) and missing cells are empty.
"""

from __future__ import annotations

import io
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


def to_xlsx(frames: dict[str, pd.DataFrame], source_date: str | None = None) -> bytes:
    """One sheet per table; numeric columns stay numbers so Excel can compute with them."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in frames.items():
            frame.to_excel(writer, sheet_name=name, index=False)
            sheet = writer.sheets[name]
            _text_never_formula(sheet)
            for column_cells in sheet.columns:
                longest = max(len(str(c.value)) if c.value is not None else 0 for c in column_cells)
                sheet.column_dimensions[column_cells[0].column_letter].width = min(
                    max(10, longest + 2), 60
                )
        writer.book.properties.creator = "reportgen"
    return reproducible_zip(buffer.getvalue(), document_time(source_date))


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


def write_tables(dataset: Dataset, names: Sequence[str], fmt: str, out_dir: Path) -> list[Path]:
    """Write the named tables into ``out_dir``; returns the files written."""
    frames = {name: dataset.table(name) for name in names}
    prefix = dataset.info.id
    if fmt == "xlsx":
        path = out_dir / workbook_filename(prefix)
        source = dataset.page.date_earliest if dataset.page else dataset.info.as_of
        atomic_write(path, to_xlsx(frames, source))
        return [path]
    written = []
    for name, frame in frames.items():
        text = to_csv(frame) if fmt == "csv" else to_markdown(frame)
        path = out_dir / f"{prefix}-{name}.{fmt}"
        atomic_write(path, text.encode("utf-8"))
        written.append(path)
    return written
