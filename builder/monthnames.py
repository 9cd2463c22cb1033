"""Months as bulletin writes them, YYYY-MM, read without the site's model.

`bulletin deck` and `bulletin check` read a month from the command line before
anything heavy is imported; `bulletin new`, `init` and the site's month folders
read the same months. One reading, so that no command takes a month another
refuses (the deck's own pattern once took 1999-02, which `new` refused).
"""
from __future__ import annotations

import re
from pathlib import Path

from .errors import UsageError

MONTH_NAME = re.compile(r"(\d{4})-(\d{2})")
# Years a bulletin is published in: 0226-03 or 2260-03 is a slip of the keyboard.
YEARS = range(2000, 2101)
# Written as a month, but not as YYYY-MM: 2026-2, 2026/02, 202602, 02-2026.
_MONTH_LIKE = re.compile(r"(\d{4})[-/_. ]?(\d{1,2})|(\d{1,2})[-/_. ](\d{4})")
EXAMPLE = "2026-03"


def year_and_month(text: str) -> tuple[int, int] | None:
    """The year and month of `text` written YYYY-MM; None for anything else."""
    found = MONTH_NAME.fullmatch(text)
    if found is None:
        return None
    year, month = int(found.group(1)), int(found.group(2))
    return (year, month) if year in YEARS and 1 <= month <= 12 else None


def month_named(given: Path, command: str) -> str | None:
    """The month (YYYY-MM) `given` names on `command`'s line: a month as written, a
    month's folder (content/bulletins/2026-02) or a built deck's (site/decks/2026-02/);
    None for a file, or anything not written like a month. A month written otherwise,
    or one past 12, is a usage error saying how to write it."""
    name = given.name if given.is_dir() else str(given).strip() if not given.exists() else None
    if name is None or not _MONTH_LIKE.fullmatch(name):
        return None
    if year_and_month(name) is None:
        raise not_a_month(name, command)
    return name


def not_a_month(given: str, command: str) -> UsageError:
    """The usage error for `given` on `command`'s line: what is wrong, and the month it
    seems to mean written as bulletin writes it."""
    return UsageError(f"'{given}' is not a month: {_what_is_wrong(given.strip())}, like "
                      f"{command} {_month_meant(given.strip())}")


def _what_is_wrong(text: str) -> str:
    found = MONTH_NAME.fullmatch(text)
    if found is None and _MONTH_LIKE.fullmatch(text):
        return "write YYYY-MM, the year, a hyphen, then the month in two digits"
    if found is None:
        return "write YYYY-MM, the year in full, then the month"
    if int(found.group(1)) not in YEARS:
        return f"the year must be {YEARS.start} to {YEARS.stop - 1}"
    return "the month must be 01 to 12"


def _month_meant(text: str) -> str:
    return month_in_figures(text) or EXAMPLE


def month_in_figures(text: str) -> str | None:
    """YYYY-MM for a month written otherwise in figures (2026-3, 2026_03, 03-2026)."""
    like = _MONTH_LIKE.fullmatch(text)
    if like is None:
        return None
    year, number = like.group(1, 2) if like.group(1) else like.group(4, 3)
    meant = f"{year}-{int(number):02d}"
    return meant if year_and_month(meant) else None


def latest_listed(months: list[str], shown: int = 6) -> str:
    """`months`, oldest first, as a message lists them: the latest few, and how many come
    before them (a site of 400 months listed every one)."""
    before = len(months) - shown
    return ", ".join(months[-shown:]) + (f" and {before} before them" if before > 0 else "")
