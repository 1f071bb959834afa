"""How a build ends on a signal: cleanly, with its workers, and with a conventional code.

SIGINT (Ctrl-C), SIGTERM (`kill`, `timeout`, CI runners, service managers) and SIGHUP (a closed
terminal) raise ``Stopped`` in the build, which ends its worker processes, removes its
temporary files and exits with 128 + the signal's number (130, 143, 129), as a shell reports a
command ended by that signal. SIGKILL cannot be caught: the kernel ends the workers then.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Iterator


class Stopped(BaseException):
    """The build was stopped by a signal. A BaseException, like KeyboardInterrupt, so that no
    ``except Exception`` on the way takes it for a failed output."""

    def __init__(self, signum: int):
        self.signum = signum
        self.exit_code = 128 + signum  # the shell's convention for "ended by signal N"
        super().__init__(
            f"stopped by {signal.Signals(signum).name}; "
            "outputs not yet written keep their previous files"
        )


#: The signals a build ends cleanly on: Ctrl-C, `kill`/`timeout`/CI cancel, a closed terminal.
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """While a build runs, each of STOP_SIGNALS raises Stopped in it, so the build ends its
    workers, removes its temporary files and exits with 128 + the signal number. Later
    signals are ignored while it cleans up (a second Ctrl-C cannot strand a worker)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, _frame):
        for number in STOP_SIGNALS:
            signal.signal(number, signal.SIG_IGN)
        raise Stopped(signum)

    previous = {number: signal.signal(number, stop) for number in STOP_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def die_with_parent() -> bool:
    """Ask the kernel to kill this process when its parent dies (Linux
    ``prctl(PR_SET_PDEATHSIG, SIGKILL)``): it holds even while the process is busy in C code
    and across an exec. Whether it took effect; elsewhere the caller must watch the parent."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(1, int(signal.SIGKILL), 0, 0, 0) == 0  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return False
