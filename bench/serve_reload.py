"""Save-to-reload time of `bulletin serve`: from writing a file to the browser's reload message.

    .venv/bin/python bench/serve_reload.py                  # the shipped content
    .venv/bin/python bench/serve_reload.py --pages 10000    # a generated corpus (make_corpus.py)
    .venv/bin/python bench/serve_reload.py --kind template  # an edit every page depends on

It copies the site into bench/out/ (the shipped content is never edited),
starts `bulletin serve` as a separate process on a free port, connects to it
as livereload.js does (a WebSocket speaking the LiveReload protocol), and
then, for each edit: waits until the server is idle (including the
background search index, unless --no-wait-search), writes the file, and
times until the reload message arrives. The server only sends it after the
rebuild has finished and the changed files are in place, so this is the time
an editor waits between saving and the page reloading (the browser's own
page load, a few milliseconds locally, comes on top).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from tornado.websocket import websocket_connect

TOOL_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_corpus  # noqa: E402

OUT = TOOL_ROOT / "bench" / "out"


def prepare(args) -> tuple[Path, Path]:
    """The site folder to serve, and the file the content edits change."""
    if args.pages:
        root = OUT / f"corpus-{args.pages}"
        marker = root / ".generated"
        wanted = f"{args.pages} {args.themes} {args.seed} v{make_corpus.CORPUS_VERSION}"
        if not marker.is_file() or marker.read_text() != wanted:
            make_corpus.generate(root, args.pages, args.themes, args.seed)
            marker.write_text(wanted)
        months = sorted((root / "content/bulletins").iterdir())
        entry = months[len(months) // 2] / "theme-01.md"
    else:
        root = OUT / "shipped"
        if root.exists():
            shutil.rmtree(root)
        shutil.copytree(TOOL_ROOT / "content", root / "content")
        entry = root / "content/bulletins/2026-02/drugs-alcohol-criminal-justice.md"
    for stale in ("templates", ".cache/serve"):
        shutil.rmtree(root / stale, ignore_errors=True)
    css = TOOL_ROOT / ".cache"
    if css.is_dir():  # the compiled-CSS cache is keyed by the Sass inputs; spare a Sass run
        (root / ".cache").mkdir(exist_ok=True)
        for file in css.glob("*.css"):   # main-*.css, and deck-exit-*.css for decks' Exit this page
            shutil.copy(file, root / ".cache" / file.name)
    return root, entry


class Server:
    def __init__(self, root: Path):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "builder", "serve", "--root", str(root), "--port", "0"],
            cwd=TOOL_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: list[str] = []
        self.url = ""
        self.ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))
            if line.startswith("Serving "):
                self.url = line.split()[1].rstrip(";")
                self.ready.set()
        self.ready.set()

    @property
    def origin(self) -> str:
        match = re.match(r"(http://[^/]+)", self.url)
        return match.group(1) if match else ""

    def state(self) -> dict:
        with urllib.request.urlopen(self.origin + "/_bulletin/state", timeout=10) as response:
            return json.loads(response.read())

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def rebuild_times(lines: list[str]) -> list[float]:
    return [float(m.group(1)) for line in lines if (m := re.match(r"Rebuilt in ([\d.]+)s", line))]


async def measure(server: Server, edit, edits: int, wait_search: bool) -> list[float]:
    ws_url = server.origin.replace("http://", "ws://") + "/livereload"
    conn = await websocket_connect(ws_url)
    await conn.write_message(json.dumps({"command": "hello",
                                         "protocols": ["http://livereload.com/protocols/official-7"]}))
    json.loads(await conn.read_message())
    times = []
    for n in range(edits):
        await idle(server, wait_search)
        started = time.perf_counter()
        edit(n)
        while True:
            message = json.loads(await asyncio.wait_for(conn.read_message(), 300))
            if message.get("command") == "reload":
                break
        times.append(time.perf_counter() - started)
        print(f"  edit {n + 1:2d}: {times[-1] * 1000:7.0f} ms", flush=True)
    conn.close()
    return times


async def idle(server: Server, wait_search: bool) -> None:
    await asyncio.sleep(0.3)
    while wait_search and server.state()["search"] not in ("ready", "unavailable", "failed"):
        await asyncio.sleep(0.1)


def make_edit(kind: str, root: Path, entry: Path):
    if kind == "content":
        original = entry.read_text("utf-8")

        def edit(n: int) -> None:
            entry.write_text(original + f"\nBenchmark edit number {n}.\n", "utf-8")
        return edit
    if kind == "template":  # every page extends base.html, so every page is rendered again
        base = (TOOL_ROOT / "templates/base.html").read_text("utf-8")
        (root / "templates").mkdir(exist_ok=True)

        def edit(n: int) -> None:
            (root / "templates/base.html").write_text(
                base.replace("</footer>", f"</footer><!-- edit {n} -->"), "utf-8")
        return edit
    raise SystemExit(f"unknown --kind {kind}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=0,
                        help="generate a corpus of this many entries (default: the shipped content)")
    parser.add_argument("--themes", type=int, default=25)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--edits", type=int, default=15)
    parser.add_argument("--kind", choices=["content", "template"], default="content")
    parser.add_argument("--no-wait-search", action="store_true",
                        help="do not wait for the background search index between edits")
    args = parser.parse_args()

    root, entry = prepare(args)
    files = sum(1 for _ in (root / "content").rglob("*.md"))
    load = os.getloadavg()[0]
    print(f"Site: {root.relative_to(TOOL_ROOT)} ({files} Markdown files); {os.cpu_count()} CPUs, "
          f"load average {load:.1f}")
    server = Server(root)
    try:
        started = time.perf_counter()
        server.ready.wait(3600)
        if not server.url:
            raise SystemExit("the server did not start:\n" + "\n".join(server.lines))
        print(f"First build and start: {time.perf_counter() - started:.1f}s ({server.url})")
        edit = make_edit(args.kind, root, entry)
        edited = entry.relative_to(root) if args.kind == "content" else "templates/base.html"
        print(f"{args.edits} {args.kind} edits of {edited}:")
        times = asyncio.run(measure(server, edit, args.edits, not args.no_wait_search))
    finally:
        server.stop()
    ms = sorted(t * 1000 for t in times)
    p90 = ms[min(len(ms) - 1, round(0.9 * (len(ms) - 1)))]
    builds = rebuild_times(server.lines)
    print(f"save-to-reload: median {statistics.median(ms):.0f} ms, p90 {p90:.0f} ms, "
          f"min {ms[0]:.0f} ms, max {ms[-1]:.0f} ms over {len(ms)} edits")
    if builds:
        print(f"  of which rebuild (server's own timing): median "
              f"{statistics.median(builds) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
