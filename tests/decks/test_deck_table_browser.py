"""A month's data table in Chromium at 1024x768, a projector's size: type the room can
read, and every slide of a table that runs on inside its 960 x 700 slide, in every
theme (builder.decks.tablepages decides the slides from tablefit's estimates, which
this holds to what Chromium draws). Screenshots for a person to look at:
/tmp/bulletin-shots/deck-table-*.png."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.decks.model import THEMES

from .projector import PROJECTOR, SMALLEST_PX, laid_out, shoot, themed_deck
from .test_deck_browser import ready

pytestmark = pytest.mark.browser
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
# Each table slide as Chromium lays it out, in the slide's own pixels but for `screenPx`.
TABLE_SLIDES = """() => Reveal.getSlides().filter(s => s.querySelector('.deck-table')).map(s => {
    const i = Reveal.getIndices(s); Reveal.slide(i.h, i.v || 0);
    const scale = Reveal.getScale(), table = s.querySelector('.deck-table');
    return {heading: s.querySelector('h2').textContent,
            screenPx: Math.min(...[...table.querySelectorAll('th, td')].map(
                c => parseFloat(getComputedStyle(c).fontSize))) * scale,
            tall: s.scrollHeight, wide: table.getBoundingClientRect().width / scale,
            headers: table.querySelectorAll('thead th[scope=col]').length,
            rows: [...table.querySelectorAll('tbody th[scope=row]')].map(c => c.textContent),
            total: table.querySelector('tfoot') !== null};})"""


def table_slides(browser, url: str) -> list[dict]:
    return laid_out(browser, url, TABLE_SLIDES)


def test_the_shipped_table_is_read_across_the_room_on_two_slides_inside_the_slide(
        browser, shipped_site):
    """0.42em was 17 px on a 1024x768 projector (a council officer's trial). At 26 px the
    February drug tests run on to a second slide: header row on each, total on the last."""
    url = (shipped_site / "decks" / "2026-02" / "index.html").as_uri()
    first, second = table_slides(browser, url)
    title = "Drug tests by Community Safety Partnership"
    assert [first["heading"], second["heading"]] == [f"{title} (1 of 2)", f"{title} (2 of 2)"]
    for slide in (first, second):
        assert slide["screenPx"] >= SMALLEST_PX, slide   # 25.2: 26 px at reveal.js's 0.97
        assert slide["tall"] <= 700 and slide["wide"] <= 960, slide
        assert slide["headers"] == 5, slide
    assert [first["total"], second["total"]] == [False, True]
    assert len(first["rows"] + second["rows"]) == 12 and first["rows"][0] == "Broxbourne"
    assert second["rows"][-1] == "Out of County"
    for slide in (first, second):
        shoot(browser, url, slide["heading"],
              f"deck-table-{slide['heading'][-7:-1].replace(' ', '-')}.png")


def test_the_shipped_table_on_one_slide_at_that_size_would_run_off_its_foot(
        browser, shipped_site):
    """Why it runs on: its first slide's rows put back on the second, the total's, run
    past the slide's 700 px, where reveal.js cuts them off with no sign."""
    page = browser.new_page(viewport=PROJECTOR)
    ready(page, (shipped_site / "decks" / "2026-02" / "index.html").as_uri())
    tall = page.evaluate("""() => { const [a, b] = Reveal.getSlides().filter(
        s => s.querySelector('.deck-table'));
        const i = Reveal.getIndices(b); Reveal.slide(i.h, i.v || 0);
        b.querySelector('tbody').prepend(...a.querySelectorAll('tbody tr'));
        return b.scrollHeight; }""")
    assert tall > 700
    page.close()


def _write_tables(root: Path) -> None:
    """Three tables in January's Community Safety entry: a long one under a long title,
    one whose text wraps, and one a month a column (too wide for one slide)."""
    entry = root / "content/bulletins/2026-01/community-safety-asb.md"
    entry.write_text(entry.read_text("utf-8").replace("tables: [patrols]",
                     "tables: [patrols, wordy, months]").replace(
        "[table: patrols]", "[table: patrols]\n\n[table: wordy]\n\n[table: months]"), "utf-8")
    folder = entry.parent
    rows = "".join(f"  - [Neighbourhood policing area {n}, {n * 7}]\n" for n in range(30))
    total = sum(n * 7 for n in range(30))
    (folder / "patrols.yaml").write_text(
        "title: Anti-social behaviour patrols by neighbourhood policing area this month\n"
        "columns:\n  - {key: area, label: Area, type: text}\n"
        "  - {key: patrols, label: Patrols, type: number}\n"
        f"rows:\n{rows}total: [Total, {total}]\n"
        "total_note: Two patrols are counted in two areas each.\n", "utf-8")
    said = "Patrols met residents at the community centre and walked the estate twice"
    (folder / "wordy.yaml").write_text(
        "title: What the patrols did\ncolumns:\n  - {key: area, label: Area, type: text}\n"
        "  - {key: what, label: What happened, type: text}\n"
        "  - {key: count, label: Visits, type: number}\n"
        "rows:\n" + "".join(f"  - [Area {n}, {said}, {n}]\n" for n in range(10)), "utf-8")
    columns = "".join(f"  - {{key: m{n}, label: {m}, type: number}}\n"
                      for n, m in enumerate(MONTHS))
    (folder / "months.yaml").write_text(
        "title: Patrols by month\ncolumns:\n  - {key: area, label: Area, type: text}\n"
        f"{columns}rows:\n" + "".join(f"  - [Area {n}, {', '.join(['1200'] * 12)}]\n"
                                      for n in range(6))
        + f"total: [Total, {', '.join(['7200'] * 12)}]\n", "utf-8")


@pytest.fixture(scope="module", params=THEMES)
def themed(request, tmp_path_factory, sass_cache) -> tuple[str, Path]:
    """January's deck of the minimal site with `_write_tables`' tables, in each theme."""
    folder = tmp_path_factory.mktemp(f"tables-{request.param}")
    return request.param, themed_deck(folder, sass_cache, request.param, _write_tables)


def test_every_slide_of_a_long_wrapped_or_wide_table_fits_its_slide_in_every_theme(
        browser, themed):
    theme, deck = themed
    slides = table_slides(browser, deck.as_uri())
    for slide in slides:
        assert slide["screenPx"] >= SMALLEST_PX, (theme, slide)
        assert slide["tall"] <= 700, (theme, slide)
        assert slide["wide"] <= 960, (theme, slide)
    runs = {title: [s for s in slides if s["heading"].startswith(title)]
            for title in ("Anti-social", "What the patrols", "Patrols by month")}
    assert len(runs["Anti-social"]) > 1 and len(runs["Patrols by month"]) > 1
    assert [s["total"] for s in runs["Anti-social"]][-2:] == [False, True]
    rows = [row for s in runs["Anti-social"] for row in s["rows"]]
    assert rows == [f"Neighbourhood policing area {n}" for n in range(30)], theme
    assert sum(s["headers"] - 1 for s in runs["Patrols by month"]) == 12   # each month once
    if theme in ("white", "blood"):   # the shipped theme, and the largest headings
        for slide in (runs["Anti-social"][-1], runs["What the patrols"][0],
                      runs["Patrols by month"][0]):
            shoot(browser, deck.as_uri(), slide["heading"],
                  f"deck-table-{theme}-{slide['heading'].split()[0].lower()}-"
                  + slide["heading"][-7:-1].replace(" ", "-") + ".png")
