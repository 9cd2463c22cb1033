"""`bulletin deck FILE.md`: one deck on its own, like `reveal-md --static`.

Writes the deck folder (index.html with only the reveal.js files and assets
it uses), or with `--single-file` one HTML file, and with `--pdf` a PDF
(`--handout`: speaker notes on their own pages). Every output is written
whole or not at all.
"""
from __future__ import annotations

import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..atomicfile import write_atomically
from ..errors import ContentErrors, Problem, Severity, UsageError
from ..folders import CACHE_FOLDER, site_folder_holding
from ..markdown import slugify
from ..output import cannot_write, make_folder, write_site
from ..templating import KEPT_TEMPLATES, make_environment
from ..texts import EXIT_THIS_PAGE_URL
from .handwritten import read_handwritten
from .ownsite import OwnSite, own_site
from .page import render_deck


@dataclass(frozen=True)
class DeckJob:
    """What `bulletin deck` was asked to do."""

    file: Path
    out: Path
    single: bool = False
    pdf: bool = False
    handout: bool = False
    strict: bool = False


@dataclass(frozen=True)
class DeckResult:
    """What `bulletin deck` did: its warnings, the files written, slides and pages."""

    problems: tuple[Problem, ...]
    written: tuple[Path, ...]
    slides: int
    pages: int | None = None


DECK_SUFFIXES = (".md", ".markdown")   # the names Markdown files go by


def build_deck(job: DeckJob, tool_root: Path) -> DeckResult:
    if job.file.is_dir():
        raise UsageError(f"{job.file} is a folder; give the deck's Markdown file, like "
                         "content/decks/<name>.md, or a month for the month's deck, like "
                         "`bulletin deck 2026-02`.")
    if not job.file.is_file():
        raise UsageError(f"{job.file} is not a file; give the deck's Markdown file, or a "
                         "month (YYYY-MM) for the month's deck.")
    if job.file.suffix.lower() not in DECK_SUFFIXES:
        raise UsageError(f"{job.file} is not a Markdown file; a deck is written in Markdown, "
                         "in a file named like content/decks/<name>.md.")
    root = _root_for(job.file)
    site = own_site(job.file, root)
    _refuse_out_in_content(job, site)
    problems: list[Problem] = []
    reviewed = site.reviewed(problems) if site else frozenset()
    deck = read_handwritten(root, job.file.resolve(), slugify(job.file.stem), problems, reviewed,
                            site=site.links if site else None)   # a site's deck is published
    failing = [p for p in problems if p.is_error or job.strict and p.severity is Severity.WARNING]
    if deck is None or failing:
        raise ContentErrors(sorted(problems, key=lambda p: (p.path, p.line)))
    env = make_environment(root, tool_root, keep_compiled=tool_root / KEPT_TEMPLATES)
    exit_url = site.exit_url() if site and deck.options.exit_this_page else EXIT_THIS_PAGE_URL
    files = render_deck(deck, env, tool_root / "node_modules", lambda: _exit_css(root, tool_root),
                        exit_url=exit_url)
    carried: list[Problem] = []
    if site and (job.single or job.pdf):   # opened away from the site (its folder's links stay)
        files, carried = site.carry(files)
    ordered = sorted(problems + carried, key=lambda p: (p.path, p.line))
    if job.strict and carried:
        raise ContentErrors(ordered)
    written, pages = write_deck(job, files, job.file.stem)
    return DeckResult(tuple(ordered), tuple(written), deck.slide_count, pages)


def write_deck(job: DeckJob, files: dict[str, bytes], stem: str
               ) -> tuple[list[Path], int | None]:
    """What `job` asks for of the deck whose folder is `files` (relative path -> bytes):
    the folder at `job.out`, or OUT/STEM.html, OUT/STEM.pdf or OUT/STEM-handout.pdf.
    Returns the paths written and, for a PDF, its pages."""
    written: list[Path] = []
    pages = None
    if not job.single and not job.pdf:
        _refuse_foreign_folder(job.out)
        write_site({**_printed_beside(job.out, files), **files}, job.out, search_tool=None)
        written.append(job.out / "index.html")
    # The single-file and PDF writers are imported only when asked for: start-up is most of
    # the time a deck takes.
    if job.single or job.pdf:
        make_folder(job.out, job.out)   # before Chromium prints for a while
    if job.single:
        from .single import single_file
        with _writing_into(job.out):
            written.append(_write_file(job.out / f"{stem}.html", single_file(files)))
    if job.pdf:
        from .pdf import print_pdf
        with tempfile.TemporaryDirectory(prefix="bulletin-deck-") as tmp:
            for rel, data in files.items():
                (Path(tmp) / rel).parent.mkdir(parents=True, exist_ok=True)
                (Path(tmp) / rel).write_bytes(data)
            target = job.out / (f"{stem}-handout.pdf" if job.handout else f"{stem}.pdf")
            with _writing_into(job.out):
                pages = print_pdf(Path(tmp) / "index.html", target, handout=job.handout)
            written.append(target)
    return written, pages


def _exit_css(root: Path, tool_root: Path) -> bytes:
    """The stylesheet of "Exit this page", for a deck that asks for it: compiled by Sass,
    imported only then (see builder.decks.exitpage), and kept in the tool's Sass cache,
    keyed by every input (without it, each such deck took 0.6 s more)."""
    from ..assets import deck_exit_css
    return deck_exit_css(root, tool_root, tool_root / CACHE_FOLDER)


def _root_for(file: Path) -> Path:
    """Messages name the file relative to the current folder when it is inside it."""
    here = Path.cwd().resolve()
    try:
        file.resolve().relative_to(here)
        return here
    except ValueError:
        return file.resolve().parent


def _refuse_out_in_content(job: DeckJob, site: OwnSite | None) -> None:
    """A site's deck written into content/ (or templates/, assets/) would sit among the
    site's own files, and the next build would read its copy of reveal.js and the deck's
    HTML as theirs (into assets/, it published them)."""
    folder = site_folder_holding(job.out, site.folder) if site else None
    if folder:
        raise UsageError(f"--out {job.out} is inside the site's {folder}/ folder; write the "
                         "deck somewhere else, like the default _static/ or your Desktop.")


def _refuse_foreign_folder(out: Path) -> None:
    """The folder is replaced whole, so it must be new, an earlier deck, or hold only what
    --pdf and --single-file write (kept: `_printed_beside`)."""
    if not out.exists():
        return
    if out.is_dir() and (((out / "index.html").is_file() and (out / "reveal.js").is_dir())
                         or all(_printed(entry) for entry in out.iterdir())):
        return
    raise UsageError(f"{out} exists and is not a deck folder; it would be replaced. "
                     "Give --out a new or empty folder.")


def _printed(entry: Path) -> bool:
    """What --pdf, --handout and --single-file write into --out: NAME.pdf, NAME-handout.pdf,
    NAME.html (any deck's NAME: decks share the default _static/)."""
    return entry.is_file() and (entry.suffix == ".pdf"
                                or entry.suffix == ".html" and entry.name != "index.html")


def _printed_beside(out: Path, files: dict[str, bytes]) -> dict[str, bytes]:
    """The PDFs and single files at the top of the folder, for the rebuilt folder to keep:
    the README's own examples write all three into _static/, and a rebuild of the deck
    deleted the PDF and handout an earlier run had printed there."""
    if not out.is_dir():
        return {}
    return {entry.name: entry.read_bytes() for entry in out.iterdir()
            if _printed(entry) and entry.name not in files}


@contextmanager
def _writing_into(out: Path):
    """A file that cannot be written into `out` (a folder that takes no files) is the
    command line's mistake, said in words; any other OSError is not."""
    try:
        yield
    except OSError as exc:
        if exc.filename and not Path(exc.filename).resolve().is_relative_to(out):
            raise
        raise UsageError(cannot_write(out, exc)) from None


def _write_file(path: Path, data: bytes) -> Path:
    write_atomically(path, data, 0o644)
    return path
