"""Views are made once per build, and with the cache only for the pages being rendered."""
from __future__ import annotations

import pytest

from builder import shown, themes
from builder.cache import BuildCache, spelled
from builder.shown import Deferred
from conftest import MONTHS
from serve_support import replace_in
from test_cache import files_of


@pytest.fixture
def made(monkeypatch) -> dict[str, list[str]]:
    """The issue and theme views made, by month and by theme slug."""
    calls: dict[str, list[str]] = {"issues": [], "themes": []}
    issue_view, theme_view = shown.issue_view, shown.theme_view

    def counted_issue(content, issue, *args, **kwargs):
        calls["issues"].append(issue.month.slug)
        return issue_view(content, issue, *args, **kwargs)

    def counted_theme(theme, *args, **kwargs):
        calls["themes"].append(theme.slug)
        return theme_view(theme, *args, **kwargs)

    monkeypatch.setattr(shown, "issue_view", counted_issue)
    monkeypatch.setattr(shown, "theme_view", counted_theme)
    return calls


def test_a_deferred_view_is_made_when_first_read_and_only_once():
    made = []
    view = Deferred("digest", lambda: made.append(1) or themes.ThemeListing("T", "", "/t/", None))
    assert made == []
    assert (view.title, view.href) == ("T", "/t/")
    assert made == [1]
    with pytest.raises(AttributeError):
        view.__html__   # Jinja asks; the view must not be made for it, nor pretend
    assert made == [1]
    assert view.made() is view.made() and made == [1]


def test_a_page_is_drawn_from_its_views_made_not_deferred(months, monkeypatch):
    """A template reads a view many times; each read of a Deferred goes through a failed
    lookup and `__getattr__`, so the page hands the template the view itself."""
    from builder import renderer
    given = []
    real = renderer.render_template
    monkeypatch.setattr(renderer, "render_template",
                        lambda env, name, values: given.append(values) or real(env, name, values))
    files_of(months, None, jobs=1)
    assert given and not any(isinstance(v, Deferred) for values in given for v in values.values())


def test_a_deferred_view_is_spelled_by_its_digest():
    first = Deferred("digest", lambda: pytest.fail("spelling must not make the view"))
    assert spelled([first]) == spelled([Deferred("digest", lambda: None)])
    assert spelled([first]) != spelled([Deferred("other", lambda: None)])


def test_a_warm_build_after_one_edit_makes_only_the_views_it_shows(months, made):
    cache = BuildCache()
    files_of(months, cache, jobs=1)
    files_of(months, cache, jobs=1)
    assert made["issues"] == list(MONTHS)   # the first build; the second made none
    made["issues"].clear()
    made["themes"].clear()
    replace_in(months / "content/bulletins/2025-12/hate-crime.md", "rag:", "rag_note: New.\nrag:")
    warm = files_of(months, cache, jobs=1)
    # 2025-12's page and deck show its view; 2026-01's "changes since last month" read it.
    assert sorted(set(made["issues"])) == ["2025-12", "2026-01"]
    assert len(made["issues"]) == 2   # each made once, though pages and decks both show it
    assert made["themes"] == ["hate-crime"]
    assert warm == files_of(months, None)


def test_without_the_cache_each_view_is_made_once(months, made):
    files_of(months, None, jobs=1)
    assert sorted(made["issues"]) == sorted(MONTHS)
    assert len(made["themes"]) == len(set(made["themes"])) >= 2


def test_a_parallel_build_makes_each_issue_view_once_for_its_deck_and_page(
        months, monkeypatch, tmp_path):
    """A clean parallel build kept no view (each held a copy of its entries' HTML), so the
    pages stage made again every view the decks had made: 2% of a 10,000-entry build."""
    log = tmp_path / "made"
    issue_view = shown.issue_view

    def logged(content, issue, *args, **kwargs):
        with open(log, "a") as made_in_any_process:
            made_in_any_process.write(issue.month.slug + "\n")
        return issue_view(content, issue, *args, **kwargs)

    monkeypatch.setattr(shown, "issue_view", logged)
    files_of(months, None, jobs=2)
    assert sorted(log.read_text().split()) == sorted(MONTHS)


def test_without_the_cache_a_view_waits_until_a_page_reads_it(months, made):
    """So that each process of a parallel build makes only its own pages' views."""
    from builder.content import read_content
    from builder.fragments import render_fragments
    content, _ = read_content(months)
    views = shown.IssueViews(content, render_fragments(content), keyed=False)
    issue = views.shown(content.issues[0])
    (_, theme), = views.themes()[0][2]
    assert isinstance(issue, Deferred) and isinstance(theme, Deferred)
    assert made == {"issues": [], "themes": []}
    assert issue.month_label == "November 2025"
    assert made == {"issues": ["2025-11"], "themes": []}


def test_the_issue_and_theme_lists_are_drawn_without_making_views(months, made):
    cache = BuildCache()
    files_of(months, cache, jobs=1)
    made["issues"].clear()
    made["themes"].clear()
    replace_in(months / "content/bulletins/2025-11/issue.yaml", "title: Monthly Update",
               "title: Monthly Update (corrected)")
    warm = files_of(months, cache, jobs=1)
    # The archive and the home page list 2025-11 by title from the model. Its own page and
    # deck need its view; the home page, drawn again, shows the latest issue in full.
    assert made == {"issues": ["2025-11", "2026-01"], "themes": []}
    assert b"Monthly Update (corrected)" in warm["bulletins/index.html"]
    assert warm == files_of(months, None, jobs=1)


def test_the_rag_overview_is_made_again_only_when_a_status_changes(months, monkeypatch):
    made: list[int] = []
    overview = shown.rag_overview
    monkeypatch.setattr(shown, "rag_overview",
                        lambda *given: made.append(1) or overview(*given))
    cache = BuildCache()
    files_of(months, cache, jobs=1)
    entry = months / "content/bulletins/2025-12/hate-crime.md"
    replace_in(entry, "rag:", "rag_note: New.\nrag:")
    files_of(months, cache, jobs=1)
    assert made == [1]   # the first build's; a note is not a status
    rag = next(line for line in entry.read_text("utf-8").splitlines() if line.startswith("rag:"))
    replace_in(entry, rag, "rag: red" if "green" in rag.lower() else "rag: green")
    warm = files_of(months, cache, jobs=1)
    assert made == [1, 1]
    assert warm == files_of(months, None, jobs=1)
