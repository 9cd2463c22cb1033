"""The build cache reuses work and never changes output."""
from __future__ import annotations

import shutil
from dataclasses import replace as copy
from pathlib import Path

import pytest

from builder.cache import BuildCache, Memo, digest, spelled
from builder.content import read_content
from builder.errors import ContentErrors
from builder.fragments import render_fragments
from builder.model import Entry, Markdown, Month, Origin, Rag
from builder.outputs import PageReuse
from builder.pipeline import BuildOptions, build
from serve_support import TOOL_ROOT, replace_in, seed_css

ENTRY = "content/bulletins/2026-01/community-safety-asb.md"


def files_of(root: Path, cache: BuildCache | None, **options) -> dict[str, bytes]:
    captured: dict[str, bytes] = {}

    def keep(files, out, search_tool=None):
        captured.update(files)

    build(BuildOptions(root, root / "unused", search=False, **options), cache=cache, write=keep)
    return captured


def test_digest_separates_its_parts():
    assert digest("ab", "c") != digest("a", "bc")
    assert digest("a", 1) == digest("a", "1")


def test_memo_keeps_what_the_last_build_used():
    memo: Memo[str] = Memo()
    memo.put("a", "A")
    memo.put("b", "B")
    memo.end_build()
    assert memo.get("a") == "A"
    memo.end_build()           # "b" was not used by this build
    assert memo.get("b") is None
    assert memo.get("a") == "A"
    assert (memo.hits, memo.misses) == (2, 1)


def test_a_memo_finds_a_key_by_its_start_in_either_generation():
    memo: Memo[str] = Memo()
    memo.put("salt-a:1", "A")
    memo.end_build()
    memo.put("salt-b:2", "B")
    assert memo.has_key_starting("salt-a:") and memo.has_key_starting("salt-b:")
    assert not memo.has_key_starting("salt-c:")
    assert (memo.hits, memo.misses) == (0, 0)   # asking is not a lookup


def test_cold_and_warm_builds_are_byte_identical(root):
    cache = BuildCache()
    cold = files_of(root, cache)
    warm = files_of(root, cache)
    assert warm == cold
    assert files_of(root, None) == cold
    # The second build reused every fragment and every page: the keys are deterministic.
    assert cache.fragments.misses == len(cache.fragments)
    assert cache.pages.misses == len(cache.pages)
    assert cache.fragments.hits == cache.fragments.misses
    assert cache.pages.hits == cache.pages.misses


def test_the_shipped_content_builds_the_same_with_a_warm_cache(tmp_path):
    root = tmp_path / "shipped"
    shutil.copytree(TOOL_ROOT / "content", root / "content")
    if (TOOL_ROOT / ".cache").is_dir():
        seed_css(TOOL_ROOT / ".cache", root)
    cache = BuildCache()
    first = files_of(root, cache, drafts=True)
    assert files_of(root, cache, drafts=True) == first == files_of(root, None, drafts=True)


def test_an_edit_renders_only_what_it_touches(root):
    cache = BuildCache()
    files_of(root, cache)
    misses = cache.fragments.misses
    replace_in(root / ENTRY, "ASB patrols rose", "ASB patrols fell")
    changed = files_of(root, cache)
    assert cache.fragments.misses == misses + 1
    assert changed == files_of(root, None)
    assert b"patrols fell" in changed["bulletins/2026-01/index.html"]


def test_a_link_that_becomes_valid_is_rendered_again(root):
    """A fragment's key holds what links can resolve against, not only its own text."""
    cache = BuildCache()
    replace_in(root / ENTRY, "Work on county lines continued.",
               "Work on county lines continued. [Contacts](../../pages/contacts.md).")
    with pytest.raises(ContentErrors) as failed:
        files_of(root, cache)
    assert any("contacts.md" in p.message for p in failed.value.problems)
    (root / "content/pages/contacts.md").write_text("---\ntitle: Contacts\n---\nAsk us.\n", "utf-8")
    assert files_of(root, cache) == files_of(root, None)


def test_fragments_depend_on_where_the_text_is(root):
    """Moving the same text down a line changes the line its problems report."""
    cache = BuildCache()
    content, _ = read_content(root)
    first = render_fragments(content, cache.fragments)
    replace_in(root / ENTRY, "---\n## Patrols", "---\n\n## Patrols")
    content, _ = read_content(root)
    second = render_fragments(content, cache.fragments)
    key = ("2026-01", "community-safety-asb")
    assert [l.line for l in second.entries[key].links] == [l.line + 1 for l in first.entries[key].links]


def test_a_template_change_renders_pages_again(root):
    cache = BuildCache()
    before = files_of(root, cache)
    source = (TOOL_ROOT / "templates/404.html").read_text("utf-8")
    (root / "templates").mkdir()
    (root / "templates/404.html").write_text(source.replace("Page not found", "Nothing here"), "utf-8")
    after = files_of(root, cache)
    assert after == files_of(root, None)
    assert b"Nothing here" in after["404.html"] and b"Nothing here" not in before["404.html"]


def test_pages_made_while_a_template_changed_are_not_kept():
    memo: Memo = Memo()
    digests = iter(["before", "after"])

    class _Content:
        glossary = ()

        class site:
            base_url = "https://example.org/"

    reuse = PageReuse.start(memo, _Content, lambda: next(digests))
    reuse.pending["key"] = object()
    reuse.commit()
    assert len(memo) == 0 and not reuse.pending


def test_glossary_changes_reach_every_page(root):
    cache = BuildCache()
    files_of(root, cache)
    replace_in(root / "content/glossary.yaml", "expansion: anti-social behaviour",
               "expansion: antisocial behaviour")
    after = files_of(root, cache)
    assert after == files_of(root, None)
    assert b'title="antisocial behaviour"' in after["bulletins/2026-01/index.html"]


def test_an_unchanged_entry_is_checked_again_when_its_tables_change(root):
    """An entry's checks depend on the month's tables, not only on its own text."""
    cache = BuildCache()
    files_of(root, cache)
    (root / "content/bulletins/2026-01/patrols.yaml").unlink()
    with pytest.raises(ContentErrors) as failed:
        files_of(root, cache)
    assert any(p.path == ENTRY and "the table 'patrols' has no file" in p.message
               for p in failed.value.problems)


def test_a_month_is_read_again_only_when_one_of_its_files_changes(root):
    cache = BuildCache()
    files_of(root, cache)
    misses = cache.entries.misses
    files_of(root, cache)
    assert cache.entries.misses == misses
    replace_in(root / ENTRY, "rag: amber", "rag: green")
    after = files_of(root, cache)
    assert cache.entries.misses == misses + 1
    assert after == files_of(root, None)


def test_warnings_of_a_reused_month_are_still_reported(root):
    cache = BuildCache()
    replace_in(root / ENTRY, "rag: amber", "rag: amber\nunknown_key: 1")
    first = build(BuildOptions(root, root / "out1", search=False), cache=cache, write=lambda *a, **k: None)
    second = build(BuildOptions(root, root / "out2", search=False), cache=cache, write=lambda *a, **k: None)
    assert any("unknown_key" in p.message for p in first.problems)
    assert first.problems == second.problems
    assert cache.entries.hits >= 1


def test_deck_helpers_remember_parsed_html_and_hand_out_nothing_a_caller_can_change():
    from builder.decks.subitems import split_subitems
    html = "<p>Intro.</p><h3>Patrols</h3><ul><li>More patrols.</li><li>Fewer calls.</li></ul>"
    first, again = split_subitems(html), split_subitems(html)
    assert first == again and first[1] is again[1]   # remembered, and tuples all through
    assert first[1][0].points == ("More patrols.", "Fewer calls.")  # a tuple: unchangeable


def test_a_template_edited_in_place_is_compiled_again(root):
    """Compiled templates are shared between builds; an edit to the same file still shows."""
    source = (TOOL_ROOT / "templates/404.html").read_text("utf-8")
    (root / "templates").mkdir()
    template = root / "templates/404.html"
    cache = BuildCache()
    for wording in ("Nothing here", "Still nothing here", "Nothing here"):
        template.write_text(source.replace("Page not found", wording), "utf-8")
        built = files_of(root, cache)
        assert f"<h1 class=\"govuk-heading-xl\">{wording}</h1>".encode() in built["404.html"]
        assert built == files_of(root, None)


def test_an_object_made_through_the_cache_is_spelled_by_its_inputs_digest():
    entry = Entry("hate-crime", Month(2026, 1), Rag.RED, None, None, (), (), (), False,
                  Markdown("A long text " * 500, Origin("x.md", 5)), Origin("x.md", 1))
    named = copy(entry, made_from="digest-of-its-file")
    assert len(spelled([named])) < 200 < len(spelled([entry]))   # not the whole text again
    assert spelled([named]) == spelled([copy(entry, rag=Rag.GREEN, made_from="digest-of-its-file")])
    assert spelled([named]) != spelled([copy(named, made_from="another-file")])
    assert named == entry   # the digest is not part of the value


def test_a_data_table_edited_alone_reaches_its_entries(root):
    cache = BuildCache()
    files_of(root, cache)
    table = next((root / "content/bulletins").glob("*/patrols.yaml"))
    table.write_text(table.read_text("utf-8").replace("title:", "title: Edited", 1), "utf-8")
    assert files_of(root, cache) == files_of(root, None)


def warnings_of(root: Path, cache: BuildCache) -> list[str]:
    result = build(BuildOptions(root, root / "unused", search=False, jobs=1), cache=cache,
                   write=lambda *a, **k: None)
    return [f"{p.path}: {p.message}" for p in result.problems]


def test_a_month_is_read_again_when_a_file_is_added_to_or_removed_from_its_folder(root):
    cache = BuildCache()
    assert not any("not used" in w for w in warnings_of(root, cache))
    stray = root / "content/bulletins/2026-01/hate-crime.txt"
    stray.write_text("saved with the wrong ending", "utf-8")
    assert any(w.startswith("content/bulletins/2026-01/hate-crime.txt: this file is not used")
               for w in warnings_of(root, cache))
    stray.unlink()
    assert not any("not used" in w for w in warnings_of(root, cache))


def test_a_month_is_read_again_when_the_themes_change(root):
    cache = BuildCache()
    warnings_of(root, cache)
    themes = root / "content/themes.yaml"
    themes.write_text(themes.read_text("utf-8") + "\n  - slug: serious-violence\n"
                      "    title: Serious Violence\n", "utf-8")
    assert any("there is no file for the theme 'Serious Violence'" in w
               for w in warnings_of(root, cache))


def test_a_hidden_file_in_a_month_does_not_make_it_read_again(root):
    cache = BuildCache()
    warnings_of(root, cache)
    misses = cache.entries.misses
    (root / "content/bulletins/2026-01/.hate-crime.md.swp").write_bytes(b"\x00editor")
    warnings_of(root, cache)
    assert cache.entries.misses == misses


def test_a_months_fragments_are_kept_together_and_only_an_edited_month_is_rendered(
        months, monkeypatch):
    from builder import fragments
    rendered: list[str] = []
    real = fragments._Renderer.render

    def counted(self, request):
        rendered.append(request.doc.origin.path)
        return real(self, request)

    monkeypatch.setattr(fragments._Renderer, "render", counted)
    cache = BuildCache()
    files_of(months, cache, jobs=1)
    rendered.clear()
    replace_in(months / "content/bulletins/2025-12/hate-crime.md", "rag:", "rag_note: New.\nrag:")
    warm = files_of(months, cache, jobs=1)
    assert rendered and all(path.startswith("content/bulletins/2025-12/") for path in rendered)
    assert warm == files_of(months, None)


@pytest.fixture
def decks_drawn(monkeypatch) -> list[str]:
    """The months whose generated deck is drawn from now on, in order."""
    from builder.decks import monthly
    drawn: list[str] = []
    draw = monthly._month_deck

    def counted(shared, issue):
        drawn.append(issue.month.slug)
        return draw(shared, issue)

    monkeypatch.setattr(monthly, "_month_deck", counted)
    return drawn


def test_an_edit_draws_only_the_edited_months_deck_again(months, decks_drawn):
    cache = BuildCache()
    files_of(months, cache)
    decks_drawn.clear()
    replace_in(months / ENTRY, "ASB patrols rose", "ASB patrols fell")
    changed = files_of(months, cache)
    assert decks_drawn == ["2026-01"]
    assert changed == files_of(months, None)


def test_a_kept_deck_whose_page_was_lost_is_drawn_again_the_same(months, decks_drawn):
    cache = BuildCache()
    cold = files_of(months, cache)
    decks_drawn.clear()
    cache.pages = Memo()   # as if the kept pages had been deleted
    assert files_of(months, cache) == cold
    assert decks_drawn == ["2025-11", "2025-12", "2026-01"]
