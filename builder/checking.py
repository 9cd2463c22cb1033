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
from .errors import ContentErrors, Problem, TemplateProblem
from .folders import CACHE_FOLDER
from .pipeline import TOOL_ROOT, in_file_order, validate


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
    return CheckResult(tuple(in_file_order(list(dict.fromkeys(problems)))))
