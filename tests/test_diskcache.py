"""The on-disk build cache and the process pool never change a byte of the output.

Every build here is compared with a single-process build that uses no cache,
on the minimal fixture and on a small corpus from bench/make_corpus.py.
"""
from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from builder import cli, diskcache, filedigests, pages
from builder.decks import site
from builder.blobs import bytes_of
from builder.cache import BuildCache
from builder.diskcache import PackedMemo, persistent_cache
from builder.pipeline import BuildOptions, build

TOOL_ROOT = Path(__file__).resolve().parent.parent


pytestmark = pytest.mark.usefixtures("small_batches_use_the_pool")


@pytest.fixture
def root(minimal_or_generated: Path) -> Path:
    return minimal_or_generated


def files_of(root: Path, *, jobs: int, cache: BuildCache | None) -> dict[str, bytes]:
    captured: dict[str, bytes] = {}

    def keep(files, out, search_tool=None):  # pages reused from the cache come as files
        captured.update({rel: bytes_of(body) for rel, body in files.items()})

    build(BuildOptions(root, root / "unused", search=False, jobs=jobs), cache=cache, write=keep)
    return captured


def assert_same(actual: dict[str, bytes], expected: dict[str, bytes]) -> None:
    assert sorted(actual) == sorted(expected)
    assert [f for f in expected if actual[f] != expected[f]] == []


def test_parallel_cached_and_single_process_builds_write_the_same_bytes(root):
    single = files_of(root, jobs=1, cache=None)
    assert_same(files_of(root, jobs=2, cache=None), single)
    cold = persistent_cache(root)
    assert_same(files_of(root, jobs=2, cache=cold), single)
    warm = persistent_cache(root)
    assert_same(files_of(root, jobs=2, cache=warm), single)
    assert warm.fragments.misses == warm.pages.misses == warm.decks.misses == 0
    assert warm.fragments.hits > 0 and warm.pages.hits > 0


def _first_entry(root: Path) -> Path:
    return sorted((root / "content/bulletins").glob("*/*.md"))[0]


def _edit_content(root: Path) -> None:
    entry = _first_entry(root)
    entry.write_text(entry.read_text("utf-8") + "\nOne more paragraph about the ASB team.\n",
                     "utf-8")


def _edit_glossary(root: Path) -> None:
    glossary = root / "content/glossary.yaml"
    glossary.write_text(glossary.read_text("utf-8").replace("abbreviations:\n", (
        "abbreviations:\n  - abbr: ZZQ\n    expansion: A new abbreviation\n"), 1), "utf-8")


def _edit_template(root: Path) -> None:
    (root / "templates").mkdir(exist_ok=True)
    base = (TOOL_ROOT / "templates/base.html").read_text("utf-8")
    (root / "templates/base.html").write_text(base.replace("</footer>", "</footer><!-- x -->"),
                                              "utf-8")


@pytest.mark.parametrize("edit", [None, _edit_content, _edit_glossary, _edit_template],
                         ids=["no-op", "content", "glossary", "template"])
def test_a_warm_rebuild_after_an_edit_matches_a_clean_build(root, edit):
    files_of(root, jobs=2, cache=persistent_cache(root))
    if edit is not None:
        edit(root)
    warm = files_of(root, jobs=2, cache=persistent_cache(root))
    assert_same(warm, files_of(root, jobs=1, cache=None))
    if edit is _edit_template:
        assert b"<!-- x -->" in warm["index.html"]


@pytest.mark.parametrize("edit, pool", [(_edit_content, False), (_edit_glossary, True),
                                         (_edit_template, True)],
                         ids=["content", "glossary", "template"])
def test_pages_are_made_on_every_core_when_none_can_be_reused(root, monkeypatch, edit, pool):
    # After a glossary or template edit every page's key is new: rendering the 10,000-entry
    # site's pages in one process took a warm build 4.2 s. After a content edit most
    # pages are reused, and a pool would cost more than the few left.
    files_of(root, jobs=2, cache=persistent_cache(root))
    edit(root)
    shares: list[int] = []
    real = pages.parallel.ordered_map

    def watched(work, state, items, jobs, **kwargs):
        if work is pages._share:
            shares.append(len(items))
        return real(work, state, items, jobs, **kwargs)

    monkeypatch.setattr(pages.parallel, "ordered_map", watched)
    warm = files_of(root, jobs=2, cache=persistent_cache(root))
    assert shares == ([2] if pool else [])
    assert_same(warm, files_of(root, jobs=1, cache=None))


def test_an_edit_that_keeps_the_files_size_and_time_is_still_built(root, monkeypatch):
    """The disk cache knows unchanged files by their size and times (builder.filedigests);
    an edit that keeps both (a word for one as long, the time put back) is still seen."""
    monkeypatch.setattr(filedigests, "RACY_NS", -10**12)   # the files are a moment old
    entry = _first_entry(root)
    text = entry.read_text("utf-8")
    entry.write_text(text.replace("\n\n", "\n\nAAAA\n\n", 1), "utf-8")
    files_of(root, jobs=1, cache=persistent_cache(root))
    before = entry.stat()
    entry.write_text(text.replace("\n\n", "\n\nZZZZ\n\n", 1), "utf-8")
    os.utime(entry, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert entry.stat().st_size == before.st_size
    warm = files_of(root, jobs=1, cache=persistent_cache(root))
    assert_same(warm, files_of(root, jobs=1, cache=None))
    assert any(b"ZZZZ" in page for page in warm.values())


def test_a_new_version_of_the_code_never_reads_the_old_cache(root, monkeypatch):
    files_of(root, jobs=1, cache=persistent_cache(root))
    old = list((root / diskcache.FOLDER).iterdir())
    monkeypatch.setattr(diskcache, "code_version", lambda: "another-version")
    cache = persistent_cache(root)
    assert len(cache.fragments) == 0
    assert not any(folder.exists() for folder in old)  # a stale version is removed


def test_the_cache_folder_is_named_by_the_code():
    assert diskcache.code_version() == diskcache.code_version()
    assert len(diskcache.code_version()) == 20


def test_a_deleted_or_damaged_cache_only_costs_time(root):
    clean = files_of(root, jobs=1, cache=None)
    files_of(root, jobs=1, cache=persistent_cache(root))
    folder = next((root / diskcache.FOLDER).iterdir())
    for shard in (folder / "fragments").iterdir():
        shard.write_bytes(b"not a pickle")
    for shard in (folder / "pages").iterdir():
        shard.write_bytes(pickle.dumps(["not", "a", "memo"]))
    assert_same(files_of(root, jobs=1, cache=persistent_cache(root)), clean)
    shutil.rmtree(root / diskcache.FOLDER)
    assert_same(files_of(root, jobs=1, cache=persistent_cache(root)), clean)


def test_two_builds_saving_at_once_leave_one_whole_memo(tmp_path):
    first, second = PackedMemo(tmp_path), PackedMemo(tmp_path)
    first.put("a", "from the first")
    second.put("b", "from the second")
    first.end_build()
    second.end_build()
    assert PackedMemo(tmp_path).get("b") == "from the second"
    assert all(p.name.endswith(".pickle") and not p.name.startswith(".")
               for p in tmp_path.iterdir())  # no temporary left


def test_a_build_that_used_nothing_new_does_not_write(tmp_path):
    memo = PackedMemo(tmp_path)
    memo.put("a", 1)
    memo.end_build()
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    memo = PackedMemo(tmp_path)
    assert memo.get("a") == 1
    memo.end_build()
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == before


def test_an_edit_rewrites_only_the_shard_its_key_falls_in(tmp_path):
    memo = PackedMemo(tmp_path)
    for n in range(200):
        memo.put(f"key-{n}", n)
    memo.end_build()
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    memo = PackedMemo(tmp_path)
    assert [memo.get(f"key-{n}") for n in range(200)] == list(range(200))
    memo.put("a new key", "new")
    memo.end_build()
    after = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    assert len(before) == diskcache.SHARDS
    assert [name for name in after if after[name] != before[name]] == [
        f"{diskcache._shard_of('a new key'):02d}.pickle"]
    assert PackedMemo(tmp_path).get("key-7") == 7


def test_a_packed_memo_reads_its_shards_before_looking_for_a_key_start(tmp_path):
    memo = PackedMemo(tmp_path)
    memo.put("salt-a:1", 1)
    memo.end_build()
    assert PackedMemo(tmp_path).has_key_starting("salt-a:")
    assert not PackedMemo(tmp_path).has_key_starting("salt-b:")


def test_bulletin_build_keeps_the_cache_and_no_cache_keeps_none(root, capsys):
    assert cli.main(["build", "--root", str(root), "--no-search", "--no-cache"]) == 0
    assert not (root / diskcache.FOLDER).exists()
    assert cli.main(["build", "--root", str(root), "--no-search"]) == 0
    assert (root / diskcache.FOLDER).is_dir()


def test_a_warm_build_draws_no_deck_page_whose_inputs_are_unchanged(root, monkeypatch):
    single = files_of(root, jobs=1, cache=None)
    files_of(root, jobs=1, cache=persistent_cache(root))
    drawn: list[str] = []
    real = site.deck_page
    monkeypatch.setattr(site, "deck_page", lambda deck, *a, **k: drawn.append(deck.slug)
                        or real(deck, *a, **k))
    assert_same(files_of(root, jobs=1, cache=persistent_cache(root)), single)
    generated = [f for f in single if f.startswith("decks/") and f.count("/") == 2
                 and f.endswith("index.html")]
    assert generated and all(not slug[:4].isdigit() for slug in drawn), drawn


def test_compiled_templates_are_kept_and_a_template_edited_in_place_is_compiled_again(root):
    _edit_template(root)
    files_of(root, jobs=1, cache=persistent_cache(root))
    folder = next((root / diskcache.FOLDER).iterdir())
    assert any((folder / "templates").glob("*.jinja"))
    override = root / "templates/base.html"
    override.write_text(override.read_text("utf-8").replace("<!-- x -->", "<!-- y -->"), "utf-8")
    warm = files_of(root, jobs=1, cache=persistent_cache(root))
    assert b"<!-- y -->" in warm["index.html"]
    assert_same(warm, files_of(root, jobs=1, cache=None))
