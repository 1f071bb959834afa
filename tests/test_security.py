"""A build reaches no network and reads nothing outside the data, template, font and library
folders; write failures are one clear line and leave the previous outputs as they were."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED_DIR

pytestmark = pytest.mark.slow

AUDIT = """
import json, os, sys
opened, network = set(), []
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes)):
        opened.add(os.path.abspath(os.fsdecode(args[0])))
    elif event.startswith("socket.") and event != "socket.__new__":
        network.append(event)
sys.addaudithook(hook)
from reportgen.cli import main
try:
    main(["build", "--force", "--jobs", "1", "--lang", "zh,en", "--out", sys.argv[1], "-q"])
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "opened": sorted(opened), "network": network}))
"""


def test_build_reads_only_what_it_should_and_uses_no_network(tmp_path):
    out, cache, mpl = tmp_path / "out", tmp_path / "cache", tmp_path / "mpl"
    env = {
        **os.environ,
        "REPORTGEN_CACHE_DIR": str(cache),
        "MPLCONFIGDIR": str(mpl),
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [sys.executable, "-c", AUDIT, str(out)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["code"] in (0, None), result.stderr[-2000:]
    assert report["network"] == []
    home = Path.home()
    allowed = [
        Path(sys.prefix),
        Path(sys.base_prefix),
        Path(sys.exec_prefix),
        ROOT / "reportgen",
        SEED_DIR,
        ROOT / "templates",
        ROOT / "pyproject.toml",
        ROOT / "reportgen.toml",
        cache,
        out,
        mpl,
        Path("/tmp"),
        # font folders matplotlib lists when it builds its font cache (it never uses them:
        # reportgen names its face by file)
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".fonts",
        home / ".local/share/fonts",
        Path("/usr/share/texmf/fonts"),
        # standard library and reportlab configuration lookups
        Path("/etc/mime.types"),
        Path("/usr/share/zoneinfo"),
        Path("/etc/localtime"),
        home / ".reportlab_settings",
        home / ".reportlab_mods",
        Path("/dev/null"),
    ]
    outside = [
        path
        for path in report["opened"]
        if not any(Path(path) == root or Path(path).is_relative_to(root) for root in allowed)
        and not path.startswith(("/proc/", "/sys/"))
        # the editable install's import hook and metadata
        and not Path(path).name.startswith("__editable__")
        and ".egg-info" not in path
    ]
    assert outside == [], outside


@pytest.mark.parametrize(
    ("code", "text"),
    [(errno.EACCES, "Permission denied"), (errno.ENOSPC, "No space left on device")],
)
def test_unwritable_or_full_output_folder_is_one_clear_line(run, tmp_path, monkeypatch, code, text):
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "out"
    assert run("build", "--format", "xlsx", "--jobs", "1", "--out", str(out)).code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def refuse(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr("reportgen.outputs.os.replace", refuse)
    result = run("build", "--force", "--format", "xlsx", "--jobs", "1", "--out", str(out))
    assert result.code == 3
    assert text in result.err and "Traceback" not in result.err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
