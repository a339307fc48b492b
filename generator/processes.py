"""Child processes that behave: they die with the build and leave Ctrl+C to it.

A build killed with ``kill -9`` must not leave a Pagefind or Word-writing child behind, still
writing into the folder the next build cleans up (and holding the build lock it inherited). And
Ctrl+C, which a terminal sends to every process of the build, must end it with one quiet exit
code 130, not a traceback from each worker.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None) -> None:
    """Called in a child: have Linux kill it when its parent, the build, dies (and exit at once
    if ``parent`` is given and already gone). Elsewhere a no-op."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if parent is not None and os.getppid() != parent:  # the build died before the request was made
        os._exit(1)


def preexec():
    """A ``preexec_fn`` for subprocess.Popen (inside :func:`interrupts_held`) doing :func:`die_with_parent`,
    or None where one is unsafe (another thread running: ``briefings serve``) or pointless."""
    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return None
    parent = os.getpid()

    def before_exec() -> None:
        die_with_parent(parent)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # held back by interrupts_held()

    return before_exec


def ignore_interrupts() -> None:
    """In a worker (a ProcessPoolExecutor ``initializer``): leave SIGINT to the build, which stops
    the workers itself. Then take the SIGINT that :func:`interrupts_held` held back, if any: ignored."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


@contextlib.contextmanager
def interrupts_held():
    """Hold SIGINT back (it is delivered on leaving) while starting worker processes, or cleaning
    up: a Ctrl+C landing inside ``os.fork``'s own hooks is otherwise lost by the build ("Exception
    ignored") and kills the new child with a traceback, and one landing in the clean-up leaves
    the temporary folder behind."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def quiet_worker() -> None:
    """The ``initializer`` of our worker pools: both of the above. (A pool may start its workers
    from a fork server rather than the build, so their parent is not checked.)"""
    die_with_parent(None)
    ignore_interrupts()
