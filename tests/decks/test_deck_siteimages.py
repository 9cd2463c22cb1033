"""builder.decks.siteimages: a month's deck shows its own copies of the site's images."""
from __future__ import annotations

from pathlib import Path

from builder.decks.model import FileCopy, Slide
from builder.decks.siteimages import own_images

ROOT = Path("/site")
IMAGES = frozenset({"content/images/maps/knife map.png"})


def slide(html: str, notes: str | None = None) -> Slide:
    return Slide(html, notes, (), 0, None)


def test_an_image_at_a_site_address_is_shown_from_the_deck_s_own_copy():
    stacks = [(slide("<h2>Hate Crime</h2>",
                     '<p><img src="/images/maps/knife%20map.png" alt="Map"> and '
                     '<a href="/images/report.pdf">the report</a></p>'),),
              (slide('<p><img src="/images/maps/knife%20map.png" alt="Map"></p>'),)]
    kept, copies = own_images(stacks, ROOT, IMAGES)
    assert kept[0][0].notes == ('<p><img src="site-images/maps/knife%20map.png" alt="Map"> '
                                'and <a href="/images/report.pdf">the report</a></p>')
    assert kept[1][0].html == '<p><img src="site-images/maps/knife%20map.png" alt="Map"></p>'
    assert copies == (FileCopy("site-images/maps/knife map.png",
                               ROOT / "content/images/maps/knife map.png"),)


def test_an_address_that_is_no_image_of_the_site_is_left_for_the_link_check():
    """A copy of a missing image stopped the build with a traceback, and one written
    '/images/../../secret.txt' copied a file from outside content/images/ (a review)."""
    written = ('<p><img src="/images/nothere.png" alt="A"><img src="/images/../../secret.txt" '
               'alt="B"></p>')
    stacks = [(slide(written),)]
    kept, copies = own_images(stacks, ROOT, IMAGES)
    assert kept[0][0].html == written and copies == ()


def test_a_slide_without_the_site_s_images_is_kept_as_it_is():
    shown = slide('<p><img src="images/logo.png" alt=""></p>', None)
    kept, copies = own_images([(shown,)], ROOT, IMAGES)
    assert kept[0][0] is shown and copies == ()
