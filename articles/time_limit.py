"""Run a piece of work in a forked child process that is killed when it takes too long.

Why a child process and not SIGALRM: a signal handler runs only when control returns
to the interpreter. The `re` engine checks for signals as it backtracks, but lxml's
parser (under trafilatura) and spaCy's Cython loops do not, so an alarm would wait
for a runaway parse to finish by itself, which is what the limit is there to prevent.
A child can be killed at any point, and whatever it was doing goes with it: its
memory (a huge article's parse), a crash in C code, an out-of-memory kill.

Why fork: the child starts with the worker's memory, the spaCy pipeline already
loaded (copy on write, about 0.05 s), where a fresh interpreter would load the model
again for seconds. The child must not use the parent's database connection, so the
work given to it reads and returns plain values; it leaves with os._exit (what
multiprocessing does), so nothing of the parent's, a connection included, is closed.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator
from typing import Any

PR_SET_PDEATHSIG = 1  # linux/prctl.h


class TimeLimitExceeded(Exception):
    pass


class ChildDied(Exception):
    def __init__(self, exitcode: int | None):
        self.exitcode = exitcode
        if exitcode is not None and exitcode < 0:
            name = signal.Signals(-exitcode).name
            how = f"it was killed by {name}" + (", perhaps for lack of memory" if name == "SIGKILL" else "")
        else:
            how = f"it exited with status {exitcode}"
        super().__init__(how)


def run_in_child(work: Callable[[Callable[[Any], None]], object], *, seconds: float | None) -> Iterator[Any]:
    """Call work(send) in a forked child and yield each value it sends (not None), as it sends it.

    Raises TimeLimitExceeded when no value comes within `seconds` of the last one (or
    of the start), ChildDied when the child ends before it returns; in both cases the
    child is gone. `seconds` None or 0: no limit.
    """
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(work, sender, os.getpid()), daemon=True)
    child.start()
    sender.close()  # the child holds its end: when it ends, recv() sees end of file
    try:
        while True:
            if seconds and not receiver.poll(seconds):
                raise TimeLimitExceeded
            try:
                message = receiver.recv()
            except EOFError:
                child.join()
                raise ChildDied(child.exitcode) from None
            if message is None:  # the work returned
                return
            yield message
    finally:
        # Also on the worker's own exit (a second Ctrl-C) and when the caller stops early.
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()


def _child(work: Callable[[Callable[[Any], None]], None], sender, parent: int) -> None:
    # Ctrl-C and SIGTERM ask the worker to finish its task: they must not end the work under it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        # A worker killed outright takes its child along instead of leaving it to run on.
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        return  # the worker died before prctl took effect
    work(sender.send)
    sender.send(None)
    sender.close()
