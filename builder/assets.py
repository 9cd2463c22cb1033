"""Compile and fingerprint the site's static assets (CSS, JavaScript, images).

The pipeline calls `build_assets(site_root, tool_root, cache_dir)` once per
build and writes each `Asset` under the output folder. Templates get
`AssetBundle.urls` (made relative to each page) as `assets`.

Where the files come from:

* `tool_root/assets/` holds the defaults: `scss/main.scss` and its partials,
  `js/bulletin.js`, `images/favicon.svg`.
* `site_root/assets/` may hold files of the same names; each one replaces the
  default file of that name (file by file). With `site_root == tool_root`
  there is nothing to overlay.
* `tool_root/node_modules/` holds Sass and GOV.UK Frontend, installed from
  package-lock.json by `make build`.

Every output name carries the first 8 hex digits of the SHA-256 of its bytes
(`assets/main.3f2a9c1b.css`), so a page always loads the stylesheet it was
built with and files can be cached for ever.

Sass is compiled, and its CSS cached in `cache_dir`, by `builder.sass`.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Mapping

from builder.errors import ContentErrors, Problem, ToolError, error, warning
from builder.sass import (DECK_EXIT_ENTRY, INSTALL_HINT, SCSS_ENTRY, compile_css, read_bytes,
                          shown_path)

ASSETS_DIR = "assets"          # the input folder, under tool_root and site_root
OUTPUT_DIR = "assets"          # the output folder, under the site's output root
SCSS_DIR = "scss"              # Sass sources, under ASSETS_DIR
GOVUK_JS = PurePosixPath("govuk-frontend/dist/govuk/govuk-frontend.min.js")


@dataclass(frozen=True)
class Asset:
    path: str      # output path under the site root, e.g. "assets/main.3f2a9c1b.css"
    data: bytes


@dataclass(frozen=True)
class AssetBundle:
    files: tuple[Asset, ...]
    # logical name -> output path: "main.css" -> "assets/main.3f2a9c1b.css",
    # "bulletin.js", "govuk-frontend.js", "favicon.svg"; also every copied
    # file by its path under assets/ ("js/bulletin.js", "images/favicon.svg").
    urls: Mapping[str, str]
    # The brand colour as the stylesheet was compiled with it ("#1d70b8"); None when
    # the stylesheet is not compiled (`unbuilt_bundle`).
    brand: str | None = None


def fingerprint(data: bytes) -> str:
    """The first 8 hex digits of the SHA-256 of `data`."""
    return hashlib.sha256(data).hexdigest()[:8]


def fingerprinted_path(rel: str, data: bytes) -> str:
    """`js/bulletin.js` -> `assets/js/bulletin.1a2b3c4d.js`."""
    p = PurePosixPath(rel)
    name = f"{p.stem}.{fingerprint(data)}{p.suffix}" if p.suffix else f"{p.name}.{fingerprint(data)}"
    return str(PurePosixPath(OUTPUT_DIR) / p.parent / name)


def build_assets(site_root: Path, tool_root: Path, cache_dir: Path | None = None, *,
                 store: bool = True) -> AssetBundle:
    site_root = Path(site_root)
    tool_root = Path(tool_root)
    node_modules = tool_root / "node_modules"
    sass = _require_tools(node_modules)

    sources = overlay(site_root, tool_root)
    scss = _site_scss(sources, site_root, tool_root)

    files: dict[str, Asset] = {}
    urls: dict[str, str] = {}

    def add(data: bytes, rel: str, *names: str) -> None:
        out = fingerprinted_path(rel, data)
        files[out] = Asset(out, data)
        for name in names:
            urls[name] = out

    # Copied files (images, scripts): by their path under assets/, and by
    # their bare file name when no other file has that name.
    copied = {rel: path for rel, path in sources.items()
              if not rel.startswith(SCSS_DIR + "/") and not rel.endswith((".scss", ".sass"))}
    basenames: dict[str, int] = {}
    for rel in copied:
        base = PurePosixPath(rel).name
        basenames[base] = basenames.get(base, 0) + 1
    for rel in sorted(copied):
        data = read_bytes(copied[rel])
        base = PurePosixPath(rel).name
        names = [rel] + ([base] if basenames[base] == 1 and base != rel else [])
        add(data, rel, *names)

    # Built files win over copied files of the same logical name.
    css = compile_css(scss, sass, node_modules, cache_dir, site_root, store=store)
    add(_published_urls(css, urls, scss[SCSS_ENTRY], site_root), "main.css", "main.css")
    add(_govuk_frontend_js(node_modules), "govuk-frontend.js", "govuk-frontend.js")

    return AssetBundle(
        files=tuple(files[k] for k in sorted(files)),
        urls=dict(sorted(urls.items())),
        brand=brand_of(css),
    )


# GOV.UK Frontend declares each functional colour as a custom property on :root; the
# uses are var(--govuk-brand-colour, ...), with no colon after the name.
_BRAND_PROPERTY = re.compile(rb"--govuk-brand-colour:\s*([^;}]+?)\s*[;}]")


def brand_of(css: bytes) -> str | None:
    """The brand colour the stylesheet was compiled with, however `_settings.scss` wrote
    it, for what the stylesheet cannot colour (the browser's bar: `theme-color`)."""
    match = _BRAND_PROPERTY.search(css)
    return match.group(1).decode("utf-8", "replace") if match else None


_CSS_URL = re.compile(rb"""url\(\s*(["']?)([^"')\s]+)\1\s*\)""")


def compiled_brand(site_root: Path, tool_root: Path, cache_dir: Path | None = None
                   ) -> str | None:
    """The brand colour the site's stylesheet is compiled with (`brand_of`), without the rest
    of the assets: a month's deck made on its own needs only this, and `build_assets`
    read and fingerprinted every image and script for it."""
    node_modules = Path(tool_root) / "node_modules"
    sass = _require_tools(node_modules)
    scss = _site_scss(overlay(Path(site_root), Path(tool_root)), site_root, tool_root)
    return brand_of(compile_css(scss, sass, node_modules, cache_dir, Path(site_root)))


def _site_scss(sources: dict[str, Path], site_root: Path, tool_root: Path) -> dict[str, Path]:
    scss = _scss(sources)
    if SCSS_ENTRY not in scss:
        raise ToolError(
            f"There is no {ASSETS_DIR}/{SCSS_DIR}/{SCSS_ENTRY} in {tool_root} or {site_root}: "
            "the stylesheet cannot be built without it.")
    return scss


def deck_exit_css(site_root: Path, tool_root: Path, cache_dir: Path | None = None) -> bytes:
    """The stylesheet a deck with "Exit this page" copies into its folder: GOV.UK
    Frontend's button and component, compiled from `deck-exit.scss` with the site's
    settings as the site's stylesheet is (a site may override either file)."""
    node_modules = Path(tool_root) / "node_modules"
    sass = _require_tools(node_modules)
    return compile_css(_scss(overlay(Path(site_root), Path(tool_root))), sass, node_modules,
                       cache_dir, Path(site_root), DECK_EXIT_ENTRY)


def _scss(sources: dict[str, Path]) -> dict[str, Path]:
    """The Sass files among `sources`, by their paths under assets/scss/."""
    return {rel[len(SCSS_DIR) + 1:]: path for rel, path in sources.items()
            if rel.startswith(SCSS_DIR + "/")}


def _published_urls(css: bytes, urls: dict[str, str], entry: Path, site_root: Path) -> bytes:
    """The stylesheet's url()s to files of assets/ (`images/logo.svg`, as the stylesheet
    in assets/ sees them) turned to their published, fingerprinted names. A file assets/
    does not have is an error: the browser would ask for it and get nothing."""
    missing: list[str] = []

    def swap(match: re.Match) -> bytes:
        address = match.group(2).decode("utf-8", "replace")
        if re.match(r"(?i)(data:|[a-z]+://|//|#)", address):
            return match.group(0)
        path = address.split("?")[0].split("#")[0].removeprefix("./")
        if path in urls:
            published = urls[path].removeprefix(f"{OUTPUT_DIR}/")
            return b'url("' + published.encode("utf-8") + b'")'
        missing.append(address)
        return match.group(0)

    css = _CSS_URL.sub(swap, css)
    if missing:
        raise ContentErrors([error(shown_path(entry, site_root), 0, f"the stylesheet points to "
                                   f"'{address}', which is not a file under assets/; put the "
                                   f"file there (images in assets/images/, written "
                                   f"url(\"images/name.svg\")) or correct the address.")
                             for address in dict.fromkeys(missing)])
    return css


# --------------------------------------------------------------------------
# Inputs

def _require_tools(node_modules: Path) -> Path:
    sass = node_modules / ".bin" / "sass"
    needed = [sass, node_modules / "sass" / "package.json",
              node_modules / "govuk-frontend" / "package.json",
              node_modules.joinpath(*GOVUK_JS.parts)]
    missing = [p for p in needed if not p.is_file()]
    if missing:
        raise ToolError(
            f"Sass and GOV.UK Frontend are not installed ({missing[0]} is missing): {INSTALL_HINT}.")
    return sass


def overlay(site_root: Path, tool_root: Path) -> dict[str, Path]:
    """Every file under tool_root/assets, replaced file by file by
    site_root/assets. Keys are paths under assets/ with forward slashes."""
    out: dict[str, Path] = {}
    roots = [tool_root / ASSETS_DIR]
    site_assets = site_root / ASSETS_DIR
    if site_assets.is_dir() and not _same_dir(site_assets, roots[0]):
        roots.append(site_assets)
    for root in roots:
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            rel = path.relative_to(root)
            if any(part.startswith(".") for part in rel.parts) or not path.is_file():
                continue
            out[rel.as_posix()] = path
    return out


def _same_dir(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _govuk_frontend_js(node_modules: Path) -> bytes:
    return without_source_map(read_bytes(node_modules.joinpath(*GOVUK_JS.parts)))


def without_source_map(script: bytes) -> bytes:
    """A script of GOV.UK Frontend's without the comment that points at its source map,
    which is not published: a browser's developer tools would ask for it."""
    return re.sub(rb"\s*//# sourceMappingURL=\S*\s*\Z", b"\n", script)


def unbuilt_bundle(site_root: Path, tool_root: Path) -> AssetBundle:
    """The names `build_assets` gives, pointing at files that are not built.

    For rendering pages in memory only to check them (`bulletin check`): it
    needs neither Sass nor node_modules, and writes no cache.
    """
    names = {"main.css": f"{OUTPUT_DIR}/main.css",
             "govuk-frontend.js": f"{OUTPUT_DIR}/govuk-frontend.js"}
    for rel in overlay(Path(site_root), Path(tool_root)):
        if not rel.startswith(SCSS_DIR + "/") and not rel.endswith((".scss", ".sass")):
            names.setdefault(rel, f"{OUTPUT_DIR}/{rel}")
            names.setdefault(PurePosixPath(rel).name, f"{OUTPUT_DIR}/{rel}")
    return AssetBundle(files=(), urls=dict(sorted(names.items())))


def stylesheet_problems(site_root: Path, tool_root: Path, cache_dir: Path) -> list[Problem]:
    """What building the stylesheet would report, for `bulletin check`: a Sass error or a
    url() to no file, in Sass the site has written (the tool's own is held by its tests).
    Compiled only when the last build's cache does not hold these inputs' CSS (about a
    second), and never cached, as a check writes nothing."""
    if not _has_own_sass(Path(site_root), Path(tool_root)):
        return []
    try:
        build_assets(site_root, tool_root, cache_dir, store=False)
    except ContentErrors as e:
        return list(e.problems)
    except ToolError as e:
        entry = f"{ASSETS_DIR}/{SCSS_DIR}/{SCSS_ENTRY}"
        return [warning(entry, 0, f"the stylesheet was not checked: {e}")]
    return []


def _has_own_sass(site_root: Path, tool_root: Path) -> bool:
    site_assets = site_root / ASSETS_DIR
    if _same_dir(site_assets, tool_root / ASSETS_DIR):
        return True
    return site_assets.is_dir() and any(
        p.suffix in (".scss", ".sass") for p in site_assets.rglob("*") if p.is_file())
