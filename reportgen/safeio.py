"""The one way reportgen opens a file that a data folder or a template names.

Data folders and templates may come from other people (a CI job that builds whatever is
pushed), so a name in them must not reach the rest of the machine: ``file: /etc/passwd``,
``file: ../../secrets.txt`` or a symlink to either would otherwise be read and its lines
printed in error messages, slide notes and the workbook. Every such name goes through
``resolve_inside``: a relative path, no ``..``, and after following symlinks still inside the
folder. A symlink that stays inside the folder is followed (a git checkout may link an article
to its raw page); one that leads out is refused. Reads go through ``read_file``: regular files
only (a FIFO, ``/dev/zero`` or a folder is refused before a byte is read) and never more than
``limit + 1`` bytes, so a huge or endless file costs nothing.

A refusal is a ``Refused`` carrying one line that names no content of the file; the caller
adds the file, entry and field it came from.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path, PurePosixPath, PureWindowsPath

from reportgen.paths import display_path

#: A data file (YAML, article text, raw page): a news page is ~20 KB; bigger is a mistake.
MAX_DATA_FILE_BYTES = 2 * 1024 * 1024
#: An article given to `reportgen extract`: 1 MiB extracts in about 2 s, 20 MiB in under a minute.
MAX_EXTRACT_BYTES = 20 * 1024 * 1024
#: A template's PowerPoint master as stored (its unpacked size has its own limit).
MAX_MASTER_FILE_BYTES = 100 * 1024 * 1024
#: One font file in a template's fonts/ folder (a full CJK face is about 20 MB).
MAX_FONT_BYTES = 64 * 1024 * 1024
#: A deck or PDF given to `reportgen check` (the seed's are about 200 KB).
MAX_CHECKED_FILE_BYTES = 200 * 1024 * 1024
#: A PowerPoint package once unpacked, and its parts: a real master or deck is a few MB in a
#: few hundred parts; more says zip bomb.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_PACKAGE_PARTS = 5000

CHUNK = 1 << 20


def shown_name(name: str, limit: int = 120) -> str:
    """A file name as written, safe for a one-line message: control characters escaped,
    a very long name cut."""
    text = name if name.isprintable() else repr(name)[1:-1]
    return text if len(text) <= limit else text[:limit] + "…"


class Refused(Exception):
    """A named file that is not read; ``reason`` is one line without any of its content."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def size_text(limit: int) -> str:
    """A byte limit as people say it (2 MiB, 512 KiB)."""
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if limit >= scale and limit % scale == 0:
            return f"{limit // scale} {unit}"
    return f"{limit} bytes"


def resolve_inside(root: Path, name: str | Path) -> Path:
    """The real path of ``name`` (relative, as a data folder or template writes it) under
    ``root``; Refused if it is absolute, climbs out with ``..`` or leads out by a symlink."""
    text = str(name)
    folder = display_path(root)
    folder = "the current folder" if folder == "." else folder
    if "\0" in text:
        raise Refused("a name with a NUL character; refused")
    windows = PureWindowsPath(text)
    if PurePosixPath(text).is_absolute() or windows.is_absolute() or windows.drive:
        raise Refused(f"an absolute path; name the file relative to {folder}")
    if ".." in PurePosixPath(text).parts or ".." in windows.parts:
        raise Refused(f"goes up with '..'; name the file by its path inside {folder}")
    try:
        real_root = root.resolve()
        real = (root / text).resolve()
    except (OSError, RuntimeError):  # a symlink loop
        raise Refused("a symlink loop; refused") from None
    if real != real_root and not real.is_relative_to(real_root):
        raise Refused(f"a symlink that leads outside {folder}; refused")
    return real


def read_inside(root: Path, name: str | Path, limit: int = MAX_DATA_FILE_BYTES) -> bytes:
    """The bytes of a file a data folder or template names, checked by ``resolve_inside``."""
    return read_file(resolve_inside(root, name), limit, follow=False)


def read_file(path: Path, limit: int = MAX_DATA_FILE_BYTES, *, follow: bool = True) -> bytes:
    """At most ``limit`` bytes of a regular file; Refused for anything else or anything more.

    ``follow=False`` refuses a symlink in the last step (the path was already resolved, so
    one there now was put there since)."""
    with _open_regular(path, follow) as handle:
        if os.fstat(handle.fileno()).st_size > limit:
            raise Refused(f"file is larger than {size_text(limit)}")
        try:
            data = handle.read(limit + 1)  # the file may have grown since fstat
        except OSError as exc:
            raise Refused(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise Refused(f"file is larger than {size_text(limit)}")
    return data


def chunks(path: Path, *, follow: bool = True) -> Iterator[bytes]:
    """A regular file's content in 1 MiB pieces, for hashing without holding it in memory."""
    with _open_regular(path, follow) as handle:
        yield from iter(lambda: handle.read(CHUNK), b"")


def check_file(root: Path, name: str | Path, limit: int) -> Path:
    """The real path of a file a template names that a library will open itself (a master,
    a font), after the same checks as a read: inside, regular, at most ``limit`` bytes."""
    path = resolve_inside(root, name)
    with _open_regular(path, follow=False) as handle:
        if os.fstat(handle.fileno()).st_size > limit:
            raise Refused(f"file is larger than {size_text(limit)}")
    return path


def _open_regular(path: Path, follow: bool):
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)  # O_NONBLOCK: opening a FIFO does not wait for a writer
    except FileNotFoundError:
        raise Refused("file not found") from None
    except IsADirectoryError:
        raise Refused("is a folder, expected a file") from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise Refused(f"cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise Refused("is a folder, expected a file")
        raise Refused("not a regular file (a pipe, device or socket); refused")
    return os.fdopen(fd, "rb")


def package_refusal(source: Path | bytes) -> str | None:
    """Why a zip package (a .pptx) must not be unpacked, or None: not a zip, or its declared
    unpacked size or part count says zip bomb. Read from the zip's directory, so it costs
    nothing; Python's zipfile never inflates a part past its declared size."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source) as zf:
            members = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return f"not a zip package ({type(exc).__name__})"
    unpacked = sum(member.file_size for member in members)
    if len(members) > MAX_PACKAGE_PARTS or unpacked > MAX_UNPACKED_BYTES:
        return (
            f"refused: unpacks to {unpacked / 2**20:,.0f} MiB in {len(members)} parts "
            f"(limit {size_text(MAX_UNPACKED_BYTES)}, {MAX_PACKAGE_PARTS} parts)"
        )
    return None
