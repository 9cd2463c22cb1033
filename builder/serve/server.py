"""The preview's HTTP server: the built site, the live-reload socket, nothing else.

Safe by default:

* It serves only files inside the served folder: every request path is
  decoded once and refused if a segment is `..`, `.`, hidden (starts with
  a dot, which also hides the sync's temporary files), or holds a backslash
  or NUL; the resolved file must still be inside the folder (no symlink out).
* No directory listings: a folder is served only through its index.html.
* Unknown addresses get the site's own 404 page, with status 404.
* The site is served under the path of its `base_url`, as it will be
  published, so the 404 page's links (written for any depth) work.
* Bound to 127.0.0.1 by default; on a loopback address, requests whose Host
  header names another host are refused (DNS rebinding: `addresses.py`), and
  the live-reload socket accepts only pages from the same origin.

HTML responses get the live-reload client and, while the last rebuild
failed, the error overlay (`overlay.py`). Nothing is cached by the browser.
"""
from __future__ import annotations

import asyncio
import json
import mimetypes
import socket
import threading
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from tornado import httpserver, web, websocket
from tornado.ioloop import IOLoop

from ..errors import ServeError
from . import addresses, overlay

if TYPE_CHECKING:  # pragma: no cover
    from .preview import Preview

LIVERELOAD_PROTOCOL = "http://livereload.com/protocols/official-7"
_TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
          ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
          ".json": "application/json", ".xml": "application/xml; charset=utf-8",
          ".txt": "text/plain; charset=utf-8", ".svg": "image/svg+xml",
          ".wasm": "application/wasm", ".pagefind": "application/octet-stream",
          ".pf_meta": "application/octet-stream", ".pf_index": "application/octet-stream",
          ".pf_fragment": "application/octet-stream", ".pf_filter": "application/octet-stream"}


def livereload_js() -> Path:
    """The livereload package's own copy of livereload.js."""
    import livereload
    return Path(livereload.__file__).resolve().parent / "vendors" / "livereload.js"


class Hub:
    """The browsers connected through livereload.js."""

    def __init__(self) -> None:
        self.sockets: set[LiveReloadSocket] = set()
        self.reloads_sent = 0

    def reload(self) -> None:
        """Tell every connected page to reload (on the IOLoop's thread)."""
        message = json.dumps({"command": "reload", "path": "/", "liveCSS": False,
                              "liveImg": False})
        self.reloads_sent += 1
        for sock in list(self.sockets):
            try:
                sock.write_message(message)
            except websocket.WebSocketClosedError:
                self.sockets.discard(sock)

    def close_all(self) -> None:
        for sock in list(self.sockets):
            sock.close()
        self.sockets.clear()


class _Base(web.RequestHandler):
    def initialize(self, preview: "Preview") -> None:
        self.preview = preview

    def prepare(self) -> None:
        if addresses.refused(self.request.host, self.preview.loopback_only):
            self.set_status(403)
            self.set_header("Content-Type", "text/plain; charset=utf-8")
            self.finish("This preview answers only to localhost addresses.\n")

    def set_default_headers(self) -> None:
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Referrer-Policy", "no-referrer")
        self.clear_header("Server")

    def compute_etag(self) -> None:
        return None


class LiveReloadScript(_Base):
    def get(self) -> None:
        self.set_header("Content-Type", "text/javascript; charset=utf-8")
        self.finish(livereload_js().read_bytes())


class StateHandler(_Base):
    def get(self) -> None:
        state = self.preview.state
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps({"generation": state.generation, "ok": not state.errors,
                                "search": self.preview.search_state}))


class SiteHandler(_Base):
    """Files of the served folder, under the site's base path."""

    def get(self) -> None:
        self._serve(body=True)

    def head(self) -> None:
        self._serve(body=False)

    def _serve(self, body: bool) -> None:
        state = self.preview.state
        try:
            path = unquote(self.request.path, errors="strict")
        except UnicodeDecodeError:
            return self._refuse(400)
        if "\\" in path or "\0" in path:
            return self._refuse(400)
        segments = path.split("/")[1:]
        if any(s in (".", "..") or s.startswith(".") for s in segments):
            return self._refuse(403)
        if not state.has_site:
            return self._send(503, overlay.holding_page(state.errors, state.generation),
                              ".html", body)
        base = state.base_path
        if path + "/" == base or (path == "/" and base != "/"):
            return self.redirect(base + ("?" + self.request.query if self.request.query else ""))
        if not path.startswith(base):
            return self._not_found(body)
        rel = path[len(base):]
        with self.preview.lock.reading():
            found = self._find(rel)
            if found == "folder":
                query = "?" + self.request.query if self.request.query else ""
                return self.redirect(path + "/" + query, permanent=False)
            if found is None:
                return self._not_found(body)
            data = found.read_bytes()
            generation = self.preview.state.generation
        self._send(200, self._decorate(data, found.suffix, generation, rel), found.suffix, body)

    def _find(self, rel: str) -> Path | str | None:
        folder = self.preview.site_dir
        parts = [p for p in rel.split("/") if p]
        target = folder.joinpath(*parts) if parts else folder
        if rel == "" or rel.endswith("/"):
            target = target / "index.html"
        try:
            real = target.resolve(strict=True)
        except (OSError, RuntimeError):
            return None
        if real != folder and folder not in real.parents:
            return None  # a symlink pointing out of the site
        if real.is_dir():
            return "folder" if (real / "index.html").is_file() else None
        return real if real.is_file() else None

    def _not_found(self, body: bool) -> None:
        page = None
        with self.preview.lock.reading():
            path = self.preview.site_dir / "404.html"
            if path.is_file():
                page = path.read_bytes()
            generation = self.preview.state.generation
        if page is None:
            self.set_status(404)
            self.set_header("Content-Type", "text/plain; charset=utf-8")
            return self.finish("Not found\n" if body else None)
        self._send(404, self._decorate(page, ".html", generation, "404.html"), ".html", body)

    def _decorate(self, data: bytes, suffix: str, generation: str, rel: str) -> bytes:
        if suffix != ".html":
            return data
        state = self.preview.state
        snippet = overlay.client(generation)
        if state.errors:
            snippet = overlay.overlay(state.errors) + snippet
        search = self.preview.search_state
        if rel.rstrip("/").split("/")[0] == "search" and search not in ("ready", "unavailable"):
            snippet = overlay.search_note(search) + snippet
        return overlay.inject(data, snippet)

    def _send(self, status: int, data: bytes, suffix: str, body: bool) -> None:
        self.set_status(status)
        self.set_header("Content-Type", _TYPES.get(suffix) or mimetypes.guess_type("x" + suffix)[0]
                        or "application/octet-stream")
        self.set_header("Content-Length", str(len(data)))
        self.finish(data if body else None)

    def _refuse(self, status: int) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish("Refused: the preview serves only the files of the built site.\n")


class LiveReloadSocket(websocket.WebSocketHandler):
    """The LiveReload protocol (official-7): a handshake, then reload commands."""

    def initialize(self, preview: "Preview") -> None:
        self.preview = preview

    def check_origin(self, origin: str) -> bool:
        return urlsplit(origin).netloc.lower() == self.request.host.lower()

    def open(self) -> None:
        if addresses.refused(self.request.host, self.preview.loopback_only):
            self.close(code=1008)

    def on_message(self, message) -> None:
        try:
            command = json.loads(message)
        except ValueError:
            return
        if isinstance(command, dict) and command.get("command") == "hello":
            self.write_message(json.dumps({"command": "hello", "protocols": [LIVERELOAD_PROTOCOL],
                                           "serverName": "bulletin serve"}))
            self.preview.hub.sockets.add(self)

    def on_close(self) -> None:
        self.preview.hub.sockets.discard(self)


def make_app(preview: "Preview") -> web.Application:
    args = {"preview": preview}
    return web.Application([
        (r"/livereload", LiveReloadSocket, args),
        (r"/livereload\.js", LiveReloadScript, args),
        (r"/_bulletin/state", StateHandler, args),
        (r"/.*", SiteHandler, args),
    ], log_function=lambda handler: None, websocket_ping_interval=20)


class ServerThread:
    """Runs the HTTP server on its own asyncio loop in a thread."""

    def __init__(self, preview: "Preview", sockets: list[socket.socket]):
        self.preview = preview
        self.sockets = sockets
        self.loop: IOLoop | None = None
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, name="bulletin-http", daemon=True)

    def start(self) -> None:
        self._thread.start()
        if not self._ready.wait(timeout=10):
            raise ServeError("the preview's web server did not start.")

    def call(self, fn) -> None:
        """Run `fn` on the server's thread."""
        if self.loop is not None:
            self.loop.add_callback(fn)

    def stop(self) -> None:
        if self.loop is not None and self._stop is not None:
            self.loop.add_callback(self._stop.set)
        if self._thread.is_alive():
            self._thread.join(timeout=10)
        for sock in self.sockets:
            sock.close()

    def _run(self) -> None:
        asyncio.run(self._main())

    async def _main(self) -> None:
        self.loop = IOLoop.current()
        self._stop = asyncio.Event()
        server = httpserver.HTTPServer(make_app(self.preview))
        server.add_sockets(self.sockets)
        self._ready.set()
        await self._stop.wait()
        server.stop()
        self.preview.hub.close_all()
        await asyncio.sleep(0)
        try:
            await asyncio.wait_for(server.close_all_connections(), timeout=2)
        except asyncio.TimeoutError:
            pass
