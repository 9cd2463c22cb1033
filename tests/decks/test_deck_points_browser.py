"""A month's deck's key points in Chromium at 1024x768, a projector's size: 28 px type,
and every slide of points inside its 960 x 700 slide in every theme, where a sub-item's
points run on and a theme of many sub-items lists what fits (builder.decks.pointfit
decides the slides from estimates, which this holds to what Chromium draws).
Screenshots for a person to look at: /tmp/bulletin-shots/deck-points-*.png."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.decks.model import THEMES

from .projector import SMALLEST_PX, laid_out, shoot, themed_deck

pytestmark = pytest.mark.browser
LONG = ("Officers from the neighbourhood team worked with the district council and housing "
        "providers to close three premises used by dealers, and visited forty residents")
HEADING = "County lines work with partners across the three northern districts and the city"
POINTS = [f"{LONG} (point {n})." for n in range(5)]
TOPICS = ["Reporting"] + [f"Reporting topic {n}" for n in range(1, 14)]   # #reporting is linked to
# Each slide with key points as Chromium lays it out, in the slide's own pixels but for
# `screenPx`.
POINT_SLIDES = """() => Reveal.getSlides().filter(s => s.querySelector('ul.deck-points')).map(s => {
    const i = Reveal.getIndices(s); Reveal.slide(i.h, i.v || 0);
    const items = [...s.querySelectorAll('ul.deck-points li')];
    return {heading: s.querySelector('h2').textContent, tall: s.scrollHeight,
            screenPx: Math.min(...items.map(li => parseFloat(getComputedStyle(li).fontSize)))
                      * Reveal.getScale(),
            points: items.map(li => li.textContent)};})"""


def _write_points(root: Path) -> None:
    """January's Community Safety sub-item with five long points under a long heading, and
    Hate Crime with fourteen sub-items (its theme slide lists their titles)."""
    folder = root / "content/bulletins/2026-01"
    entry = folder / "community-safety-asb.md"
    entry.write_text(entry.read_text("utf-8").replace(
        "## County lines work\n\nWork on county lines continued.",
        f"## {HEADING}\n\n" + "\n".join(f"- {point}" for point in POINTS)), "utf-8")
    (folder / "hate-crime.md").write_text("---\nrag: green\n---\n" + "".join(
        f"## {topic}\n\nThird-party reporting centres opened.\n\n" for topic in TOPICS), "utf-8")


@pytest.fixture(scope="module", params=THEMES)
def themed(request, tmp_path_factory, sass_cache) -> tuple[str, Path]:
    folder = tmp_path_factory.mktemp(f"points-{request.param}")
    return request.param, themed_deck(folder, sass_cache, request.param, _write_points)


def test_every_slide_of_points_is_read_across_the_room_inside_its_slide_in_every_theme(
        browser, themed):
    theme, deck = themed
    slides = laid_out(browser, deck.as_uri(), POINT_SLIDES)
    for slide in slides:
        assert slide["tall"] <= 700, (theme, slide)
        assert slide["screenPx"] >= SMALLEST_PX, (theme, slide)
    run = [s for s in slides if s["heading"].startswith(HEADING)]
    assert len(run) > 1 and run[0]["heading"].endswith(f"(1 of {len(run)})"), (theme, run)
    assert [point for s in run for point in s["points"]] == POINTS, theme   # each once
    (topics,) = [s["points"] for s in slides if s["heading"] == "Hate Crime"]
    assert topics[:-1] == TOPICS[:len(topics) - 1], theme
    assert topics[-1] == f"and {len(TOPICS) - len(topics) + 1} more topics", theme
    if theme in ("white", "blood"):   # the shipped theme, and the largest headings
        for heading in (run[0]["heading"], "Hate Crime"):
            shoot(browser, deck.as_uri(), heading,
                  f"deck-points-{theme}-{heading.split()[0].lower()}.png")

