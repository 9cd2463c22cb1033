"""A site's own templates and styles (`templates/`, `assets/` beside its content), checked
where they are written.

Overrides are found by name, so a file in the wrong folder or misspelt is left out in
silence; and a template or stylesheet of the site's own is not read like content, so
what the site promises (no page requests anything from another host; the brand colour
keeps 4.5:1 against the white text on it) is checked here, on the files as written.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path

from .errors import Problem, error, warning
from .safety import is_remote
from .sources import position

# The addresses of elements that load what they name as the page opens (a link to another
# site is fine), and of a stylesheet's url()s and @imports; `safety.is_remote` tells which
# load from another host, as it does for content.
_LOADED = re.compile(
    r"""<(?:script|img|iframe|source|video|audio|embed|object)\b[^>]*?\s(?:src|data|poster)\s*=\s*["']?([^"'\s>]+)"""
    r"""|<link\b(?=[^>]*\brel\s*=\s*["']?(?:stylesheet|icon|preload|modulepreload|manifest|apple-touch-icon)\b)[^>]*?\shref\s*=\s*["']?([^"'\s>]+)""",
    re.IGNORECASE)
_LOADED_BY_CSS = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])([^"')\s]+)""", re.IGNORECASE)
DECK_CSS = "templates/decks/deck.css"
SETTINGS = "assets/scss/_settings.scss"   # where the brand colour is written
_BRAND = re.compile(r"^\s*brand\s*:\s*(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\b", re.MULTILINE)


def check_overrides(site_root: Path, tool_root: Path) -> list[Problem]:
    site_root, tool_root = site_root.resolve(), tool_root.resolve()
    problems = []
    for folder, kinds in (("templates", (".html", ".xml", ".txt", ".css")), ("assets", (".scss", ".css"))):
        for path in _files(site_root / folder):
            if path.suffix in kinds:
                problems += remote_loads(path, site_root)
    problems += deck_css_files(site_root)
    if site_root != tool_root:
        problems += misplaced(site_root, tool_root)
        if (site_root / SETTINGS).is_file():
            problems += brand_contrast(site_root, tool_root)
    return problems


def remote_loads(path: Path, site_root: Path) -> list[Problem]:
    text = path.read_text(encoding="utf-8", errors="replace")
    pattern = _LOADED_BY_CSS if path.suffix in (".scss", ".css") else _LOADED
    rel = path.relative_to(site_root).as_posix()
    problems = []
    for match in pattern.finditer(text):
        address = next(group for group in match.groups() if group)
        if not is_remote(address):
            continue
        line, col = position(text, match.start())
        problems.append(error(rel, line, f"'{address}' loads from another host: no page of the "
                              "site requests anything from another host (it would tell that host "
                              "who reads the bulletin, and leave a gap offline). Save the file in "
                              "assets/ and point to it there.", col))
    return problems


def deck_css_files(site_root: Path) -> list[Problem]:
    """templates/decks/deck.css is written into every deck's folder as it is, and no file
    its url()s name goes with it: a council's logo there was a broken image in each deck,
    with no word said. A stylesheet named under decks.yaml's css: has its files copied."""
    path = site_root / DECK_CSS
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8", errors="replace")
    problems = []
    for match in _LOADED_BY_CSS.finditer(text):
        address = match.group(1)
        if is_remote(address) or address.startswith(("data:", "#")):
            continue   # another host's is an error of remote_loads; these load nothing
        line, col = position(text, match.start(1))
        problems.append(warning(DECK_CSS, line, f"'{address}' is not in the decks' folders: "
                                f"{DECK_CSS} is copied into each deck as it is, and no file it "
                                "names goes with it, so the browser shows nothing there. Move "
                                "the rules that name files into a stylesheet in content/decks/ "
                                "and name it in content/decks.yaml, like 'css: [westshire.css]': "
                                "the files it names are checked and copied into each deck.", col))
    return problems


def misplaced(site_root: Path, tool_root: Path) -> list[Problem]:
    """Files of the site's templates/ and assets/scss/ that override nothing, named like
    one that would (templates/partial/entry.html, _setting.scss), and overrides put where
    they are not looked for (content/templates/, assets/_settings.scss)."""
    problems = []
    for folder in ("templates", "assets/scss"):
        defaults = [p.relative_to(tool_root / folder).as_posix() for p in _files(tool_root / folder)]
        for path in _files(site_root / folder):
            rel = path.relative_to(site_root / folder).as_posix()
            meant = difflib.get_close_matches(rel, defaults, n=1, cutoff=0.8)
            if rel not in defaults and meant and not (site_root / folder / meant[0]).exists():
                problems.append(warning(f"{folder}/{rel}", 0, f"this overrides nothing: did "
                                        f"you mean {folder}/{meant[0]}?"))
    for wrong, right in (("content/templates", "templates"), ("content/assets", "assets")):
        if (site_root / wrong).is_dir():
            problems.append(warning(wrong, 0, f"overrides are looked for in {right}/ beside "
                                    f"content/, not inside it; move the folder there."))
    for path in _files(site_root / "assets"):
        rel = path.relative_to(site_root / "assets").as_posix()
        if path.suffix == ".scss" and not rel.startswith("scss/"):
            problems.append(warning(f"assets/{rel}", 0, f"Sass files are read from "
                                    f"assets/scss/ only; move it to assets/scss/{path.name}."))
    return problems


def written_brand(site_root: Path, tool_root: Path) -> tuple[str, str, int, int] | None:
    """The brand colour as `_settings.scss` writes it, the site's own or else the tool's:
    (colour, the file as messages name it, line, column). None where it is not written
    as a #hex (the compiled stylesheet knows it then: `assets.brand_of`)."""
    rel = SETTINGS
    settings = site_root / rel if (site_root / rel).is_file() else tool_root / rel
    text = settings.read_text(encoding="utf-8", errors="replace") if settings.is_file() else ""
    match = _BRAND.search(text)
    if match is None:
        return None
    return (match.group(1), rel, *position(text, match.start(1)))


def brand_contrast(site_root: Path, tool_root: Path) -> list[Problem]:
    """GOV.UK Frontend writes white text on the brand colour (the notification banner's
    title, the Draft banner's): below 4.5:1 it fails WCAG 2.2 AA."""
    written = written_brand(site_root, tool_root)
    if written is None:
        return []
    brand, rel, line, col = written
    ratio = contrast(brand, "#ffffff")
    if ratio >= 4.5:
        return []
    return [warning(rel, line, f"the brand colour {brand} has a contrast of {ratio:.2f}:1 with "
                    "white, and white text is written on it (the Draft and notification "
                    "banners); choose a darker colour, of at least 4.5:1 (WCAG 2.2 AA).", col)]


def contrast(one: str, other: str) -> float:
    lighter, darker = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    channels = [int(digits[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and
                  not any(part.startswith(".") for part in p.relative_to(folder).parts))
