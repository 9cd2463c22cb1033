"""A content file's SHA-256, known without reading the file again while it keeps the
size, times and inode it had when it was last read, as git's index knows a file.

A warm build at 10,000 entries would otherwise read and hash 40 MB of Markdown
only to learn that one file changed. What keeps this safe:

* The key holds the file's path, size, modification and change times (in ns)
  and inode: an edit, a copy over it, a rename onto it or a `touch` changes one.
* A digest is kept only for a file whose times are more than `RACY_NS` old when
  it is read: a second edit within the same clock tick as the first could
  leave its times as they were, so a file edited that recently is read again
  next time.
"""
from __future__ import annotations

import hashlib
import os
import time

from .cache import Memo

# How recent a change may hide a second one in the same clock tick: one rule for the
# digests here and for `lastbuild`'s no-op build.
RACY_NS = 2_000_000_000


def file_digest(path: str, known: Memo | None) -> str:
    """The SHA-256 of the bytes at `path` (raises OSError if it cannot be read)."""
    stat = os.stat(path)
    key = f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ctime_ns}\0{stat.st_ino}"
    found = known.get(key) if known is not None else None
    if found is None:
        with open(path, "rb") as file:
            found = hashlib.sha256(file.read()).hexdigest()
        if known is not None and _settled(stat):
            known.put(key, found)
    return found


def _settled(stat: os.stat_result) -> bool:
    return time.time_ns() - max(stat.st_mtime_ns, stat.st_ctime_ns) > RACY_NS
