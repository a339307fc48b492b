"""The cache folder: blobs named by their own SHA-256, and references from input keys to blobs.

- ``blobs/ab/abcd...``: any output's bytes, named by the SHA-256 of those bytes. A blob is
  checked against its name whenever it is read, so a damaged or half-written one (a killed
  build, a full disk, an edit to a hard-linked site file) is found, removed and rebuilt.
- ``refs/<kind>/ab/<key>``: the name of the blob an input key produced, with its own checksum.

Every write goes to a temporary file first and is renamed into place, so a reader never sees
half a file. A ``Store`` without a folder (``--no-cache``) remembers nothing. Anything that goes
wrong with the folder (permissions, disk full) turns the cache off for the rest of the build,
with one warning: the cache only ever saves time, it never decides what is built.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

#: The folder's name, beside site_config.yml.
FOLDER = ".briefings-cache"
_REF = b"LBREF1\n"
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# The build cache of `briefings build` (https://bford.info/cachedir/)\n"
#: References unused for this long are pruned (a week: a board's preview and build, or a weekly
#: build, keep what they share) ...
KEEP_DAYS = 7
#: ... in a sweep run at most this often, after a build that wrote something.
PRUNE_EVERY_HOURS = 24
#: Kinds whose blob is a manifest of a folder (put_tree): the files it lists are in use too.
TREES = ("site", "search")
_IGNORE = "# The build cache of `briefings build` (safe to delete; --no-cache bypasses it).\n*\n"


class Store:
    def __init__(self, folder: Path | None):
        self.folder = folder
        self.damaged = 0  # entries found damaged and dropped during this build
        self.hits = self.misses = 0
        #: (device, inode) -> blob name of each blob this build hard-linked into place: storing
        #: that file again needs no reading (a file changed in place since fails its check on read)
        self.placed: dict[tuple[int, int], str] = {}
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                for name, text in ((".gitignore", _IGNORE), ("CACHEDIR.TAG", _TAG)):
                    if not (folder / name).exists():
                        self._write(folder / name, text.encode())
            except OSError as err:
                self._off(err)

    @property
    def enabled(self) -> bool:
        return self.folder is not None

    # --- blobs --------------------------------------------------------------------------------

    def _blob_path(self, name: str) -> Path:
        return self.folder / "blobs" / name[:2] / name

    def put_blob(self, data: bytes) -> str:
        name = hashlib.sha256(data).hexdigest()
        if self.folder is not None:
            path = self._blob_path(name)
            if not path.exists():
                self._write(path, data)
        return name

    def link_blob(self, file: Path) -> str:
        """Store a file already on disk (a built page) as a blob: a hard link when the file
        system allows, else a copy. Returns its name."""
        with contextlib.suppress(OSError):
            info = file.stat()
            if (found := self.placed.get((info.st_dev, info.st_ino))) is not None:
                return found
        data = file.read_bytes()
        name = hashlib.sha256(data).hexdigest()
        if self.folder is None:
            return name
        path = self._blob_path(name)
        if path.exists():
            return name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{name}.{os.getpid()}.{threading.get_ident()}.tmp")  # a thread of its own
            temporary.unlink(missing_ok=True)
            os.link(file, temporary)
            os.replace(temporary, path)
        except OSError:
            self._write(path, data)
        return name

    def get_blob(self, name: str) -> bytes | None:
        if self.folder is None:
            return None
        path = self._blob_path(name)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if hashlib.sha256(data).hexdigest() != name:
            self._drop(path)
            return None
        return data

    def place_blob(self, name: str, target: Path) -> bool:
        """Put blob ``name`` at ``target`` after checking its bytes (a hard link when possible);
        False if it is missing or damaged."""
        data = self.get_blob(name)
        if data is None:
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(self._blob_path(name), target)
        except OSError:
            target.write_bytes(data)
        else:
            with contextlib.suppress(OSError):
                info = target.stat()
                self.placed[(info.st_dev, info.st_ino)] = name
        return True

    # --- trees: a folder of outputs (the search index, a whole site) -------------------------

    def put_tree(self, kind: str, key: str, folder: Path, meta: dict | None = None) -> None:
        """Remember every file under ``folder`` (as blobs) and ``meta`` under ``key``."""
        if self.folder is None:
            return
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        manifest = {"files": [[p.relative_to(folder).as_posix(), self.link_blob(p)] for p in files], "meta": meta or {}}
        self.put(kind, key, json.dumps(manifest, sort_keys=True).encode("utf-8"))

    def get_tree(self, kind: str, key: str, target: Path) -> dict | None:
        """Write the folder stored under ``key`` to ``target`` (which must not exist) and return
        its ``meta``; None, with nothing left at ``target``, if any part is missing or damaged."""
        data = self.get(kind, key)
        if data is None:
            return None
        try:
            manifest = json.loads(data)
            target.mkdir(parents=True)
            for rel, name in manifest["files"]:
                if rel.startswith("/") or ".." in rel.split("/") or not self.place_blob(name, target / rel):
                    raise ValueError(rel)
        except (ValueError, KeyError, TypeError, OSError):
            self.damaged += 1
            shutil.rmtree(target, ignore_errors=True)
            return None
        return manifest["meta"]

    # --- references: input key -> blob ----------------------------------------------------------

    def _ref_path(self, kind: str, key: str) -> Path:
        return self.folder / "refs" / kind / key[:2] / key

    def get(self, kind: str, key: str) -> bytes | None:
        """The bytes stored for ``key`` (of this ``kind``), or None: missing, damaged or off."""
        name = self.lookup(kind, key)
        data = self.get_blob(name) if name is not None else None
        if name is not None and data is None:
            self.hits, self.misses = self.hits - 1, self.misses + 1
        return data

    def lookup(self, kind: str, key: str) -> str | None:
        """The blob name stored for ``key`` if its reference is sound and the blob is there (its
        bytes are checked when read: :meth:`get_blob`)."""
        if self.folder is None:
            return None
        path = self._ref_path(kind, key)
        try:
            raw = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        check, name = _read_ref(raw)
        if not raw.startswith(_REF) or check != _check(kind, key, name):
            self._drop(path)
            self.misses += 1
            return None
        if not self._blob_path(name).is_file():
            self.misses += 1
            return None
        self.hits += 1
        with contextlib.suppress(OSError):
            os.utime(path)  # used now: kept by prune() (a write marks a reference the same way)
        return name

    def put(self, kind: str, key: str, data: bytes) -> str:
        name = self.put_blob(data)
        self.put_name(kind, key, name)
        return name

    def put_name(self, kind: str, key: str, name: str) -> None:
        """Point ``key`` at a blob stored (or about to be stored) under ``name``."""
        if self.folder is None:
            return
        self._write(self._ref_path(kind, key), _REF + _check(kind, key, name).encode() + b"\n" + name.encode())

    def get_object(self, kind: str, key: str):
        data = self.get(kind, key)
        if data is None:
            return None
        try:
            return pickle.loads(data)
        except Exception:  # a blob of an older, incompatible shape: a miss
            return None

    def put_object(self, kind: str, key: str, value) -> None:
        if self.folder is not None:
            self.put(kind, key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    # --- housekeeping ---------------------------------------------------------------------------

    def _write(self, path: Path, data: bytes) -> None:
        if self.folder is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(prefix=f".{path.name[:16]}.", suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as err:
            self._off(err)

    def _drop(self, path: Path) -> None:
        self.damaged += 1
        with contextlib.suppress(OSError):
            path.unlink()

    def _off(self, err: OSError) -> None:
        print(f"Warning: the build cache {self.folder} cannot be used ({err.strerror or err}); building "
              "without it. Delete the folder or pass --no-cache.", file=sys.stderr)
        self.folder = None

    # --- pruning: the cache holds what recent builds used, not every build's ---------------------

    def prune(self, keep_days: float = KEEP_DAYS, every_hours: float = PRUNE_EVERY_HOURS) -> int:
        """At most once every ``every_hours``: remove the references no build has used for
        ``keep_days`` (each hit or write marks its reference), then the blobs no remaining
        reference (or folder it lists) names. Without it a board's daily builds would keep every
        day's archive and tracker pages. Returns how many files went; the next build that needs
        one builds it again (a removed entry is a miss, never a wrong result)."""
        if self.folder is None:
            return 0
        marker = self.folder / "last-pruned"
        now = time.time()
        try:
            if now - marker.stat().st_mtime < every_hours * 3600:
                return 0
        except FileNotFoundError:  # a new cache: nothing old in it yet
            self._write(marker, b"")
            return 0
        except OSError:
            return 0
        self._write(marker, b"")
        removed, live = 0, set()
        for ref in sorted((self.folder / "refs").glob("*/*/*")):
            try:
                if ref.stat().st_mtime < now - keep_days * 86400:
                    ref.unlink()
                    removed += 1
                    continue
                name = _read_ref(ref.read_bytes())[1]
            except OSError:
                continue
            live.add(name)
            if ref.parent.parent.name in TREES:  # a folder: its manifest names its files' blobs
                with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
                    live.update(blob for _, blob in json.loads(self._blob_path(name).read_bytes())["files"])
        for blob in (self.folder / "blobs").glob("*/*"):
            with contextlib.suppress(OSError):
                # a blob written since the sweep began is another build's, still being referenced
                if blob.name not in live and blob.stat().st_mtime < now:
                    blob.unlink()
                    removed += 1
        return removed

    def clear(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


def _read_ref(raw: bytes) -> tuple[str, str]:
    """A reference file's checksum and blob name (put_name writes them after _REF)."""
    check, _, name = raw[len(_REF):].partition(b"\n")
    return check.decode("ascii", "replace"), name.decode("ascii", "replace")


def _check(kind: str, key: str, name: str) -> str:
    return hashlib.sha256(f"{kind}/{key}/{name}".encode()).hexdigest()[:16]
