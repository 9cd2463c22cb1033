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

Compiling Sass takes about a second, so the CSS is cached in `cache_dir`,
keyed by the bytes of every Sass input and the Sass and GOV.UK Frontend
versions.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Mapping

from builder.errors import ContentErrors, Problem, ToolError, error

ASSETS_DIR = "assets"          # the input folder, under tool_root and site_root
OUTPUT_DIR = "assets"          # the output folder, under the site's output root
SCSS_DIR = "scss"              # Sass sources, under ASSETS_DIR
SCSS_ENTRY = "main.scss"       # compiled to main.css
GOVUK_JS = PurePosixPath("govuk-frontend/dist/govuk/govuk-frontend.min.js")

SASS_TIMEOUT_SECONDS = 180
_CACHE_FORMAT = b"bulletin-assets-css-1"
_INSTALL_HINT = "run `make build`, which installs them from package-lock.json (npm ci)"


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


def fingerprint(data: bytes) -> str:
    """The first 8 hex digits of the SHA-256 of `data`."""
    return hashlib.sha256(data).hexdigest()[:8]


def fingerprinted_path(rel: str, data: bytes) -> str:
    """`js/bulletin.js` -> `assets/js/bulletin.1a2b3c4d.js`."""
    p = PurePosixPath(rel)
    name = f"{p.stem}.{fingerprint(data)}{p.suffix}" if p.suffix else f"{p.name}.{fingerprint(data)}"
    return str(PurePosixPath(OUTPUT_DIR) / p.parent / name)


def build_assets(site_root: Path, tool_root: Path, cache_dir: Path | None = None) -> AssetBundle:
    site_root = Path(site_root)
    tool_root = Path(tool_root)
    node_modules = tool_root / "node_modules"
    sass = _require_tools(node_modules)

    sources = _overlay(site_root, tool_root)
    scss = {rel[len(SCSS_DIR) + 1:]: path for rel, path in sources.items()
            if rel.startswith(SCSS_DIR + "/")}
    if SCSS_ENTRY not in scss:
        raise ToolError(
            f"There is no {ASSETS_DIR}/{SCSS_DIR}/{SCSS_ENTRY} in {tool_root} or {site_root}: "
            "the stylesheet cannot be built without it.")

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
        data = _read(copied[rel])
        base = PurePosixPath(rel).name
        names = [rel] + ([base] if basenames[base] == 1 and base != rel else [])
        add(data, rel, *names)

    # Built files win over copied files of the same logical name.
    css = _compile_css(scss, sass, node_modules, cache_dir, site_root)
    add(_published_urls(css, urls, scss[SCSS_ENTRY], site_root), "main.css", "main.css")
    add(_govuk_frontend_js(node_modules), "govuk-frontend.js", "govuk-frontend.js")

    return AssetBundle(
        files=tuple(files[k] for k in sorted(files)),
        urls=dict(sorted(urls.items())),
    )


_CSS_URL = re.compile(rb"""url\(\s*(["']?)([^"')\s]+)\1\s*\)""")


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
        raise ContentErrors([error(_named(entry, site_root), 0, f"the stylesheet points to "
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
            f"Sass and GOV.UK Frontend are not installed ({missing[0]} is missing): {_INSTALL_HINT}.")
    return sass


def _overlay(site_root: Path, tool_root: Path) -> dict[str, Path]:
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


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise ToolError(f"Cannot read {path}: {e.strerror or e}") from None


def _package_version(node_modules: Path, package: str) -> str:
    try:
        return str(json.loads((node_modules / package / "package.json").read_text("utf-8"))["version"])
    except (OSError, ValueError, KeyError):
        raise ToolError(f"Cannot read the version of {package} in {node_modules}: {_INSTALL_HINT}.") from None


def _govuk_frontend_js(node_modules: Path) -> bytes:
    data = _read(node_modules.joinpath(*GOVUK_JS.parts))
    # The source map is not published, so drop the comment that points at it.
    return re.sub(rb"\s*//# sourceMappingURL=\S*\s*\Z", b"\n", data)


# --------------------------------------------------------------------------
# Sass

def _cache_key(scss: dict[str, Path], node_modules: Path) -> tuple[str, dict[str, bytes]]:
    h = hashlib.sha256(_CACHE_FORMAT)
    for package in ("sass", "govuk-frontend"):
        h.update(b"\0" + package.encode() + b"@" + _package_version(node_modules, package).encode())
    contents: dict[str, bytes] = {}
    for rel in sorted(scss):
        data = _read(scss[rel])
        contents[rel] = data
        h.update(b"\0" + rel.encode("utf-8") + b"\0" + str(len(data)).encode() + b"\0" + data)
    return h.hexdigest(), contents


def _compile_css(scss: dict[str, Path], sass: Path, node_modules: Path,
                 cache_dir: Path | None, site_root: Path) -> bytes:
    key, contents = _cache_key(scss, node_modules)
    cached = Path(cache_dir) / f"main-{key[:32]}.css" if cache_dir is not None else None
    if cached is not None and cached.is_file():
        try:
            return cached.read_bytes()
        except OSError:
            pass  # compile again

    with tempfile.TemporaryDirectory(prefix="bulletin-scss-") as tmp:
        tmp_dir = Path(tmp)
        for rel, data in contents.items():
            target = tmp_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        cmd = [str(sass), "--no-source-map", "--style=compressed", "--no-unicode",
               "--no-color", "--quiet-deps", f"--load-path={node_modules}",
               str(tmp_dir / SCSS_ENTRY)]
        try:
            run = subprocess.run(cmd, capture_output=True, timeout=SASS_TIMEOUT_SECONDS,
                                 stdin=subprocess.DEVNULL)
        except OSError as e:
            raise ToolError(f"Cannot run Sass ({sass}): {e.strerror or e}; {_INSTALL_HINT}.") from None
        except subprocess.TimeoutExpired:
            raise ToolError(f"Sass did not finish within {SASS_TIMEOUT_SECONDS} seconds.") from None
        if run.returncode == 127:
            raise ToolError("Sass needs Node.js, which was not found: install Node.js, "
                            f"then {_INSTALL_HINT}.")
        if run.returncode != 0:
            raise ContentErrors([_sass_problem(run.stderr.decode("utf-8", "replace"), tmp_dir,
                                               scss, site_root)])
        css = run.stdout

    if not css.endswith(b"\n"):
        css += b"\n"
    if cached is not None:
        _write_atomic(cached, css)
    return css


_TRACE = re.compile(r"^\s+(.+?) (\d+):(\d+)\s+\S.*$")


def _sass_problem(stderr: str, tmp_dir: Path, scss: dict[str, Path], site_root: Path) -> Problem:
    """Sass's report as a problem at the real file and line, named as a content file is
    (from the site's folder; a default of the tool's in full), so an editor's tools open it."""
    lines = stderr.splitlines()
    message = next((ln[len("Error: "):].strip() for ln in lines if ln.startswith("Error: ")), "")
    if not message:
        message = next((ln.strip() for ln in lines if ln.strip()), "Sass reported an error")
    if message.endswith(":"):   # "It's not clear which file to import. Found:" and its list
        start = next(i for i, ln in enumerate(lines) if ln.startswith("Error: ")) + 1
        listed = []
        for line in lines[start:]:
            if not line.strip().endswith((".scss", ".sass", ".css")):   # the source's frame
                break
            listed.append(PurePosixPath(line.strip()).name)
        message += " " + ", ".join(listed) + " (keep one; a partial's name starts with _)"
    marked = _marked(lines) if message.startswith("Undefined") else ""
    if marked:   # "Undefined variable." says which only in the source it underlines
        message = f"{message.rstrip('.')}: {marked}."
    frames = [(m.group(1), int(m.group(2)), int(m.group(3)))
              for m in map(_TRACE.match, lines) if m]
    for file, line, col in frames:                       # innermost first
        real = _real_path(file, tmp_dir, scss)
        if real is not None:
            return error(_named(real, site_root), line,
                         f"Sass could not compile the stylesheet: {message}", col)
    return error(_named(scss[SCSS_ENTRY], site_root), 0,
                 f"Sass could not compile the stylesheet: {message}")


def _marked(lines: list[str]) -> str:
    """The source Sass underlines with ^^^ under its message, if it shows one."""
    for above, below in zip(lines, lines[1:]):
        carets = re.search(r"\^+", below)
        code = re.match(r"\s*\d+ \S ", above)
        if carets and code:
            return above[carets.start():carets.end()].strip()
    return ""


def _named(path: Path, site_root: Path) -> str:
    try:
        return path.resolve().relative_to(site_root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _real_path(reported: str, tmp_dir: Path, scss: dict[str, Path]) -> Path | None:
    if reported.startswith("file://"):
        reported = reported[len("file://"):]
    try:
        rel = Path(reported).resolve().relative_to(tmp_dir.resolve())
    except (ValueError, OSError):
        # Sass may print paths relative to the working directory.
        try:
            rel = (Path.cwd() / reported).resolve().relative_to(tmp_dir.resolve())
        except (ValueError, OSError):
            return None
    return scss.get(rel.as_posix())


def _write_atomic(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    except OSError:
        pass  # a cache that cannot be written only costs the next build a second


def unbuilt_bundle(site_root: Path, tool_root: Path) -> AssetBundle:
    """The names `build_assets` gives, pointing at files that are not built.

    For rendering pages in memory only to check them (`bulletin check`): it
    needs neither Sass nor node_modules, and writes no cache.
    """
    names = {"main.css": f"{OUTPUT_DIR}/main.css",
             "govuk-frontend.js": f"{OUTPUT_DIR}/govuk-frontend.js"}
    for rel in _overlay(Path(site_root), Path(tool_root)):
        if not rel.startswith(SCSS_DIR + "/") and not rel.endswith((".scss", ".sass")):
            names.setdefault(rel, f"{OUTPUT_DIR}/{rel}")
            names.setdefault(PurePosixPath(rel).name, f"{OUTPUT_DIR}/{rel}")
    return AssetBundle(files=(), urls=dict(sorted(names.items())))
