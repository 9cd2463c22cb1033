"""A date written as people write it, not as YAML reads one (YYYY-MM-DD), given back
year first for the message that refuses it: a trial's '20/03/2026' and '3 March 2026'
were each shown 2026-02-20 as the example, not their own date.

The UK writes the day first ('20/03/2026', '3rd March 2026'), and some pasted text
the month first ('March 3, 2026'); a day and month in figures is read day first.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from .model import MONTH_NAMES
from .monthnames import month_in_figures, year_and_month

_FIGURES = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_MONTH = r"(?P<month>[A-Za-z]{3,})\.?"
_WEEKDAY = r"(?:[A-Za-z]+day,?\s+)?"   # 'Tuesday 3 March 2026'
_IN_WORDS = (re.compile(rf"{_WEEKDAY}{_DAY}(?:\s+of)?\s+{_MONTH},?\s+(?P<year>\d{{4}})", re.I),
             re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+(?P<year>\d{{4}})", re.I))


def year_first(value: Any) -> str | None:
    """`value` as YYYY-MM-DD if it is a real date written otherwise: in figures, day
    first ('20/03/2026', '20.3.2026'), or with the month in words ('3 March 2026', '3rd
    Mar 2026', 'March 3, 2026'); None for anything else."""
    text = str(value).strip()
    figures = _FIGURES.fullmatch(text)
    if figures:
        day, month, year = (int(part) for part in figures.groups())
        return _iso(year, month, day)
    words = next((found for pattern in _IN_WORDS if (found := pattern.fullmatch(text))), None)
    month = _month_numbered(words["month"]) if words else None
    return _iso(int(words["year"]), month, int(words["day"])) if words and month else None


_MONTH_AND_YEAR = (re.compile(rf"{_MONTH}[\s_-]*(?P<year>\d{{4}})", re.I),
                   re.compile(rf"(?P<year>\d{{4}})[\s_-]*{_MONTH}", re.I))


def month_written(text: str) -> str | None:
    """YYYY-MM for a month written otherwise: in words with its year ('March 2026',
    '2026 Mar', 'march_2026') or in figures ('2026-3'); None for anything else. A trial
    named a month's folder 'March 2026'."""
    text = text.strip()
    words = next((found for pattern in _MONTH_AND_YEAR if (found := pattern.fullmatch(text))),
                 None)
    if words is None:
        return month_in_figures(text)
    month = _month_numbered(words["month"])
    meant = f"{words['year']}-{month:02d}" if month else None
    return meant if meant and year_and_month(meant) else None


def _month_numbered(word: str) -> int | None:
    """1 to 12 for a month's name or the start of it ('Mar', 'Sept'); None otherwise."""
    word = word.lower()
    return next((number for number, name in enumerate(MONTH_NAMES)
                 if name and name.lower().startswith(word)), None)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:   # 31/02/2026: not a real date, so no date to give back
        return None
