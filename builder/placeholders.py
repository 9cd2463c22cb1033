"""The `[[to do: ...]]` placeholders `bulletin new` leaves where a month's text goes.

In a month that is published, each is an error of the build (and so of `bulletin
check`): the public would read it. In a draft month, `bulletin check` lists each
as a warning: the editor's list of what is still to write.
"""
from __future__ import annotations

import re

from .errors import Problem, error, warning
from .sources import Source, position

PLACEHOLDER = re.compile(r"\[\[to do[^\]]*\]\]", re.IGNORECASE)


def placeholders(source: Source, draft: bool = False) -> list[Problem]:
    problems: list[Problem] = []
    if "[[" not in source.text:   # most files: spares the caseless pattern the scan
        return problems
    for match in PLACEHOLDER.finditer(source.text):
        line, col = position(source.text, match.start())
        if draft:
            problems.append(warning(source.path, line, f"'{match.group(0)}' is still to write; "
                                    "this month is a draft, so it is not published until its "
                                    "issue.yaml says 'status: published'.", col))
        else:
            problems.append(error(source.path, line, f"'{match.group(0)}' is a placeholder left "
                                  "by 'bulletin new', in content that is published; write this "
                                  "month's text in its place, or keep 'status: draft' in the "
                                  "month's issue.yaml until it is ready.", col))
    return problems
