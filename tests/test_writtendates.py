"""builder.writtendates: a date written otherwise than YYYY-MM-DD, given back year first.

`Fields.day` shows it as the example of the date to write (test_fields.py); here,
which dates are read, and which are not.
"""
from __future__ import annotations

import pytest

from builder.writtendates import month_written, year_first


@pytest.mark.parametrize("written", [
    "3 March 2026", "3rd March 2026", "March 3, 2026", "3 Mar 2026", "3 Mar. 2026",
    "03 MARCH 2026", "3rd of March 2026", "Tuesday 3 March 2026", "Tuesday, March 3rd 2026",
    "03/03/2026", "3.3.2026", " 3-3-2026 "])
def test_a_date_in_words_or_day_first_in_figures_is_given_back_year_first(written):
    assert year_first(written) == "2026-03-03"


def test_a_month_s_short_name_is_read_as_its_month():
    assert [year_first(f"1 {month} 2026") for month in ("Sept", "jun", "Jul", "May")] == [
        "2026-09-01", "2026-06-01", "2026-07-01", "2026-05-01"]


@pytest.mark.parametrize("written", [
    "31 February 2026", "31/02/2026", "3 March", "March 2026", "3 Marsh 2026", "1 Ma 2026",
    "20th Feb", "2026-03-03", "soon"])
def test_no_date_is_given_back_for_one_that_is_not_real_or_not_whole(written):
    assert year_first(written) is None


@pytest.mark.parametrize("written, meant", [
    ("March 2026", "2026-03"), ("2026 Mar", "2026-03"), ("march_2026", "2026-03"),
    ("Sept-2026", "2026-09"), ("2026-3", "2026-03"), ("03-2026", "2026-03"),
    ("Marchy 2026", None), ("March", None), ("2026-13", None), ("notes", None)])
def test_a_month_written_otherwise_is_given_back_as_yyyy_mm(written, meant):
    assert month_written(written) == meant
