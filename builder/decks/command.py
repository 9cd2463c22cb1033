"""`bulletin deck`'s argument: a hand-written deck's file, or a month for the month's deck.

Told apart before anything heavy is imported: a hand-written deck is over in a
tenth of a second, most of it start-up, and does not load the site's model.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import UsageError
from ..monthnames import month_named
from .standalone import DeckJob, DeckResult, build_deck



def run_deck(args, tool_root: Path) -> DeckResult:
    """The deck `args` (the command line's) names, written where they say. For a month,
    `args.root` is set to the site's folder, which messages name files from."""
    if args.handout and not args.pdf:
        raise UsageError("--handout goes with --pdf: bulletin deck FILE.md --pdf --handout "
                         "(or a month: bulletin deck 2026-02 --pdf --handout)")
    job = DeckJob(args.file, args.out.resolve(), args.single_file, args.pdf, args.handout,
                  args.strict)
    month = month_named(args.file, "bulletin deck")
    if month is None:
        if args.root is not None or args.drafts:
            raise UsageError("--root and --drafts go with a month's deck, like bulletin deck "
                             "2026-02 --root DIR --drafts; a deck's own file is read alone.")
        return build_deck(job, tool_root)
    args.root = (args.root or _site_above(args.file)).resolve()
    if not args.root.is_dir():
        raise UsageError(f"--root {args.root} is not a folder")
    from .month import build_month_deck   # the site's model and readers: only for a month
    return build_month_deck(job, month, args.root, args.drafts, tool_root)


def _site_above(given: Path) -> Path:
    """The site a month's folder or a built deck's folder is in (the nearest folder above
    it with content/ in it); the current folder for a month written alone."""
    if given.is_dir():
        for folder in given.resolve().parents:
            if (folder / "content").is_dir():
                return folder
    return Path(".")
