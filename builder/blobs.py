"""Bytes the disk cache keeps as files named by their SHA-256, for the site writer to link.

A rebuild after a small edit reuses almost every page. Keeping those pages'
bytes inside the cache's pickles meant reading and rewriting hundreds of
megabytes on every build, and holding them all in memory. Instead a reused
page is a `Stored`: where its bytes are, which the site writer hard-links into
the new site (copying where links fail) and the link check knows by digest.

Nothing writes into a stored file: it is written whole under a temporary name
and renamed into place, the site writer only links or copies it, and nothing
writes into a built site in place. A stored file that was changed anyway (its
size or time differs from what was recorded) is not trusted: `intact()` is
false and the page is rendered again.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

from .atomicfile import write_atomically

# A file no memo refers to any more is removed only after this long unlinked and
# unwritten: a build running at the same time may have found it a moment ago.
GRACE_SECONDS = 3600


@dataclass(frozen=True)
class Stored:
    """Bytes kept in a file of a `BlobStore`."""

    path: str
    sha: str
    size: int
    mtime_ns: int
    ino: int    # a hard link to it has this inode (the site writer reuses such a link)

    def read(self) -> bytes:
        return Path(self.path).read_bytes()

    def intact(self) -> bool:
        """The file is there and, as far as its size and time tell, as it was written."""
        try:
            stat = os.stat(self.path)
        except OSError:
            return False
        return stat.st_size == self.size and stat.st_mtime_ns == self.mtime_ns


def bytes_of(body: bytes | Stored) -> bytes:
    return body if isinstance(body, bytes) else body.read()


class BlobStore:
    """A folder of files named by the SHA-256 of their bytes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def put(self, data: bytes) -> Stored:
        sha = hashlib.sha256(data).hexdigest()
        path = self.folder / sha[:2] / sha[2:]
        try:
            stat = path.stat()
        except OSError:
            stat = None
        if stat is None or stat.st_size != len(data):
            stat = _write_new(path, data)
        return Stored(str(path), sha, stat.st_size, stat.st_mtime_ns, stat.st_ino)

    def collect_garbage(self, keep: set[str]) -> None:
        """Remove the files whose digest is not in `keep` and that have not been linked
        or written within GRACE_SECONDS (linking a file changes its ctime)."""
        cutoff = time.time() - GRACE_SECONDS
        # os.scandir, not Path.iterdir: a store of 10,000 entries' pages holds some
        # 4,000 files, looked over after every build.
        for shard in _listing(str(self.folder)):
            for file in _listing(shard.path) if shard.is_dir(follow_symlinks=False) else ():
                if shard.name + file.name not in keep and _untouched_since(file, cutoff):
                    with contextlib.suppress(FileNotFoundError):   # another build's sweep
                        os.unlink(file.path)


class Spill:
    """Puts a build's rendered pages into a `BlobStore` as soon as they are made.

    A site of 10,000 entries has about 400 MB of pages; held until the atomic
    write, with the model and a worker's copy of it, they were most of a clean
    build's 2 GB. Spilled, the build holds a `Stored` for each page, and the
    site writer links the files as it does reused ones. Workers spill their own
    pages, so only `Stored`s cross back. The last bytes spilled are remembered by
    identity: a page that both the reuse memo and the page list hand over is
    hashed and written once.
    """

    def __init__(self, store: BlobStore) -> None:
        self.store = store
        self._last: tuple[bytes, Stored] | None = None

    def __call__(self, data: bytes) -> Stored:
        if self._last is not None and self._last[0] is data:
            return self._last[1]
        stored = self.store.put(data)
        self._last = (data, stored)
        return stored

    def __getstate__(self) -> dict:  # a worker's Spill crosses back without its last page
        return {"store": self.store, "_last": None}


def _write_new(path: Path, data: bytes) -> os.stat_result:
    write_atomically(path, data, 0o644)
    return path.stat()


def _listing(folder: str) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as entries:
            return list(entries)
    except (FileNotFoundError, NotADirectoryError):
        return []


def _untouched_since(file: os.DirEntry, cutoff: float) -> bool:
    try:
        return file.stat(follow_symlinks=False).st_ctime < cutoff
    except OSError:
        return False
