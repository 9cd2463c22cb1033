"""The edits of the warm rebuilds: one theme file, the glossary (every page changes), a
template (every page changes). bench/run.py times a rebuild after each; bench/memory.py
--warm measures the memory of one."""
from __future__ import annotations

import shutil
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

TOOL_ROOT = Path(__file__).resolve().parent.parent
KINDS = ("one theme file", "glossary", "template")


def _entry(root: Path) -> Path:
    return sorted((root / "content/bulletins").iterdir())[-1] / "theme-01.md"


@contextmanager
def editing(root: Path, kind: str) -> Iterator[Callable[[int], None]]:
    """A function making the n-th edit of `kind` in the corpus at `root` (each differs from
    the last, so each rebuild has work to do); the corpus is put back as it was after."""
    entry, glossary = _entry(root), root / "content/glossary.yaml"
    originals = {p: p.read_text("utf-8") for p in (entry, glossary)}
    base = (TOOL_ROOT / "templates/base.html").read_text("utf-8")

    def edit(n: int) -> None:
        stamp = f"{n} {time.time()}"
        if kind == "one theme file":
            entry.write_text(originals[entry] + f"\nBenchmark edit {stamp}.\n", "utf-8")
        elif kind == "glossary":
            glossary.write_text(originals[glossary].replace(
                "abbreviations:\n",
                f"abbreviations:\n  - abbr: ZQ{n}X\n    expansion: Bench {stamp}\n", 1), "utf-8")
        else:
            (root / "templates").mkdir(exist_ok=True)
            (root / "templates/base.html").write_text(
                base.replace("</footer>", f"</footer><!-- bench {stamp} -->"), "utf-8")
    try:
        yield edit
    finally:
        for path, text in originals.items():
            path.write_text(text, "utf-8")
        shutil.rmtree(root / "templates", ignore_errors=True)
