from pathlib import Path

import pytest

from builder.errors import UsageError
from builder.monthnames import month_named, not_a_month, year_and_month


@pytest.mark.parametrize("text, read", [
    ("2026-03", (2026, 3)), ("2000-01", (2000, 1)), ("2100-12", (2100, 12)),
    ("2026-13", None), ("2026-00", None), ("1999-02", None), ("2101-01", None),
    ("2026-3", None), ("26-03", None), (" 2026-03", None), ("2026-03\n", None),
])
def test_a_month_is_read_only_as_yyyy_mm_in_the_years_a_bulletin_is_published(text, read):
    assert year_and_month(text) == read


def test_a_file_or_words_are_not_a_month_on_the_command_line(tmp_path):
    deck = tmp_path / "2026-02"
    deck.write_text("# A deck's file named like a month\n")
    assert month_named(deck, "bulletin deck") is None
    assert month_named(Path("talk.md"), "bulletin deck") is None


def test_a_month_s_folder_names_its_month(tmp_path):
    (tmp_path / "content/bulletins/2026-02").mkdir(parents=True)
    assert month_named(tmp_path / "content/bulletins/2026-02", "bulletin check") == "2026-02"


@pytest.mark.parametrize("given, words", [
    ("2026-2", "'2026-2' is not a month: write YYYY-MM, the year, a hyphen, then the month in "
               "two digits, like bulletin check 2026-02"),
    ("02/2026", "like bulletin check 2026-02"),
    ("2026-13", "the month must be 01 to 12, like bulletin check 2026-03"),
    ("1999-02", "the year must be 2000 to 2100, like bulletin check 2026-03"),
])
def test_a_month_written_otherwise_says_how_to_write_it(given, words):
    with pytest.raises(UsageError) as refused:
        month_named(Path(given), "bulletin check")
    assert words in str(refused.value)


def test_a_month_typed_with_spaces_around_it_is_read_as_new_reads_it():
    """The review of session 21: check said ' 2026-03' had no month 01 to 12."""
    assert month_named(Path(" 2026-03 "), "bulletin check") == "2026-03"


def test_words_given_for_a_month_are_answered_with_an_example():
    assert str(not_a_month("March", "bulletin new")) == (
        "'March' is not a month: write YYYY-MM, the year in full, then the month, like "
        "bulletin new 2026-03")


def test_a_long_list_of_months_names_the_latest_six_and_counts_the_rest():
    """A site of 400 months listed every one where a month was not found."""
    from builder.monthnames import latest_listed
    months = [f"2025-{m:02d}" for m in range(1, 13)]
    assert latest_listed(months) == ("2025-07, 2025-08, 2025-09, 2025-10, 2025-11, 2025-12 "
                                     "and 6 before them")
    assert latest_listed(months[:3]) == "2025-01, 2025-02, 2025-03"
