"""reportlab, imported so that nothing outside its installed package configures it or runs.

At import, reportlab runs ``reportlab_mods`` from the module path or else ``~/.reportlab_mods``
as Python code, and reads its settings from ``reportlab_settings`` or ``~/.reportlab_settings``
and from ``RL_*`` environment variables; its font search paths include ``~/fonts``. A build
must not run a file from the user's HOME, and its PDF bytes must not change with the user, so
every reportgen module that uses reportlab imports this module first: reportlab then has its
package defaults only.
"""

from __future__ import annotations

import os
import sys
import types
from pathlib import Path

#: The modules reportlab looks for outside its package; empty stand-ins answer for them while
#: it is imported, so neither the module path nor HOME is searched.
_HOOKS = ("reportlab_mods", "reportlab_settings")


def _import_reportlab() -> None:
    if "reportlab" in sys.modules:  # already imported (by us, or by a host program)
        return
    stand_ins = [name for name in _HOOKS if name not in sys.modules]
    for name in stand_ins:
        sys.modules[name] = types.ModuleType(name, "reportgen: user reportlab hooks not run")
    environment = {key: os.environ.pop(key) for key in list(os.environ) if key.startswith("RL_")}
    try:
        import reportlab
        from reportlab import rl_config
    finally:
        os.environ.update(environment)
        for name in stand_ins:
            sys.modules.pop(name, None)
    package = Path(reportlab.__file__).resolve().parent
    for name in dir(rl_config):
        if name.endswith("SearchPath") and isinstance(getattr(rl_config, name), list):
            # Font and CMap folders inside the package only (not ~/fonts, ~/.fonts, ...).
            getattr(rl_config, name)[:] = [
                folder
                for folder in getattr(rl_config, name)
                if Path(folder).resolve().is_relative_to(package)
            ]


_import_reportlab()
