"""builder.themes: views across months, one theme's pages of updates and the RAG overview.

The issues and entries are made here, a month each; the pages drawn from these
views are tested in test_pages.py.
"""
from __future__ import annotations

from dataclasses import dataclass

from builder.model import Entry, Issue, Markdown, Month, Origin, Rag, Status, Theme
from builder.themes import (RECENT, OverviewCell, ThemeListing, entries_by_theme, overview_pages,
                            rag_overview, theme_pages, theme_view)
from builder.views import Link, RagView, month_title

HATE = Theme("hate-crime", "Hate Crime", "Hate crime and incidents.", (), True,
             Origin("content/themes.yaml", 2))
ASB = Theme("asb", "ASB", "Anti-social behaviour.", (), False, Origin("content/themes.yaml", 6))


def entry(theme: str, month: Month, rag: Rag = Rag.GREEN) -> Entry:
    path = f"content/bulletins/{month.slug}/{theme}.md"
    return Entry(theme, month, rag, None, None, (), (), (), False,
                 Markdown("Text.\n", Origin(path, 4)), Origin(path))


def issue(month: Month, *entries: Entry) -> Issue:
    return Issue(month, "Update", None, Status.PUBLISHED, None, (), entries, (),
                 Origin(f"content/bulletins/{month.slug}/issue.yaml"))


def history(months: list[Month]) -> list[tuple[Issue, Entry]]:
    """One hate-crime entry in each of `months`, with its issue."""
    return [(issue(m, e), e) for m in months for e in [entry("hate-crime", m)]]


def months_from(year: int, month: int, count: int) -> list[Month]:
    return [Month(year + (month - 1 + n) // 12, (month - 1 + n) % 12 + 1) for n in range(count)]


@dataclass(frozen=True)
class Drawn:
    """What theme_view reads of an entry's view, and what it was made with."""
    month_label: str
    issue_href: str
    rag: RagView
    previous: Month | None
    draft: bool = False

    @property
    def month_title(self) -> str:
        return month_title(self.month_label, self.draft)


def draw(entry, theme, issue, fragment, previous) -> Drawn:
    return Drawn(entry.month.label, f"/bulletins/{entry.month.slug}/", RagView.of(entry.rag),
                 previous.month if previous else None, issue.is_draft)


@dataclass(frozen=True)
class Published:
    """What the views across months read of the content: its themes and issues."""
    issues: tuple[Issue, ...]
    themes: tuple[Theme, ...] = (HATE, ASB)


class NoFragments:
    def entry(self, entry: Entry) -> None:
        return None


def test_a_short_history_is_one_page():
    pairs = history(months_from(2025, 1, RECENT))
    [page] = theme_pages(pairs)
    assert (page.year, page.pairs, page.before, page.years) == (None, pairs, None, ())
    assert page.url(HATE) == "/themes/hate-crime/"


def test_a_long_history_is_the_latest_twelve_then_a_page_a_year_newest_first():
    pairs = history(months_from(2024, 12, 14))           # December 2024 to January 2026
    latest, *years = theme_pages(pairs)
    assert latest.year is None and latest.pairs == pairs[-RECENT:]
    assert latest.before is pairs[-RECENT - 1][1]        # its first update's change is known
    assert latest.years == (2026, 2025, 2024)
    assert [(p.year, len(p.pairs), p.url(HATE)) for p in years] == [
        (2026, 1, "/themes/hate-crime/2026/"), (2025, 12, "/themes/hate-crime/2025/"),
        (2024, 1, "/themes/hate-crime/2024/")]
    assert years[0].before is pairs[-2][1] and years[2].before is None


def test_entries_are_gathered_by_theme_oldest_first_with_their_issues():
    december, january = Month(2025, 12), Month(2026, 1)
    first = issue(december, entry("asb", december))
    second = issue(january, entry("asb", january), entry("hate-crime", january))
    content = Published((first, second))
    found = entries_by_theme(content)
    assert list(found) == ["hate-crime", "asb"]
    assert [(i.month, e.theme) for i, e in found["asb"]] == [(december, "asb"), (january, "asb")]
    assert [(i.month, e.theme) for i, e in found["hate-crime"]] == [(january, "hate-crime")]


def test_a_theme_with_no_entries_has_an_empty_list():
    assert entries_by_theme(Published(()))["hate-crime"] == []


def test_a_theme_s_view_lists_its_updates_and_its_history_newest_first():
    pairs = history(months_from(2025, 11, 3))
    view = theme_view(HATE, theme_pages(pairs)[0], NoFragments(), make_entry=draw)
    assert [e.month_label for e in view.entries] == ["January 2026", "December 2025",
                                                     "November 2025"]
    assert [e.previous for e in view.entries] == [Month(2025, 12), Month(2025, 11), None]
    assert [(h.label, h.href) for h in view.history] == [
        ("January 2026", "/bulletins/2026-01/"), ("December 2025", "/bulletins/2025-12/"),
        ("November 2025", "/bulletins/2025-11/")]
    assert (view.href, view.exit_this_page, view.year, view.years, view.ended) == (
        "/themes/hate-crime/", True, None, (), None)


def test_a_year_page_s_view_links_every_year_and_its_first_update_knows_the_one_before():
    pairs = history(months_from(2024, 12, 14))
    year_2025 = theme_pages(pairs)[2]
    view = theme_view(HATE, year_2025, NoFragments(), make_entry=draw)
    assert view.year == 2025 and view.entries[-1].previous == Month(2024, 12)
    assert view.years == (Link("2026", "/themes/hate-crime/2026/"),
                          Link("2025", "/themes/hate-crime/2025/"),
                          Link("2024", "/themes/hate-crime/2024/"))


def test_the_list_of_themes_shows_each_one_s_latest_status_and_when_it_ended():
    pairs = history([Month(2025, 12), Month(2026, 1)])
    pairs[-1] = (pairs[-1][0], entry("hate-crime", Month(2026, 1), Rag.RED))
    ended = Theme("hate-crime", "Hate Crime", "", (), False, Origin("t.yaml"), ended=Month(2026, 1))
    assert ThemeListing.of(ended, pairs) == ThemeListing(
        "Hate Crime", "", "/themes/hate-crime/", RagView("red", "Red"), "January 2026")
    assert ThemeListing.of(HATE, []).latest is None


def test_the_overview_is_a_row_a_theme_and_a_cell_a_month_newest_first_empty_where_no_update():
    december, january = Month(2025, 12), Month(2026, 1)
    content = Published((issue(december, entry("asb", december, Rag.RED)),
                        issue(january, entry("asb", january), entry("hate-crime", january))))
    overview = rag_overview(content)
    assert overview.months == (Link("January 2026", "/bulletins/2026-01/"),
                               Link("December 2025", "/bulletins/2025-12/"))
    assert [(row.theme, row.cells) for row in overview.rows] == [
        (Link("Hate Crime", "/themes/hate-crime/"),
         (OverviewCell(RagView("green", "Green"), "/bulletins/2026-01/#hate-crime"),
          OverviewCell(None, None))),
        (Link("ASB", "/themes/asb/"),
         (OverviewCell(RagView("green", "Green"), "/bulletins/2026-01/#asb"),
          OverviewCell(RagView("red", "Red"), "/bulletins/2025-12/#asb")))]
    assert (overview.year, overview.years) == (None, ())


def test_the_overview_shows_the_latest_twelve_issues_then_a_page_a_year():
    """Every issue was a column: ten years were 120 to scroll past to this month's."""
    months = months_from(2024, 6, RECENT + 8)            # June 2024 to January 2026
    content = Published(tuple(issue(m, entry("asb", m)) for m in months))
    pages = overview_pages(content)
    assert [(year, [i.month for i in shown]) for year, shown in pages] == [
        (None, months[-RECENT:]), (2026, months[-1:]), (2025, months[7:19]), (2024, months[:7])]
    latest = rag_overview(content, *pages[0])
    assert [m.label for m in latest.months][:2] == ["January 2026", "December 2025"]
    assert len(latest.months) == RECENT
    assert latest.years == (Link("2026", "/rag/2026/"), Link("2025", "/rag/2025/"),
                            Link("2024", "/rag/2024/"))
    assert rag_overview(content, *pages[3]).year == 2024


def test_a_theme_with_no_update_in_the_months_shown_has_no_row_there():
    december, january = Month(2025, 12), Month(2026, 1)
    content = Published((issue(december, entry("hate-crime", december)),
                        issue(january, entry("asb", january))))
    shown = (content.issues[1],)
    assert [row.theme.label for row in rag_overview(content, None, shown).rows] == ["ASB"]



def test_a_draft_month_s_column_says_draft():
    """In a --drafts build a draft month's statuses stood beside the published ones,
    unlabelled (a reader's trial)."""
    december, january = Month(2025, 12), Month(2026, 1)
    draft = Issue(january, "Update", None, Status.DRAFT, None, (), (entry("asb", january),), (),
                  Origin("content/bulletins/2026-01/issue.yaml"))
    content = Published((issue(december, entry("asb", december)), draft))
    assert [m.label for m in rag_overview(content).months] == ["January 2026 (draft)",
                                                               "December 2025"]
