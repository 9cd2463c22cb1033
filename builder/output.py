"""Stage 5: write the site atomically.

Everything is written into a folder beside the output, the search index is
built there, and only then is it swapped in. A failed or killed build leaves
the previous site exactly as it was; the next build clears what a killed one
left behind. The folder written into is the site before last (`.site.spare`),
emptied of everything the new site does not have, so a rebuild mostly reuses
its folders and links.
"""
from __future__ import annotations

import errno
import glob
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from stat import S_ISREG
from typing import TYPE_CHECKING, Iterator

from .errors import ToolError, UsageError

if TYPE_CHECKING:  # a body is bytes or else a Stored: `bulletin deck` has no need of blobs
    from .blobs import BlobStore, Stored

_RENAME_EXCHANGE = 2


def write_site(files: dict[str, bytes | Stored], out_dir: Path, *,
               search_tool: Path | None) -> None:
    """Write `files` (relative path -> bytes, or a file of the disk cache to link) as the
    new `out_dir`, all or nothing."""
    out_dir = out_dir.resolve()
    make_folder(out_dir.parent, out_dir)
    try:
        clear_leftovers(out_dir)
        staging = _staging(out_dir)
    except OSError as exc:
        raise UsageError(cannot_write(out_dir, exc)) from None
    try:
        _write_all(files, staging)
        if search_tool is not None:
            build_search_index(staging, search_tool)
        _swap_in(staging, out_dir)
    except OSError as exc:  # the disk filled, or the folder was taken away while writing
        shutil.rmtree(staging, ignore_errors=True)
        raise ToolError(f"could not write {exc.filename or out_dir} ({exc.strerror or exc}); "
                        f"nothing was written, and {out_dir} is as it was.") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def make_folder(folder: Path, out: Path) -> None:
    """Make `folder` (and the folders above it) to write `out` into, or say in words why
    it cannot be: `--out notes.txt/deck` and `--out /proc/x` were tracebacks."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(cannot_write(out, exc)) from None


def cannot_write(out: Path, exc: OSError) -> str:
    """What is wrong with an --out that cannot be written, and what to give instead."""
    instead = "give --out a new folder somewhere you can write, like one in this folder."
    existing = _nearest_existing(out)
    if not existing.is_dir():
        return f"--out {out} cannot be written: {existing} is a file, not a folder; {instead}"
    return (f"--out {out} cannot be written: nothing can be written in {existing} "
            f"({exc.strerror or exc}); {instead}")


def _nearest_existing(path: Path) -> Path:
    for folder in (path, *path.parents):
        try:
            if folder.exists():
                return folder
        except OSError:   # a folder above it may not be looked into: that one, then
            return folder
    return path


@contextmanager
def page_store(out_dir: Path) -> Iterator[BlobStore]:
    """A store for a build's pages beside `out_dir` (so that the writer can hard-link
    them from it), removed when the build ends; named as the staging folders are, so
    that one a killed build left is cleared by the next."""
    from .blobs import BlobStore
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=_ours(_building(out_dir)), suffix="-pages",
                                   dir=out_dir.parent))
    try:
        yield BlobStore(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def clear_leftovers(out_dir: Path) -> None:
    """Remove folders a killed build left beside the output."""
    for prefix in (_building(out_dir), _replaced(out_dir)):
        for leftover in out_dir.parent.glob(glob.escape(prefix) + "*"):
            if leftover.is_dir() and _unused(leftover, prefix):
                shutil.rmtree(leftover, ignore_errors=True)


# The folders a build keeps beside the output are named by one of these prefixes and
# then the pid of the build that made them, which `_unused` reads back.
def _building(out_dir: Path) -> str:
    return f".{out_dir.name}.build-"


def _replaced(out_dir: Path) -> str:
    return f".{out_dir.name}.old-"


def _ours(prefix: str) -> str:
    return f"{prefix}{os.getpid()}-"


def _unused(folder: Path, prefix: str) -> bool:
    """True when the build that made `folder` (its pid follows `prefix` in the name) has
    ended. The pid is read after the prefix: the output folder's own name may hold '-'."""
    pid = folder.name[len(prefix):].split("-", 1)[0]
    return not (pid.isdigit() and process_running(int(pid)))


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


# Each deck folder carries its own copy of reveal.js (and its own small stylesheet)
# so that it works on its own from a USB stick; a site with a deck a month would
# write the same files hundreds of times. Files with the same bytes are written
# once and hard-linked. Every path still reads the same bytes, and nothing writes
# into a built site in place (serve replaces files by rename). Pages reused from
# the disk cache are linked from there in the same way.
def _write_all(files: dict[str, bytes | Stored], staging: Path) -> None:
    written: dict[bytes, Path] = {}
    kept, folders = _reuse(files, staging)
    for rel, data in files.items():
        if rel in kept:
            if isinstance(data, bytes):
                written.setdefault(data, staging / rel)
            continue
        target = staging / rel
        folder = os.path.dirname(rel) or "."
        if folder not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(folder)
        if not isinstance(data, bytes):
            _link_stored(data, target)
            continue
        first = written.get(data)
        if first is not None and _linked(first, target):
            continue
        target.write_bytes(data)
        written[data] = target


# A build writes into the site before last (`spare`, which the swap hands back) rather
# than into an empty folder: making folders is most of the cost of writing a large
# site (some 0.1 ms each; 10,000 entries make 2,400), and a rebuild needs the same
# ones. Everything `files` does not ask for is removed first; a file is kept where it
# is a link to the very file of the disk cache that `files` names, or has its bytes.
def _staging(out_dir: Path) -> Path:
    staging = Path(tempfile.mkdtemp(prefix=_ours(_building(out_dir)), dir=out_dir.parent))
    try:
        os.rename(_spare(out_dir), staging)   # replaces the empty folder
    except OSError:
        pass   # there is none, or another build running at once took it
    return staging


def _spare(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.spare"


def _reuse(files: dict[str, bytes | Stored], staging: Path) -> tuple[set[str], set[str]]:
    """Empty `staging` of all but the files `files` has already, and the folders it needs;
    return those files and folders (as paths relative to it, "." itself). Anything
    unexpected there: start from an empty one."""
    needed = {"."} | {os.path.dirname(rel) or "." for rel in files}
    for folder in list(needed):
        while folder not in (".", ""):
            folder = os.path.dirname(folder) or "."
            needed.add(folder)
    sift = _Sift(files, needed)
    try:
        sift.folder(str(staging), "")
    except OSError:
        shutil.rmtree(staging)
        staging.mkdir()
        return set(), {"."}
    return sift.kept, sift.folders


# One pass of os.scandir over the spare: a DirEntry says whether it is a folder
# without a system call, where os.walk and a second look for links (3,300 folders at
# 10,000 entries) took a tenth of a second of a one-edit rebuild.
class _Sift:
    def __init__(self, files: dict[str, bytes | Stored], needed: set[str]) -> None:
        self.files, self.needed = files, needed
        self.kept: set[str] = set()
        self.folders: set[str] = set()
        self.compared: dict[tuple[int, bytes], bool] = {}  # a file linked to many paths: read once

    def folder(self, path: str, rel: str) -> None:
        with os.scandir(path) as entries:
            for entry in entries:
                inside = f"{rel}/{entry.name}" if rel else entry.name
                if entry.is_dir(follow_symlinks=False):
                    self.folder(entry.path, inside)
                elif _holds(self.files.get(inside), entry, self.compared):
                    self.kept.add(inside)
                else:
                    os.unlink(entry.path)
        if (rel or ".") in self.needed:
            self.folders.add(rel or ".")
        else:
            os.rmdir(path)


def _holds(body: bytes | Stored | None, entry: os.DirEntry,
           compared: dict[tuple[int, bytes], bool]) -> bool:
    """`entry` is a plain file with the bytes `body` asks for: for a page of the disk
    cache, a link to its very file; otherwise the same bytes."""
    if body is None:
        return False
    stat = entry.stat(follow_symlinks=False)
    if not isinstance(body, bytes):
        return (stat.st_ino, stat.st_size, stat.st_mtime_ns) == (body.ino, body.size,
                                                                  body.mtime_ns)
    if stat.st_size != len(body) or not S_ISREG(stat.st_mode):
        return False
    same = compared.get((stat.st_ino, body))
    if same is None:
        with open(entry.path, "rb") as file:
            same = compared[stat.st_ino, body] = file.read() == body
    return same


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
        _keep_as_spare(staging, out_dir)  # it now holds the previous site
        return
    old = out_dir.parent / f"{_replaced(out_dir)}{os.getpid()}"
    os.rename(out_dir, old)
    try:
        os.rename(staging, out_dir)
    except OSError:   # the previous site goes back, as the error's message says it is
        os.rename(old, out_dir)
        raise
    _keep_as_spare(old, out_dir)


def _keep_as_spare(previous: Path, out_dir: Path) -> None:
    """The previous site becomes the folder the next build writes into (`_staging`)."""
    try:
        os.rename(previous, _spare(out_dir))
    except OSError:   # a spare is there already, left by a build that ran at the same time
        shutil.rmtree(previous, ignore_errors=True)


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
