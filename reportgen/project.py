"""`reportgen new`: a project folder laid out the way the rest of reportgen expects it.

Everything comes from the bundled files (``reportgen/bundled``): the settings, a copy of the
default template to edit, the seed example as a first data folder, a folder for incoming
articles and the scheduled workflow. Files whose names start with a dot are kept without it
in the package (``gitignore``, ``github/``) so that every packaging tool ships them.
"""

from __future__ import annotations

import json
import shlex
import shutil
from pathlib import Path

from reportgen.bundled import PROJECT, SEED, TEMPLATES
from reportgen.outputs import new_folder
from reportgen.template.loader import DEFAULT_TEMPLATE

#: The workflow's install line stands here in the bundled file.
INSTALL_MARK = "@INSTALL@"
WORKFLOW = Path("github") / "workflows" / "briefing.yml"
#: Bundled names -> the names they take in a project.
DOTTED = {"gitignore": ".gitignore", "github": ".github"}


#: The workflow's install words when neither --install nor the installation says where
#: reportgen comes from: the repository variable, failing with what to do when it is unset.
#: (Never a bare package name: an index may hold another project of that name.)
FROM_VARIABLE = (
    '"${REPORTGEN_INSTALL:?set the repository variable REPORTGEN_INSTALL to what pip installs '
    'reportgen from, such as git+https://example.org/you/reportgen@v1}"'
)


def installed_from() -> str | None:
    """Where this reportgen was installed from, when a CI runner can install it from there
    too: a git repository at its commit, or a URL (pip records both, PEP 610); None for a
    local folder or wheel file, which a runner does not have."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        text = distribution("reportgen").read_text("direct_url.json")
    except PackageNotFoundError:
        return None
    try:
        info = json.loads(text or "{}")
    except ValueError:
        return None
    url, vcs = str(info.get("url", "")), info.get("vcs_info")
    if isinstance(vcs, dict) and url and vcs.get("commit_id"):
        return f"{vcs.get('vcs', 'git')}+{url}@{vcs['commit_id']}"
    return url if url.startswith(("https://", "http://")) else None


def install_words(requirement: str | None) -> str:
    """The shell words after ``pip install``: one quoted requirement, else the variable."""
    return shlex.quote(requirement) if requirement else FROM_VARIABLE


def workflow(words: str) -> str:
    """The scheduled workflow, installing reportgen with ``pip install <words>``."""
    return (PROJECT / WORKFLOW).read_text(encoding="utf-8").replace(INSTALL_MARK, words)


def new_project(target: Path, *, empty: bool = False, install: str | None = None) -> list[str]:
    """Write a project into ``target`` (new or empty), whole or not at all; returns the
    names of what it holds, for the message. ``install`` is the pip requirement the workflow
    installs reportgen from (None: the repository variable)."""
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
            workflow(install_words(install)), encoding="utf-8"
        )
        shutil.copytree(TEMPLATES / DEFAULT_TEMPLATE, staging / "templates" / DEFAULT_TEMPLATE)
        data = staging / "data"
        if empty:
            data.mkdir()
            (data / ".gitkeep").write_bytes(b"")
        else:
            shutil.copytree(SEED, data / SEED.name)
    return sorted(p.name for p in target.iterdir())
