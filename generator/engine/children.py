"""Child processes that die with the build: a build killed with ``kill -9`` must not leave a
Pagefind or Word-writing child behind, still writing into the folder the next build cleans up
(and holding the build lock it inherited)."""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Called in a child: have Linux kill it when ``parent`` (the build) dies. Elsewhere a no-op."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the build died before the request was made
        os._exit(1)


def preexec():
    """A ``preexec_fn`` for subprocess.Popen doing :func:`die_with_parent`, or None where one is
    unsafe (another thread running: ``briefings serve``) or pointless (not Linux)."""
    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return None
    parent = os.getpid()
    return lambda: die_with_parent(parent)
