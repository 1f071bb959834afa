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
cache empty, as a new article meets it; and the path CI runs, extract --to-data -> build
(no plan: the build plans in memory).

reportgen's own modules are byte-compiled once before anything is timed, as `pip install`
does for the floor's libraries (a machine that sets PYTHONDONTWRITEBYTECODE would otherwise
recompile them in every process); --no-bytecode keeps the environment as it is.
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
SEED = ROOT / "reportgen" / "bundled" / "data" / "qingdao-sco-2023-05"
TARGETS = {
    "cold build": 2.0,
    "warm rebuild": 1.3,
    "validate": 0.6,
    "path, one article: extract + plan + build": 2.5,
    "path, one article: extract + build": 2.5,
}
EXTRACT_SECONDS = 3.0  # "a 1 MB text in well under a few seconds"
ARTICLES = ROOT / "tests" / "extract" / "articles"


_WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:]).returncode\n"
    "used = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(f'PEAK {used.ru_maxrss} CPU {used.ru_utime + used.ru_stime}', file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def timed(args: list[str], env: dict, cwd: Path) -> tuple[float, float, float]:
    """Seconds, peak RSS (MB) and CPU seconds of one command (and the processes it starts)
    run to the end.

    A tiny wrapper process runs the command and reports the largest resident set among its
    children and the CPU time they used, so each step's figures are its own. CPU seconds
    (user + system, every process of the step) vary less than wall time on a shared machine:
    they show what a change saved when other work slows the clock.
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
    peak, cpu = re.findall(r"PEAK (\d+) CPU ([\d.]+)", result.stderr)[-1]
    return seconds, int(peak) / 1024, float(cpu)


def median_of(repeat: int, make_args, env, cwd, before=None) -> tuple[float, float, float]:
    times, peaks, cpus = [], [], []
    for _ in range(repeat):
        if before:
            before()
        seconds, peak, cpu = timed(make_args(), env, cwd)
        times.append(seconds)
        peaks.append(peak)
        cpus.append(cpu)
    return statistics.median(times), max(peaks), statistics.median(cpus)


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


PATH_COMMANDS = ("extract", "plan", "build", "build, no plan")


def whole_path(
    articles: list[Path], work: Path, env: dict, repeat: int
) -> dict[str, tuple[float, float, float]]:
    """Median seconds, peak MB and median CPU seconds of each command of the monthly path,
    each a fresh process, in a fresh folder with an empty cache every time (a new article's
    font subset and charts are new too): extract --to-data, plan, build with that plan (deck,
    PDF and workbook in Chinese); then, caches emptied again, the build CI runs on the same
    draft with no plan (the default template, planned in memory)."""
    python = sys.executable
    times: dict[str, list[float]] = {name: [] for name in PATH_COMMANDS}
    cpus: dict[str, list[float]] = {name: [] for name in PATH_COMMANDS}
    peaks: dict[str, float] = dict.fromkeys(PATH_COMMANDS, 0.0)
    for n in range(repeat):
        run = work / f"run-{n}"
        data, template = run / "data", run / "template"
        commands = {
            "extract": ["extract", *map(str, articles), "--to-data", str(data)],
            "plan": ["plan", str(data), str(template)],
            "build": ["build", "--data", str(data), "--template", str(template)],
            "build, no plan": ["build", "--data", str(data)],
        }
        for step, name in enumerate(PATH_COMMANDS):
            for cached in ("charts", "fonts"):
                shutil.rmtree(Path(env["REPORTGEN_CACHE_DIR"]) / cached, ignore_errors=True)
            args = commands[name]
            if args[0] == "build":
                args = [*args, "--out", str(run / f"out-{step}"), "-q"]
            seconds, peak, cpu = timed([python, "-m", "reportgen", *args], env, ROOT)
            times[name].append(seconds)
            cpus[name].append(cpu)
            peaks[name] = max(peaks[name], peak)
    return {
        name: (statistics.median(times[name]), peaks[name], statistics.median(cpus[name]))
        for name in PATH_COMMANDS
    }


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
    parser.add_argument(
        "--no-bytecode",
        action="store_true",
        help="do not byte-compile reportgen first; keep PYTHONDONTWRITEBYTECODE as it is set",
    )
    options = parser.parse_args()
    python = sys.executable
    work = Path(tempfile.mkdtemp(prefix="reportgen-bench-"))
    env = {**os.environ, "REPORTGEN_CACHE_DIR": str(work / "cache"), "PYTHONPATH": str(ROOT)}
    if not options.no_bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        compiled = [python, "-m", "compileall", "-q", str(ROOT / "reportgen")]
        subprocess.run(compiled, env=env, cwd=ROOT, check=True, capture_output=True)
        timed([python, "-c", "import matplotlib, pptx, reportlab, pandas"], env, ROOT)
    rows: list[tuple[str, float, float, float]] = []

    floor, floor_peak, floor_cpu = median_of(
        options.repeat,
        lambda: [python, "-c", "import matplotlib, pptx, reportlab, pandas"],
        env,
        ROOT,
    )
    rows.append(
        ("floor (import matplotlib, pptx, reportlab, pandas)", floor, floor_peak, floor_cpu)
    )

    prep = (
        "from reportgen.fonts import resolve, truetype_subset\n"
        "from reportgen.data import load_dataset\n"
        "from reportgen.template import load_template\n"
        "from reportgen.content.summary import build_summary\n"
        "from reportgen.render.pdf import _all_text\n"
        f"d = load_dataset({str(SEED)!r}); t = load_template()\n"
        "truetype_subset(t.face(), _all_text(build_summary(d, t, t.summary, 'zh'), ''))\n"
    )
    rows.append(("font preparation (one time, cached)", *timed([python, "-c", prep], env, ROOT)))

    out = work / "out"

    def clean() -> None:
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(work / "cache" / "charts", ignore_errors=True)

    build = [python, "-m", "reportgen", "build", "--data", str(SEED), "--out", str(out), "-q"]
    rows.append(("cold build", *median_of(options.repeat, lambda: build, env, ROOT, clean)))
    rows.append(("warm rebuild", *median_of(options.repeat, lambda: build, env, ROOT)))
    rows.append(
        (
            "validate",
            *median_of(
                options.repeat,
                lambda: [python, "-m", "reportgen", "validate", str(SEED), "-q"],
                env,
                ROOT,
            ),
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
        rows.append((f"batch of {options.batch}, --jobs {jobs}", *results[jobs]))
    speedup = results[1][0] / results[2][0]

    article = work / "article-1mib.txt"
    sample = "\n".join(p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt")))
    body = (sample * (1 + 2**20 // len(sample.encode("utf-8")))).encode("utf-8")[: 2**20]
    article.write_bytes(body.decode("utf-8", errors="ignore").encode("utf-8"))
    extract_args = [python, "-m", "reportgen", "extract", str(article), "--format", "csv"]
    extracted = median_of(options.repeat, lambda: extract_args, env, ROOT)
    extract_seconds = extracted[0]
    rows.append(("extract, 1 MiB article", *extracted))

    for count, name in ((1, "one article"), (10, "folder of 10")):
        steps = whole_path(dated_articles(count), work / f"path-{count}", env, options.repeat)
        for command in PATH_COMMANDS:
            rows.append((f"path, {name}: {command}", *steps[command]))
        for label, parts in (
            ("extract + plan + build", ("extract", "plan", "build")),
            ("extract + build", ("extract", "build, no plan")),
        ):
            total = sum(steps[part][0] for part in parts)
            peak = max(steps[part][1] for part in parts)
            cpu = sum(steps[part][2] for part in parts)
            rows.append((f"path, {name}: {label}", total, peak, cpu))

    print(f"{'step':55} {'seconds':>8} {'x floor':>8} {'peak MB':>8} {'cpu s':>6}  target")
    for name, seconds, peak, cpu in rows:
        target = TARGETS.get(name)
        mark = (
            ""
            if target is None
            else (f"<= {target}x " + ("ok" if seconds / floor <= target else "MISSED"))
        )
        print(f"{name:55} {seconds:8.2f} {seconds / floor:8.2f} {peak:8.0f} {cpu:6.2f}  {mark}")
    print(
        f"{'batch speed-up, --jobs 2 over --jobs 1':55} {speedup:8.2f}x"
        f"{'':25}>= 1.6x {'ok' if speedup >= 1.6 else 'MISSED'}"
    )
    print(
        f"{'extract, 1 MiB article (wall seconds)':55} {extract_seconds:8.2f}{'':25}"
        f"<= {EXTRACT_SECONDS:.0f} s {'ok' if extract_seconds <= EXTRACT_SECONDS else 'MISSED'}"
    )
    peak_all = max(peak for _, _, peak, _ in rows)
    print(
        f"{'peak RSS of any step':55} {peak_all:8.0f} MB{'':22}<= 400 MB "
        f"{'ok' if peak_all <= 400 else 'MISSED'}"
    )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
