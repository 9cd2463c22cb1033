"""builder.decks.drawn: a site build that spills its pages draws each month's deck page
as the deck is made, and keeps its summary, not its slides."""
from __future__ import annotations

import hashlib

import pytest

from builder import pipeline
from builder.blobs import BlobStore, Spill, Stored
from builder.content import read_content
from builder.decks.config import read_config
from builder.decks import subitems
from builder.decks.drawn import DrawnDeck, drawn, made_from
from builder.decks.monthly import monthly_decks
from builder.decks.site import PageDrawer
from builder.decks.summary import summarise
from builder.fragments import render_fragments
from builder.pipeline import TOOL_ROOT, BuildOptions, build
from builder.templating import make_environment


def decks_of(root, draw_with=None):
    content, problems = read_content(root)
    fragments = render_fragments(content)
    config = read_config(root, tuple(t.slug for t in content.themes), problems)
    env = make_environment(root, TOOL_ROOT)
    draw = draw_with(env, content) if draw_with else None
    return monthly_decks(root, content, fragments, config, env, problems, jobs=2,
                         draw=draw), env, content


@pytest.mark.usefixtures("small_batches_use_the_pool")
def test_a_drawn_deck_is_its_summary_and_the_page_its_slides_make(minimal_or_generated,
                                                                   tmp_path):
    store = BlobStore(tmp_path / "blobs")
    subitems._remembered_split.cache_clear()
    drawn_decks, *_ = decks_of(minimal_or_generated, lambda env, content: PageDrawer(
        env, TOOL_ROOT / "node_modules", content.site.language, content.site.title, Spill(store)))
    assert subitems._remembered_split.cache_info().currsize == 0   # drawn for one build only
    made, env, content = decks_of(minimal_or_generated)
    assert made and len(drawn_decks) == len(made)
    in_memory = PageDrawer(env, TOOL_ROOT / "node_modules", content.site.language,
                           content.site.title)
    for deck, kept in zip(made, drawn_decks):
        assert isinstance(kept, DrawnDeck) and kept.summary == summarise(deck)
        assert (kept.slug, kept.slide_count, kept.has_code) == (deck.slug, deck.slide_count,
                                                                deck.has_code)
        assert isinstance(kept.page.body, Stored)
        assert (kept.page.url, kept.page.data) == (in_memory(deck).url, in_memory(deck).body)
        with pytest.raises(AttributeError):
            kept.stacks   # the slides are gone: only the page they made is kept


def test_without_a_draw_a_deck_is_kept_whole_and_keyed_either_way(site):
    (deck,), *_ = decks_of(site.root)
    assert drawn(deck, None) is deck
    assert made_from(deck, "k").made_from == "k" and made_from(deck, "k").stacks == deck.stacks
    page = object()
    kept = made_from(drawn(deck, lambda d: page), "k")
    assert (kept.made_from, kept.page, summarise(kept).made_from) == ("k", page, "k")


@pytest.mark.parametrize("cached", [False, True])
def test_a_build_that_spills_pages_holds_no_generated_deck_s_slides(site, monkeypatch, cached):
    from builder.diskcache import persistent_cache
    handed = []
    real = pipeline.deck_outputs

    def watched(decks, *args, **kwargs):
        handed.extend(decks)
        return real(decks, *args, **kwargs)

    monkeypatch.setattr(pipeline, "deck_outputs", watched)
    build(BuildOptions(site.root, site.root / "site", search=False),
          cache=persistent_cache(site.root) if cached else None)
    generated = [d for d in handed if d.generated]
    assert generated and all(isinstance(d, DrawnDeck) for d in generated)
    page = (site.root / "site" / "decks" / generated[0].slug / "index.html").read_bytes()
    assert hashlib.sha256(page).hexdigest() == generated[0].page.body.sha  # its store is gone
