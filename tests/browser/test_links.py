"""Every link on the site works from the sub-path, and every page can be reached from home.

The crawl runs in the browser with JavaScript off: links come from the built
HTML, and the browser resolves each href exactly as a visitor's would.
"""
from __future__ import annotations

from urllib.parse import urldefrag, urlsplit

import pytest

from .support import NOT_FOUND_PATH, PAGES, PRESENTATIONS, SUB_PATH, open_context

# Links and ids, as the page has them.
_PAGE_FACTS = """() => ({
    links: [...document.querySelectorAll('a[href]')].map(a => ({
        href: a.href, raw: a.getAttribute('href'), text: (a.textContent || '').trim().slice(0, 60)})),
    ids: [...document.querySelectorAll('[id]')].map(el => el.id),
})"""


def _page_address(url: str) -> str:
    """"…/x/index.html" and "…/x/" are the same page (the server answers both from
    x/index.html); the crawl keys pages by the second."""
    base, fragment = urldefrag(url)
    if base.endswith("/index.html"):
        base = base[: -len("index.html")]
    return base


def _on_site(url: str, server) -> bool:
    return url.startswith(server.base)


def _same_origin(url: str, server) -> bool:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" == server.origin


class Crawl:
    def __init__(self, page, server):
        self.page, self.server = page, server
        self.status: dict[str, int] = {}          # url (no fragment) -> status
        self.content_type: dict[str, str] = {}
        self.ids: dict[str, set[str]] = {}        # html url -> ids on it
        self.links: dict[str, list[dict]] = {}    # html url -> its links
        self.failures: list[str] = []

    def visit(self, url: str) -> None:
        if url in self.status:
            return
        response = self.page.goto(url, wait_until="load")
        self.status[url] = response.status if response else 0
        self.content_type[url] = (response.headers.get("content-type", "") if response else "")
        if not self.content_type[url].startswith("text/html"):
            return
        facts = self.page.evaluate(_PAGE_FACTS)
        self.ids[url] = set(facts["ids"])
        self.links[url] = facts["links"]

    def run(self, start: str) -> None:
        queue = [start]
        while queue:
            url = queue.pop(0)
            if url in self.status:
                continue
            self.visit(url)
            for link in self.links.get(url, []):
                target = _page_address(link["href"])
                if _on_site(target, self.server) and target not in self.status:
                    queue.append(target)

    def check_links(self, pages: list[str]) -> None:
        """Every link from `pages` that stays on this origin: under the sub-path, answering
        200, and with its #fragment an id on the target page."""
        for source in pages:
            for link in self.links.get(source, []):
                href = link["href"]
                if not _same_origin(href, self.server):
                    continue
                where = f"on {source}: link {link['raw']!r} ({link['text']!r}) -> {href}"
                target, fragment = _page_address(href), urldefrag(href)[1]
                if not _on_site(target, self.server):
                    self.failures.append(f"{where} leaves the sub-path {SUB_PATH}")
                    continue
                if target == source:   # a link within the page: only its id matters
                    if fragment and fragment not in self.ids.get(source, set()):
                        self.failures.append(f"{where}: no element has id {fragment!r} on this page")
                    continue
                self.visit(target)
                status = self.status[target]
                if status != 200:
                    self.failures.append(f"{where} answers {status}")
                    continue
                if fragment and fragment not in self.ids.get(target, set()):
                    self.failures.append(f"{where}: no element has id {fragment!r} on the target page")


def _html_pages_built(server) -> set[str]:
    urls = set()
    for file in server.root.rglob("*.html"):
        rel = file.relative_to(server.root).as_posix()
        if rel == "404.html" or rel.startswith("pagefind/"):
            continue
        urls.add(server.url(rel.removesuffix("index.html")))
    return urls


@pytest.fixture(scope="module")
def crawl(browser, server):
    """The site crawled once for this module, from the home page."""
    context = open_context(browser, java_script_enabled=False)
    try:
        crawl = Crawl(context.new_page(), server)
        crawl.run(server.url(""))
        yield crawl
    finally:
        context.close()


@pytest.mark.browser
def test_every_link_works(crawl, server):
    crawl.check_links(sorted(crawl.links))
    assert not crawl.failures, (f"{len(crawl.failures)} broken link(s) across {len(crawl.links)} pages:\n"
                                + "\n".join(crawl.failures))


@pytest.mark.browser
def test_every_page_is_reachable_from_home(crawl, server):
    crawled = {url for url, kind in crawl.content_type.items()
               if kind.startswith("text/html") and crawl.status[url] == 200}
    built = _html_pages_built(server)
    missing = sorted(built - crawled)
    assert not missing, f"pages no link leads to from {server.url('')}: {missing}"
    assert crawled <= built, f"crawled pages that were not built: {sorted(crawled - built)}"


@pytest.mark.browser
def test_every_built_page_is_listed(server):
    """support.PAGES (what the other tests visit) names every page the build writes."""
    listed = {server.url(path) for _, path in PAGES + PRESENTATIONS}
    built = _html_pages_built(server)
    assert listed == built, (f"built but not listed: {sorted(built - listed)}; "
                             f"listed but not built: {sorted(listed - built)}")


@pytest.mark.browser
@pytest.mark.parametrize("path", [NOT_FOUND_PATH, "bulletins/1999-01/", "nothing-here.html"],
                         ids=["deep", "missing-issue", "top-level"])
def test_not_found_page_links_work_from_any_depth(no_js_context, server, path):
    """An unknown address gets the site's 404 page (status 404), and its every link,
    stylesheet and icon work from wherever it is served."""
    page = no_js_context.new_page()
    response = page.goto(server.url(path))
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    crawl = Crawl(page, server)
    crawl.visit(server.url(path))
    crawl.check_links([server.url(path)])
    failures = list(crawl.failures)
    for item in no_js_context.watch.failed:
        failures.append(f"on {server.url(path)}: did not load: {item}")
    assert not failures, "\n".join(failures)


@pytest.mark.browser
def test_outside_the_sub_path_is_not_found(no_js_context, server):
    page = no_js_context.new_page()
    response = page.goto(server.origin + "/")
    assert response.status == 404
    response = page.goto(server.origin + "/bulletin")
    assert response.status == 200 and response.url == server.base
