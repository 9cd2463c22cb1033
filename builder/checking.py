"""`bulletin check`: every validation the build makes, plus the editorial checks.

It runs the build's own `validate` (rendering pages in memory to follow links
and anchors) with drafts included, as editors check a month before they
publish it, and never writes anything: not the site, not the Sass cache. It compiles the
stylesheet only when the last build's Sass cache does not hold it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import editorial
from .assets import stylesheet_problems, unbuilt_bundle
from .bulletins import FOLDER as BULLETINS
from .errors import ContentErrors, Problem, TemplateProblem, UsageError
from .folders import CACHE_FOLDER
from .missingfiles import links_into_drafts
from .monthnames import latest_listed
from .pipeline import TOOL_ROOT, in_file_order, validate
from .writtendates import month_written
from .seenpaths import root_option


@dataclass(frozen=True)
class CheckResult:
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.is_error)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors


def run_check(root: Path, today: date | None = None) -> CheckResult:
    try:
        checked = validate(root, drafts=True, assets=lambda: unbuilt_bundle(root, TOOL_ROOT),
                           deck_folders=False)
    except ContentErrors as exc:  # two items would be published at one address
        return CheckResult(tuple(exc.problems))
    except TemplateProblem as exc:
        return CheckResult((exc.problem,))
    problems = list(checked.problems) + stylesheet_problems(root, TOOL_ROOT, root / CACHE_FOLDER)
    if checked.content is not None:
        problems += editorial.check(root, checked.content, today or date.today())
    if checked.content is not None and checked.fragments is not None:
        problems += links_into_drafts(checked.content, checked.fragments.links)
    return CheckResult(tuple(in_file_order(list(dict.fromkeys(problems)))))


def refuse_unknown_month(root: Path, month: str) -> None:
    """Before the check runs (at 10,000 entries it takes seconds), a month the site has no
    folder for is a usage error naming those it has."""
    if not (root / BULLETINS / month).is_dir():
        misnamed = next((p.name for p in sorted((root / BULLETINS).glob("*"))
                         if p.is_dir() and month_written(p.name) == month), None)
        if misnamed:   # 'bulletin new' would start a second, empty month beside it
            raise UsageError(f"there is no folder {BULLETINS}/{month}, but the folder "
                             f"'{misnamed}' is named for that month otherwise; rename it "
                             f"{month}, as month folders are named YYYY-MM.")
        months = sorted(p.name for p in (root / BULLETINS).glob("????-??") if p.is_dir())
        raise UsageError(f"there is no month {month} in {BULLETINS}/ ("
                         + (f"its months are {latest_listed(months)}" if months else
                            "it has no months yet")
                         + f"). To start it: bulletin new {month}{root_option(root)}")


def of_month(result: CheckResult, month: str) -> tuple[CheckResult, int]:
    """What `bulletin check 2026-03` shows: every error (each stops the build, wherever
    it is) and that month's warnings; and how many warnings it leaves out. An editor
    checking March read eight warnings about an old plan before March's own."""
    folder = f"{BULLETINS}/{month}"   # a warning about the month as a whole names the folder
    shown = tuple(p for p in result.problems
                  if p.is_error or p.path == folder or p.path.startswith(folder + "/"))
    return CheckResult(shown), len(result.problems) - len(shown)
