"""A deck to PDF through headless Chromium, as reveal.js's `?print-pdf` lays it out.

Chromium is driven over `--remote-debugging-pipe` (the DevTools protocol on
file descriptors 3 and 4), so no port is opened and nothing beyond the
standard library is needed. The page is printed only once reveal.js has laid
out every slide as a page: printing on the load event alone races it. One
page per slide (fragments are not split over pages); the handout puts each
slide's speaker notes on a page of their own after it.
"""
from __future__ import annotations

import base64
import fcntl
import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from ..atomicfile import write_atomically
from ..errors import ToolError

CHROMIUM = "/usr/bin/chromium"
TIMEOUT_SECONDS = 120
_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-extensions", "--no-first-run",
         "--mute-audio", "--remote-debugging-pipe"]
_READY = ("window.Reveal && Reveal.isReady() && document.querySelectorAll('.pdf-page').length > 0"
          " && document.fonts.status === 'loaded'"
          " && Array.from(document.images).every(i => i.complete)"
          # and the deck has shown every slide to the PDF's tags (deck.html, on pdf-ready)
          " && !document.querySelector('.reveal .slides section[aria-hidden]')")
# The page size reveal.js lays the slides out on, from the @page rule it writes: [w, h] in px.
_PAGE_SIZE = ("Array.from(document.querySelectorAll('style'), s => s.textContent.match("
              "/@page\\s*{\\s*size:\\s*([\\d.]+)px\\s+([\\d.]+)px/)).filter(Boolean)"
              ".map(m => [Number(m[1]), Number(m[2])]).pop() || null")
_MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")


def print_url(index: Path, *, handout: bool) -> str:
    query = "print-pdf&pdfSeparateFragments=false"
    if handout:
        query += "&showNotes=separate-page"
    return f"{index.resolve().as_uri()}?{query}"


def print_pdf(index: Path, out: Path, *, handout: bool = False, chromium: str | None = None) -> int:
    """Write the PDF of the deck at `index`; returns its number of pages."""
    browser = chromium or os.environ.get("BULLETIN_CHROMIUM") or CHROMIUM
    if not shutil.which(browser):
        raise ToolError(f"printing a PDF needs Chromium ({browser} was not found); on Debian: "
                        "apt-get install chromium.")
    with tempfile.TemporaryDirectory(prefix="bulletin-chromium-") as profile:
        session = _Browser(browser, Path(profile))
        try:
            data = session.print(print_url(index, handout=handout))
        finally:
            session.close()
    write_atomically(out, data, mode=0o644)   # read by whoever the deck is given to
    return count_pages(data)


def sheets_cut_to(pdf: bytes, width_px: float, height_px: float) -> bytes:
    """The PDF with no sheet larger than the page the deck was laid out on. Chromium rounds
    a sheet's size to units of its own: 998 px (748.5 pt) came out 749.04 pt across, and the
    strip past the page, which nothing paints (not even the page's own background), ran white
    down the right of every dark slide, in the handout and the slides' PDF alike. Each box is
    written in as many bytes as before, so every offset in the file still holds."""
    most = (width_px * 0.75, height_px * 0.75)

    def cut(match: re.Match) -> bytes:
        written, sizes = match.group(0), [float(match.group(1)), float(match.group(2))]
        if sizes[0] <= most[0] and sizes[1] <= most[1]:
            return written
        box = f"/MediaBox [0 0 {min(sizes[0], most[0]):.6g} {min(sizes[1], most[1]):.6g}]"
        padded = box[:-1].ljust(len(written) - 1) + "]"
        return padded.encode("ascii") if len(padded) == len(written) else written
    return _MEDIA_BOX.sub(cut, pdf)


def count_pages(pdf: bytes) -> int:
    """Page objects in a PDF as Chromium writes it (no object streams)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def _high(fd: int) -> int:
    """`fd` moved above 9, so that placing the pipes at 3 and 4 never lands one on the other."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class _Browser:
    def __init__(self, browser: str, profile: Path) -> None:
        to_child, self._write = (_high(fd) for fd in os.pipe())
        self._read, from_child = (_high(fd) for fd in os.pipe())

        def pipes() -> None:  # Chromium reads commands on fd 3 and answers on fd 4
            os.dup2(to_child, 3)
            os.dup2(from_child, 4)

        try:
            self.process = subprocess.Popen(
                [browser, *_ARGS, f"--user-data-dir={profile}", "about:blank"],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                preexec_fn=pipes, close_fds=False)
        except OSError as exc:
            raise ToolError(f"cannot start Chromium ({browser}): {exc.strerror or exc}") from None
        os.close(to_child)
        os.close(from_child)
        self._buffer = b""
        self._next = 0
        self._deadline = time.monotonic() + TIMEOUT_SECONDS

    def print(self, url: str) -> bytes:
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", session=session)
        self.call("Page.navigate", {"url": url}, session=session)
        while not self._evaluate(session, _READY):
            if time.monotonic() > self._deadline:
                raise ToolError("Chromium did not finish laying out the deck for printing in "
                                f"{TIMEOUT_SECONDS} seconds.")
            time.sleep(0.1)
        size = self._evaluate(session, _PAGE_SIZE)
        result = self.call("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True,
                                               "displayHeaderFooter": False}, session=session)
        data = base64.b64decode(result["data"])
        return sheets_cut_to(data, *size) if size else data

    def _evaluate(self, session: str, expression: str):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                           session=session)
        return result.get("result", {}).get("value")

    def call(self, method: str, params: dict | None = None, *, session: str | None = None) -> dict:
        self._next += 1
        message = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._write, json.dumps(message).encode("utf-8") + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise ToolError(f"Chromium could not {method}: {reply['error'].get('message')}")
                return reply.get("result", {})

    def _receive(self) -> dict:
        while b"\0" not in self._buffer:
            wait = self._deadline - time.monotonic()
            ready, _, _ = select.select([self._read], [], [], max(wait, 0))
            if not ready:
                raise ToolError(f"Chromium did not answer within {TIMEOUT_SECONDS} seconds.")
            chunk = os.read(self._read, 1 << 20)
            if not chunk:
                raise ToolError("Chromium stopped before the PDF was printed.")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except (ToolError, OSError):
            pass
        for fd in (self._write, self._read):
            try:
                os.close(fd)
            except OSError:
                pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
