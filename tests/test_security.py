"""A build reaches no network and reads nothing outside the data, template, font and library
folders; write failures are one clear line and leave the previous outputs as they were."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BRIEFING_DIR, ROOT, SEED_DIR

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


OPENS = """
import json, os, sys
opened = set()
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes)):
        opened.add(os.path.realpath(os.fsdecode(args[0])))
sys.addaudithook(hook)
from reportgen.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "opened": sorted(opened)}))
"""


def _audited(tmp_path: Path, *args: str) -> tuple[int, list[str], str]:
    env = {
        **os.environ,
        "REPORTGEN_CACHE_DIR": str(tmp_path / "cache"),
        "MPLCONFIGDIR": str(tmp_path / "mpl"),
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [sys.executable, "-c", OPENS, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    return report["code"], report["opened"], result.stderr


def test_files_a_hostile_data_folder_names_outside_itself_are_never_opened(tmp_path):
    from tests.conftest import MINI_DIR, edit

    secret = tmp_path / "secret.txt"
    secret.write_text("MACHINE-SECRET\n", encoding="utf-8")
    folder = tmp_path / "data"
    shutil.copytree(MINI_DIR, folder)
    edit(folder / "articles.yaml", "file: articles/trade.txt", f"file: {secret}")
    edit(folder / "dataset.yaml", "file: raw/page.txt", "file: ../secret.txt")
    (folder / "events.yaml").unlink()
    (folder / "events.yaml").symlink_to(secret)
    (folder / "rankings.yaml").unlink()
    (folder / "rankings.yaml").symlink_to("/dev/zero")
    code, opened, err = _audited(tmp_path, "validate", str(folder))
    assert code == 1
    assert str(secret.resolve()) not in opened
    assert "/dev/zero" not in opened
    assert "MACHINE-SECRET" not in err
    assert len(err.strip().splitlines()) == 5, err  # four causes and the closing line


def test_a_huge_file_the_dataset_does_not_name_is_never_read(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(SEED_DIR, folder)
    huge = folder / "raw" / "scan.bin"
    with huge.open("wb") as handle:  # sparse: 2 GiB on paper, nothing on disk
        handle.truncate(2 * 2**30)
    out = tmp_path / "out"
    args = ("build", "--data", str(folder), "--format", "xlsx", "--out", str(out), "-q")
    for _ in range(2):  # a cold build, then one that checks whether it is up to date
        code, opened, err = _audited(tmp_path, *args)
        assert code in (0, None), err
        assert str(huge.resolve()) not in opened


def test_the_template_is_hashed_in_chunks_once_per_build(tmp_path, monkeypatch):
    import hashlib
    import tracemalloc

    from reportgen import build

    template = tmp_path / "house"
    shutil.copytree(BRIEFING_DIR, template)
    with (template / "big.bin").open("wb") as handle:
        handle.truncate(64 * 2**20)
    (template / "out.txt").symlink_to("/dev/zero")  # left out, never read
    tracemalloc.start()
    build._files_digest(template, hashlib.sha256())
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 8 * 2**20

    hashed = []
    real = build._files_digest
    monkeypatch.setattr(
        build, "_files_digest", lambda root, d: (hashed.append(root), real(root, d))
    )
    folders: dict = {}
    for lang in ("zh", "en"):
        for fmt in ("pptx", "pdf"):
            task = build.Task(
                SEED_DIR, "seed", str(template), lang, fmt, tmp_path / f"{lang}.{fmt}"
            )
            build.input_digest(task, "x", folders)
    assert [root for root in hashed if root != ROOT / "reportgen"] == [template]


LIMITED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_CPU, (30, 30))
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from reportgen.cli import main
main(sys.argv[1:])
"""


def test_an_alias_bomb_in_a_label_is_refused_within_small_limits(tmp_path):
    """Nine lines of nested aliases in a label took 42 s and 3 GB to report; under a 30 s CPU
    and 1 GiB memory limit, validate refuses them with one line."""
    from tests.conftest import MINI_DIR, edit

    folder = tmp_path / "data"
    shutil.copytree(MINI_DIR, folder)
    bomb = ['x0: &x0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, 10):
        bomb.append(f"x{n}: &x{n} [" + ", ".join([f"*x{n - 1}"] * 9) + "]")
    edit(folder / "metrics.yaml", "label_en: Foreign trade\n", "label_en: *x9\n")
    metrics = folder / "metrics.yaml"
    metrics.write_text("\n".join(bomb) + "\n" + metrics.read_text(encoding="utf-8"))
    result = subprocess.run(
        [sys.executable, "-c", LIMITED, "validate", str(folder)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 1, result.stderr[-2000:]
    assert "metrics.yaml:2: YAML aliases (*name) are not supported" in result.stderr
