"""reportgen's speed and memory, measured in one run: `python benchmarks/run.py`.

Every figure is wall time of a fresh process (median of --repeat runs), printed as a ratio to
the floor: a Python process that imports matplotlib, python-pptx, reportlab and pandas and
exits. Peak memory is the largest resident set of any process the step started.

Steps: floor; font preparation (the one-time TrueType subset of the bundled face, timed on
its own); cold build (empty output and chart cache; deck, PDF and workbook in Chinese); warm
rebuild (nothing changed); validate; a batch of 20 data folders with --jobs 1 and 2;
extract on a 1 MiB article (the test articles repeated: far denser in numbers than news);
and the monthly path, article -> extract --to-data -> plan -> build (deck, PDF and workbook
in Chinese), for one article and for a folder of 10, each command a fresh process and every
cache empty, as a new article meets it.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "qingdao-sco-2023-05"
TARGETS = {
    "cold build": 2.0,
    "warm rebuild": 1.3,
    "validate": 0.6,
    "path, one article: extract + plan + build": 2.5,
}
EXTRACT_SECONDS = 3.0  # "a 1 MB text in well under a few seconds"
ARTICLES = ROOT / "tests" / "extract" / "articles"


_WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:]).returncode\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(f'PEAK {peak}', file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def timed(args: list[str], env: dict, cwd: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one command (and the processes it starts) run to the end.

    A tiny wrapper process runs the command and reports the largest resident set among its
    children, so each step's peak is its own.
    """
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"benchmark step failed: {' '.join(args)}\n{result.stderr[-2000:]}")
    peak = int(re.findall(r"PEAK (\d+)", result.stderr)[-1])
    return seconds, peak / 1024


def median_of(repeat: int, make_args, env, cwd, before=None) -> tuple[float, float]:
    times, peaks = [], []
    for _ in range(repeat):
        if before:
            before()
        seconds, peak = timed(make_args(), env, cwd)
        times.append(seconds)
        peaks.append(peak)
    return statistics.median(times), max(peaks)


def dated_articles(count: int) -> list[Path]:
    """The first ``count`` test articles (name order) whose header gives their date, so
    extract needs no --date; the longest of them when ``count`` is 1."""
    dated = [
        p
        for p in sorted(ARTICLES.glob("*.txt"))
        if re.search(r"^date: \d{4}-\d{2}-\d{2}", p.read_text(encoding="utf-8"), re.M)
    ]
    if count == 1:
        return [max(dated, key=lambda p: len(p.read_text(encoding="utf-8")))]
    if len(dated) < count:
        sys.exit(f"benchmark: {count} dated articles wanted in {ARTICLES}, {len(dated)} found")
    return dated[:count]


PATH_COMMANDS = ("extract", "plan", "build")


def whole_path(
    articles: list[Path], work: Path, env: dict, repeat: int
) -> dict[str, tuple[float, float]]:
    """Median seconds and peak MB of each command of the monthly path (extract --to-data,
    plan, build: deck, PDF and workbook in Chinese), each a fresh process, in a fresh folder
    with an empty cache every time (a new article's fonts subset and charts are new too)."""
    python = sys.executable
    times: dict[str, list[float]] = {name: [] for name in PATH_COMMANDS}
    peaks: dict[str, float] = dict.fromkeys(PATH_COMMANDS, 0.0)
    for n in range(repeat):
        run = work / f"run-{n}"
        for cached in ("charts", "fonts"):
            shutil.rmtree(Path(env["REPORTGEN_CACHE_DIR"]) / cached, ignore_errors=True)
        data, template, out = run / "data", run / "template", run / "out"
        commands = {
            "extract": [*map(str, articles), "--to-data", str(data)],
            "plan": [str(data), str(template)],
            "build": ["--data", str(data), "--template", str(template), "--out", str(out), "-q"],
        }
        for name in PATH_COMMANDS:
            seconds, peak = timed([python, "-m", "reportgen", name, *commands[name]], env, ROOT)
            times[name].append(seconds)
            peaks[name] = max(peaks[name], peak)
    return {name: (statistics.median(times[name]), peaks[name]) for name in PATH_COMMANDS}


def batch_folders(root: Path, count: int) -> list[Path]:
    """``count`` copies of the seed with their own dataset ids (so their outputs differ)."""
    folders = []
    for n in range(count):
        folder = root / f"seed-{n:02d}"
        shutil.copytree(SEED, folder)
        text = (folder / "dataset.yaml").read_text(encoding="utf-8")
        (folder / "dataset.yaml").write_text(
            re.sub(r"^id: .*$", f"id: batch-{n:02d}", text, count=1, flags=re.M), encoding="utf-8"
        )
        folders.append(folder)
    return folders


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per step (median)")
    parser.add_argument("--batch", type=int, default=20, help="data folders in the batch")
    options = parser.parse_args()
    python = sys.executable
    work = Path(tempfile.mkdtemp(prefix="reportgen-bench-"))
    env = {**os.environ, "REPORTGEN_CACHE_DIR": str(work / "cache"), "PYTHONPATH": str(ROOT)}
    rows: list[tuple[str, float, float, str]] = []

    floor, floor_peak = median_of(
        options.repeat,
        lambda: [python, "-c", "import matplotlib, pptx, reportlab, pandas"],
        env,
        ROOT,
    )
    rows.append(("floor (import matplotlib, pptx, reportlab, pandas)", floor, floor_peak, ""))

    prep = (
        "from reportgen.fonts import resolve, truetype_subset\n"
        "from reportgen.data import load_dataset\n"
        "from reportgen.template import load_template\n"
        "from reportgen.content.summary import build_summary\n"
        "from reportgen.render.pdf import _all_text\n"
        f"d = load_dataset({str(SEED)!r}); t = load_template()\n"
        "truetype_subset(t.face(), _all_text(build_summary(d, t, t.summary, 'zh')))\n"
    )
    seconds, peak = timed([python, "-c", prep], env, ROOT)
    rows.append(("font preparation (one time, cached)", seconds, peak, ""))

    out = work / "out"

    def clean() -> None:
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(work / "cache" / "charts", ignore_errors=True)

    build = [python, "-m", "reportgen", "build", "--data", str(SEED), "--out", str(out), "-q"]
    rows.append(("cold build", *median_of(options.repeat, lambda: build, env, ROOT, clean), ""))
    rows.append(("warm rebuild", *median_of(options.repeat, lambda: build, env, ROOT), ""))
    rows.append(
        (
            "validate",
            *median_of(
                options.repeat,
                lambda: [python, "-m", "reportgen", "validate", str(SEED), "-q"],
                env,
                ROOT,
            ),
            "",
        )
    )

    folders = batch_folders(work / "batch", options.batch)
    data_args = [arg for folder in folders for arg in ("--data", str(folder))]
    results = {}
    for jobs in (1, 2):
        batch_out = work / f"batch-out-{jobs}"

        def fresh(batch_out=batch_out) -> None:
            shutil.rmtree(batch_out, ignore_errors=True)
            shutil.rmtree(work / "cache" / "charts", ignore_errors=True)

        args = [
            python,
            "-m",
            "reportgen",
            "build",
            *data_args,
            "--out",
            str(batch_out),
            "--jobs",
            str(jobs),
            "-q",
        ]
        results[jobs] = median_of(1, lambda args=args: args, env, ROOT, fresh)
        rows.append((f"batch of {options.batch}, --jobs {jobs}", *results[jobs], ""))
    speedup = results[1][0] / results[2][0]

    article = work / "article-1mib.txt"
    sample = "\n".join(p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt")))
    body = (sample * (1 + 2**20 // len(sample.encode("utf-8")))).encode("utf-8")[: 2**20]
    article.write_bytes(body.decode("utf-8", errors="ignore").encode("utf-8"))
    extract_args = [python, "-m", "reportgen", "extract", str(article), "--format", "csv"]
    extract_seconds, extract_peak = median_of(options.repeat, lambda: extract_args, env, ROOT)
    rows.append(("extract, 1 MiB article", extract_seconds, extract_peak, ""))

    for count, name in ((1, "one article"), (10, "folder of 10")):
        steps = whole_path(dated_articles(count), work / f"path-{count}", env, options.repeat)
        for command in PATH_COMMANDS:
            rows.append((f"path, {name}: {command}", *steps[command], ""))
        total = sum(seconds for seconds, _ in steps.values())
        peak = max(peak for _, peak in steps.values())
        rows.append((f"path, {name}: extract + plan + build", total, peak, ""))

    print(f"{'step':55} {'seconds':>8} {'x floor':>8} {'peak MB':>8}  target")
    for name, seconds, peak, _ in rows:
        target = TARGETS.get(name)
        mark = (
            ""
            if target is None
            else (f"<= {target}x " + ("ok" if seconds / floor <= target else "MISSED"))
        )
        print(f"{name:55} {seconds:8.2f} {seconds / floor:8.2f} {peak:8.0f}  {mark}")
    print(
        f"{'batch speed-up, --jobs 2 over --jobs 1':55} {speedup:8.2f}x"
        f"{'':18}>= 1.6x {'ok' if speedup >= 1.6 else 'MISSED'}"
    )
    print(
        f"{'extract, 1 MiB article (wall seconds)':55} {extract_seconds:8.2f}{'':18}"
        f"<= {EXTRACT_SECONDS:.0f} s {'ok' if extract_seconds <= EXTRACT_SECONDS else 'MISSED'}"
    )
    peak_all = max(peak for _, _, peak, _ in rows)
    print(
        f"{'peak RSS of any step':55} {peak_all:8.0f} MB{'':15}<= 400 MB "
        f"{'ok' if peak_all <= 400 else 'MISSED'}"
    )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
