"""The one full date an action-plan update is about, when its text gives exactly one.

Numeric dates only (06/10/2019, 13/08/19, 11.12.19): dates in words ('24 July
2019') and parts of lists or ranges ('15-16/05/2019', '4, 5/12/2018') are
left for a person, as the text gives no single day.
"""
from __future__ import annotations

import re
from datetime import date

_DATE = re.compile(r"(?<![\d/.])(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|\.\d)")
_LIST_OR_RANGE_BEFORE = re.compile(r"\d\s*(?:,|-|–|&|and)\s*$")


def update_date(text: str) -> date | None:
    found = []
    for match in _DATE.finditer(text):
        if _LIST_OR_RANGE_BEFORE.search(text[:match.start()]):
            return None
        day, month, year = int(match.group(1)), int(match.group(3)), match.group(4)
        try:
            found.append(date(int(year) if len(year) == 4 else 2000 + int(year), month, day))
        except ValueError:
            return None
    return found[0] if len(found) == 1 else None
