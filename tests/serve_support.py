"""Helpers for the `bulletin serve` tests: a fixture site, a running preview, clean builds."""
from __future__ import annotations

import gzip
import http.client
import json
import shutil
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from builder.serve import Preview

from builder import cli

TOOL_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SOURCES = ("content", "templates", "assets", "decks")  # what a site folder holds


def make_site(dest: Path, css_cache: Path | None = None) -> Path:
    """A copy of the minimal fixture site; `css_cache` seeds .cache/ so Sass need not run."""
    shutil.copytree(FIXTURES / "minimal", dest)
    if css_cache is not None:
        seed_css(css_cache, dest)
    return dest


def seed_css(css_cache: Path, root: Path) -> None:
    (root / ".cache").mkdir(exist_ok=True)
    for css in css_cache.glob("*.css"):   # the site's stylesheet, and decks' Exit this page
        shutil.copy(css, root / ".cache" / css.name)


@contextmanager
def running(root: Path, **options) -> Iterator["Preview"]:
    """A preview of `root` on a free port, stopped (threads and folder) afterwards."""
    from builder.serve import Preview
    options.setdefault("port", 0)
    options.setdefault("search_settle", 0.05)
    preview = Preview(root, **options)
    preview.start()
    try:
        yield preview
    finally:
        preview.stop()


def settle(preview: "Preview", before: int, search: bool = True) -> None:
    assert preview.wait_for_rebuild(before, timeout=60), "no rebuild followed the change"
    if search:
        assert preview.wait_for_search(60), "the search index did not finish"


def clean_build(root: Path, out: Path, *, drafts: bool = False, search: bool = True,
                css_from: Path | None = None) -> Path:
    """`bulletin build` of the files of `root`, copied to a fresh folder with no caches.

    `css_from` copies only the compiled-CSS cache (keyed by the Sass inputs'
    bytes), to spare a Sass run where the stylesheet is not what is tested.
    """
    pristine = out.parent / (out.name + "-source")
    if pristine.exists():
        shutil.rmtree(pristine)
    pristine.mkdir(parents=True)
    for name in SOURCES:
        if (root / name).is_dir():
            shutil.copytree(root / name, pristine / name)
    if css_from is not None:
        seed_css(css_from, pristine)
    args = ["build", "--root", str(pristine), "--out", str(out)]
    args += ["--drafts"] if drafts else []
    args += [] if search else ["--no-search"]
    assert cli.main(args) == 0, "the clean build failed"
    return out


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_same_tree(served: Path, built: Path) -> None:
    """Every file byte for byte, except the three parts of the Pagefind index that Pagefind
    itself does not write deterministically, which are compared by what they say."""
    a, b = comparable(tree(served)), comparable(tree(built))
    assert sorted(a) == sorted(b), (f"only served: {sorted(set(a) - set(b))}; "
                                    f"only built: {sorted(set(b) - set(a))}")
    different = [name for name in a if a[name] != b[name]]
    assert not different, f"served differs from a clean build in {different}"


# Pagefind 1.5 writes each filter's values in a random order (a Rust HashMap), so two
# runs over the same pages name and fill pagefind/filter/*.pf_filter differently, and
# the .pf_meta and pagefind-entry.json that name them by hash differ with them. The
# rest of the index (pages, words, fragments, scripts) is the same from run to run.
def comparable(files: dict[str, bytes]) -> dict[str, object]:
    out: dict[str, object] = {}
    filters = {}
    for name, data in files.items():
        if name.startswith("pagefind/filter/") and name.endswith(".pf_filter"):
            filter_name, values = _pagefind_file(data)
            filters[PurePosixPath(name).stem] = filter_name
            out[f"pagefind/filter/<{filter_name}>"] = sorted(
                (value, sorted(pages)) for value, pages in values)
    for name, data in files.items():
        if name.startswith("pagefind/filter/") and name.endswith(".pf_filter"):
            continue
        if name.startswith("pagefind/") and name.endswith(".pf_meta"):
            meta = _pagefind_file(data)
            meta[3] = sorted(filter_name for filter_name, _ in meta[3])
            out["pagefind/<meta>"] = meta
        elif name == "pagefind/pagefind-entry.json":
            entry = json.loads(data)
            for language in entry["languages"].values():
                language.pop("hash")
            out[name] = entry
        else:
            out[name] = data
    return out


def _pagefind_file(data: bytes):
    data = gzip.decompress(data)
    assert data.startswith(b"pagefind_dcd"), "not a Pagefind data file"
    return _cbor(data, len(b"pagefind_dcd"))[0]


def _cbor(data: bytes, i: int):
    """Just enough CBOR (RFC 8949) for Pagefind's metadata and filter files."""
    head, i = data[i], i + 1
    major, info = head >> 5, head & 31
    if info < 24:
        n = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        n, i = int.from_bytes(data[i:i + size], "big"), i + size
    else:
        raise ValueError(f"unsupported CBOR item {head:#x}")
    if major == 0:
        return n, i
    if major == 1:
        return -1 - n, i
    if major in (2, 3):
        chunk = data[i:i + n]
        return (chunk if major == 2 else chunk.decode("utf-8")), i + n
    if major in (4, 5):
        items = []
        for _ in range(n * (2 if major == 5 else 1)):
            item, i = _cbor(data, i)
            items.append(item)
        return (items if major == 4 else dict(zip(items[::2], items[1::2]))), i
    if major == 7 and info in (20, 21, 22):
        return {20: False, 21: True, 22: None}[info], i
    raise ValueError(f"unsupported CBOR item {head:#x}")


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def get(preview: "Preview", path: str, host: str | None = None) -> tuple[int, dict, bytes]:
    """A raw GET, the path sent exactly as given (no client-side clean-up of ../)."""
    conn = http.client.HTTPConnection("127.0.0.1", preview.port, timeout=10)
    try:
        headers = {"Host": host} if host else {}
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()
