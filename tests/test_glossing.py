"""builder.glossing: the first use of each abbreviation and defined term on a page is explained."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from builder import glossing
from builder.glossing import FEW_LITERALS, Glosser, _FirstLiteral, relativise
from builder.model import Abbreviation, Glossary, Markdown, Origin, Term

TOOL_ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "minimal"

GLOSSARY = Glossary(
    abbreviations=(Abbreviation("ASB", "anti-social behaviour", None),
                   Abbreviation("CSP", "Community Safety Partnership", None),
                   Abbreviation("DMM", None, "The sources do not expand DMM."),
                   Abbreviation("YAP", 'Young "Action" <Plan> & more', None)),
    terms=(Term("county lines", "county-lines", Markdown("Drug networks.", Origin("g", 1)), None),
           Term("cuckooing", "cuckooing", Markdown("Taking over a home.", Origin("g", 1)), None)),
)
ASB = '<abbr title="anti-social behaviour">ASB</abbr>'
COUNTY_LINES = '<a class="govuk-link bulletin-term" href="/glossary/#county-lines">{}</a>'
HEAD = ("<!DOCTYPE html><html><head><title>ASB and county lines</title></head><body>"
        '<header><a href="/">ASB</a> CSP county lines</header><nav>ASB</nav>')
FOOT = "<footer>ASB, CSP, county lines, cuckooing</footer></body></html>"


def page(main: str) -> str:
    return f'{HEAD}<main id="main-content">{main}</main>{FOOT}'


def main_of(html: str) -> str:
    return re.search(r"<main[^>]*>(.*)</main>", html, re.S).group(1)


@pytest.fixture(scope="module")
def glosser() -> Glosser:
    return Glosser.of(GLOSSARY)


def test_first_use_of_an_abbreviation_gets_abbr_with_its_expansion_and_later_uses_do_not(glosser):
    out = main_of(glosser.apply(page("<p>ASB fell.</p><p>ASB rose; ASB again.</p>")))
    assert out == f"<p>{ASB} fell.</p><p>ASB rose; ASB again.</p>"


def test_each_abbreviation_is_explained_once_on_its_own(glosser):
    out = main_of(glosser.apply(page("<p>CSP and ASB.</p><p>ASB and CSP.</p>")))
    assert out.count("<abbr") == 2
    assert out.startswith('<p><abbr title="Community Safety Partnership">CSP</abbr> and '
                          f"{ASB}.</p>")


def test_abbreviation_without_a_known_expansion_is_left_plain(glosser):
    assert main_of(glosser.apply(page("<p>The DMM met.</p>"))) == "<p>The DMM met.</p>"


def test_expansion_is_escaped_in_the_title_attribute(glosser):
    out = main_of(glosser.apply(page("<p>YAP work.</p>")))
    assert out == ('<p><abbr title="Young &quot;Action&quot; &lt;Plan&gt; &amp; more">YAP</abbr> '
                   "work.</p>")


@pytest.mark.parametrize("inside", [
    '<a href="/x/">ASB</a>',
    '<h1 class="govuk-heading-xl">ASB <span>ASB</span></h1>',
    "<code>ASB</code>",
    "<pre>ASB\nASB</pre>",
    '<abbr title="already explained">ASB</abbr>',
    '<table><caption>ASB</caption><tr><th scope="col">ASB</th></tr></table>',
    '<svg><title>ASB</title><text>ASB</text></svg>',
    "<script>var ASB = 1;</script>",
])
def test_no_abbr_inside_links_h1_code_existing_abbr_or_non_prose(glosser, inside):
    out = main_of(glosser.apply(page(f"{inside}<p>Then ASB.</p>")))
    assert out == f"{inside}<p>Then {ASB}.</p>"


def test_no_glossary_link_or_abbr_inside_a_summary(glosser):
    """A plan's "Earlier updates" came to be named for its action, and an action about
    county lines put the term's link inside the <summary>: a control inside a control,
    which screen readers cannot reach (axe's nested-interactive)."""
    summary = "<details><summary>Earlier updates<span> for: ASB and county lines</span></summary>"
    out = main_of(glosser.apply(page(f"{summary}<p>ASB and county lines.</p></details>")))
    assert out == (f"{summary}<p>{ASB} and " + COUNTY_LINES.format("county lines") + ".</p></details>")


def test_skipped_regions_end_where_their_element_ends(glosser):
    out = main_of(glosser.apply(page('<p><a href="/x/">link <b>ASB</b></a> ASB <br> CSP</p>')))
    assert out == ('<p><a href="/x/">link <b>ASB</b></a> ' + ASB +
                   ' <br> <abbr title="Community Safety Partnership">CSP</abbr></p>')


@pytest.mark.parametrize("text", ["ASBAG", "CASB", "ASB2", "ASB_x", "asb", "ASB-led", "the-ASB"])
def test_abbreviations_match_whole_words_only(glosser, text):
    assert main_of(glosser.apply(page(f"<p>{text}</p>"))) == f"<p>{text}</p>"


@pytest.mark.parametrize("text", ["ASB.", "(ASB)", "ASB, then", "“ASB”", "ASB's"])
def test_abbreviations_next_to_punctuation_are_matched(glosser, text):
    assert ASB in glosser.apply(page(f"<p>{text}</p>"))


def test_defined_term_links_to_its_glossary_entry_once_per_page_whatever_its_case(glosser):
    out = main_of(glosser.apply(page("<p>County Lines grew.</p><p>county lines, COUNTY LINES.</p>")))
    assert out == ("<p>" + COUNTY_LINES.format("County Lines") + " grew.</p>"
                   "<p>county lines, COUNTY LINES.</p>")


def test_terms_match_whole_words_only(glosser):
    out = main_of(glosser.apply(page("<p>Mycounty lines and county linesman.</p>")))
    assert "bulletin-term" not in out


def test_each_term_links_once_independently(glosser):
    out = main_of(glosser.apply(page("<p>Cuckooing and county lines.</p><p>cuckooing</p>")))
    assert out.count("bulletin-term") == 2
    assert '<a class="govuk-link bulletin-term" href="/glossary/#cuckooing">Cuckooing</a>' in out


def test_terms_are_not_linked_inside_links_or_h1(glosser):
    out = main_of(glosser.apply(page('<h1>County lines</h1><p><a href="/y/">county lines</a></p>'
                                     "<p>county lines</p>")))
    assert out == ('<h1>County lines</h1><p><a href="/y/">county lines</a></p>'
                   "<p>" + COUNTY_LINES.format("county lines") + "</p>")


def test_terms_are_not_linked_when_the_page_asks_not_to(glosser):
    out = main_of(glosser.apply(page("<p>county lines and ASB</p>"), link_terms=False))
    assert out == f"<p>county lines and {ASB}</p>"


def test_text_outside_main_is_untouched(glosser):
    html = page("<p>ASB, CSP, county lines, cuckooing.</p>")
    out = glosser.apply(html)
    assert out.startswith(HEAD + '<main id="main-content">') and out.endswith("</main>" + FOOT)
    assert out != html


def test_a_page_without_main_is_returned_as_it_was(glosser):
    html = "<html><body><p>ASB and county lines</p></body></html>"
    assert glosser.apply(html) == html


def test_an_empty_glossary_changes_nothing():
    html = page("<p>ASB and county lines</p>")
    assert Glosser.of(Glossary((), ())).apply(html) == html


# --- On a built page -------------------------------------------------------------------------

def test_built_issue_page_explains_each_abbreviation_and_term_once(site, capsys):
    assert site.build(capsys=capsys).code == 0
    html = site.page("bulletins/2026-01/index.html")
    main = main_of(html)
    assert main.count(ASB) == 1
    assert main.count('<abbr title="Community Safety Partnership">CSP</abbr>') == 1
    assert len(re.findall(r'href="[^"]*glossary/index\.html#county-lines"', main)) == 1
    assert "<abbr" not in html.split("<main", 1)[0]  # the header and <title> are left alone
    # The glossary itself explains abbreviations but does not link terms to themselves.
    glossary = main_of(site.page("glossary/index.html"))
    assert "bulletin-term" not in glossary


@pytest.mark.parametrize("text", [
    "A&EX, A&E. CSPs CSPB xCSP CSP-led (CSP) County Lines COUNTY LINES",
    "no glossary words at all here",
    "A&E&E A&EE&E CSPBCSP CSP",
    "Cuckooing, cuckooings, ſerious violence, serious violence",
    # Characters re.IGNORECASE takes for ASCII letters: the Kelvin sign and the
    # dotless i, and a dotted İ, which lowers to two characters.
    "CUC\u212aOOING and cuckoo\u0131ng, county lines",
    "\u0130stanbul, then COUNTY Lines and cuckooing",
    "\u00c9t\u00e9, caf\u00e9 \u2013 Cuckooing \u2019county lines\u2019",
])
def test_fast_finders_give_the_matches_the_full_pattern_does(text):
    glosser = Glosser.of(Glossary(
        abbreviations=tuple(Abbreviation(a, "x", None) for a in ("A&E", "E", "CSP", "CSPB")),
        terms=GLOSSARY.terms + (Term("serious violence", "sv", Markdown("x", Origin("g", 1)),
                                     None),)))
    spans = [m.span() for m in glosser._matches(text)]
    assert spans == [m.span() for m in glosser.pattern.finditer(text)]


@pytest.mark.parametrize("extra_terms", [0, FEW_LITERALS])
def test_term_finders_few_or_many_give_the_matches_the_full_pattern_does(extra_terms):
    # Up to FEW_LITERALS terms are found with str.find per term, more with one regex.
    terms = GLOSSARY.terms + tuple(Term(f"made-up term {n}", f"t{n}", Markdown("x", Origin("g", 1)),
                                        None) for n in range(extra_terms))
    glosser = Glosser.of(Glossary(abbreviations=(), terms=terms))
    assert bool(glosser.finders[-1].literals) == (len(terms) <= FEW_LITERALS)
    text = ("county lines, made-up term 3 and County Lines; cuckooing then made-up term 30 "
            "<td class=\"county lines\">county linescuckooing made-up term 1</td>") * 3
    spans = [m.span() for m in glosser._matches(text)]
    assert spans == [m.span() for m in glosser.pattern.finditer(text)]
    assert len(spans) >= 9


def test_first_literal_is_where_the_alternation_would_first_match_from_any_position():
    literals = ("county lines", "county", "lines", "es")
    text = "a county lines; countylines, lineses county"
    first = _FirstLiteral(text, literals)
    alternation = re.compile("|".join(map(re.escape, literals)))
    for pos in range(len(text) + 2):  # rising, as Glosser._matches asks
        found = alternation.search(text, pos)
        assert first(pos) == (None if found is None else found.start()), pos


def test_only_href_src_and_action_after_a_space_are_made_relative():
    html = ('<a href="/x/">a</a><img\nsrc="/i.png"><form action="/s/"></form>'
            '<p data-x="/x/" xhref="/x/">"/x/"</p><a href="//host/">h</a><a href="/">home</a>')
    assert relativise(html, "/bulletins/2026-01/") == (
        '<a href="../../x/index.html">a</a><img\nsrc="../../i.png"><form action="../../s/index.html">'
        '</form><p data-x="/x/" xhref="/x/">"/x/"</p><a href="//host/">h</a>'
        '<a href="../../index.html">home</a>')


def _skipped_following_every_tag(region: str, place: int) -> bool:
    """The first way of telling: follow each of `_TAG`'s matches up to `place`."""
    depth: list[str] = []
    for tag in glossing._TAG.finditer(region):
        if tag.end() > place:
            return bool(depth) or tag.start() < place
        glossing._track(tag.group(0), depth)
    return bool(depth)


def test_the_skip_tracker_agrees_with_following_every_tag():
    """_SkipTracker jumps between the openings of skipped elements."""
    pieces = ['<a href="x">', "</a>", "<p>", "</p>", "<th>", "</th>", "<td>", "<abbr>", "</abbr>",
              "<A>", "< a>", "<a/>", "<br>", "<!-- c -->", "<code>", "</code>", '<span title="<a">',
              "</span>", "<h2>", "</h2>", "<", ">", "<ab", "<abbrx>", "</ABBR>", "<\tth>",
              "<thead>", "text ", "a<b "]
    rng = random.Random(20261122)
    for _ in range(3000):
        region = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        tracker = glossing._SkipTracker(region)
        for place in sorted(rng.sample(range(len(region) + 1), min(6, len(region) + 1))):
            assert tracker.skipped_at(place) == _skipped_following_every_tag(region, place), (
                region, place)


def _walk_without_shortcuts(glosser: Glosser, region: str, link_terms: bool) -> str:
    """`Glosser._walk` as it reads: every match of the full pattern, and every tag followed."""
    seen, out, pos = set(), [], 0
    for match in glosser.pattern.finditer(region):
        key = glosser._key(match, seen, link_terms)
        if key is None or _skipped_following_every_tag(region, match.start()):
            continue
        seen.add(key)
        out += [region[pos:match.start()], glosser._mark(match)]
        pos = match.end()
    return "".join(out + [region[pos:]])


@pytest.mark.parametrize("text", [
    "A&EX, A&E. CSPs CSPB xCSP CSP-led (CSP) County Lines COUNTY LINES CSPB CSP A&E E",
    "A&E&E A&EE&E CSPBCSP CSP CSPB CSPBCSP E",
    "<h3>CSP <em>E</em></h3> CSPB <a href='#'>A&E</a> then A&E <th>E <em>x</em></th> E "
    "<TH>CSP</TH> CSP <table><thead><tr><th>CSP</th></tr></thead></table> CSP county lines",
    "<th>CSP</thead> CSP</th> CSP <h3 id=\"a\">CSP</h3 > CSP <code>E</code> E <br/> cuckooing",
    "A&E, then A&Ex",    # where a seen A&E is followed by a letter, A is marked
    "S E, S E and E",    # E inside a seen S E is not
])
def test_skipping_seen_abbreviations_and_closing_tags_quickly_changes_no_mark(text):
    glosser = Glosser.of(Glossary(
        abbreviations=tuple(Abbreviation(a, "x", None)
                            for a in ("A&E", "A", "E", "S E", "CSP", "CSPB")),
        terms=GLOSSARY.terms))
    for link_terms in (True, False):
        assert glosser._walk(text, set(), link_terms) == _walk_without_shortcuts(
            glosser, text, link_terms)
