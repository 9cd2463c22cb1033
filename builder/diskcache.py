"""The build cache kept on disk between runs of `bulletin build`, in ROOT/.cache/build/.

It is `BuildCache` (see `builder.cache`) with each memo loaded from and saved
to a few pickle files, so a rebuild after a small edit reuses the entries,
fragments and pages whose keys (which name every input in full) are
unchanged. Pages' bytes are kept as files of their own (`builder.blobs`),
which the site writer links into the new site. What makes it safe:

* Never trusted across versions: the folder is named by a digest of every
  source file of `builder/` and the versions of the libraries that shape the
  output, so changed code starts from nothing. Folders of other versions are
  removed.
* Safe to delete at any time: a missing or unreadable file is an empty memo.
* Safe with two builds at once: nothing is written in place. Each shard of a
  memo is written whole to a temporary file and renamed over the old one, so
  a reader sees one build's complete shard or another's, never a half-written
  one, and needs no lock. Values are only ever added under keys that fully name their
  inputs, so any build's memo is right for any other build.
"""
from __future__ import annotations

import pickle
import shutil
import sys
import zlib
from importlib import metadata
from pathlib import Path

from .atomicfile import write_atomically
from .blobs import BlobStore
from .cache import BuildCache, Memo, digest
from .folders import CACHE_FOLDER

FOLDER = CACHE_FOLDER / "build"
LAST_BUILD = "last-build.pickle"   # see builder.lastbuild
# The libraries whose output ends up in pages: a new version may render differently.
LIBRARIES = ("markdown-it-py", "mdit-py-plugins", "nh3", "jinja2", "markupsafe", "pyyaml")
_CODE = Path(__file__).resolve().parent


def code_version() -> str:
    """A digest of the builder's own code and the library versions it renders with."""
    parts: list[str | bytes] = [sys.version]
    for lib in LIBRARIES:
        try:
            parts.append(f"{lib}={metadata.version(lib)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{lib}=none")
    for file in sorted(_CODE.rglob("*.py")):
        parts += [file.relative_to(_CODE).as_posix(), file.read_bytes()]
    return digest(*parts)[:20]


# An edit rewrites the shards holding what changed: with 64, a sixty-fourth of a memo
# (under 1 MB of 51 at 10,000 entries) for an edit to one file.
SHARDS = 64


class PackedMemo(Memo):
    """A Memo kept in SHARDS pickle files in `folder`, each holding the keys that hash to
    it. A shard is read on first use (a build that finds nothing changed needs none) and,
    after a successful build, written again only if what that build used of it differs
    from what was read: an edit to one file rewrites a sixteenth of the memo, not all."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self._loaded: list[set[str]] | None = None
        self._added: set[int] = set()

    def _ensure_loaded(self) -> None:
        if self._loaded is None:
            self._loaded = []
            for shard in range(SHARDS):
                entries = _load(self._file(shard))
                self._previous.update(entries)
                self._loaded.append(set(entries))

    def get(self, key: str):
        self._ensure_loaded()
        return super().get(key)

    def put(self, key: str, value) -> None:
        self._ensure_loaded()
        super().put(key, value)
        self._added.add(_shard_of(key))

    def __len__(self) -> int:
        self._ensure_loaded()
        return super().__len__()

    def has_key_starting(self, prefix: str) -> bool:
        self._ensure_loaded()
        return super().has_key_starting(prefix)

    def end_build(self) -> None:
        self._ensure_loaded()
        super().end_build()
        kept: list[dict] = [{} for _ in range(SHARDS)]
        for key, value in self._previous.items():
            kept[_shard_of(key)][key] = value
        for shard, entries in enumerate(kept):
            if shard in self._added or set(entries) != self._loaded[shard]:
                write_atomically(self._file(shard), pickle.dumps(entries, protocol=5))
                self._loaded[shard] = set(entries)
        self._added.clear()

    def _file(self, shard: int) -> Path:
        return self.folder / f"{shard:02d}.pickle"


def _shard_of(key: str) -> int:
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % SHARDS


def persistent_cache(root: Path) -> BuildCache:
    """The on-disk cache of the site at `root`, for this version of the code."""
    base = root / FOLDER
    version = code_version()
    if base.is_dir():
        for other in base.iterdir():
            if other.name != version and other.is_dir():
                shutil.rmtree(other, ignore_errors=True)  # a build of that version just misses
    folder = base / version
    return BuildCache(entries=PackedMemo(folder / "entries"),
                      fragments=PackedMemo(folder / "fragments"),
                      pages=PackedMemo(folder / "pages"),
                      decks=PackedMemo(folder / "decks"),
                      page_ids=PackedMemo(folder / "page-ids"),
                      file_digests=PackedMemo(folder / "file-digests"),
                      last_build=folder / LAST_BUILD, blobs=BlobStore(folder / "blobs"),
                      templates=folder / "templates")


def _load(file: Path) -> dict:
    """The memo saved in `file`; empty if it is missing, unreadable or not a memo."""
    try:
        with file.open("rb") as source:
            loaded = pickle.load(source)
    except Exception:  # missing, truncated by a full disk, written by other code: start afresh
        return {}
    return loaded if isinstance(loaded, dict) else {}
