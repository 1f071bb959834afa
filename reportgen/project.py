"""`reportgen new`: a project folder laid out the way the rest of reportgen expects it.

Everything comes from the bundled files (``reportgen/bundled``): the settings, a copy of the
default template to edit, the seed example as a first data folder, a folder for incoming
articles and the scheduled workflow. Files whose names start with a dot are kept without it
in the package (``gitignore``, ``github/``) so that every packaging tool ships them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from reportgen import __version__
from reportgen.bundled import PROJECT, SEED, TEMPLATES
from reportgen.outputs import new_folder
from reportgen.template.loader import DEFAULT_TEMPLATE

#: The workflow's install line stands here in the bundled file.
INSTALL_MARK = "@INSTALL@"
WORKFLOW = Path("github") / "workflows" / "briefing.yml"
#: Bundled names -> the names they take in a project.
DOTTED = {"gitignore": ".gitignore", "github": ".github"}


def default_install() -> str:
    """What the workflow installs: this very version of reportgen."""
    return f"reportgen=={__version__}"


def workflow(install: str) -> str:
    """The scheduled workflow, installing reportgen with ``pip install <install>``."""
    return (PROJECT / WORKFLOW).read_text(encoding="utf-8").replace(INSTALL_MARK, install)


def new_project(target: Path, *, empty: bool = False, install: str | None = None) -> list[str]:
    """Write a project into ``target`` (new or empty), whole or not at all; returns the
    names of what it holds, for the message."""
    with new_folder(target) as staging:
        for item in sorted(PROJECT.iterdir()):
            if item.name.startswith(("_", ".")):
                continue
            destination = staging / DOTTED.get(item.name, item.name)
            if item.is_dir():
                shutil.copytree(item, destination)
            else:
                shutil.copyfile(item, destination)
        (staging / ".github" / WORKFLOW.relative_to("github")).write_text(
            workflow(install or default_install()), encoding="utf-8"
        )
        shutil.copytree(TEMPLATES / DEFAULT_TEMPLATE, staging / "templates" / DEFAULT_TEMPLATE)
        data = staging / "data"
        if empty:
            data.mkdir()
            (data / ".gitkeep").write_bytes(b"")
        else:
            shutil.copytree(SEED, data / SEED.name)
    return sorted(p.name for p in target.iterdir())
