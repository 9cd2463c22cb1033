"""Never stale: after each kind of change, what `serve` serves is what `build` builds.

Each test starts a preview of a copy of the fixture site, makes one kind of
change on disk, waits for the rebuild (and the background search index),
then builds the same files from scratch, in another folder with no caches,
and compares every file byte for byte, the Pagefind index included (it is
deterministic: the same pages give the same bytes).
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from builder import cli
from serve_support import (assert_same_tree, clean_build, make_site, replace_in, running,
                           settle)

ENTRY = "content/bulletins/2026-01/community-safety-asb.md"


# Each change is a function of the site folder; they cover every kind the issue lists.

def edit_content(root: Path) -> None:
    replace_in(root / ENTRY, "ASB patrols rose in each CSP.", "ASB patrols fell in each CSP.")


def edit_data_table(root: Path) -> None:
    replace_in(root / "content/bulletins/2026-01/patrols.yaml", "[North, 1200]", "[North, 1300]")
    replace_in(root / "content/bulletins/2026-01/patrols.yaml", "[Total, 2000]", "[Total, 2100]")


def edit_glossary(root: Path) -> None:
    replace_in(root / "content/glossary.yaml", "abbreviations:\n",
               "abbreviations:\n  - abbr: NEW\n    expansion: a new abbreviation\n")
    replace_in(root / ENTRY, "Work on county lines continued.",
               "Work on county lines continued with NEW funding.")


def edit_theme_list(root: Path) -> None:
    replace_in(root / "content/themes.yaml", "title: Hate Crime", "title: Hate Crime and Incidents")
    with (root / "content/themes.yaml").open("a", encoding="utf-8") as f:
        f.write("  - slug: serious-violence\n    title: Serious Violence\n"
                "    description: The Serious Violence Duty.\n")


def edit_site_config(root: Path) -> None:
    replace_in(root / "content/site.yaml", "title: Test Bulletin", "title: Renamed Bulletin")
    replace_in(root / "content/site.yaml", "https://bulletin.testshire.gov.uk/test-bulletin/",
               "https://example.org/elsewhere/")


def add_template_override(root: Path) -> None:
    # The site has no templates/ folder yet: the watcher must notice a new watched folder.
    source = (Path(cli.__file__).resolve().parent.parent / "templates/page.html").read_text("utf-8")
    target = root / "templates/page.html"
    target.parent.mkdir()
    target.write_text(source.replace("{% block content %}",
                                     "{% block content %}<p class=\"govuk-body\">Overridden.</p>", 1),
                      encoding="utf-8")
    assert "Overridden" in target.read_text("utf-8")


def add_stylesheet_override(root: Path) -> None:
    source = Path(cli.__file__).resolve().parent.parent / "assets/scss/_bulletin.scss"
    target = root / "assets/scss/_bulletin.scss"
    target.parent.mkdir(parents=True)
    target.write_text(source.read_text("utf-8") + "\n.bulletin-test-rule { color: #0b0c0c; }\n",
                      encoding="utf-8")


def add_page(root: Path) -> None:
    (root / "content/pages/contacts.md").write_text(
        "---\ntitle: Contacts\nsummary: Who to ask.\n---\nAsk the ASB team.\n", encoding="utf-8")


def add_month(root: Path) -> None:
    shutil.copytree(root / "content/bulletins/2026-01", root / "content/bulletins/2026-02")
    replace_in(root / "content/bulletins/2026-02/issue.yaml", "month: 2026-01", "month: 2026-02")


def rename_page(root: Path) -> None:
    os.rename(root / "content/pages/about.md", root / "content/pages/about-us.md")
    replace_in(root / ENTRY, "../../pages/about.md", "../../pages/about-us.md")


def delete_entry(root: Path) -> None:
    (root / "content/bulletins/2026-01/hate-crime.md").unlink()
    replace_in(root / ENTRY, "See the [hate crime update](hate-crime.md#reporting) and the",
               "See the")


def add_image(root: Path) -> None:
    (root / "content/images").mkdir()
    (root / "content/images/map.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n', encoding="utf-8")
    replace_in(root / ENTRY, "Work on county lines continued.",
               "Work on county lines continued.\n\n![A map of the areas](../../images/map.svg)")


def delete_and_recreate(root: Path) -> None:
    path = root / ENTRY
    text = path.read_text("utf-8")
    path.unlink()
    path.write_text(text.replace("rose", "doubled"), encoding="utf-8")


def add_deck(root: Path) -> None:
    (root / "content/decks").mkdir()
    (root / "content/decks/partnership.md").write_text(
        "---\ntitle: Partnership update\n---\n\n## First slide\n\nASB patrols.\n\n---\n\n"
        "## Second slide\n\n- a point\n\nNote:\nSay this.\n", encoding="utf-8")


def edit_deck_settings(root: Path) -> None:
    (root / "content/decks.yaml").write_text("presenter: Test Community Safety Unit\n"
                                             "theme: white\n", encoding="utf-8")


def atomic_save(root: Path) -> None:
    # How many editors save: write a temporary file beside it, then rename it over.
    path = root / ENTRY
    temp = path.with_name(".community-safety-asb.md.swp")
    temp.write_text(path.read_text("utf-8").replace("rose", "climbed"), encoding="utf-8")
    os.replace(temp, path)


CHANGES = [edit_content, edit_data_table, edit_glossary, edit_theme_list, edit_site_config,
           add_template_override, add_stylesheet_override, add_page, add_month, rename_page,
           delete_entry, add_image, delete_and_recreate, add_deck, edit_deck_settings,
           atomic_save]


@pytest.mark.parametrize("change", CHANGES, ids=[c.__name__ for c in CHANGES])
def test_served_equals_clean_build_after(change, root, tmp_path, css_cache):
    served_equals_clean_build(change, root, tmp_path, css_cache if change is not
                              add_stylesheet_override else None)


def served_equals_clean_build(change, root: Path, tmp_path: Path, css_from: Path | None) -> None:
    """`change` made while serve runs; then what it serves is a clean build's every byte.
    `css_from`: the compiled CSS to seed the clean build with, unless Sass is changed."""
    with running(root) as preview:
        assert preview.first.ok
        settle(preview, 0)
        before = preview.rebuilds
        change(root)
        settle(preview, before)
        assert not preview.state.errors, preview.state.errors
        built = clean_build(root, tmp_path / "clean", css_from=css_from)
        assert_same_tree(preview.site_dir, built)


# The monthly decks' brand: the site's logo, its deck stylesheet and what that names,
# its organisation (the logo's text) and its brand colour. A deck is kept from build
# to build by a key of its inputs, and its folder's files are read again each build.
CREST = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>\n'


def branded(root: Path) -> Path:
    """The fixture site with a logo and a stylesheet for its decks, before serve starts."""
    (root / "assets/images").mkdir(parents=True)
    (root / "assets/images/westshire.svg").write_text(CREST, encoding="utf-8")
    replace_in(root / "content/site.yaml", "description:", "logo: images/westshire.svg\ndescription:")
    (root / "content/decks/images").mkdir(parents=True)
    (root / "content/decks/images/crest.svg").write_text(CREST, encoding="utf-8")
    (root / "content/decks/westshire.css").write_text(
        '.reveal h2 { background: url("images/crest.svg") no-repeat; }\n', encoding="utf-8")
    (root / "content/decks.yaml").write_text("css: [westshire.css]\n", encoding="utf-8")
    return root


def edit_logo_file(root: Path) -> None:
    replace_in(root / "assets/images/westshire.svg", 'height="4"', 'height="3"')


def edit_deck_stylesheet(root: Path) -> None:
    replace_in(root / "content/decks/westshire.css", "no-repeat", "repeat-x")


def edit_file_the_deck_stylesheet_names(root: Path) -> None:
    replace_in(root / "content/decks/images/crest.svg", 'width="4"', 'width="2"')


def rename_organisation(root: Path) -> None:   # the logo's text alternative
    replace_in(root / "content/site.yaml", "organisation: Test Community Safety Unit",
               "organisation: Westshire County Council")


def edit_brand_colour(root: Path) -> None:
    settings = (Path(cli.__file__).resolve().parent.parent / "assets/scss/_settings.scss")
    (root / "assets/scss").mkdir(parents=True)
    (root / "assets/scss/_settings.scss").write_text(
        settings.read_text("utf-8").replace("brand: #1d70b8", "brand: #00703c"), "utf-8")


BRAND_CHANGES = [edit_logo_file, edit_deck_stylesheet, edit_file_the_deck_stylesheet_names,
                 rename_organisation, edit_brand_colour]


@pytest.mark.parametrize("change", BRAND_CHANGES, ids=[c.__name__ for c in BRAND_CHANGES])
def test_served_decks_equal_a_clean_build_after_a_change_to_their_brand(change, root, tmp_path,
                                                                         css_cache):
    served_equals_clean_build(change, branded(root), tmp_path,
                              css_cache if change is not edit_brand_colour else None)


def test_a_burst_of_saves_gives_one_rebuild(root):
    # Like an editor's "save all" or a git checkout: many events, close together.
    with running(root, quiet=1.0) as preview:
        before = preview.rebuilds
        started = time.monotonic()
        for n in range(20):
            replace_in(root / ENTRY, "ASB patrols", f"ASB patrols ({n})" if n == 0 else "ASB patrols")
            (root / "content/pages/about.md").touch()
        if time.monotonic() - started > 0.9:
            pytest.skip("the machine is too busy to write 40 files within the debounce window")
        settle(preview, before, search=False)
        assert preview.rebuilds == before + 1


def test_a_failed_rebuild_keeps_the_last_good_site_then_the_fix_catches_up(root, tmp_path, css_cache):
    with running(root) as preview:
        settle(preview, 0)
        good = clean_build(root, tmp_path / "good", css_from=css_cache)
        before = preview.rebuilds
        replace_in(root / ENTRY, "rag: amber", "rag: amberish")
        settle(preview, before)
        assert [p.line for p in preview.state.errors if p.is_error] == [2]
        assert_same_tree(preview.site_dir, good)  # nothing written by the failed rebuild
        before = preview.rebuilds
        replace_in(root / ENTRY, "rag: amberish", "rag: red")
        settle(preview, before)
        assert not preview.state.errors
        assert_same_tree(preview.site_dir, clean_build(root, tmp_path / "fixed", css_from=css_cache))


def test_drafts_are_served_with_drafts(root, tmp_path, css_cache):
    replace_in(root / "content/bulletins/2026-01/issue.yaml", "status: published", "status: draft")
    with running(root, drafts=True) as preview:
        settle(preview, 0)
        built = clean_build(root, tmp_path / "clean", drafts=True, css_from=css_cache)
        assert_same_tree(preview.site_dir, built)
        assert b"This page is a draft" in (preview.site_dir / "bulletins/2026-01/index.html").read_bytes()
        before = preview.rebuilds
        replace_in(root / "content/bulletins/2026-01/issue.yaml", "status: draft", "status: published")
        settle(preview, before)
        assert_same_tree(preview.site_dir, clean_build(root, tmp_path / "published", drafts=True,
                                                       css_from=css_cache))


@pytest.mark.parametrize("poll", [False, True], ids=["events", "poll"])
def test_changes_in_a_new_folder_are_seen(root, tmp_path, css_cache, poll):
    with running(root, poll=poll) as preview:
        settle(preview, 0, search=False)
        before = preview.rebuilds
        (root / "content/bulletins/2026-02").mkdir()
        settle(preview, before, search=False)
        before = preview.rebuilds
        for name in ("issue.yaml", "community-safety-asb.md", "hate-crime.md", "patrols.yaml"):
            shutil.copy(root / "content/bulletins/2026-01" / name, root / "content/bulletins/2026-02" / name)
        replace_in(root / "content/bulletins/2026-02/issue.yaml", "month: 2026-01", "month: 2026-02")
        settle(preview, before)
        assert (preview.site_dir / "bulletins/2026-02/index.html").is_file()
        assert_same_tree(preview.site_dir, clean_build(root, tmp_path / "clean", css_from=css_cache))


def test_pagefind_is_compared_by_content_only_where_it_is_not_deterministic(tmp_path, css_cache):
    """Two Pagefind runs over the same pages can order filter values differently; the
    comparison forgives exactly that and nothing else."""
    import subprocess
    from builder.pipeline import search_tool
    from serve_support import comparable, tree
    site = clean_build(make_site(tmp_path / "site", css_cache), tmp_path / "built",
                       css_from=css_cache, search=False)
    runs = []
    for n in range(2):
        out = tmp_path / f"index{n}"
        subprocess.run([str(search_tool()), "--site", str(site), "--output-path", str(out),
                        "--quiet"], check=True)
        runs.append({f"pagefind/{k}": v for k, v in tree(out).items()})
    assert comparable(runs[0]) == comparable(runs[1])
    changed = dict(runs[1])
    fragment = next(k for k in changed if k.startswith("pagefind/fragment/"))
    changed[fragment] = changed[fragment] + b"x"
    assert comparable(changed) != comparable(runs[0])
    meta = next(k for k in changed if k.endswith(".pf_meta"))
    import gzip
    raw = gzip.decompress(runs[1][meta]).replace(b"title", b"tItle")
    assert comparable({**runs[1], meta: gzip.compress(raw)}) != comparable(runs[0])


def test_a_save_during_the_first_build_is_not_missed(root, tmp_path, css_cache, monkeypatch):
    import builder.serve.rebuild as rebuild
    real = rebuild.build
    calls = []

    def slow_first_build(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:  # the editor saves while the first build is reading
            result = real(*args, **kwargs)
            replace_in(root / ENTRY, "ASB patrols rose", "ASB patrols saved mid-build")
            time.sleep(0.3)
            return result
        return real(*args, **kwargs)

    monkeypatch.setattr(rebuild, "build", slow_first_build)
    with running(root) as preview:
        settle(preview, 1)
        assert b"saved mid-build" in (preview.site_dir / "bulletins/2026-01/index.html").read_bytes()
        assert_same_tree(preview.site_dir, clean_build(root, tmp_path / "clean", css_from=css_cache))
