"""The folders a run works on: the data folders a build takes and the folders of new articles
that become drafts, decided once for `build`, `validate` and the scheduled workflow's matrix.

A project keeps reviewed data folders under ``data/`` (or wherever reportgen.toml's ``data``
says) and incoming clippings under ``articles/<name>/``. A folder of articles whose data
folder ``data/<name>`` exists has been drafted and reviewed already; any other is drafted in
the run into ``drafts/<name>`` and built from there, its outputs marked as unreviewed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path, PurePath

from reportgen.errors import UsageError
from reportgen.paths import default_data_dir, display_path

#: Incoming articles, one folder of .txt files per batch (a month, usually).
ARTICLES_DIR = Path("articles")
#: Where a run drafts a folder of articles that has no data folder yet.
DRAFTS_DIR = Path("drafts")
#: Where a reviewed draft of ``articles/<name>`` is kept.
DATA_DIR = Path("data")


def data_dirs(
    given: Sequence[Path] = (), configured: Sequence[Path] = (), *, empty_ok: bool = False
) -> list[Path]:
    """The data folders to work on: those given, else those reportgen.toml names, else the
    bundled seed example; a folder of data folders stands for each one in it. A folder with
    nothing in it yet (a new project's data/) is a usage error saying how to fill it, unless
    ``empty_ok`` (listing the work of a project that so far has only articles)."""
    from reportgen.data.loader import data_folders

    roots = [Path(root) for root in (list(given) or list(configured) or [default_data_dir()])]
    found: list[Path] = []
    for root in roots:
        if root.is_dir() and not any(_holds_data(path) for path in root.iterdir()):
            if empty_ok:
                continue
            raise UsageError(
                f"{display_path(root)}: no data folder in it yet; draft one from articles with "
                f"reportgen extract ARTICLES --to-data {_posix(root / 'NAME')}"
            )
        found += data_folders(root)
    return list(dict.fromkeys(found))


def _holds_data(path: Path) -> bool:
    """Whether an entry of a data folder (or of a folder of them) is data, not a placeholder
    such as .gitkeep or a README."""
    return path.is_dir() or path.suffix == ".yaml"


def article_dirs(root: Path = ARTICLES_DIR, data: Sequence[Path] = ()) -> list[Path]:
    """The folders of new articles under ``root`` (those with a .txt file) that have no
    data folder of their name yet (``data/NAME``, or any of the data folders ``data`` a run
    builds), in name order."""
    if not root.is_dir():
        return []
    drafted = {Path(folder).name for folder in data}
    return sorted(
        folder
        for folder in root.iterdir()
        if folder.is_dir()
        and any(path.suffix == ".txt" for path in folder.iterdir())
        and folder.name not in drafted
        and not (DATA_DIR / folder.name).exists()
    )


@dataclass(frozen=True)
class Work:
    """One job of a run: a data folder to build, drafted first from ``articles`` if given."""

    name: str  # unique in the run: the folder's name, numbered when two share one
    data: str  # POSIX path as the user would type it
    articles: str  # "" for a data folder that exists
    reviewed: bool  # False for a draft and for a data folder with entries not reviewed
    artifact: str  # briefing-<name>, or draft-<name> when it comes from unreviewed entries


def work(data: Sequence[Path], articles: Sequence[Path]) -> list[Work]:
    """The jobs for these data folders and folders of articles, with unique names."""
    jobs: list[Work] = []
    taken: set[str] = set()
    for folder, source in [
        *((d, None) for d in data),
        *((DRAFTS_DIR / a.name, a) for a in articles),
    ]:
        base = _safe(folder.name)
        name, number = base, 2
        while name in taken:
            name, number = f"{base}-{number}", number + 1
        taken.add(name)
        reviewed = source is None and _reviewed(folder)
        jobs.append(
            Work(
                name=name,
                data=_posix(folder),
                articles=_posix(source) if source is not None else "",
                reviewed=reviewed,
                artifact=f"{'briefing' if reviewed else 'draft'}-{name}",
            )
        )
    return jobs


def matrix(jobs: Sequence[Work]) -> str:
    """The jobs as one line of JSON, for a workflow's ``fromJSON``."""
    return json.dumps([asdict(job) for job in jobs], ensure_ascii=False, separators=(",", ":"))


def _reviewed(folder: Path) -> bool:
    """Whether every entry of the data folder is reviewed; a folder that does not load is
    not (its build job then fails and says why)."""
    from reportgen.data import load_dataset
    from reportgen.errors import ReportgenError

    try:
        return load_dataset(folder).unreviewed == 0
    except ReportgenError:
        return False


def _safe(name: str) -> str:
    """A folder's name as an artifact and output folder name: letters (any script), digits,
    dots, dashes and underscores; anything else (quotes, slashes, $) becomes a dash."""
    return re.sub(r"[^\w.-]", "-", name).strip("-.") or "folder"


def _posix(path: Path) -> str:
    return PurePath(display_path(path)).as_posix()
