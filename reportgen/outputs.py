"""Writing output files safely and reproducibly.

Every file reportgen writes goes through ``atomic_write``: it is written beside its target and
moved into place in one step, so an interrupted or failed build never leaves a truncated file
and never replaces a good file with a bad one. Zip-based formats (xlsx, pptx) go through
``reproducible_zip`` so the same inputs give the same bytes, which lets CI diff and cache them.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import tempfile
import zipfile
from datetime import datetime, timezone
from pathlib import Path

#: Used when SOURCE_DATE_EPOCH is not set: 1980-01-01, the earliest time a zip entry can carry.
DEFAULT_EPOCH = 315532800


def build_time() -> datetime:
    """The timestamp written into outputs: SOURCE_DATE_EPOCH if set, else a fixed date."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    epoch = int(value) if value.isdigit() else DEFAULT_EPOCH
    return datetime.fromtimestamp(max(epoch, DEFAULT_EPOCH), tz=timezone.utc)


def document_time(source_date: str | None) -> datetime:
    """The date stamped into a document: SOURCE_DATE_EPOCH if set, else the date of the
    source it is about (ISO, year or month precision allowed), never the time of the build."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit() or not source_date:
        return build_time()
    parts = [int(p) for p in source_date.split("-")] + [1, 1]
    return datetime(parts[0], parts[1], parts[2], tzinfo=timezone.utc)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` all at once, or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


_CORE_DATES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def reproducible_zip(data: bytes, when: datetime | None = None) -> bytes:
    """Rewrite an OOXML package with fixed entry times, a fixed order and fixed core dates.

    Office libraries stamp the current time into every zip entry and into docProps/core.xml;
    both are set to ``when`` (default: ``build_time()``) so rebuilds are byte-identical.
    """
    when = when or build_time()
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    date_time = when.timetuple()[:6]
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        names = source.namelist()
        # [Content_Types].xml first, as Office writes it; the rest in a stable order.
        ordered = sorted(names, key=lambda n: (n != "[Content_Types].xml", n))
        for name in ordered:
            payload = source.read(name)
            if name == "docProps/core.xml":
                payload = _CORE_DATES.sub(lambda m: m.group(1) + stamp + m.group(3), payload)
            elif name.endswith((".xlsx", ".xlsm", ".docx", ".pptx")):
                payload = reproducible_zip(payload, when)  # embedded chart workbooks
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, payload, compresslevel=6)
    return out.getvalue()
