"""Would markdown-it-pyrs (Rust) render our Markdown byte for byte as markdown-it-py does?

    bench/.peers/venv/bin/python bench/pyrs_check.py bench/out/corpus-1000 content

Runs in the peers' venv (markdown-it-pyrs is not a project dependency).
Compares the plain CommonMark + tables HTML of every Markdown file under the
given folders. This is the most the two can share: our renderer also runs a
core rule over markdown-it-py's tokens (classes, ids, link checks) and the
footnote and anchor plugins, which markdown-it-pyrs has no hook for, so even
identical plain output would not make it a drop-in backend.
"""
from __future__ import annotations

import sys
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it_pyrs import MarkdownIt as RustMarkdownIt


def body(text: str) -> str:
    return text.split("---\n", 2)[2] if text.startswith("---\n") else text


def main() -> None:
    py = MarkdownIt("commonmark", {"html": True}).enable("table")
    rs = RustMarkdownIt("commonmark").enable("table")
    files = [f for folder in sys.argv[1:] for f in sorted(Path(folder).rglob("*.md"))]
    differ = [f for f in files if py.render(body(f.read_text("utf-8")))
              != rs.render(body(f.read_text("utf-8")))]
    print(f"{len(files) - len(differ)} of {len(files)} files identical; "
          f"{len(differ)} differ" + (f", first: {differ[0]}" if differ else ""))


if __name__ == "__main__":
    main()
