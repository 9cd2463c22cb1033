"""Compile the site's Sass to a stylesheet, cached, with Sass's errors made editors' problems.

`compile_css` runs Dart Sass (from node_modules, installed by `make build`) on
a copy of the Sass files in a temporary folder, so the site's partials replace
the tool's file by file without touching either folder. Compiling takes about
a second, so the CSS is cached in `cache_dir`, named by the entry compiled and
keyed by the bytes of every Sass input and the Sass and GOV.UK Frontend
versions. The entry is `main.scss`, the site's stylesheet, unless told:
`deck-exit.scss` makes the one a deck with "Exit this page" copies
(`builder.assets.deck_exit_css`).
"""
from __future__ import annotations

import hashlib
import json
import re
import subprocess
import tempfile
from pathlib import Path, PurePosixPath

from builder.atomicfile import write_atomically
from builder.errors import ContentErrors, Problem, ToolError, error

SCSS_ENTRY = "main.scss"       # compiled to main.css
DECK_EXIT_ENTRY = "deck-exit.scss"   # compiled to a deck's bulletin-exit-this-page.css
SASS_TIMEOUT_SECONDS = 180
INSTALL_HINT = "run `make build`, which installs them from package-lock.json (npm ci)"
_CACHE_FORMAT = b"bulletin-assets-css-1"


def read_bytes(path: Path) -> bytes:
    """A file's bytes, or a ToolError naming it."""
    try:
        return path.read_bytes()
    except OSError as e:
        raise ToolError(f"Cannot read {path}: {e.strerror or e}") from None


def _package_version(node_modules: Path, package: str) -> str:
    try:
        return str(json.loads((node_modules / package / "package.json").read_text("utf-8"))["version"])
    except (OSError, ValueError, KeyError):
        raise ToolError(f"Cannot read the version of {package} in {node_modules}: {INSTALL_HINT}.") from None


def _cache_key(scss: dict[str, Path], node_modules: Path) -> tuple[str, dict[str, bytes]]:
    h = hashlib.sha256(_CACHE_FORMAT)
    for package in ("sass", "govuk-frontend"):
        h.update(b"\0" + package.encode() + b"@" + _package_version(node_modules, package).encode())
    contents: dict[str, bytes] = {}
    for rel in sorted(scss):
        data = read_bytes(scss[rel])
        contents[rel] = data
        h.update(b"\0" + rel.encode("utf-8") + b"\0" + str(len(data)).encode() + b"\0" + data)
    return h.hexdigest(), contents


def compile_css(scss: dict[str, Path], sass: Path, node_modules: Path,
                 cache_dir: Path | None, site_root: Path, entry: str = SCSS_ENTRY, *,
                 store: bool = True) -> bytes:
    """The stylesheet `entry` compiles to, from the cache when it holds these inputs' CSS;
    `store=False` reads the cache but never writes it (`bulletin check` writes nothing)."""
    key, contents = _cache_key(scss, node_modules)
    # named by the entry, then the inputs: the key is the same for every entry
    stem = entry.removesuffix(".scss")
    cached = Path(cache_dir) / f"{stem}-{key[:32]}.css" if cache_dir is not None else None
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
               str(tmp_dir / entry)]
        try:
            run = subprocess.run(cmd, capture_output=True, timeout=SASS_TIMEOUT_SECONDS,
                                 stdin=subprocess.DEVNULL)
        except OSError as e:
            raise ToolError(f"Cannot run Sass ({sass}): {e.strerror or e}; {INSTALL_HINT}.") from None
        except subprocess.TimeoutExpired:
            raise ToolError(f"Sass did not finish within {SASS_TIMEOUT_SECONDS} seconds.") from None
        if run.returncode == 127:
            raise ToolError("Sass needs Node.js, which was not found: install Node.js, "
                            f"then {INSTALL_HINT}.")
        if run.returncode != 0:
            raise ContentErrors([_sass_problem(run.stderr.decode("utf-8", "replace"), tmp_dir,
                                               scss, site_root, entry)])
        css = run.stdout

    if not css.endswith(b"\n"):
        css += b"\n"
    if cached is not None and store:
        try:
            write_atomically(cached, css)
        except OSError:
            pass  # a cache that cannot be written only costs the next build a second
    return css


_TRACE = re.compile(r"^\s+(.+?) (\d+):(\d+)\s+\S.*$")


def _sass_problem(stderr: str, tmp_dir: Path, scss: dict[str, Path], site_root: Path,
                  entry: str) -> Problem:
    """Sass's report as a problem at the real file and line, named as a content file is
    (from the site's folder; a default of the tool's in full), so an editor's tools open it."""
    lines = stderr.splitlines()
    message = next((ln[len("Error: "):].strip() for ln in lines if ln.startswith("Error: ")), "")
    if not message:
        message = next((ln.strip() for ln in lines if ln.strip()), "Sass reported an error")
    if message.endswith(":"):   # "It's not clear which file to import. Found:" and its list
        # (a message taken from another first line has no list after it)
        start = next((i for i, ln in enumerate(lines) if ln.startswith("Error: ")), len(lines)) + 1
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
            return error(shown_path(real, site_root), line,
                         f"Sass could not compile the stylesheet: {message}", col)
    return error(shown_path(scss[entry], site_root), 0,
                 f"Sass could not compile the stylesheet: {message}")


def _marked(lines: list[str]) -> str:
    """The source Sass underlines with ^^^ under its message, if it shows one."""
    for above, below in zip(lines, lines[1:]):
        carets = re.search(r"\^+", below)
        code = re.match(r"\s*\d+ \S ", above)
        if carets and code:
            return above[carets.start():carets.end()].strip()
    return ""


def shown_path(path: Path, site_root: Path) -> str:
    """A file named as content files are, from the site's folder; a default of the tool's in full."""
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
