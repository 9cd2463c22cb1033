"""The floor: a bare PyYAML (C loader) + markdown-it-py + Jinja2 + write loop over the corpus.

    .venv/bin/python bench/floor.py bench/out/corpus-10000 --jobs 2

No validation, no glossary, no links, no decks: the least any Python builder
of these pages can do. Issue 6 asks for a clean build within 1.2x of this
loop on two processes.
"""
from __future__ import annotations

import argparse
import multiprocessing
import shutil
import time
from pathlib import Path

import jinja2
import yaml
from markdown_it import MarkdownIt

TEMPLATE = jinja2.Environment(autoescape=True).from_string(
    "<!doctype html><html><head><title>{{ title }}</title></head>"
    "<body><main><p>{{ meta.summary }}</p>{{ body | safe }}</main></body></html>\n")
_MD = MarkdownIt("commonmark").enable("table")


def build_one(job: tuple[Path, Path]) -> None:
    source, target = job
    _, front, body = source.read_text("utf-8").split("---\n", 2)
    meta = yaml.load(front, Loader=yaml.CSafeLoader) or {}
    html = TEMPLATE.render(title=source.stem, meta=meta, body=_MD.render(body))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, "utf-8")


def run(corpus: Path, out: Path, jobs: int) -> float:
    if out.exists():
        shutil.rmtree(out)
    files = sorted((corpus / "content" / "bulletins").glob("*/*.md"))
    work = [(f, out / f.parent.name / f.stem / "index.html") for f in files]
    started = time.perf_counter()
    if jobs <= 1:
        for job in work:
            build_one(job)
    else:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            pool.map(build_one, work, chunksize=max(1, len(work) // (jobs * 8)))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    seconds = run(args.corpus, args.out or args.corpus / "floor", args.jobs)
    print(f"{seconds:.2f}")


if __name__ == "__main__":
    main()
