"""A build keeps its pages in files as soon as they are rendered, never changing a byte.

`bulletin build` spills each page into a store (the disk cache's, or one of its
own beside the output) and the site writer links it from there; the build
holds only where each page is. Every site here is compared with a
single-process build that keeps its pages in memory.
"""
from __future__ import annotations

import pickle
from contextlib import contextmanager
from pathlib import Path

import pytest

from builder import output, pipeline
from builder.blobs import BlobStore, Spill, Stored, bytes_of
from builder.diskcache import persistent_cache
from builder.errors import ToolError
from builder.pipeline import BuildOptions, build

pytestmark = pytest.mark.usefixtures("small_batches_use_the_pool")


@pytest.fixture
def root(minimal_or_generated: Path) -> Path:
    return minimal_or_generated


def in_memory(root: Path) -> dict[str, bytes]:
    """A single-process build whose writer is handed bytes: nothing is spilled."""
    captured: dict[str, bytes] = {}

    def keep(files, out, search_tool=None):
        assert not any(isinstance(body, Stored) for body in files.values())
        captured.update(files)

    build(BuildOptions(root, root / "unused", search=False, jobs=1), write=keep)
    return captured


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def spilled_build(root: Path, out: str, *, jobs: int, cached: bool) -> dict[str, bytes | Stored]:
    """Builds with the real site writer, and returns what it was handed."""
    handed: dict[str, bytes | Stored] = {}

    def write(files, out_dir, search_tool=None):
        handed.update(files)
        output.write_site(files, out_dir, search_tool=search_tool)

    pipeline_write = pipeline.write_site
    try:  # build() spills only for the site writer itself
        pipeline.write_site = write
        build(BuildOptions(root, root / out, search=False, jobs=jobs),
              cache=persistent_cache(root) if cached else None, write=write)
    finally:
        pipeline.write_site = pipeline_write
    return handed


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("cached", [False, True])
def test_spilled_pages_write_the_same_bytes_as_pages_kept_in_memory(root, jobs, cached):
    expected = in_memory(root)
    handed = spilled_build(root, "site", jobs=jobs, cached=cached)
    assert tree(root / "site") == expected
    pages = [rel for rel in handed if rel.endswith(".html")]
    assert pages and all(isinstance(handed[rel], Stored) for rel in pages)
    assert not list(root.glob(".site.build-*"))   # the build's own page store is gone


def test_without_the_disk_cache_pages_are_spilled_beside_the_output_then_removed(root,
                                                                                 monkeypatch):
    seen: list[Path] = []
    real = pipeline.page_store

    @contextmanager
    def watched(out_dir):
        with real(out_dir) as store:
            seen.append(store.folder)
            yield store

    monkeypatch.setattr(pipeline, "page_store", watched)
    spilled_build(root, "site", jobs=2, cached=False)
    assert seen and seen[0].parent == root and seen[0].name.startswith(".site.build-")
    assert not seen[0].exists()


def test_a_failed_write_leaves_the_previous_site_and_no_page_store(root, monkeypatch):
    spilled_build(root, "site", jobs=2, cached=False)
    before = tree(root / "site")

    def broken(site, pagefind):
        raise ToolError("Pagefind could not index the site")

    monkeypatch.setattr(output, "build_search_index", broken)
    with pytest.raises(ToolError):
        build(BuildOptions(root, root / "site", search=True, jobs=2))
    assert tree(root / "site") == before
    assert not list(root.glob(".site.*"))


def test_a_spill_stores_the_same_bytes_object_once_and_crosses_processes_without_it(tmp_path):
    spill = Spill(BlobStore(tmp_path / "blobs"))
    page = b"<p>A page</p>" * 100
    first = spill(page)
    assert spill(page) is first and bytes_of(first) == page
    assert spill(b"<p>Another</p>").read() == b"<p>Another</p>"
    copy = pickle.loads(pickle.dumps(spill))
    assert copy._last is None and copy.store.folder == spill.store.folder
