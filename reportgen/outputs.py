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
import sys
import tempfile
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from reportgen.errors import ReportgenError, UsageError

#: Used when SOURCE_DATE_EPOCH is not set: 1980-01-01, the earliest time a zip entry can carry.
DEFAULT_EPOCH = 315532800
#: The latest SOURCE_DATE_EPOCH accepted: 2107-12-31 23:59:59 UTC, the last time a zip entry
#: can carry (earlier values are fine and are raised to 1980 in zip entries).
LATEST_EPOCH = 4354819199

#: Every temporary file reportgen writes is named ``.<target>.reportgen-<pid>-<random>.tmp``:
#: the tag tells it from a user's own file, the pid says whether its writer still runs.
TEMP_TAG = "reportgen"


class OutputError(ReportgenError, OSError):
    """An output could not be written; names the output, never the temporary file.

    An OSError too, so callers that treat a failed cache write as a cost, not a failure,
    still do."""

    exit_code = 3


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH as seconds, None when unset; a value reportgen cannot stamp into
    every output is a usage error naming the variable (read before anything is drawn)."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit()) or int(value) > LATEST_EPOCH:
        raise UsageError(
            "SOURCE_DATE_EPOCH takes a whole number of seconds since 1970-01-01 UTC, "
            f"from 0 to {LATEST_EPOCH} (2107-12-31, the last date a zip file holds), "
            f"not '{value[:40]}'"
        )
    return int(value)


def build_time() -> datetime:
    """The timestamp written into outputs: SOURCE_DATE_EPOCH if set, else a fixed date."""
    epoch = source_date_epoch()
    epoch = DEFAULT_EPOCH if epoch is None else epoch
    return datetime.fromtimestamp(max(epoch, DEFAULT_EPOCH), tz=timezone.utc)


def document_time(source_date: str | None) -> datetime:
    """The date stamped into a document: SOURCE_DATE_EPOCH if set, else the date of the
    source it is about (ISO, year or month precision allowed), never the time of the build."""
    if source_date_epoch() is not None or not source_date:
        return build_time()
    parts = [int(p) for p in source_date.split("-")] + [1, 1]
    return datetime(parts[0], parts[1], parts[2], tzinfo=timezone.utc)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` all at once, or not at all.

    Any failure (a full disk, a folder where the file should go, no permission) is an
    OutputError naming ``path``: the temporary file is removed and never mentioned."""
    from reportgen.paths import display_path

    tmp_name = None
    try:
        if path.is_dir():
            raise IsADirectoryError(21, "it is a folder, not a file")
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{path.name}.{TEMP_TAG}-{os.getpid()}-", suffix=".tmp", dir=path.parent
        )
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
    except BaseException as exc:
        if tmp_name is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp_name)
        if isinstance(exc, OSError) and not isinstance(exc, OutputError):
            reason = exc.strerror or str(exc)
            if isinstance(exc, IsADirectoryError):
                reason = "it is a folder, not a file"
            elif isinstance(exc, (FileExistsError, NotADirectoryError)):
                blocker = next((p for p in path.parents if p.exists()), path.parent)
                reason = f"{display_path(blocker)} is a file, not a folder"
            raise OutputError(f"cannot write {display_path(path)}: {reason}") from exc
        raise


@contextlib.contextmanager
def new_folder(target: Path):
    """Yield a folder to fill beside ``target``, moved into place in one step when the block
    ends without error and removed when it does not: a folder that cannot be made whole
    (a draft, a new project) leaves nothing behind. ``target`` must not exist or be empty."""
    import shutil

    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise FileExistsError(f"{target} exists and is not empty; choose a new folder")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)  # mkdtemp's folder is private; the result is an ordinary one
    try:
        yield staging
        if target.exists():
            target.rmdir()  # empty, checked above
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def stale_temps(path: Path) -> list[Path]:
    """Temporary files left beside ``path`` by reportgen writers that no longer run
    (a killed build): never a user's file, never one a running build is writing."""
    pattern = re.compile(re.escape(f".{path.name}.{TEMP_TAG}-") + r"(\d+)-[A-Za-z0-9_]+\.tmp")
    try:
        names = [entry.name for entry in os.scandir(path.parent)]
    except OSError:
        return []
    return [
        path.parent / name
        for name in names
        if (match := pattern.fullmatch(name)) and not pid_running(int(match.group(1)))
    ]


def pid_running(pid: int) -> bool:
    """Whether process ``pid`` exists and has not exited (a zombie has)."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would end the process on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        try:
            return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and (
                code.value == 259  # STILL_ACTIVE
            )
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):  # no /proc (macOS): kill(0) is the answer
        return True


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
