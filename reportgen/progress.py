"""What `reportgen build` tells the operator: progress while it works, a summary at the end.

On a terminal, one status line is rewritten in place; anywhere else (CI logs, pipes) every step
is a plain line with no control codes. Everything goes to standard error, so standard output
stays clean for scripts.
"""

from __future__ import annotations

import sys

import click

from reportgen import formats
from reportgen.paths import display_path


class Progress:
    def __init__(self, *, quiet: bool = False, verbose: bool = False, stream=None):
        self.stream = stream or sys.stderr
        self.quiet, self.verbose = quiet, verbose
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.done = 0

    def _line(self, text: str) -> None:
        if self.quiet:
            return
        if self.tty:
            click.echo(f"\r\x1b[2K{text}", file=self.stream, nl=False)
        else:
            click.echo(text, file=self.stream)

    def update(self, event: str, task, built) -> None:
        if event == "start":
            if self.tty or self.verbose:
                self._line(f"building {task.label} …")
        elif event in ("done", "reused"):
            self.done += 1
            verb = "reused" if event == "reused" else "built"
            timing = f" in {built.seconds:.1f} s" if self.verbose and not built.reused else ""
            self._line(f"[{self.done}] {verb} {display_path(built.path)}{timing}")
        elif event == "failed":
            self._line(f"failed {task.label}")

    def summary(self, built: list, seconds: float, warnings: list[str] | None = None) -> None:
        for warning in warnings or []:
            click.echo(f"warning: {warning}", file=self.stream)  # shown even with --quiet
        if self.quiet:
            return
        if self.tty:
            click.echo("\r\x1b[2K", file=self.stream, nl=False)
        reused = sum(1 for b in built if b.reused)
        click.echo(
            f"reportgen: {len(built)} file(s) in {seconds:.1f} s"
            f"{f' ({reused} unchanged, reused)' if reused else ''}, "
            f"{len(warnings or [])} warning(s)",
            file=self.stream,
        )
        for item in built:
            pages = f"{item.pages} {formats.get(item.kind).unit}, " if item.pages else ""
            mark = "  (unchanged)" if item.reused else ""
            click.echo(
                f"  {display_path(item.path)}  {pages}{item.size / 1024:,.0f} KB{mark}",
                file=self.stream,
            )
