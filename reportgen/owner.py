"""Which data folder made each output in an output folder, so a build never replaces another's.

Several data folders may be built into one output folder. Every output's file name starts
with its dataset id, so two data folders with the same id (two months' drafts both called
``article``) make files of the same names, and the second build used to replace the first
one's deck without a word. Each output folder now keeps ``.reportgen-outputs.json``: for each
output file, the data folder that made it. A build that would replace a file another data
folder made stops before it writes anything (``check``), unless it is told to (``--force``).

A data folder is known by its dataset id and its path as seen from the output folder
(``../data/zone-2023-05``), the real paths of both, symlinks followed. Why that path:

- an absolute path changes when a project is moved or cloned elsewhere (another user, another
  CI workspace), and the project's own output folder would then refuse its own outputs;
- a fingerprint of the data changes with every edit, so the everyday rebuild after fixing a
  label would be refused;
- the path from the output folder stays the same when a project moves with its output folder
  inside it, and in a fresh clone of the same layout, and still tells apart any two data
  folders; for an output folder inside the project no user or workspace name is written,
  so the record's bytes are the same on every machine.

What it does not follow: a data folder renamed or moved on its own, or an output folder moved
without its data folders. The next build is then refused once and ``--force`` records the new
place. An output with no record (made before the record existed, or by a build killed before
it could record) is adopted by the data folder whose build makes a file of that name: that
was the behaviour before, and whoever builds next claims it. A record for a file that is no
longer there counts for nothing and is dropped when the record is next written.

The record is written atomically, with sorted keys (the same outputs give the same bytes),
after the outputs are written, and only when it changed:

>>> print(Owners.render({"zone_briefing_zh.pptx": Owner("zone", "../data/zone")}).decode())
{
 "outputs": {
  "zone_briefing_zh.pptx": {
   "data": "../data/zone",
   "dataset": "zone"
  }
 },
 "version": 1
}
<BLANKLINE>
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath

from reportgen.errors import UsageError
from reportgen.outputs import atomic_write
from reportgen.paths import display_path
from reportgen.safeio import Refused, read_file, shown_name

MANIFEST_FILE = ".reportgen-outputs.json"
#: The record's format; a file of another version is not read as this one.
VERSION = 1


@dataclass(frozen=True)
class Owner:
    """The data folder an output was made from: its dataset id and its path from the
    output folder (POSIX separators, whatever the system)."""

    dataset: str
    data: str

    @classmethod
    def of(cls, dataset_id: str, data_dir: Path, out_dir: Path) -> Owner:
        """The owner a build of ``data_dir`` into ``out_dir`` records."""
        real_data = Path(data_dir).resolve()
        try:
            relative = os.path.relpath(real_data, Path(out_dir).resolve())
        except ValueError:  # another drive on Windows: no relative path exists
            relative = str(real_data)
        return cls(dataset_id, PurePath(relative).as_posix())

    def folder(self, out_dir: Path) -> Path:
        """Where this data folder is, seen from ``out_dir`` today."""
        return Path(os.path.normpath(Path(out_dir).resolve() / self.data))


@dataclass(frozen=True)
class Clash:
    """An output a build would replace although another data folder made it."""

    path: Path
    maker: Owner  # recorded
    builder: Owner  # the build that would replace it


class Owners:
    """The record of one output folder: output file name -> the data folder that made it."""

    def __init__(self, out_dir: Path, entries: dict[str, Owner], read: bytes | None = None):
        self.out_dir = Path(out_dir)
        self.path = self.out_dir / MANIFEST_FILE
        self.entries = entries
        self._read = read  # the bytes it was read from, None when there was no record

    @classmethod
    def load(cls, out_dir: Path, *, force: bool = False) -> Owners:
        """The record in ``out_dir`` (empty when there is none yet).

        A record that cannot be read is a usage error, not a fresh start: starting afresh
        would let any build replace every output in the folder. With ``force`` (which
        replaces outputs whoever made them) it starts afresh."""
        path = Path(out_dir) / MANIFEST_FILE
        if not os.path.lexists(path):
            return cls(out_dir, {})
        try:
            data = read_file(path)
            entries = _parse(data)
        except (Refused, OSError, ValueError) as exc:
            if force:
                return cls(out_dir, {}, b"")
            reason = exc.reason if isinstance(exc, Refused) else str(exc) or type(exc).__name__
            raise UsageError(
                f"cannot read {display_path(path)}, the record of which data folder made each "
                f"output ({reason}): delete it, or build with --force to start it afresh"
            ) from None
        return cls(out_dir, entries, data)

    def clashes(self, claims: Mapping[Path, Owner]) -> list[Clash]:
        """The outputs in ``claims`` (path -> the data folder that would make it) that are
        there now and were made by another data folder, in the order claimed."""
        found = []
        for path, builder in claims.items():
            maker = self.entries.get(path.name)
            if maker is not None and maker != builder and os.path.lexists(path):
                found.append(Clash(path, maker, builder))
        return found

    def check(self, claims: Mapping[Path, Owner]) -> None:
        """Raise a one-line UsageError if the build would replace another's outputs."""
        clashes = self.clashes(claims)
        if clashes:
            raise UsageError(refusal(clashes, self.out_dir))

    def record(self, path: Path, owner: Owner) -> None:
        """``owner`` made the file at ``path`` (call once it is written, or reused)."""
        self.entries[path.name] = owner

    def save(self) -> None:
        """Write the record of the files that are there, atomically, when it changed."""
        kept = {
            name: owner
            for name, owner in self.entries.items()
            if os.path.lexists(self.out_dir / name)
        }
        if not kept and self._read is None:
            return  # no record yet and nothing to record: the folder stays as it was
        data = self.render(kept)
        if data != self._read:
            atomic_write(self.path, data)
            self._read = data
        self.entries = kept

    @staticmethod
    def render(entries: Mapping[str, Owner]) -> bytes:
        """The record's bytes: sorted keys, one value per line, ASCII (any file name)."""
        outputs = {name: {"data": o.data, "dataset": o.dataset} for name, o in entries.items()}
        text = json.dumps({"outputs": outputs, "version": VERSION}, indent=1, sort_keys=True)
        return (text + "\n").encode("ascii")


def made_from(path: Path) -> Path | None:
    """The data folder the output at ``path`` was built from, by its folder's record; None
    when the record does not name it or that data folder is no longer there."""
    owner = Owners.load(Path(path).parent).entries.get(Path(path).name)
    if owner is None:
        return None
    folder = owner.folder(Path(path).parent)
    return folder if folder.is_dir() else None


def _parse(data: bytes) -> dict[str, Owner]:
    """The entries of a record; ValueError naming what is wrong with it."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ValueError("not JSON") from None
    if not isinstance(document, dict) or not isinstance(document.get("outputs"), dict):
        raise ValueError("no 'outputs' table")
    if document.get("version") != VERSION:
        raise ValueError(f"version {document.get('version')!r}, this reportgen reads {VERSION}")
    entries = {}
    for name, entry in document["outputs"].items():
        plain = name and name not in (".", "..") and not set(name) & {"/", "\\", "\0"}
        if not (
            plain
            and isinstance(entry, dict)
            and isinstance(entry.get("dataset"), str)
            and isinstance(entry.get("data"), str)
        ):
            raise ValueError(f"a bad entry for '{shown_name(str(name), 60)}'")
        entries[name] = Owner(entry["dataset"], entry["data"])
    return entries


def refusal(clashes: Iterable[Clash], out_dir: Path) -> str:
    """One line: the first file each other data folder made, how many more, which folder,
    and what to do."""
    groups: dict[tuple[Owner, Owner], list[Path]] = {}
    for clash in clashes:
        groups.setdefault((clash.maker, clash.builder), []).append(clash.path)
    parts = []
    for (maker, builder), paths in groups.items():
        more = f" and {len(paths) - 1} more output(s)" if len(paths) > 1 else ""
        made_by = f"{display_path(maker.folder(out_dir))} (dataset '{maker.dataset}')"
        builder_shown = display_path(builder.folder(out_dir))
        if builder.dataset != maker.dataset:
            builder_shown += f" (dataset '{builder.dataset}')"
        parts.append(
            f"{display_path(paths[0])}{more} made by the data folder {made_by} "
            f"would be replaced by {builder_shown}"
        )
    them = "them" if len(parts) > 1 or more else "it"
    return (
        "; ".join(parts) + ": build into another folder with --out, or replace "
        f"{them} with --force (or delete {them} first)"
    )
