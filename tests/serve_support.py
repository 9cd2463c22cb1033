"""Helpers for the `bulletin serve` tests: a fixture site, a running preview, clean builds."""
from __future__ import annotations

import http.client
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from builder.serve import Preview

from builder import cli

TOOL_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SOURCES = ("content", "templates", "assets", "decks")  # what a site folder holds


def make_site(dest: Path, css_cache: Path | None = None) -> Path:
    """A copy of the minimal fixture site; `css_cache` seeds .cache/ so Sass need not run."""
    shutil.copytree(FIXTURES / "minimal", dest)
    if css_cache is not None:
        seed_css(css_cache, dest)
    return dest


def seed_css(css_cache: Path, root: Path) -> None:
    (root / ".cache").mkdir(exist_ok=True)
    for css in css_cache.glob("main-*.css"):
        shutil.copy(css, root / ".cache" / css.name)


@contextmanager
def running(root: Path, **options) -> Iterator["Preview"]:
    """A preview of `root` on a free port, stopped (threads and folder) afterwards."""
    from builder.serve import Preview
    options.setdefault("port", 0)
    options.setdefault("search_settle", 0.05)
    preview = Preview(root, **options)
    preview.start()
    try:
        yield preview
    finally:
        preview.stop()


def settle(preview: "Preview", before: int, search: bool = True) -> None:
    assert preview.wait_for_rebuild(before, timeout=60), "no rebuild followed the change"
    if search:
        assert preview.wait_for_search(60), "the search index did not finish"


def clean_build(root: Path, out: Path, *, drafts: bool = False, search: bool = True,
                css_from: Path | None = None) -> Path:
    """`bulletin build` of the files of `root`, copied to a fresh folder with no caches.

    `css_from` copies only the compiled-CSS cache (keyed by the Sass inputs'
    bytes), to spare a Sass run where the stylesheet is not what is tested.
    """
    pristine = out.parent / (out.name + "-source")
    if pristine.exists():
        shutil.rmtree(pristine)
    pristine.mkdir(parents=True)
    for name in SOURCES:
        if (root / name).is_dir():
            shutil.copytree(root / name, pristine / name)
    if css_from is not None:
        seed_css(css_from, pristine)
    args = ["build", "--root", str(pristine), "--out", str(out)]
    args += ["--drafts"] if drafts else []
    args += [] if search else ["--no-search"]
    assert cli.main(args) == 0, "the clean build failed"
    return out


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_same_tree(served: Path, built: Path) -> None:
    a, b = tree(served), tree(built)
    assert sorted(a) == sorted(b), (f"only served: {sorted(set(a) - set(b))}; "
                                    f"only built: {sorted(set(b) - set(a))}")
    different = [name for name in a if a[name] != b[name]]
    assert not different, f"served differs from a clean build in {different}"


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def get(preview: "Preview", path: str, host: str | None = None) -> tuple[int, dict, bytes]:
    """A raw GET, the path sent exactly as given (no client-side clean-up of ../)."""
    conn = http.client.HTTPConnection("127.0.0.1", preview.port, timeout=10)
    try:
        headers = {"Host": host} if host else {}
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()
