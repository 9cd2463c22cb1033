"""Writing one file so that a reader sees the old bytes or the new, never half of them.

Used wherever a file is replaced in place: the disk cache's shards and the last
build's record, the page store's blobs, the Sass cache, and a deck's single file.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(file: Path, data: bytes, mode: int | None = None) -> None:
    """Write `data` to a temporary file beside `file`, then rename it over `file`. If that
    fails, the temporary file is removed and the error raised. `mode`: the file's
    permissions, where others read it (mkstemp makes it the owner's alone)."""
    file.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{file.name}.", dir=file.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, file)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
