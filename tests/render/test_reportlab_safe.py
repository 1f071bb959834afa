"""reportlab, imported with its package defaults only: no file from HOME or the module path
runs or configures it, and no RL_* variable changes it (each case in a fresh interpreter)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

REPORT = """
import json, os, sys
import reportgen.render.reportlab_safe
from pathlib import Path
import reportlab
from reportlab import rl_config
package = Path(reportlab.__file__).resolve().parent
paths = [f for n in dir(rl_config) if n.endswith("SearchPath")
         for f in getattr(rl_config, n) if isinstance(getattr(rl_config, n), list)]
print(json.dumps({
    "pageCompression": rl_config.pageCompression,
    "pageWidth": round(rl_config.defaultPageSize[0]),
    "outside": [f for f in paths if not Path(f).resolve().is_relative_to(package)],
    "paths": len(paths),
    "hooks": [m for m in ("reportlab_mods", "reportlab_settings") if m in sys.modules],
    "env": os.environ.get("RL_pageCompression"),
}))
"""


def imported(tmp_path, **env) -> dict:
    home = tmp_path / "home"
    environment = {**os.environ, "HOME": str(home), **env}
    result = subprocess.run(
        [sys.executable, "-c", REPORT],
        cwd=tmp_path / "work",  # on the module path of `python -c`
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout)


def hostile(tmp_path) -> None:
    home, work = tmp_path / "home", tmp_path / "work"
    (home / "fonts").mkdir(parents=True)
    work.mkdir()
    ran = tmp_path / "RAN"
    code = f"open({str(ran)!r}, 'a').write('{{}}\\n')\n"
    (home / ".reportlab_mods").write_text(code.format("home mods"))
    (work / "reportlab_mods.py").write_text(code.format("path mods"))
    (home / ".reportlab_settings").write_text("pageCompression = 0\ndefaultPageSize = 'letter'\n")
    (work / "reportlab_settings.py").write_text(
        code.format("path settings") + "pageCompression = 0\n"
    )


def test_no_user_file_runs_or_configures_reportlab(tmp_path):
    hostile(tmp_path)
    found = imported(tmp_path)
    assert not (tmp_path / "RAN").exists(), (tmp_path / "RAN").read_text()
    assert found["pageCompression"] == 1 and found["pageWidth"] == 595  # A4, not letter (612)
    assert found["hooks"] == []  # the stand-ins are gone once reportlab is imported


def test_rl_variables_are_ignored_and_left_as_they_were(tmp_path):
    hostile(tmp_path)
    found = imported(tmp_path, RL_pageCompression="0")
    assert found["pageCompression"] == 1
    assert found["env"] == "0"  # the caller's environment is restored


def test_fonts_are_searched_for_inside_the_package_only(tmp_path):
    hostile(tmp_path)
    found = imported(tmp_path)
    assert found["paths"] > 0
    assert found["outside"] == []  # not ~/fonts, ~/.fonts or the system's font folders


def test_without_the_guard_reportlab_would_have_run_them(tmp_path):
    """The hostile HOME is real: a plain import runs the hook (so the tests above can fail)."""
    hostile(tmp_path)
    subprocess.run(
        [sys.executable, "-c", "import reportlab.rl_config"],
        cwd=tmp_path / "work",
        env={**os.environ, "HOME": str(tmp_path / "home")},
        check=True,
        timeout=120,
    )
    assert "path mods" in (tmp_path / "RAN").read_text()
