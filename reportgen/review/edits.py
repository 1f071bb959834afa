"""A reviewer's changes to a data folder: accept, correct or drop one entry, written at once.

Each change is applied to the YAML file as it is, through ruamel.yaml's round trip, so the
file keeps its comments, its order and its layout (a file read and written unchanged is the
same bytes); only the entry changed differs. Before anything is written, the folder is
validated with the change in place, in a copy: a change that brings a problem the folder did
not have is refused with the validator's own message and the field it names, and the file is
not touched. A change made against an older state of the file than the one on disk (another
browser tab, an editor) is refused too, so no edit is lost by being written over.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportgen.data.loader import EVENTS_FILE, METRICS_FILE, RANKINGS_FILE
from reportgen.errors import DataError, Problem
from reportgen.locale.texts import unfold
from reportgen.outputs import atomic_write

#: Each kind of entry a reviewer sees: its file and the list in it.
FILES: dict[str, tuple[str, str]] = {
    "metric": (METRICS_FILE, "metrics"),
    "ranking": (RANKINGS_FILE, "rankings"),
    "event": (EVENTS_FILE, "events"),
}
#: The fields a reviewer may change, per kind, in the order the form shows them.
FIELDS: dict[str, tuple[str, ...]] = {
    "metric": (
        *unfold("label", None),
        "value",
        "unit",
        "qualifier",
        "hedge",
        "period",
        "period_kind",
        "topic",
        "role",
    ),
    "ranking": (*unfold("entity", None), *unfold("assessment", None), "year", "rank"),
    "event": (*unfold("title", None), "date", *unfold("place", None), "status"),
}
#: Fields whose text is a number in the file.
NUMBERS = frozenset({"value", "year", "rank"})
ACTIONS = ("save", "accept", "drop")


class Refused(Exception):
    """A change that is not written: the field it is about (None for the entry) and why."""

    def __init__(self, field: str | None, message: str, status: int = 422):
        super().__init__(message)
        self.field, self.message, self.status = field, message, status


@dataclass(frozen=True)
class Change:
    kind: str
    id: str
    action: str
    version: str  # the file's version the reviewer saw
    fields: dict[str, str] = field(default_factory=dict)


def version(data: bytes) -> str:
    """A file's version: changes when any byte does."""
    return hashlib.sha256(data).hexdigest()[:16]


def yaml_for(text: str):
    """A round-trip YAML reader and writer laid out like ``text``: a list indented under its
    key (``  - id:``, the seed's style) or not (``- id:``, what drafts write)."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long quote
    found = re.search(r"^( *)- ", text, re.M)
    offset = len(found.group(1)) if found else 0
    yaml.indent(mapping=2, sequence=2 + offset, offset=offset)
    return yaml


def apply(folder: Path, change: Change, validate) -> str:
    """Apply ``change`` to the folder's file and return the file's new version; raises
    ``Refused`` (nothing written) for a stale version, an unknown entry or field, or a
    change the validator rejects. ``validate(folder)`` raises DataError for a bad folder."""
    if change.kind not in FILES:
        raise Refused(None, f"no kind of entry '{change.kind}'", 400)
    if change.action not in ACTIONS:
        raise Refused(None, f"no action '{change.action}' (takes {', '.join(ACTIONS)})", 400)
    name, key = FILES[change.kind]
    path = folder / name
    data = path.read_bytes()
    if version(data) != change.version:
        raise Refused(
            None,
            f"{name} changed since this page read it (another tab or an editor); "
            "reload to see the changes, then make yours again",
            409,
        )
    bom = data.startswith(codecs.BOM_UTF8)  # a file saved by Notepad keeps its mark
    text = data.decode("utf-8-sig")
    crlf = "\r\n" in text  # a file saved on Windows keeps its line ends
    text = text.replace("\r\n", "\n")
    yaml = yaml_for(text)
    document = yaml.load(text)
    entries = document.get(key) if hasattr(document, "get") else None
    index = next((i for i, entry in enumerate(entries or ()) if entry.get("id") == change.id), None)
    if index is None:
        raise Refused(None, f"no {change.kind} '{change.id}' in {name}", 404)
    if change.action == "drop":
        del entries[index]
        _unlink(entries, change.id)
    else:
        _edit(entries[index], change)
        if change.action == "accept":
            entries[index]["reviewed"] = True
    out = io.StringIO()
    yaml.dump(document, out)
    written = out.getvalue()
    new = (written.replace("\n", "\r\n") if crlf else written).encode("utf-8")
    new = codecs.BOM_UTF8 + new if bom else new
    _check(folder, name, new, change, validate)
    mode = path.stat().st_mode & 0o777
    atomic_write(path, new)
    path.chmod(mode)  # the file's own permissions, not a new file's
    return version(new)


def _unlink(entries: Any, dropped: str) -> None:
    """What a dropped figure takes with it in the entries beside it: a talking point that
    prints it (the clause would print a number no figure holds, which is no point) and a
    change's link to it as its level. A formula using it is not rewritten: the validator
    refuses that drop, naming the derived figure."""
    for entry in entries:
        if f"{{{dropped}}}" in str(entry.get("point", "")):
            entry.pop("point")
        if entry.get("change_of") == dropped:
            entry.pop("change_of")


def _edit(entry: Any, change: Change) -> None:
    allowed = FIELDS[change.kind]
    for name, written in change.fields.items():
        if name not in allowed:
            raise Refused(name, f"'{name}' cannot be changed here", 400)
        value = _typed(name, written)
        if value is None:
            entry.pop(name, None)  # an emptied optional field is left out, as drafts do
        elif entry.get(name) != value:
            entry[name] = value


def _typed(name: str, written: Any) -> Any:
    """The value a form field's text stands for: a number for numeric fields (as the file
    writes numbers), the text otherwise; None for an empty field."""
    text = str(written).strip()
    if not text:
        return None
    if name not in NUMBERS:
        return text
    try:
        number = float(text.replace(",", ""))
    except ValueError:
        raise Refused(name, f"'{text}' is not a number") from None
    return int(number) if number.is_integer() and "." not in text else number


def _key(problem: Problem) -> tuple:
    return (Path(problem.file).name, problem.entry, problem.field, problem.message)


def _check(folder: Path, name: str, new: bytes, change: Change, validate) -> None:
    """Validate the folder with ``new`` in place of its file, in a copy; refuse what brings
    a problem the folder did not already have."""
    before = _problems(folder, validate)
    with tempfile.TemporaryDirectory(prefix="reportgen-review-") as scratch:
        copy = Path(scratch) / folder.name
        shutil.copytree(folder, copy, symlinks=True)
        (copy / name).write_bytes(new)
        after = _problems(copy, validate)
    known = {_key(p) for p in before}
    brought = [p for p in after if _key(p) not in known]
    if brought:
        first = brought[0]
        mine = first.entry is not None and f"'{change.id}'" in first.entry
        field_name = first.field if mine and first.field in change.fields else None
        where = "" if mine else f"{first.entry or Path(first.file).name}: "
        raise Refused(field_name, where + first.message)


def _problems(folder: Path, validate) -> list[Problem]:
    try:
        validate(folder)
    except DataError as error:
        return list(error.problems)
    return []
