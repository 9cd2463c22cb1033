"""builder.decks.pointfit: a slide's key points at 28 px, on as many slides as they take."""
from __future__ import annotations

from builder.decks import tablefit
from builder.decks.pointfit import (LABEL, LIST_MARGIN, point_height, point_pages,
                                    theme_points)

LONG = ("Officers from the neighbourhood team worked with the district council and housing "
        "providers to close three premises used by dealers, and visited forty residents.")
TITLE = "County lines work with partners across the three northern districts and the city"


def room_under(title: str, theme: str, long: bool) -> float:
    return (tablefit.SLIDE_HEIGHT - tablefit.heading_height(title, theme, long) - LABEL
            - LIST_MARGIN - tablefit.FOOT)


def test_points_that_fit_are_one_slide_under_the_sub_item_s_own_title():
    (page,) = point_pages("Patrols", ["Patrols rose.", "Two towns."], "white")
    assert (page.title, page.points, page.count, page.long_title) == (
        "Patrols", ("Patrols rose.", "Two towns."), 1, False)


def test_five_long_points_under_a_long_heading_run_on_evenly_in_order_each_inside_its_slide():
    """Five three-line points under a four-line heading ran 191 px off the foot of the
    slide at 1024x768, where a projector cuts them off with no sign."""
    points = [f"{LONG} Point {n}." for n in range(5)]
    for theme in ("white", "blood"):
        pages = point_pages(TITLE, points, theme)
        assert len(pages) > 1, theme
        assert [p.title for p in pages] == [f"{TITLE} ({n} of {len(pages)})"
                                            for n in range(1, len(pages) + 1)]
        assert [point for p in pages for point in p.points] == points   # each once, in order
        sizes = [len(p.points) for p in pages]
        assert max(sizes) - min(sizes) <= 1, (theme, sizes)            # shared out evenly
        for page in pages:
            used = sum(map(point_height, page.points))
            assert used <= room_under(page.title, theme, page.long_title), (theme, page)


def test_a_heading_of_more_than_three_lines_in_the_theme_s_size_is_set_smaller():
    """As a table's slide's (tablefit.heading_is_long): four lines of 67 px in white."""
    title = "Reporting and referrals in the summer months across the county"
    assert point_pages(title, ["Short."], "blood")[0].long_title   # blood's headings are 84 px
    assert not point_pages(title, ["Short."], "white")[0].long_title
    assert point_pages(TITLE, ["Short."], "white")[0].long_title


def test_no_points_make_one_slide_of_its_heading():
    assert point_pages("Patrols", [], "white")[0].points == ()


def test_a_theme_slide_keeps_every_point_that_fits():
    titles = ["Patrols", "Reporting", "Funding"]
    assert theme_points("Hate Crime", titles, "white", change=True, rag_note="",
                        more="and {} more topics") == titles


def test_a_theme_slide_of_many_sub_items_lists_those_that_fit_and_how_many_more_follow():
    titles = [f"Sub-item {n} of the month's update on patrols and reporting" for n in range(14)]
    shown = theme_points("Community Safety & ASB", titles, "white", change=True,
                         rag_note="Rated by the partnership board.", more="and {} more topics")
    kept = shown[:-1]
    assert 1 <= len(kept) < len(titles) and kept == titles[:len(kept)]
    assert shown[-1] == f"and {len(titles) - len(kept)} more topics"


def test_a_theme_slide_s_key_points_that_do_not_fit_are_left_to_the_notes_unsaid():
    points = [LONG * 2] * 3
    shown = theme_points("Drugs, Alcohol and Criminal Justice", points, "blood", change=True,
                         rag_note=LONG, more=None)
    assert 1 <= len(shown) < 3 and all(p == LONG * 2 for p in shown)
