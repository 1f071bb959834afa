"""A build stopped by a signal raises Stopped in the build and exits 128 + the signal."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from reportgen.signals import STOP_SIGNALS, Stopped, stop_on_signals


@pytest.mark.parametrize(("name", "code"), [("SIGINT", 130), ("SIGTERM", 143), ("SIGHUP", 129)])
def test_the_exit_code_is_the_shells_for_the_signal(name, code):
    stopped = Stopped(getattr(signal, name))
    assert stopped.exit_code == code
    assert str(stopped) == f"stopped by {name}; outputs not yet written keep their previous files"


def test_stopped_is_not_taken_for_a_failed_output():
    """No ``except Exception`` on the way catches it, as none catches KeyboardInterrupt."""
    assert not isinstance(Stopped(signal.SIGTERM), Exception)
    assert isinstance(Stopped(signal.SIGTERM), BaseException)


def test_ctrl_c_kill_and_a_closed_terminal_stop_a_build():
    assert set(STOP_SIGNALS) == {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


def test_a_signal_raises_stopped_and_later_ones_are_ignored_then_handlers_come_back():
    before = {number: signal.getsignal(number) for number in STOP_SIGNALS}
    with pytest.raises(Stopped) as stopped, stop_on_signals():
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(10)  # the handler raises at once
    assert stopped.value.signum == signal.SIGTERM
    assert {number: signal.getsignal(number) for number in STOP_SIGNALS} == before


def test_while_stopping_a_second_signal_is_ignored():
    seen = {}
    with pytest.raises(Stopped), stop_on_signals():
        try:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(10)
        finally:  # cleaning up: a second Ctrl-C must not interrupt this
            seen = {number: signal.getsignal(number) for number in STOP_SIGNALS}
    assert set(seen.values()) == {signal.SIG_IGN}


def test_off_the_main_thread_the_handlers_are_left_alone():
    before = signal.getsignal(signal.SIGTERM)
    inside = []

    def work():
        with stop_on_signals():
            inside.append(signal.getsignal(signal.SIGTERM))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert inside == [before]


CHILD = """
import sys, time
from reportgen.signals import die_with_parent
print(die_with_parent(), flush=True)
time.sleep(60)
"""
PARENT = """
import subprocess, sys
child = subprocess.Popen([sys.executable, "-c", sys.argv[1]], stdout=subprocess.PIPE, text=True)
print(child.pid, child.stdout.readline().strip(), flush=True)
"""  # and then the parent ends, the child still sleeping


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_a_process_that_asked_dies_with_its_parent():
    parent = subprocess.run(
        [sys.executable, "-c", PARENT, CHILD], capture_output=True, text=True, timeout=60
    )
    pid, took = parent.stdout.split()
    assert took == "True", parent.stderr
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    os.kill(int(pid), signal.SIGKILL)
    pytest.fail("the child outlived its parent")
