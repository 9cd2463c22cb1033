"""Stage 5: write the site atomically.

Everything is written into a fresh folder beside the output, the search index
is built there, and only then is it swapped in. A failed or killed build
leaves the previous site exactly as it was; the next build clears what a
killed one left behind.
"""
from __future__ import annotations

import errno
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .blobs import BlobStore, Stored
from .errors import ToolError

_RENAME_EXCHANGE = 2


def write_site(files: dict[str, bytes | Stored], out_dir: Path, *,
               search_tool: Path | None) -> None:
    """Write `files` (relative path -> bytes, or a file of the disk cache to link) as the
    new `out_dir`, all or nothing."""
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    clear_leftovers(out_dir)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.build-{os.getpid()}-",
                                    dir=out_dir.parent))
    try:
        _write_all(files, staging)
        if search_tool is not None:
            build_search_index(staging, search_tool)
        _swap_in(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


@contextmanager
def page_store(out_dir: Path) -> Iterator[BlobStore]:
    """A store for a build's pages beside `out_dir` (so that the writer can hard-link
    them from it), removed when the build ends; named as the staging folders are, so
    that one a killed build left is cleared by the next."""
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.build-{os.getpid()}-",
                                   suffix="-pages", dir=out_dir.parent))
    try:
        yield BlobStore(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def clear_leftovers(out_dir: Path) -> None:
    """Remove folders a killed build left beside the output."""
    for pattern in (f".{out_dir.name}.build-*", f".{out_dir.name}.old-*"):
        for leftover in out_dir.parent.glob(pattern):
            if leftover.is_dir() and _unused(leftover):
                shutil.rmtree(leftover, ignore_errors=True)


def _unused(folder: Path) -> bool:
    """True when the build that made `folder` (its pid is in the name) has ended."""
    try:
        pid = int(folder.name.split("-")[1])
    except (IndexError, ValueError):
        return True
    return not process_running(pid)


def process_running(pid: int) -> bool:
    """True while process `pid` (this one included) is running, or cannot be asked."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# Each deck folder carries its own copy of reveal.js so that it works on its own
# from a USB stick; a site with a deck a month would write the same megabyte
# hundreds of times. Large files that are the very same bytes object are
# written once and hard-linked. Every path still reads the same bytes, and
# nothing writes into a built site in place (serve replaces files by rename).
# Pages reused from the disk cache are linked from there in the same way.
_LINK_FROM = 16 * 1024


def _write_all(files: dict[str, bytes | Stored], staging: Path) -> None:
    written: dict[int, Path] = {}
    folders: set[Path] = set()
    for rel, data in files.items():
        target = staging / rel
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        if isinstance(data, Stored):
            _link_stored(data, target)
            continue
        first = written.get(id(data)) if len(data) >= _LINK_FROM else None
        if first is not None and _linked(first, target):
            continue
        target.write_bytes(data)
        if len(data) >= _LINK_FROM:
            written[id(data)] = target


def _link_stored(stored: Stored, target: Path) -> None:
    try:
        if not _linked(Path(stored.path), target):
            shutil.copyfile(stored.path, target)
    except FileNotFoundError:
        raise ToolError(f"the build cache lost {stored.path} while this build ran (was "
                        ".cache/ deleted?); build again.") from None


def _linked(existing: Path, target: Path) -> bool:
    try:
        os.link(existing, target)
    except OSError:  # a file system without hard links, or too many links to one file
        return False
    return True


def build_search_index(site: Path, pagefind: Path) -> None:
    import subprocess  # here, not at the top: `bulletin deck` never indexes, and starts faster
    if not pagefind.exists():
        raise ToolError(f"Pagefind is not installed ({pagefind} is missing); run 'make build', "
                        "which installs it with npm, or build with --no-search.")
    result = subprocess.run([str(pagefind), "--site", str(site), "--quiet"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise ToolError(f"Pagefind could not index the site: {result.stderr.strip() or result.stdout.strip()}")


def _swap_in(staging: Path, out_dir: Path) -> None:
    staging.chmod(0o755)
    if not out_dir.exists():
        os.rename(staging, out_dir)
        return
    if _exchange(staging, out_dir):
        shutil.rmtree(staging, ignore_errors=True)  # now holds the previous site
        return
    old = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}"
    os.rename(out_dir, old)
    os.rename(staging, out_dir)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2); False where unsupported."""
    import ctypes  # only here: most commands never swap, and ctypes is slow to import
    try:
        libc = ctypes.CDLL(None, use_errno=True)  # the C library already loaded, no ldconfig
    except OSError:
        return False
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    if ctypes.get_errno() in (errno.EINVAL, errno.ENOSYS, errno.EXDEV, errno.ENOTSUP):
        return False
    raise OSError(ctypes.get_errno(), "could not swap the new site into place", str(b))
