"""Which themes a month has no file for, and whether that is a mistake.

A month's folder is read on its own (and kept in the build cache as such), so
it can only list the themes it lacks (`Issue.missing_themes`); whether one is
missing by mistake depends on the other months. A published month without a
file for a theme that earlier months have is an error: an editor renaming
`hate-crime.md` to `hate-crime.MD`, or deleting it, would otherwise publish an
issue without that theme. A theme's first months, a draft, and months after a
theme's `ended:` month are told with a warning, or nothing; a file for a theme
in a month after its `ended:` one is a warning (it is published all the same).
"""
from __future__ import annotations

import posixpath

from .errors import Problem, error, warning
from .model import Content, Issue, Month, Theme

THEMES = "content/themes.yaml"


def missing_themes(content: Content) -> list[Problem]:
    if content.unreadable(THEMES):
        return []   # its own errors come first: judged by a themes.yaml half read, every month would err
    problems: list[Problem] = []
    last_file: dict[str, Month] = {}   # each theme's latest month so far with a file for it
    for issue in content.issues:   # oldest first
        for theme in content.themes:
            if theme.slug not in issue.missing_themes:
                last_file[theme.slug] = issue.month
                problems += _after_its_end(issue, theme)
                continue
            problem = _missing(issue, theme, last_file.get(theme.slug))
            if problem is not None:
                problems.append(problem)
    return problems


def _after_its_end(issue: Issue, theme: Theme) -> list[Problem]:
    """A file for a theme in a month after its `ended:` one is still published: say so."""
    if theme.ended is None or issue.month <= theme.ended:
        return []
    return [warning(f"{posixpath.dirname(issue.origin.path)}/{theme.slug}.md", 0,
                    f"the theme '{theme.title}' ended in {theme.ended.label} (content/themes.yaml), "
                    f"but this month has a file for it, which "
                    f"{'will be published with the month' if issue.is_draft else 'is published'}"
                    f"; delete the file, or "
                    f"change 'ended:' to the theme's real last month.")]


def _missing(issue: Issue, theme: Theme, last_file: Month | None) -> Problem | None:
    if theme.ended is not None and issue.month > theme.ended:
        return None
    folder = posixpath.dirname(issue.origin.path)
    add = (f"add {theme.slug}.md (with 'no_update: true' in its front matter if there is "
           "no update this month)")
    if last_file is not None and not issue.is_draft:
        return error(folder, 0, f"this month is published but has no file for the theme "
                                f"'{theme.title}', which earlier months have; {add}. If the "
                                f"theme has ended, write 'ended: {last_file.slug}' (its last "
                                f"month) under it in content/themes.yaml.")
    return warning(folder, 0, f"there is no file for the theme '{theme.title}'; {add}.")
