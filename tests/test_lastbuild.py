"""builder.lastbuild: a build that would change nothing stops at once, and only then.

Each test builds a copy of the minimal fixture with the disk cache, as
`bulletin build` does, then changes one thing and builds again.
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from builder import cli, filedigests, lastbuild
from builder.diskcache import persistent_cache
from builder.pipeline import BuildOptions, build

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "minimal"


@pytest.fixture
def root(tmp_path, sass_cache) -> Path:
    root = tmp_path / "site-root"
    shutil.copytree(FIXTURE, root)
    shutil.copytree(sass_cache, root / ".cache", dirs_exist_ok=True)
    settle(root)
    return root


def settle(root: Path) -> None:
    """Date every input well before now, as files are when an editor runs a build."""
    past = time.time() - 60
    for path in (root / "content").rglob("*"):
        os.utime(path, (past, past))


def run(root: Path, **options):
    return build(BuildOptions(root, root / "site", search=False, **options),
                 cache=persistent_cache(root))


def inodes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_ino for p in site.rglob("*")
            if p.is_file()}


def test_a_second_build_with_nothing_changed_leaves_the_site_as_it_is(root):
    first = run(root)
    before = inodes(root / "site")
    again = run(root)
    assert again.unchanged and not first.unchanged
    assert (again.pages, again.files, again.problems) == (first.pages, first.files,
                                                           first.problems)
    assert inodes(root / "site") == before


def test_an_edited_content_file_is_built(root):
    run(root)
    entry = next((root / "content/bulletins").rglob("*.md"))
    entry.write_text(entry.read_text("utf-8") + "\nA sentence added today.\n", "utf-8")
    result = run(root)
    assert not result.unchanged
    assert any(b"A sentence added today." in p.read_bytes()
               for p in (root / "site").rglob("*.html"))


def test_a_touched_file_is_built_even_with_the_same_bytes(root):
    run(root)
    entry = next((root / "content/bulletins").rglob("*.md"))
    os.utime(entry, (time.time() - 30, time.time() - 30))
    assert not run(root).unchanged


@pytest.mark.parametrize("damage", ["edit", "delete", "add"])
def test_a_changed_output_folder_is_built_again(root, damage):
    run(root)
    expected = {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    page = root / "site/index.html"
    if damage == "edit":
        page.write_bytes(b"changed by hand")
    elif damage == "delete":
        page.unlink()
    else:
        (root / "site/stray.html").write_text("left over")
    assert not run(root).unchanged
    assert {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()} == expected


def test_other_options_are_built(root):
    run(root)
    assert not run(root, drafts=True).unchanged
    assert not run(root, drafts=False).unchanged   # the record is of the drafts build now
    assert run(root, drafts=False).unchanged


def test_a_file_edited_just_before_the_build_is_not_trusted_next_time(root, monkeypatch):
    """Each build is said to begin a set time after the edit, not slept for: on a loaded
    machine a real build took longer than the racy second, and the second build, begun
    after it, trusted the file's time (a flaky test, not a flaw of the record)."""
    monkeypatch.setattr(filedigests, "RACY_NS", 1_000_000_000)
    entry = next((root / "content/bulletins").rglob("*.md"))
    entry.write_text(entry.read_text("utf-8") + "\nJust now.\n", "utf-8")  # time: now
    edited = entry.stat().st_mtime_ns

    def run_at(seconds_after_edit: float):
        monkeypatch.setattr(lastbuild.time, "time_ns",
                            lambda: edited + int(seconds_after_edit * 1e9))
        return run(root)
    run_at(0.2)
    assert not run_at(0.5).unchanged     # its time could hide a second edit in the same tick
    assert not run_at(1.6).unchanged     # still recorded as unknown by the build before
    assert run_at(1.8).unchanged         # recorded by a build that began after it settled


def test_a_record_from_other_code_or_a_damaged_one_is_not_trusted(root):
    run(root)
    record = persistent_cache(root).last_build
    record.write_bytes(b"not a pickle")
    assert not run(root).unchanged
    assert run(root).unchanged


def test_the_command_says_the_site_is_up_to_date_and_repeats_the_warnings(root, capsys):
    entry = next((root / "content/bulletins").rglob("hate-crime.md"))
    entry.write_text(entry.read_text("utf-8").replace("rag: green\n", "rag: green\ncolour: x\n"),
                     "utf-8")
    settle(root)
    assert cli.main(["build", "--root", str(root), "--no-search"]) == 0
    first = capsys.readouterr()
    assert cli.main(["build", "--root", str(root), "--no-search"]) == 0
    again = capsys.readouterr()
    assert "'colour' is not a key" in first.err and again.err == first.err
    assert first.out.startswith("Built 15 pages") and "with 1 warning" in first.out
    assert "site/ is up to date" in again.out and "with 1 warning" in again.out


def test_without_the_disk_cache_every_build_builds(root):
    options = BuildOptions(root, root / "site", search=False)
    build(options)
    assert not build(options).unchanged


def test_the_snapshot_covers_content_templates_assets_and_the_package_lock(root):
    tool = Path(__file__).resolve().parents[1]
    seen = lastbuild.take_snapshot((), root, tool).inputs
    for expected in (root / "content/site.yaml", tool / "templates/base.html",
                     tool / "assets/scss/main.scss", tool / "package-lock.json"):
        assert str(expected) in seen


def test_a_site_of_its_own_is_not_built_again_for_an_edit_to_the_tool_s_content(root):
    """The tool's content/ is the county's site, which another site's build never reads;
    watched, an edit there made that site's next build a full one."""
    tool = Path(__file__).resolve().parents[1]
    seen = lastbuild.take_snapshot((), root, tool).inputs
    assert not any(path.startswith(str(tool / "content") + "/") for path in seen)
    own = lastbuild.take_snapshot((), tool, tool).inputs
    assert str(tool / "content/site.yaml") in own
