"""builder.serve.overlay: what the preview adds to the pages it serves."""
from __future__ import annotations

from builder.errors import error, warning
from builder.serve.overlay import holding_page, overlay

PROBLEMS = (warning("content/a.yaml", 8, "a total is out"),
            error("content/b.md", 2, "'rag: amberish' is not allowed"))


def test_errors_are_listed_before_warnings():
    """The one error came last, under warnings left by 'bulletin new' (an editor's trial)."""
    html = overlay(PROBLEMS)
    assert html.index("content/b.md:2") < html.index("content/a.yaml:8")


def test_the_box_over_a_page_says_the_last_good_version_is_behind_it():
    assert "Behind this box is the last version that built." in overlay(PROBLEMS)


def test_the_first_build_s_page_does_not_speak_of_a_version_behind_it():
    """It said 'Behind this box is the last version that built' when nothing had."""
    page = holding_page(PROBLEMS, "g1").decode("utf-8")
    assert "Behind this box" not in page and "Nothing has built yet" in page
