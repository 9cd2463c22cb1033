"""What the deck tests share: fixture decks, decks built from text, and the slide
tree reveal.js's own markdown plugin makes of a deck (the reference)."""
from __future__ import annotations

import html
import json
import shutil
import subprocess
import sys
from pathlib import Path

from builder.decks.handwritten import read_handwritten
from builder.decks.source import read_deck

TOOL_ROOT = Path(__file__).resolve().parents[2]
DECKS = TOOL_ROOT / "tests" / "fixtures" / "decks"
SEED = TOOL_ROOT / "content" / "decks" / "community-safety-and-performance.md"
REVEAL = TOOL_ROOT / "node_modules" / "reveal.js" / "dist"
AXE = TOOL_ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

# The same walk over both pages: per horizontal slide, per vertical slide,
# the visible headings, the notes' text, the slide's attributes and the
# classes set on elements (notes and hidden headings left out).
TREE_JS = """() => {
  const norm = (t) => t.replace(/\\s+/g, ' ').trim();
  const own = (s, el) => !el.closest('aside.notes') && !el.classList.contains('deck-sr-only');
  return Array.from(document.querySelectorAll('.reveal .slides > section')).map((h) => {
    const inner = h.querySelectorAll(':scope > section');
    return (inner.length ? Array.from(inner) : [h]).map((s) => ({
      headings: Array.from(s.querySelectorAll('h1,h2,h3,h4,h5,h6'))
        .filter((e) => own(s, e)).map((e) => norm(e.textContent)),
      notes: norm((s.querySelector('aside.notes') || {textContent: ''}).textContent),
      attributes: Object.fromEntries(Array.from(s.attributes)
        .filter((a) => /^data-(?!markdown|index|previous|fragment)|^(class|id)$/.test(a.name))
        .filter((a) => !(a.name === 'class' && /^(present|past|future|stack)/.test(a.value)))
        .map((a) => [a.name, a.value])),
      elements: Array.from(s.querySelectorAll('[class], [data-id], [style]'))
        .filter((e) => own(s, e) && !e.closest('pre') && e.tagName !== 'SECTION')
        .map((e) => e.tagName.toLowerCase() + '.' + (e.getAttribute('class') || '')
             + (e.getAttribute('style') ? '[' + e.getAttribute('style') + ']' : '')),
    }));
  });
}"""


def copy_deck(source: Path, folder: Path, *, crlf: bool = False) -> Path:
    """A fixture deck (and the seed's backgrounds) in a folder of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    text = source.read_bytes()
    target.write_bytes(text.replace(b"\n", b"\r\n") if crlf else text)
    backgrounds = source.parent / "backgrounds"
    if backgrounds.is_dir():
        shutil.copytree(backgrounds, folder / "backgrounds", dirs_exist_ok=True)
    return target


def reference_page(deck: Path, folder: Path) -> Path:
    """A page where reveal.js's markdown plugin splits and renders the deck itself,
    given the same separators reveal-md would give it."""
    problems: list = []
    source = read_deck(deck.parent, deck, problems)
    options = source.options
    attrs = {"data-separator": options.separator,
             "data-separator-notes": options.notes_separator}
    if options.vertical_separator:
        attrs["data-separator-vertical"] = options.vertical_separator
    written = " ".join(f'{k}="{html.escape(v)}"' for k, v in attrs.items())
    page = f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>reference</title>
<link rel="stylesheet" href="{REVEAL.as_uri()}/reveal.css"></head><body>
<div class="reveal"><div class="slides"><section data-markdown {written}>
<textarea data-template>{html.escape(source.body)}</textarea></section></div></div>
<script src="{REVEAL.as_uri()}/reveal.js"></script>
<script src="{REVEAL.as_uri()}/plugin/markdown.js"></script>
<script>Reveal.initialize({{hash: true, plugins: [RevealMarkdown]}});</script></body></html>"""
    target = folder / "reference.html"
    target.write_text(page, encoding="utf-8")
    return target


def slide_tree(page, url: str) -> list:
    page.goto(url)
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    return page.evaluate(TREE_JS)


def dumps(tree) -> str:
    return json.dumps(tree, indent=1, ensure_ascii=False)


def deck_from(tmp_path: Path, text: str, name: str = "talk.md"):
    file = tmp_path / name
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    problems: list = []
    deck = read_handwritten(tmp_path, file, file.stem, problems)
    return deck, problems


def messages(problems, severity: str | None = None) -> list[str]:
    return [f"{p.path}:{p.line}: {p.message}" for p in problems
            if severity is None or p.severity.value == severity]


# What a deck made on its own must not import: the site model and readers, the disk
# cache's blob store, the monthly decks' scan of HTML and cached summaries.
SITE_MODULES = ("builder.model", "builder.bulletins", "builder.fields", "builder.cache",
                "builder.blobs", "builder.decks.spans", "builder.decks.summary")


def imported_by_deck(deck: Path, out: Path, *options: str,
                     modules: tuple[str, ...] = SITE_MODULES) -> list[str]:
    """Which of `modules` `bulletin deck DECK --out OUT OPTIONS` imports, run in a process
    of its own (in `out`'s parent folder)."""
    code = ("import json, sys\nfrom builder.cli import main\n"
            f"assert main(['deck', {str(deck)!r}, '--out', {str(out)!r}, *{options!r}]) == 0\n"
            f"print(json.dumps([m for m in {modules!r} if m in sys.modules]))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=out.parent)
    return json.loads(done.stdout.splitlines()[-1])
