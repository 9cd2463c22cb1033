"""What the browser tests share: the page list, the sub-path server, watched browser contexts.

Imported by conftest.py and the test modules as `.support`: tests/browser is
a package, so its module names never clash with those of tests/.
"""
from __future__ import annotations

import http.server
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# The path of the site's base_url (content/site.yaml): the 404 page's links use it.
SUB_PATH = "/bulletin/"
SHOTS = Path("/tmp/bulletin-shots")

# Every page of the shipped site, by kind: (test id, path under SUB_PATH).
# test_links.py's reachability test compares the crawl with the build, and
# test_every_built_page_is_listed keeps this list complete.
PAGES = [
    ("home", ""),
    ("issue-2026-02", "bulletins/2026-02/"),
    ("issue-2025-05", "bulletins/2025-05/"),
    ("theme-hate-crime", "themes/hate-crime/"),
    ("theme-community-safety-asb", "themes/community-safety-asb/"),
    ("theme-drugs-alcohol-criminal-justice", "themes/drugs-alcohol-criminal-justice/"),
    ("theme-serious-violence", "themes/serious-violence/"),
    ("themes-index", "themes/"),
    ("rag-overview", "rag/"),
    ("archive", "bulletins/"),
    ("plans-index", "plans/"),
    ("plan", "plans/hertsmere-2019-20/"),
    ("documents-index", "pages/"),
    ("page-about", "about/"),
    ("page-serious-violence-strategy", "serious-violence-strategy/"),
    ("glossary", "glossary/"),
    ("accessibility-statement", "accessibility/"),
    ("search", "search/"),
    ("decks-index", "decks/"),
]
# Slide decks: reveal.js presentations, not GOV.UK pages, so the page tests
# here leave them out; tests/decks/ checks them (offline, keys, axe, ...).
PRESENTATIONS = [
    ("deck-2026-02", "decks/2026-02/"),
    ("deck-2025-05", "decks/2025-05/"),
    ("deck-community-safety-and-performance", "decks/community-safety-and-performance/"),
]
# An address that is not on the site, deep enough to prove the 404 page's
# links, stylesheet and icon do not depend on where it is served from.
NOT_FOUND_PATH = "no/such/page/here/"
ALL_PAGES = PAGES + [("404", NOT_FOUND_PATH)]
PAGE_IDS = [name for name, _ in ALL_PAGES]


# --- the server -----------------------------------------------------------


class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves `site_root` under SUB_PATH only; anything else is the site's 404 page."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".mjs": "text/javascript",
                      ".css": "text/css", ".wasm": "application/wasm",
                      ".svg": "image/svg+xml", ".xml": "application/xml",
                      ".json": "application/json", "": "application/octet-stream"}

    def __init__(self, *args, site_root: Path, **kwargs):
        self.site_root = site_root
        super().__init__(*args, directory=str(site_root), **kwargs)

    def send_head(self):
        path = unquote(urlsplit(self.path).path)
        if path + "/" == SUB_PATH:
            return self._redirect(SUB_PATH)
        if not path.startswith(SUB_PATH) or "/../" in path + "/" or "/./" in path + "/":
            return self._not_found()
        file = self.site_root / path[len(SUB_PATH):]
        if file.is_dir():
            if not path.endswith("/"):
                return self._redirect(path + "/")
            file = file / "index.html"
        if not file.is_file():
            return self._not_found()
        self.path = "/" + file.relative_to(self.site_root).as_posix()
        return super().send_head()

    def _redirect(self, location: str):
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()
        return None

    def _not_found(self):
        body = (self.site_root / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):  # keep the test output quiet
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # The browser hangs up on loads it no longer needs (it navigated on); not a failure.
        import sys
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@dataclass
class Server:
    origin: str              # "http://127.0.0.1:PORT"
    root: Path               # the built site being served

    @property
    def base(self) -> str:   # "http://127.0.0.1:PORT/bulletin/"
        return self.origin + SUB_PATH

    def url(self, path: str = "") -> str:
        return self.base + path.lstrip("/")


# --- watched browser contexts ---------------------------------------------


@dataclass
class Watch:
    """What a context asked of the network and said on its console."""
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)         # requests to any other host
    failed: list[str] = field(default_factory=list)          # sub-resources that did not load
    console_errors: list[str] = field(default_factory=list)  # console.error and uncaught errors
    not_found_documents: set[str] = field(default_factory=set)  # pages that answered 4xx
    pending: set = field(default_factory=set)                 # requests not yet finished

    def reset(self) -> None:
        self.requests.clear()
        self.foreign.clear()
        self.failed.clear()
        self.console_errors.clear()
        self.not_found_documents.clear()
        self.pending.clear()


def settle(page, quiet_ms: int = 150, timeout_ms: int = 5_000) -> None:
    """Wait until the page's context has had no request in flight for `quiet_ms`
    (like Playwright's "networkidle", which always waits 500 ms)."""
    watch = page.context.watch
    quiet = waited = 0
    while quiet < quiet_ms:
        assert waited < timeout_ms, f"requests still in flight after {timeout_ms} ms"
        page.wait_for_timeout(25)
        waited += 25
        quiet = 0 if watch.pending else quiet + 25


# Any address but this machine's (matched by the Playwright driver, not in Python).
NOT_LOCAL = re.compile(r"^(?!(?:https?|wss?)://127\.0\.0\.1[:/])(?!data:|blob:|about:)")


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.hostname == "127.0.0.1"


def open_context(browser, **options):
    """A new context that keeps every request on this machine and records what happens.

    A request to any other host is answered here with a 503 and never leaves
    the machine; it is still recorded in watch.foreign. The browser's own
    main-document 404 (the not-found page) is not counted as a failed load.
    """
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **options})
    context.set_default_timeout(10_000)
    watch = Watch()

    def refuse(route):
        route.fulfill(status=503, content_type="text/plain", body="blocked by the test suite")

    context.route(NOT_LOCAL, refuse)

    def on_request(request):
        watch.pending.add(request)
        watch.requests.append(request.url)
        if not is_local(request.url):
            watch.foreign.append(f"{request.resource_type} {request.url}")

    def on_response(response):
        request = response.request
        main_document = request.is_navigation_request() and request.frame.parent_frame is None
        if response.status >= 400 and main_document:
            watch.not_found_documents.add(response.url)
        elif response.status >= 400:
            watch.failed.append(f"{response.status} {request.resource_type} {response.url}")

    def on_request_finished(request):
        watch.pending.discard(request)

    def on_request_failed(request):
        watch.pending.discard(request)
        # A load cut short by the next navigation is not the page's fault; a load that
        # got an error status is already recorded by on_response.
        if request.failure and "ERR_ABORTED" not in request.failure:
            watch.failed.append(f"failed ({request.failure}) {request.resource_type} {request.url}")

    def on_console(message):
        if message.type != "error":
            return
        where = (message.location or {}).get("url", "")
        if message.text.startswith("Failed to load resource") and where in watch.not_found_documents:
            return  # Chromium's note that the page itself answered 404: expected there
        watch.console_errors.append(f"{message.text} [{where}]")

    def on_page(page):
        page.on("console", on_console)
        page.on("pageerror", lambda error: watch.console_errors.append(f"uncaught: {error}"))

    context.on("request", on_request)
    context.on("response", on_response)
    context.on("requestfinished", on_request_finished)
    context.on("requestfailed", on_request_failed)
    context.on("page", on_page)
    context.watch = watch
    return context


def wait_for_search_ui(page) -> None:
    """Pagefind UI has replaced the no-JavaScript text with its search form."""
    page.wait_for_selector(".pagefind-ui__search-input", state="visible")


def goto(page, server: Server, path: str, *, settled: bool = False, search_ui: bool = True):
    """Open a page of the site and check its status: 200, or 404 for NOT_FOUND_PATH.

    On the search page, waits for Pagefind UI too unless search_ui is False
    (a context without JavaScript); with settled, waits for the network to go quiet."""
    response = page.goto(server.url(path), wait_until="load")
    assert response is not None, f"no response for {server.url(path)}"
    wanted = 404 if path == NOT_FOUND_PATH else 200
    assert response.status == wanted, f"{server.url(path)} answered {response.status}, expected {wanted}"
    if path == "search/" and search_ui:
        wait_for_search_ui(page)
    if settled:
        settle(page)
    return response


def png_pixels(png: bytes) -> list[list[tuple[int, ...]]]:
    """Rows of pixels of an 8-bit RGB or RGBA PNG, as Chromium's screenshots are: enough
    to look at what a person sees without an image library in the test environment."""
    import struct
    import zlib
    width, height, depth, colour = struct.unpack(">IIBB", png[16:26])
    assert depth == 8 and colour in (2, 6), "only 8-bit RGB(A) screenshots are read"
    size = 4 if colour == 6 else 3
    data, at = b"", 8
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        if kind == b"IDAT":
            data += png[at + 8:at + 8 + length]
        at += 12 + length
    raw, stride, rows, previous = zlib.decompress(data), width * size, [], bytearray(width * size)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up, corner = previous[i], previous[i - size] if i >= size else 0
            line[i] = (line[i] + (0, left, up, (left + up) // 2, _paeth(left, up, corner))[kind]) & 255
        rows.append([tuple(line[x:x + size]) for x in range(0, stride, size)])
        previous = line
    return rows


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def pdf_text_runs(pdf: bytes) -> list[bytes]:
    """The strings a PDF as Chromium writes it draws (the operands of its Tj and TJ
    operators, in glyph ids), page after page: enough to tell whether two prints of one
    page show the same text, without a PDF library in the test environment."""
    import re
    import zlib
    runs: list[bytes] = []
    for stream in re.finditer(rb"/FlateDecode[^>]*>>\s*stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            content = zlib.decompress(stream.group(1))
        except zlib.error:
            continue   # a font or image, not a page's content
        runs += re.findall(rb"(<[0-9A-Fa-f]*>\s*Tj|\[[^\]]*\]\s*TJ)", content)
    return runs


def accessibility_tree(page) -> list[dict]:
    """Chromium's own accessibility tree, what a screen reader is given: the nodes it does
    not ignore (aria-hidden and display: none ones are ignored), with role and name."""
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    return [{"role": n.get("role", {}).get("value", ""), "name": n.get("name", {}).get("value", "")}
            for n in nodes if not n.get("ignored")]


def ax_names(page, role: str) -> list[str]:
    """What Chromium's accessibility tree names each node of `role` (what a screen reader
    says on entering it), not what the markup suggests."""
    return [n["name"] for n in accessibility_tree(page) if n["role"] == role]
