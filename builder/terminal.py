"""How the command shows what happened on the terminal: problems and folders with their
paths as seen from where it was run, counts, and `serve`'s report of each rebuild.
Only `cli` imports it; the exit codes stay there. How a path is seen from the folder
the command was run in is `seenpaths`, which other messages use too."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from .errors import Problem
from .seenpaths import root_option, seen_from_here
from .texts import count, joined


class RebuildReporter:
    """The terminal side of `serve`: each failed rebuild's problems once, never a traceback
    for content; warnings when they change."""

    def __init__(self, root: Path):
        self.root = root
        self.live = False       # False during the first build, which reports like `build`
        self.warnings: tuple = ()
        self.failing = False
        self.drafts: tuple[str, ...] = ()

    def __call__(self, outcome) -> None:
        if not outcome.ok:
            report(outcome.problems, self.root)
            if outcome.trace:
                print(outcome.trace, file=sys.stderr, end="")
            errors = sum(1 for p in outcome.problems if p.is_error)
            kept = "Still serving the last good site" if self.live else "Nothing to serve yet"
            verb = "Rebuild" if self.live else "Build"
            print(f"{verb} failed: {count(errors, 'error')}. {kept}; the browser shows the "
                  "problems until they are fixed.", file=sys.stderr, flush=True)
            self.failing = True
            return
        if outcome.problems != self.warnings:
            report(outcome.problems, self.root)
            self.warnings = outcome.problems
        changes = outcome.changes
        changed = len(changes.written) + len(changes.removed)
        what = count(changed, "file") + " changed" if changed else "nothing changed"
        verb = "Rebuilt" if self.live else "Built"
        fixed = "; the problems are fixed" if self.failing else ""
        self.failing = False
        print(f"{verb} in {outcome.seconds:.2f}s: {what}{fixed}.", flush=True)
        if outcome.drafts != self.drafts:
            if outcome.drafts:
                print(drafts_left_out(outcome.drafts, self.root, serving=True), flush=True)
            self.drafts = outcome.drafts


def drafts_left_out(months: tuple[str, ...], root: Path, *, serving: bool = False) -> str:
    """A draft's mistakes are not the build's, so it said nothing of a month with errors in
    it (a reader's trial): the editor learns it was left out, and where to look. The
    preview said nothing either, and its address for the month was 'Page not found'
    (an editor's trial)."""
    which = ("the draft month " + months[0] if len(months) == 1
             else "the draft months " + ", ".join(months))
    then = (f"; 'bulletin serve --drafts{root_option(root)}' previews "
            f"{'it' if len(months) == 1 else 'them'}" if serving else "")
    return (f"Left out {which}: a month is published once its issue.yaml says 'status: "
            f"published'. Run 'bulletin check{' ' + months[0] if len(months) == 1 else ''}"
            f"{root_option(root)}' to list what is still to write{then}.")


def report(problems, root: Path | None = None) -> None:
    for problem in from_here(problems, root):
        print(str(problem), file=sys.stderr)


def from_here(problems, root: Path | None) -> tuple[Problem, ...]:
    """Problems with their paths as seen from where the command was run, so an editor's
    tools open them when --root names another folder (a problem's path is the site's)."""
    if root is None:
        return tuple(problems)
    return tuple(replace(p, path=seen_from_here(p.path, root)) for p in problems)


def warn_skipped(month: str, source: str | None, skipped: tuple[str, ...], root: Path) -> None:
    """`bulletin new` past a gap: a month started so may be a slip of the keyboard, found
    only when a month is missing from the site."""
    folder = seen_from_here(f"content/bulletins/{month}", root)
    have = "has" if len(skipped) == 1 else "have"
    print(f"{folder}: warning: {joined(list(skipped))} {have} no issue, so this month was "
          f"started from {source}. If you meant {skipped[0]}, delete {folder} and run "
          f"'bulletin new {skipped[0]}{root_option(root)}'.", file=sys.stderr)
