"""builder.model: the typed content model's own small behaviours."""
from __future__ import annotations

import calendar

import pytest

from builder.model import Month, Rag


@pytest.mark.parametrize("number", range(1, 13))
def test_month_labels_are_english_names(number):
    assert Month(2026, number).label == f"{calendar.month_name[number]} 2026"


def test_month_labels_do_not_follow_the_builders_locale(monkeypatch):
    """A council laptop set to Welsh or Polish must still publish 'January 2026'."""
    monkeypatch.setattr(calendar, "month_name", ["", "Ionawr"] + [""] * 11)
    assert Month(2026, 1).label == "January 2026"


def test_month_slugs_sort_as_months():
    assert Month(2026, 3).slug == "2026-03"
    assert sorted([Month(2026, 10), Month(2026, 2)]) == [Month(2026, 2), Month(2026, 10)]


def test_not_rated_ranks_below_red():
    assert Rag.NOT_RATED.rank < Rag.RED.rank < Rag.AMBER.rank < Rag.GREEN.rank


def test_a_month_pickles_the_same_whether_or_not_its_slug_was_read():
    """Cache keys are pickles (`cache.spelled`): a slug kept on the object must not
    change them, or every key would miss after the first read."""
    from builder.cache import spelled
    fresh, read = Month(2026, 5), Month(2026, 5)
    assert read.slug == "2026-05"
    assert spelled(fresh) == spelled(read)


def test_an_issues_neighbours_are_the_months_either_side_of_it():
    from builder.model import Content, Glossary, Issue, Origin, Status
    issues = tuple(Issue(Month(2026, m), f"Issue {m}", None, Status.PUBLISHED, None, (), (), (),
                         Origin("x")) for m in (1, 2, 4))
    content = Content(site=None, themes=(), glossary=Glossary((), ()), issues=issues,
                      plans=(), pages=(), images=())
    jan, feb, apr = issues
    assert content.neighbours(jan) == (None, feb)
    assert content.neighbours(feb) == (jan, apr)
    assert content.neighbours(apr) == (feb, None)
    # An issue asked about by month alone (a March that is not in the site) sits between.
    march = Issue(Month(2026, 3), "March", None, Status.PUBLISHED, None, (), (), (), Origin("x"))
    assert content.neighbours(march) == (feb, apr)


def test_issues_are_found_by_their_months_slug():
    from builder.model import Content, Glossary, Issue, Origin, Status
    issues = tuple(Issue(Month(2026, m), f"Issue {m}", None, Status.PUBLISHED, None, (), (), (),
                         Origin("x")) for m in (1, 2))
    content = Content(site=None, themes=(), glossary=Glossary((), ()), issues=issues,
                      plans=(), pages=(), images=())
    assert content.issues_of("2026-02") == (issues[1],)
    assert content.issues_of("2026-03") == ()
