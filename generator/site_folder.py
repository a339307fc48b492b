"""The folder site/ lives in, between builds: one build at a time, no leftovers, never no site.

A build writes into ``.briefings-build-*`` beside site/ and swaps it in at the end. A second
build in the same folder waits on a lock file beside site/ (an ``flock``, which the kernel
releases when its process dies, so a killed build's lock never blocks). Holding the lock, a
build first puts right what a killed one left: a site stranded as ``.site-old-*`` by a kill in
the middle of the swap is put back, and the rest is deleted.

The swap itself exchanges the two folders in one step (``renameat2(RENAME_EXCHANGE)``, Linux
3.15+) where the file system allows, and otherwise renames the old site aside and the new one in:
a kill between those two renames is what :func:`recover` puts right.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from generator.problems import UsageError

LOCK_NAME = ".briefings-build.lock"
WORK_PREFIX = ".briefings-build-"


class BuildRunning(UsageError):
    """Another build holds the lock and the command was told not to wait (exit code 2)."""


def old_name(site_dir: Path) -> Path:
    """Where the swap puts the previous site while it renames the new one in."""
    return site_dir.with_name(f".{site_dir.name}-old-{os.getpid()}")


@contextmanager
def build_lock(site_dir: Path, wait: bool = True) -> Iterator[None]:
    """Hold the folder's build lock (waiting for another build, or BuildRunning with
    ``wait=False``), after recovering what a killed build left."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    path = site_dir.parent / LOCK_NAME
    lock = FileLock(path)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        holder = _holder(path)
        if not wait:
            raise BuildRunning(f"another build{holder} is writing {site_dir} (lock {path}); "
                               "wait for it to finish, or run without --no-wait to wait for it") from None
        print(f"briefings: another build{holder} is writing {site_dir}; waiting for it to finish "
              "(Ctrl+C to stop)", file=sys.stderr, flush=True)
        lock.acquire()
    try:
        _note_holder(path)
        recover(site_dir)
        yield
    finally:
        lock.release()


def _note_holder(path: Path) -> None:
    with contextlib.suppress(OSError):  # only for a waiting build's message; the flock is the lock
        path.write_text(f"{os.getpid()}\n", encoding="ascii")


def _holder(path: Path) -> str:
    try:
        pid = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (process {pid})" if pid.isdigit() else ""


def recover(site_dir: Path) -> None:
    """Put back a site a killed swap left stranded, and delete every other leftover. Called
    holding the lock, so nothing here belongs to a running build."""
    parent = site_dir.parent
    stranded = sorted(p for p in parent.glob(f".{site_dir.name}-old-*") if p.is_dir() and not p.is_symlink())
    if stranded and not site_dir.exists() and (stranded[0] / "index.html").is_file():
        stranded.pop(0).rename(site_dir)
    for leftover in [*stranded, *parent.glob(f"{WORK_PREFIX}*")]:
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)


def swap_in(new: Path, site_dir: Path) -> None:
    """Replace site_dir with new so that site_dir always holds a complete site. After an
    exchange the old site is left at ``new``, for the caller's clean-up to delete."""
    if site_dir.is_dir() and not site_dir.is_symlink() and _exchange(new, site_dir):
        return
    old = None
    if site_dir.exists():
        old = old_name(site_dir)
        shutil.rmtree(old, ignore_errors=True)
        site_dir.rename(old)
    try:
        new.rename(site_dir)
    except OSError:
        if old is not None:
            old.rename(site_dir)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def describe_os_error(err: OSError, site_dir: Path, content: Path) -> str:
    """What went wrong, said of the path the board knows: a file of the site being written (its
    place in site/), of their content, or else the site folder; never a file of the program."""
    shown = site_dir
    name = Path(err.filename) if isinstance(err.filename, str) else None
    if name is not None and name.is_relative_to(site_dir.parent):
        parts = name.relative_to(site_dir.parent).parts
        if parts and parts[0].startswith(WORK_PREFIX):
            shown = site_dir.joinpath(*parts[2:]) if len(parts) > 2 and parts[1] == "site" else site_dir
        else:
            shown = name
    elif name is not None and name.is_relative_to(content) and ".venv" not in name.parts:
        shown = name
    what = err.strerror or str(err)
    if err.errno == errno.ENOSPC:
        return (f"{what} while writing {shown}: the disk holding {site_dir.parent} is full; "
                "free some space (or build into another folder with --site-dir) and build again")
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{what}: {shown}; check that you may write to {site_dir.parent}"
    return f"{what} ({shown})"


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths; False where the system or file system cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _renameat2():
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # musl or an old glibc
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function
