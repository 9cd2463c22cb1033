"""`bulletin init DIR`: a new site that checks with only its placeholders, builds, and
leaves nothing of this county's behind; and every refusal, as a usage error."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from builder import TOOL_ROOT, cli
from builder.folders import new_month_command

# The county whose site this repository is, its districts and its unit.
COUNTY = re.compile(r"hertfordshire|herts\b|ccsu|hertsmere|dacorum|broxbourne", re.I)


def init(capsys, folder: Path):
    code = cli.main(["init", str(folder), "--month", "2026-03"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def written(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_init_writes_the_settings_the_themes_the_glossary_and_a_first_month(tmp_path, capsys):
    code, out, _ = init(capsys, tmp_path / "ours")
    assert code == 0
    assert written(tmp_path / "ours") == [
        ".gitignore", "content/bulletins/2026-03/community-safety.md",
        "content/bulletins/2026-03/domestic-abuse.md", "content/bulletins/2026-03/issue.yaml",
        "content/glossary.yaml", "content/site.yaml", "content/themes.yaml"]
    assert f"created {(tmp_path / 'ours').as_posix()}/content/site.yaml" in out
    assert "with 2026-03 as its first month, a draft" in out
    assert "status: draft" in (tmp_path / "ours/content/bulletins/2026-03/issue.yaml").read_text()


def test_the_new_site_checks_with_only_the_warnings_of_what_is_still_to_write(tmp_path, capsys,
                                                                             monkeypatch):
    init(capsys, tmp_path / "ours")
    monkeypatch.chdir(tmp_path / "ours")   # as its editors run it
    assert cli.main(["check"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "Checked content/: 0 errors, 8 warnings."
    assert lines[0].startswith("content/site.yaml:7: warning: base_url is still an example "
                               "address (https://example.org/bulletin/)")
    assert [line.partition(" ")[0] for line in lines[1:4]] == [
        "content/site.yaml:20:14:", "content/site.yaml:32:18:", "content/themes.yaml:14:16:"]
    assert all("'community.safety@example.org' is at a domain kept for examples" in line
               for line in lines[1:4])
    assert all("is still to write; this month is a draft" in line for line in lines[4:-1])


def test_the_optional_settings_the_new_site_shows_are_read_once_their_hash_is_taken_out(
        tmp_path, capsys):
    """The commented logo, exit address, footer address and links are examples to copy: each
    must be right as it stands."""
    from builder.content import read_content
    init(capsys, tmp_path / "ours")
    site = tmp_path / "ours/content/site.yaml"
    site.write_text(re.sub(r"(?m)^( *)# (logo|exit_this_page_url|address|links|  -|    href)",
                           r"\1\2", site.read_text()), encoding="utf-8")
    (tmp_path / "ours/assets/images").mkdir(parents=True)
    (tmp_path / "ours/assets/images/your-logo.svg").write_text("<svg/>\n", encoding="utf-8")
    content, problems = read_content(tmp_path / "ours")
    assert [str(p) for p in problems] == []
    assert content.site.logo == "images/your-logo.svg"
    assert content.site.exit_this_page_url == "https://www.bbc.co.uk/weather"
    assert content.site.footer.address == ("County Hall", "Your Town AB1 2CD")
    assert [(link.title, link.href) for link in content.site.footer.links] == [
        ("Privacy notice", "https://www.example.org/privacy")]


def test_the_new_site_builds(tmp_path, sass_cache, capsys):
    init(capsys, tmp_path / "ours")
    shutil.copytree(sass_cache, tmp_path / "ours/.cache", dirs_exist_ok=True)  # spares Sass
    assert cli.main(["build", "--root", str(tmp_path / "ours"), "--no-search"]) == 0, \
        capsys.readouterr().err
    assert "No issue has been published yet." in (tmp_path / "ours/site/index.html").read_text()
    assert cli.main(["build", "--root", str(tmp_path / "ours"), "--no-search", "--drafts"]) == 0
    assert (tmp_path / "ours/site/bulletins/2026-03/index.html").is_file()


def test_a_theme_file_left_from_the_example_themes_says_how_to_write_the_month_again(
        tmp_path, capsys, monkeypatch):
    """After replacing the example themes, the first month's files were told they were no
    themes, and not what to do (an adopting council's trial)."""
    init(capsys, tmp_path / "ours")
    monkeypatch.chdir(tmp_path / "ours")
    Path("content/themes.yaml").write_text("themes:\n  - slug: neighbourhood-crime\n"
                                           "    title: Neighbourhood Crime\n", "utf-8")
    assert cli.main(["check"]) == 1
    assert ("content/bulletins/2026-03/community-safety.md: error: 'community-safety' is not a "
            "theme; theme files are named after a slug in content/themes.yaml: "
            "neighbourhood-crime. If it is a new theme, add it to content/themes.yaml first: "
            "'- slug: community-safety', with a 'title:' line and 'started: 2026-03' (its first month) under it. "
            "Otherwise rename it after the theme its text is for, like "
            "neighbourhood-crime.md, or delete it; if nothing is written in this draft month "
            "yet, delete content/bulletins/2026-03/ and write it again with a file for each "
            "theme: in the bulletin tool's folder, run .venv/bin/bulletin new 2026-03 --root "
            f"{tmp_path}/ours") in capsys.readouterr().out.splitlines()


def test_themes_yaml_says_the_new_command_as_it_must_be_typed(tmp_path, capsys):
    """It said 'bulletin new 2026-03' alone, which is not found in the site's folder, and
    names no site from the tool's (an adopting council's trial)."""
    init(capsys, tmp_path / "ours")
    said = re.search(r"(?m)^# the bulletin tool's folder, run\n#   (.+)$",
                     (tmp_path / "ours/content/themes.yaml").read_text())
    assert said and said[1] == f".venv/bin/bulletin new 2026-03 --root {tmp_path}/ours"
    shutil.rmtree(tmp_path / "ours/content/bulletins/2026-03")
    run = subprocess.run(said[1].split(), cwd=TOOL_ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "ours/content/bulletins/2026-03/issue.yaml").is_file()


def test_a_site_beside_the_tool_is_named_from_the_tool_s_folder_as_the_readme_does():
    assert new_month_command(TOOL_ROOT.parent / "our-bulletin", "2026-03") == \
        ".venv/bin/bulletin new 2026-03 --root ../our-bulletin"


def test_the_new_site_names_nothing_of_the_county_whose_site_this_is(tmp_path, capsys):
    """An adopter's trial: content/decks.yaml's presenter put this county's unit on their
    title slides, with no word said."""
    init(capsys, tmp_path / "ours")
    named = [rel for rel in written(tmp_path / "ours")
             if COUNTY.search((tmp_path / "ours" / rel).read_text())]
    assert named == []
    assert not (tmp_path / "ours/content/decks.yaml").exists()


def test_the_gitignore_leaves_only_the_sites_own_files_to_commit(tmp_path, sass_cache, capsys):
    """What the tools write beside content/ (the site, the folders a build swaps it
    through, the caches) is ignored, after two builds and a deck."""
    site = tmp_path / "ours"
    init(capsys, site)
    shutil.copytree(sass_cache, site / ".cache", dirs_exist_ok=True)
    for _ in range(2):   # the second build leaves .site.spare/
        (site / "content/bulletins/2026-03/issue.yaml").open("a").write("# again\n")
        assert cli.main(["build", "--root", str(site), "--no-search"]) == 0
    assert (site / ".site.spare").is_dir()
    (site / "_static").mkdir()   # `bulletin deck`'s default, run in the site's folder
    (site / "_static/index.html").write_text("<!doctype html>")
    subprocess.run(["git", "init", "-q", str(site)], check=True)
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=site,
                            capture_output=True, text=True, check=True).stdout
    ours = [rel for rel in written(site) if rel == ".gitignore" or rel.startswith("content/")]
    assert sorted(line[3:] for line in status.splitlines()) == ours


@pytest.mark.parametrize("existing", ["notes.txt", ".hidden"])
def test_init_refuses_a_folder_with_files_in_it_and_leaves_them(tmp_path, capsys, existing):
    folder = tmp_path / "ours"
    folder.mkdir()
    (folder / existing).write_text("mine")
    code, out, err = init(capsys, folder)
    assert code == 2 and out == ""
    assert err == (f"bulletin: {folder} is not empty (it holds {existing}), and 'bulletin init' "
                   "writes only into a new or empty folder, so that it overwrites nothing; "
                   "name a new folder, like 'bulletin init our-bulletin'.\n")
    assert written(folder) == [existing]


def test_init_refuses_a_file_for_its_folder(tmp_path, capsys):
    (tmp_path / "ours").write_text("mine")
    code, _, err = init(capsys, tmp_path / "ours")
    assert code == 2 and "is a file; name a new folder for the site" in err
    assert (tmp_path / "ours").read_text() == "mine"


def test_init_under_a_file_is_a_usage_error_not_a_traceback(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine")
    code, _, err = init(capsys, tmp_path / "notes.txt/ours")
    assert code == 2
    assert err.startswith(f"bulletin: {tmp_path}/notes.txt/ours could not be written (")
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_init_writes_into_an_empty_folder_or_one_holding_only_git(tmp_path, capsys):
    """`git init our-bulletin`, then `bulletin init our-bulletin`."""
    (tmp_path / "empty").mkdir()
    (tmp_path / "repo/.git").mkdir(parents=True)
    assert init(capsys, tmp_path / "empty")[0] == 0
    assert init(capsys, tmp_path / "repo")[0] == 0
    assert (tmp_path / "repo/content/site.yaml").is_file()


def test_init_refuses_a_month_that_is_not_one_and_writes_nothing(tmp_path, capsys):
    assert cli.main(["init", str(tmp_path / "ours"), "--month", "2026-13"]) == 2
    err = capsys.readouterr().err
    assert "'2026-13' is not a month: the month must be 01 to 12, like bulletin init " in err
    assert err.rstrip().endswith(" --month 2026-03"), err
    assert not (tmp_path / "ours").exists()


def test_init_starts_this_month_when_given_none(tmp_path, capsys):
    from datetime import date
    assert cli.main(["init", str(tmp_path / "ours")]) == 0
    assert (tmp_path / f"ours/content/bulletins/{date.today():%Y-%m}/issue.yaml").is_file()


def test_the_commands_help_lists_init(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert "start a new site in a folder of its own" in capsys.readouterr().out


def test_init_here_says_to_run_check_without_root_as_new_does(tmp_path, capsys, monkeypatch):
    """'bulletin init .' told its user to run 'bulletin check --root .' (a review)."""
    monkeypatch.chdir(tmp_path)
    code, out, _ = init(capsys, Path("."))
    assert code == 0 and "created content/site.yaml" in out
    assert "then run 'bulletin check': it lists" in out
