"""What ships inside the package: the default template, the seed example and a new project's
files, found through importlib.resources so an installed wheel works from any folder.

A name the user gives (``--template briefing``) is looked for in the project first (the
working folder's ``templates/``), then here; see ``reportgen.template.loader.template_dir``.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def bundled(*parts: str) -> Path:
    """A path inside the bundled files. pip and pipx install packages unpacked, so the
    resources are real files that LibreOffice, python-pptx and shutil can open."""
    return Path(str(files(__name__).joinpath(*parts)))


#: The bundled templates, one folder each.
TEMPLATES = bundled("templates")
#: The seed example: the Qingdao Daily page of May 2023 as a curated data folder.
SEED = bundled("data", "qingdao-sco-2023-05")
#: The files `reportgen new` writes around the data and the template.
PROJECT = bundled("project")
