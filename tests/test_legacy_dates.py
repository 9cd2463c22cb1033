"""The one full date of an action-plan update, and the texts that give none."""
from __future__ import annotations

from datetime import date

import pytest

from builder.legacy_dates import update_date


@pytest.mark.parametrize("text, expected", [
    ("Josh Hanson Trust Charity Event, Borehamwood Football Club 06/10/2019", date(2019, 10, 6)),
    ("13/08/19 Op Sceptre activity", date(2019, 8, 13)),
    ("Bushey Academy (1 session): 11.12.19 2 Yr10 Grooming Workshops", date(2019, 12, 11)),
    ("Yavneh (1 session); 8.11.19 1 x Assembly", date(2019, 11, 8)),
    ("Josh Hanson Trust Charity event, Borehamwood Football Club 24 July 2019", None),
    ("Between 1/4/19 – 10/12/2019 65 referrals have been received.", None),
    ("Talks delivered by SNT on 15-16/05/2019", None),
    ("21, 22, 23, 24/11/2018 Queens Secondary School x 8 sessions", None),
    ("4, 5/12/2018 Mount Grace x 3 sessions", None),
    ("5.11.19 1 x Yr9 Exploitation workshop and 21.11.19 1 x Y9", None),
    ("Data shows % of stops to date April 5.3%. May 7.1%", None),
    ("31/02/2019 cannot be a day", None),
])
def test_only_one_full_numeric_date_counts(text, expected):
    assert update_date(text) == expected
