"""Templates: a folder with a theme, a master, a chart plan and the deck and summary plans.

``loader`` finds and checks a template folder, ``plan`` is the schema of its deck and summary
plans, ``listing`` describes the templates there are, and ``planner`` and ``write`` make a first
template for a data folder (`reportgen plan`): the choices in one module, the files in another.
"""

from __future__ import annotations

from reportgen.template.loader import (
    BUNDLED_TEMPLATES_DIR,
    DEFAULT_TEMPLATE,
    TEMPLATES_DIR,
    Template,
    display_face,
    is_master_file,
    load_template,
    template_dir,
)

__all__ = [
    "BUNDLED_TEMPLATES_DIR",
    "DEFAULT_TEMPLATE",
    "TEMPLATES_DIR",
    "Template",
    "display_face",
    "is_master_file",
    "load_template",
    "template_dir",
]
