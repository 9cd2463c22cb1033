"""builder.decks.siteimages: a month's deck shows its own copies of the site's images."""
from __future__ import annotations

from pathlib import Path

from builder.decks.model import FileCopy, Slide
from builder.decks.siteimages import own_images


def slide(html: str, notes: str | None = None) -> Slide:
    return Slide(html, notes, (), 0, None)


def test_an_image_at_a_site_address_is_shown_from_the_deck_s_own_copy():
    images = Path("/site/content/images")
    stacks = [(slide("<h2>Hate Crime</h2>",
                     '<p><img src="/images/maps/knife%20map.png" alt="Map"> and '
                     '<a href="/images/report.pdf">the report</a></p>'),),
              (slide('<p><img src="/images/maps/knife%20map.png" alt="Map"></p>'),)]
    kept, copies = own_images(stacks, images)
    assert kept[0][0].notes == ('<p><img src="site-images/maps/knife%20map.png" alt="Map"> '
                                'and <a href="/images/report.pdf">the report</a></p>')
    assert kept[1][0].html == '<p><img src="site-images/maps/knife%20map.png" alt="Map"></p>'
    assert copies == (FileCopy("site-images/maps/knife map.png", images / "maps/knife map.png"),)


def test_a_deck_without_the_site_s_images_is_left_as_it_was():
    stacks = [(slide('<p><img src="images/logo.png" alt=""></p>', None),)]
    assert own_images(stacks, Path("/x")) == (stacks, ())
