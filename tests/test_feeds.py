"""builder.feeds: the Atom feed, sitemap.xml and robots.txt, read as a machine reads them."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest


TOOL_ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "minimal"
BASE = "https://bulletin.testshire.gov.uk/test-bulletin/"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def add_issue(site, month: str, *, status: str = "published", published: str | None = None,
              rag: str = "red") -> None:
    day = f"published: {published}\n" if published else ""
    site.write(f"content/bulletins/{month}/issue.yaml",
               f"title: Monthly Update\nmonth: {month}\n{day}status: {status}\n")
    site.write(f"content/bulletins/{month}/hate-crime.md", f"---\nrag: {rag}\n---\nText.\n")
    site.write(f"content/bulletins/{month}/community-safety-asb.md", "---\nno_update: true\n---\n")


@pytest.fixture
def built(site, capsys):
    add_issue(site, "2025-11", rag="amber")  # no published date: the month's first day is used
    run = site.build(capsys=capsys)
    assert run.code == 0, run.err
    return site


def feed(site) -> ET.Element:
    return ET.fromstring((site.out / "feed.xml").read_bytes())


def links(element: ET.Element) -> dict[str, str]:
    return {link.get("rel", "alternate"): link.get("href") for link in element.findall(f"{ATOM}link")}


def test_feed_is_atom_with_the_required_feed_elements(built):
    root = feed(built)
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}id") == BASE
    assert root.findtext(f"{ATOM}title") == "Test Bulletin"
    assert RFC3339.fullmatch(root.findtext(f"{ATOM}updated"))
    assert root.findtext(f"{ATOM}updated") == "2026-01-20T00:00:00Z"  # the newest issue
    assert links(root) == {"alternate": BASE, "self": BASE + "feed.xml"}
    assert root.findtext(f"{ATOM}author/{ATOM}name") == "Test Community Safety Unit"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en-GB"


def test_each_feed_entry_has_id_title_updated_and_an_absolute_link_newest_first(built):
    entries = feed(built).findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Monthly Update: January 2026", "Monthly Update: November 2025"]
    for entry, month in zip(entries, ["2026-01", "2025-11"]):
        url = f"{BASE}bulletins/{month}/"
        assert entry.findtext(f"{ATOM}id") == url
        assert links(entry) == {"alternate": url}
        assert RFC3339.fullmatch(entry.findtext(f"{ATOM}updated"))
        assert RFC3339.fullmatch(entry.findtext(f"{ATOM}published"))
    assert entries[1].findtext(f"{ATOM}updated") == "2025-11-01T00:00:00Z"
    summary = entries[0].find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert summary.text == "<ul><li>Community Safety &amp; ASB: Amber</li><li>Hate Crime: Green</li></ul>"


def test_a_corrected_issue_is_updated_in_the_feed_on_its_correction_s_day(site, capsys):
    """An editor's trial: after a correction the feed's dates stayed the issue's first, so
    no feed reader showed the corrected issue again."""
    add_issue(site, "2025-11", rag="amber")
    site.write("content/bulletins/2025-11/hate-crime.md",
               "---\nrag: amber\ncorrections:\n  - date: 2026-02-03\n    note: The status was "
               "given as red; it is amber.\n---\nText.\n")
    assert site.build(capsys=capsys).code == 0
    root = feed(site)
    november = root.findall(f"{ATOM}entry")[1]
    assert november.findtext(f"{ATOM}published") == "2025-11-01T00:00:00Z"
    assert november.findtext(f"{ATOM}updated") == "2026-02-03T00:00:00Z"
    assert root.findtext(f"{ATOM}updated") == "2026-02-03T00:00:00Z"


def test_every_url_in_the_feed_is_absolute_under_base_url(built):
    raw = (built.out / "feed.xml").read_text(encoding="utf-8")
    for url in re.findall(r'href="([^"]*)"', raw) + re.findall(r"<id>([^<]*)</id>", raw):
        assert url.startswith(BASE), url


def test_feed_stays_well_formed_with_markup_characters_in_the_content(site, capsys):
    site.write("content/site.yaml", site.read("content/site.yaml")
               .replace("title: Test Bulletin", 'title: "Safety & <Community> \\"Bulletin\\""'))
    site.write("content/bulletins/2026-01/issue.yaml",
               site.read("content/bulletins/2026-01/issue.yaml")
               .replace("title: Monthly Update", "title: Update & <news>"))
    assert site.build(capsys=capsys).code == 0
    root = feed(site)
    assert root.findtext(f"{ATOM}title") == 'Safety & <Community> "Bulletin"'
    assert root.find(f"{ATOM}entry").findtext(f"{ATOM}title") == "Update & <news>: January 2026"


def test_drafts_stay_out_of_the_feed(site, capsys):
    add_issue(site, "2026-02", status="draft", published="2026-02-20")
    assert site.build("--drafts", capsys=capsys).code == 0
    assert (site.out / "bulletins/2026-02/index.html").exists()  # the draft page is built ...
    root = feed(site)                                              # ... but not announced
    assert [e.findtext(f"{ATOM}id") for e in root.findall(f"{ATOM}entry")] == [
        BASE + "bulletins/2026-01/"]
    assert root.findtext(f"{ATOM}updated") == "2026-01-20T00:00:00Z"


def test_a_draft_month_s_page_and_deck_stay_out_of_the_sitemap(site, capsys):
    """The draft's page was left out, but its deck was listed for search engines."""
    add_issue(site, "2026-02", status="draft", published="2026-02-20")
    assert site.build("--drafts", capsys=capsys).code == 0
    assert (site.out / "decks/2026-02/index.html").exists()
    listed = site.page("sitemap.xml")
    assert BASE + "decks/2026-01/" in listed and BASE + "bulletins/2026-01/" in listed
    assert "2026-02" not in listed


def test_feed_with_no_published_issues_is_still_valid(site, capsys):
    site.write("content/bulletins/2026-01/issue.yaml",
               site.read("content/bulletins/2026-01/issue.yaml").replace("published\n", "draft\n"))
    assert site.build(capsys=capsys).code == 0
    root = feed(site)
    assert root.findall(f"{ATOM}entry") == []
    assert RFC3339.fullmatch(root.findtext(f"{ATOM}updated"))


def _page_urls(out: Path) -> set[str]:
    found = set()
    for page in out.rglob("*.html"):
        rel = page.relative_to(out).as_posix()
        found.add(BASE + (rel[: -len("index.html")] if rel.endswith("index.html") else rel))
    return found


def test_sitemap_lists_every_page_by_absolute_url_but_not_the_404(built):
    root = ET.fromstring((built.out / "sitemap.xml").read_bytes())
    assert root.tag == f"{SITEMAP}urlset"
    locs = [u.findtext(f"{SITEMAP}loc") for u in root.findall(f"{SITEMAP}url")]
    assert len(locs) == len(set(locs))
    assert set(locs) == _page_urls(built.out) - {BASE + "404.html"}
    assert BASE in locs and BASE + "bulletins/2025-11/" in locs
    assert not any("404" in loc for loc in locs)


def test_robots_txt_allows_crawling_and_points_at_the_sitemap(built):
    robots = (built.out / "robots.txt").read_text(encoding="utf-8")
    lines = robots.splitlines()
    assert "User-agent: *" in lines
    assert "Sitemap: https://bulletin.testshire.gov.uk/test-bulletin/sitemap.xml" in lines
    assert not any(line.strip() == "Disallow: /" for line in lines)


def test_every_page_advertises_the_feed(built):
    for page in built.out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert re.search(r'<link rel="alternate" type="application/atom\+xml" href="[^"]*feed\.xml"',
                         html), page


@pytest.mark.parametrize("text", ["Safer Ways & Means <county>", "en-GB",
                                  "https://example.org/a?b=1&c=2", "Tom's \"bulletin\"\n"])
def test_feed_escaping_writes_what_the_xml_library_would_mean(text):
    """feeds escapes with html.escape (see its comment); what it writes must read back
    as the same text, as xml.sax.saxutils' would."""
    from xml.sax.saxutils import escape as sax_escape
    from builder.feeds import escape, quoteattr
    assert escape(text) == sax_escape(text)
    assert ET.fromstring(f"<a b={quoteattr(text)}>{escape(text)}</a>").attrib["b"] == \
        text.replace("\n", " ")   # XML reads a newline in an attribute as a space
    assert ET.fromstring(f"<a>{escape(text)}</a>").text == text


def test_a_build_imports_no_http_client():
    """xml.sax.saxutils brings urllib.request, http.client and ssl: ~10 ms a build."""
    import subprocess
    import sys
    probe = "import sys, builder.pipeline; print('http.client' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=TOOL_ROOT)
    assert done.stdout.strip() == "False", done.stderr
