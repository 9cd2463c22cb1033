"""builder.folders: the site's own folders, and the one its caches are kept in."""
from __future__ import annotations

from pathlib import Path

from builder.folders import CACHE_FOLDER, INPUT_FOLDERS, site_folder_holding


def test_a_folder_inside_content_templates_or_assets_is_named_by_that_folder(tmp_path):
    for own in INPUT_FOLDERS:
        assert site_folder_holding(tmp_path / own / "decks" / "out", tmp_path) == own
        assert site_folder_holding(tmp_path / own, tmp_path) == own


def test_the_site_folder_its_output_and_a_folder_beside_content_are_none_of_them(tmp_path):
    assert site_folder_holding(tmp_path / "site", tmp_path) is None
    assert site_folder_holding(tmp_path / "contents", tmp_path) is None   # not content/
    assert site_folder_holding(tmp_path, tmp_path) is None


def test_a_path_written_with_dots_is_judged_where_it_leads(tmp_path):
    (tmp_path / "site").mkdir()
    assert site_folder_holding(tmp_path / "site" / ".." / "assets" / "deck", tmp_path) == "assets"


def test_the_caches_are_kept_in_a_hidden_folder_of_the_site():
    assert CACHE_FOLDER == Path(".cache")


def test_the_new_month_command_quotes_a_site_folder_with_a_space(tmp_path):
    """The review of session 21: '--root C:/Users/Jo Bloggs/site' split in two."""
    from builder.folders import new_month_command
    site = tmp_path / "Jo Bloggs" / "site"
    assert new_month_command(site, "2026-03") == \
        f".venv/bin/bulletin new 2026-03 --root '{site.resolve().as_posix()}'"


def test_the_new_month_command_for_the_tool_s_own_site_needs_no_root():
    from builder import TOOL_ROOT
    from builder.folders import new_month_command
    assert new_month_command(TOOL_ROOT, "2026-03") == ".venv/bin/bulletin new 2026-03"
