"""Which themes a month has no file for, and whether that is a mistake.

A month's folder is read on its own (and kept in the build cache as such), so
it can only list the themes it lacks (`Issue.missing_themes`); whether one is
missing by mistake depends on the other months. A published month without a
file for a theme that earlier months have is an error: an editor renaming
`hate-crime.md` to `hate-crime.MD`, or deleting it, would otherwise publish an
issue without that theme. A theme's first months and a draft are told with a
warning; months before its `started:` or after its `ended:` month need nothing,
and a file for the theme in one of them is a warning (it is published all the same).
"""
from __future__ import annotations

import posixpath

from .content import THEMES_FILE
from .errors import Problem, error, warning
from .model import Content, Issue, Month, Theme


def missing_themes(content: Content) -> list[Problem]:
    if content.unreadable(THEMES_FILE):
        return []   # its own errors come first: judged by a themes.yaml half read, every month would err
    problems: list[Problem] = []
    last_file: dict[str, Month] = {}   # each theme's latest month so far with a file for it
    for issue in content.issues:   # oldest first
        for theme in content.themes:
            if theme.slug not in issue.missing_themes:
                last_file[theme.slug] = issue.month
                problems += _outside_its_months(issue, theme)
                continue
            problem = _missing(issue, theme, last_file.get(theme.slug))
            if problem is not None:
                problems.append(problem)
    return problems


def _outside_its_months(issue: Issue, theme: Theme) -> list[Problem]:
    """A file for a theme in a month after its `ended:` one, or before its `started:` one,
    is still published: say so."""
    if theme.runs_in(issue.month):
        return []
    if theme.ended is not None and issue.month > theme.ended:
        when, key, which = f"ended in {theme.ended.label}", "ended", "last"
    else:
        when, key, which = f"starts in {theme.started.label}", "started", "first"
    return [warning(f"{posixpath.dirname(issue.origin.path)}/{theme.slug}.md", 0,
                    f"the theme '{theme.title}' {when} ({THEMES_FILE}), "
                    f"but this month has a file for it, which "
                    f"{'will be published with the month' if issue.is_draft else 'is published'}"
                    f"; delete the file, or change '{key}:' to the theme's real {which} month.")]


def _missing(issue: Issue, theme: Theme, last_file: Month | None) -> Problem | None:
    if not theme.runs_in(issue.month):
        return None
    folder = posixpath.dirname(issue.origin.path)
    add = (f"add {theme.slug}.md (with 'no_update: true' in its front matter if there is "
           "no update this month)")
    if last_file is not None and not issue.is_draft:
        return error(folder, 0, f"this month is published but has no file for the theme "
                                f"'{theme.title}', which earlier months have; {add}. If the "
                                f"theme has ended, write 'ended: {last_file.slug}' (its last "
                                f"month) under it in {THEMES_FILE}.")
    return warning(folder, 0, f"there is no file for the theme '{theme.title}'; {add}. If the "
                              f"theme starts later, write 'started: YYYY-MM' (its first month) "
                              f"under it in {THEMES_FILE}.")
