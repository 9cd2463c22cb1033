"""builder.output: the site is swapped in whole or not at all.

A successful build replaces site/ entirely; a failed, stopped or killed build
leaves the previous site/ byte for byte; what a killed build leaves beside
site/ is cleared by a later build.
"""
from __future__ import annotations

import shutil
import hashlib
import os
import select
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from builder import cli, output
from builder.errors import ContentErrors, ToolError
from builder.blobs import BlobStore, bytes_of
from builder.outputs import Output
from builder.pipeline import _refuse_clashes

TOOL_ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "minimal"


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` (relative path) with the SHA-256 of its bytes."""
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir()
                  if p.name.startswith((f".{out.name}.build-", f".{out.name}.old-")))


def age(folder: Path, seconds: float = 120) -> None:
    """Make a folder look untouched for `seconds` (what a long-dead build leaves)."""
    then = time.time() - seconds
    os.utime(folder, (then, then))


# --- Success and failure -------------------------------------------------------------------

def test_successful_build_replaces_the_whole_site(site, capsys):
    assert site.build(capsys=capsys).code == 0
    (site.out / "stale.html").write_text("from an older build")
    (site.out / "bulletins" / "2019-01").mkdir()
    (site.out / "bulletins" / "2019-01" / "index.html").write_text("an issue since deleted")
    site.write("content/pages/about.md", site.read("content/pages/about.md")
               .replace("title: About this bulletin", "title: About us"))
    assert site.build(capsys=capsys).code == 0
    files = snapshot(site.out)
    assert "stale.html" not in files and "bulletins/2019-01/index.html" not in files
    assert "About us" in site.page("about/index.html")
    assert {"index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt",
            "bulletins/2026-01/index.html"} <= set(files)
    assert leftovers(site.out) == []


def test_the_new_site_folder_is_readable_by_a_web_server(site, capsys):
    assert site.build(capsys=capsys).code == 0
    assert stat.S_IMODE(site.out.stat().st_mode) == 0o755


@pytest.mark.parametrize("breakage", [
    ("content/bulletins/2026-01/hate-crime.md", "---\nrag: purple\n---\nText.\n"),
    ("content/pages/about.md", "---\ntitle: About\n---\n<script>alert(1)</script>\n"),
    ("content/bulletins/2026-01/patrols.yaml", "title: [unclosed\n"),
    ("templates/page.html", "{% block content %}{{ nope }}{% endblock %}"),
], ids=["bad-rag", "script", "bad-yaml", "template"])
def test_failing_build_leaves_the_previous_site_byte_identical(site, capsys, breakage):
    assert site.build(capsys=capsys).code == 0
    before = snapshot(site.out)
    mtime = site.out.stat().st_mtime_ns
    site.write(*breakage)
    run = site.build(capsys=capsys)
    assert run.code == 1
    assert "Nothing was written" in run.err
    assert snapshot(site.out) == before
    assert site.out.stat().st_mtime_ns == mtime
    assert leftovers(site.out) == []


def test_failure_while_writing_leaves_the_previous_site_and_no_staging(tmp_path):
    out = tmp_path / "site"
    output.write_site({"index.html": b"old", "a/index.html": b"old a"}, out, search_tool=None)
    before = snapshot(out)
    with pytest.raises(ToolError, match="Pagefind is not installed"):
        output.write_site({"index.html": b"new"}, out, search_tool=tmp_path / "no-pagefind")
    assert snapshot(out) == before
    assert leftovers(out) == []


def test_a_failed_swap_without_renameat2_puts_the_previous_site_back(tmp_path, monkeypatch):
    """Where folders cannot be exchanged in one step, the site was moved aside before the
    new one came in; when that failed, the message said the site was as it was, and it
    was gone (a review of the change)."""
    out = tmp_path / "site"
    output.write_site({"index.html": b"old"}, out, search_tool=None)
    before = snapshot(out)
    monkeypatch.setattr(output, "_exchange", lambda a, b: False)
    real_rename = os.rename

    def rename(src, dst):
        if Path(dst) == out and Path(src) != out and ".site.build" in Path(src).name:
            raise OSError(28, "No space left on device", str(dst))
        real_rename(src, dst)

    monkeypatch.setattr(output.os, "rename", rename)
    with pytest.raises(ToolError, match="is as it was"):
        output.write_site({"index.html": b"new"}, out, search_tool=None)
    assert snapshot(out) == before


def test_write_site_creates_missing_parent_folders(tmp_path):
    out = tmp_path / "does" / "not" / "exist" / "site"
    output.write_site({"index.html": b"<p>home</p>", "a/b/index.html": b"deep"}, out,
                      search_tool=None)
    assert snapshot(out) == {"index.html": hashlib.sha256(b"<p>home</p>").hexdigest(),
                             "a/b/index.html": hashlib.sha256(b"deep").hexdigest()}
    assert leftovers(out) == []


def test_build_with_out_in_a_folder_that_does_not_exist(site, capsys, tmp_path):
    out = tmp_path / "new" / "place" / "public"
    run = cli.main(["build", "--root", str(site.root), "--no-search", "--out", str(out)])
    assert run == 0
    assert (out / "bulletins" / "2026-01" / "index.html").is_file()
    assert not site.out.exists()


@pytest.mark.parametrize("cache", [[], ["--no-cache"]], ids=["cache", "no-cache"])
def test_an_output_folder_with_dashes_in_its_name_builds(site, capsys, tmp_path, cache):
    """The leftover sweep read a build's pid from the name after its first '-', so for
    `--out my-site` it took the running build's own page store for a dead one's."""
    out = tmp_path / "my-county-site"
    run = cli.main(["build", "--root", str(site.root), "--no-search", "--out", str(out), *cache])
    assert run == 0, capsys.readouterr().err
    assert (out / "bulletins" / "2026-01" / "index.html").is_file()
    assert leftovers(out) == []


def test_a_staging_folder_in_use_is_kept_when_the_site_folder_has_dashes(tmp_path):
    other_build = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        out = tmp_path / "my-site"
        busy = tmp_path / f".my-site.build-{other_build.pid}-abc123"
        dead = tmp_path / ".my-site.old-dead"
        for folder in (busy, dead):
            folder.mkdir()
            age(folder)
        output.clear_leftovers(out)
        assert leftovers(out) == [busy.name]
    finally:
        other_build.kill()
        other_build.wait()


def test_two_items_at_the_same_url_are_refused():
    with pytest.raises(ContentErrors) as caught:
        _refuse_clashes([Output("/a/", b"1"), Output("/b/", b"2"), Output("/a/index.html", b"3")])
    assert [str(p) for p in caught.value.problems] == [
        "content: error: two items would both be published at /a/index.html; rename one of them."]
    _refuse_clashes([Output("/a/", b"1"), Output("/b/", b"2")])  # no clash, no error


# --- What a killed build leaves ------------------------------------------------------------

def test_leftovers_of_a_dead_build_are_cleared_by_the_next_build(site, capsys):
    assert site.build(capsys=capsys).code == 0
    dead = site.root / ".site.build-dead1234"
    (dead / "bulletins").mkdir(parents=True)
    (dead / "bulletins" / "index.html").write_text("half-written")
    age(dead)
    old = site.root / ".site.old-99999"
    old.mkdir()
    (old / "index.html").write_text("a previous site")
    age(old)
    empty = site.root / ".site.build-empty"
    empty.mkdir()
    unrelated = site.root / ".site-notes"
    unrelated.mkdir()
    assert site.build(capsys=capsys).code == 0
    assert leftovers(site.out) == []
    assert unrelated.is_dir()


def test_a_staging_folder_in_use_is_not_taken_away(site, capsys):
    """A build whose process is still running keeps its folder, however old it looks."""
    other_build = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        busy = site.root / f".site.build-{other_build.pid}-abc123"
        busy.mkdir()
        (busy / "index.html").write_text("being written")
        age(busy)
        assert site.build(capsys=capsys).code == 0
        assert leftovers(site.out) == [busy.name]
    finally:
        other_build.kill()
        other_build.wait()


def test_leftovers_of_a_killed_build_go_at_once_not_after_a_minute(site, capsys):
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True)
    killed = site.root / f".site.build-{finished.stdout.strip()}-abc123"
    killed.mkdir()
    (killed / "index.html").write_text("half-written")
    assert site.build(capsys=capsys).code == 0
    assert leftovers(site.out) == []


# A build run exactly as the command line does, stopped for good at one chosen point.
HARNESS = r"""
import sys, time
from builder import cli, output

point = sys.argv[1]
real_write_all, real_exchange = output._write_all, output._exchange

def pause():
    print("PAUSED", flush=True)
    time.sleep(120)

if point == "mid-write":
    def write_all(files, staging):
        items = list(files.items())
        real_write_all(dict(items[: len(items) // 2]), staging)
        pause()
    output._write_all = write_all
elif point == "before-swap":
    output._swap_in = lambda staging, out: pause()
elif point == "after-swap":
    def exchange(a, b):
        if not real_exchange(a, b):
            print("NO-EXCHANGE", flush=True)
            sys.exit(3)
        pause()
    output._exchange = exchange
sys.exit(cli.main(sys.argv[2:]))
"""


def _start(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, *args], cwd=TOOL_ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def _kill(proc: subprocess.Popen) -> tuple[int, str]:
    """SIGKILL the build (and anything it started); its exit code and what it printed."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    _, err = proc.communicate(timeout=30)
    return proc.returncode, err


def _wait_for(proc: subprocess.Popen, word: str, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 0.1)
        if ready:
            line = proc.stdout.readline()
            if line.strip() in (word, "NO-EXCHANGE") or not line:
                return line.strip()
    return ""


@pytest.mark.parametrize("point", ["mid-write", "before-swap", "after-swap"])
def test_build_killed_at_each_stage_of_writing_leaves_an_old_or_new_site(site, capsys, point):
    assert site.build(capsys=capsys).code == 0
    old = snapshot(site.out)
    site.write("content/site.yaml", site.read("content/site.yaml")
               .replace("title: Test Bulletin", "title: Renamed Bulletin"))
    new_out = site.root / "reference"
    assert cli.main(["build", "--root", str(site.root), "--no-search", "--out", str(new_out)]) == 0
    new = snapshot(new_out)
    assert new != old and set(new) == set(old)

    proc = _start(["-c", HARNESS, point, "build", "--root", str(site.root), "--no-search"])
    said = _wait_for(proc, "PAUSED")
    code, err = _kill(proc)
    if said == "NO-EXCHANGE":
        pytest.skip("this file system cannot swap two folders in one step")
    assert said == "PAUSED", f"the build never reached the point to kill it at:\n{err}"
    assert code == -signal.SIGKILL
    expected = new if point == "after-swap" else old
    assert snapshot(site.out) == expected
    stale = leftovers(site.out)
    assert len(stale) == 1 and stale[0].startswith(".site.build-")
    # The next build clears what the killed one left (once it is clearly not in use).
    age(site.root / stale[0])
    assert site.build(capsys=capsys).code == 0
    assert snapshot(site.out) == new
    assert leftovers(site.out) == []


MONTHS = 300
THEMES = ["community-safety-asb", "hate-crime", "serious-violence", "drugs-alcohol"]


def _large_site(root: Path, cache: Path) -> None:
    """The minimal fixture with 300 months of four themes: a build takes well over a second."""
    shutil.copytree(FIXTURE, root)
    shutil.copytree(cache, root / ".cache")
    themes = root / "content" / "themes.yaml"
    themes.write_text(themes.read_text() + "".join(
        f"  - slug: {slug}\n    title: {slug.replace('-', ' ').title()}\n" for slug in THEMES[2:]))
    for slug in THEMES[2:]:
        (root / "content" / "bulletins" / "2026-01" / f"{slug}.md").write_text("---\nno_update: true\n---\n")
    for i in range(MONTHS):
        month = f"{2000 + i // 12:04d}-{i % 12 + 1:02d}"
        folder = root / "content" / "bulletins" / month
        folder.mkdir()
        (folder / "issue.yaml").write_text(f"title: Monthly Update\nmonth: {month}\nstatus: published\n")
        for n, theme in enumerate(THEMES):
            (folder / f"{theme}.md").write_text(
                f"---\nrag: {['red', 'amber', 'green'][(i + n) % 3]}\n---\n## Update {i}\n\n"
                f"ASB work in month {i} on county lines.\n\n"
                f"## Next steps\n\nMore patrols [as before](../../pages/about.md).\n")


def test_build_killed_at_any_moment_leaves_the_old_site_or_the_complete_new_one(tmp_path, sass_cache):
    root = tmp_path / "large"
    _large_site(root, sass_cache)
    out = root / "site"
    started = time.perf_counter()
    assert cli.main(["build", "--root", str(root), "--no-search"]) == 0
    build_time = time.perf_counter() - started
    old = snapshot(out)
    assert len(old) > MONTHS

    # The new version changes every page, adds one and removes a whole month.
    site_yaml = root / "content" / "site.yaml"
    site_yaml.write_text(site_yaml.read_text().replace("title: Test Bulletin", "title: New Title"))
    (root / "content" / "pages" / "added.md").write_text("---\ntitle: Added\n---\nNew page.\n")
    shutil.rmtree(root / "content" / "bulletins" / "2000-01")

    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import builder.pipeline"], cwd=TOOL_ROOT, check=True)
    startup = time.perf_counter() - started
    # Early kills land while it renders; the late one near the write. (The write and swap
    # themselves are stopped at exact points by the test above.)
    moments = [0.1, 0.3, 0.6, startup + 0.9 * build_time]
    after: list[tuple[float, int, dict[str, str]]] = []
    for moment in moments:
        proc = _start(["-m", "builder", "build", "--root", str(root), "--no-search"])
        time.sleep(moment)
        code, _ = _kill(proc)
        after.append((moment, code, snapshot(out)))

    for stale in leftovers(out):
        age(out.parent / stale)
    assert cli.main(["build", "--root", str(root), "--no-search"]) == 0
    new = snapshot(out)
    assert leftovers(out) == []
    assert "added/index.html" in new and "bulletins/2000-01/index.html" not in new
    assert "bulletins/2000-01/index.html" in old

    states = []
    for moment, code, seen in after:
        assert seen in (old, new), f"killed at {moment:.2f}s: site/ is neither the old nor the new site"
        states.append("new" if seen == new else "old")
    assert states == sorted(states, key=["old", "new"].index), states  # never back to old
    killed = [code for code in (c for _, c, _ in after) if code == -signal.SIGKILL]
    assert len(killed) >= 3, "the build finished before it could be killed; make the site larger"
    assert states[:3] == ["old"] * 3


def test_the_same_bytes_written_to_many_paths_are_stored_once(tmp_path):
    shared = b"reveal.js " * 10_000
    files = {"decks/a/reveal.js": shared, "decks/b/reveal.js": shared,
             "decks/c/reveal.js": bytes(bytearray(shared)), "small-1.txt": b"x", "small-2.txt": b"x",
             "other.txt": b"y"}
    output.write_site(files, tmp_path / "site", search_tool=None)
    site = tmp_path / "site"
    assert {rel: (site / rel).read_bytes() for rel in files} == files
    a, b, c = (os.stat(site / f"decks/{d}/reveal.js") for d in "abc")
    assert a.st_ino == b.st_ino == c.st_ino and a.st_nlink == 3
    assert os.stat(site / "small-1.txt").st_ino == os.stat(site / "small-2.txt").st_ino
    assert os.stat(site / "other.txt").st_ino != os.stat(site / "small-1.txt").st_ino


def test_a_file_system_without_hard_links_gets_copies(tmp_path, monkeypatch):
    def refuse(*args):
        raise OSError(1, "Operation not permitted")
    monkeypatch.setattr(output.os, "link", refuse)
    shared = b"y" * 100_000
    output.write_site({"a/f": shared, "b/f": shared}, tmp_path / "site", search_tool=None)
    assert (tmp_path / "site/a/f").read_bytes() == (tmp_path / "site/b/f").read_bytes() == shared


def test_the_decks_of_a_built_site_share_one_stored_copy_of_reveal_js(shipped_site):
    copies = sorted(shipped_site.glob("decks/*/reveal.js/dist/reveal.js"))
    assert len(copies) >= 3
    assert len({os.stat(c).st_ino for c in copies}) == 1
    assert len({c.read_bytes() for c in copies}) == 1


# --- Writing into the site before last -----------------------------------------------------

def test_a_rebuild_writes_into_the_site_before_last_and_keeps_nothing_of_it(tmp_path):
    out, store = tmp_path / "site", BlobStore(tmp_path / "blobs")
    page = store.put(b"<p>kept page</p>")
    first = {"index.html": page, "a/index.html": b"a", "gone/index.html": b"x", "f": b"file",
             "deck/style.css": b"css"}
    output.write_site(first, out, search_tool=None)
    output.write_site({"index.html": b"second"}, out, search_tool=None)
    spare = tmp_path / ".site.spare"
    assert snapshot(spare) == snapshot_of(first)
    (spare / "stray.html").write_text("not the bulletin's")
    (spare / "linked").symlink_to(spare / "a")
    folder, css = os.stat(spare / "a").st_ino, os.stat(spare / "deck/style.css").st_ino
    third = {"index.html": page, "a/index.html": b"a again", "f/index.html": b"now a folder",
             "new/deep/index.html": b"new", "deck/style.css": b"css", "other/style.css": b"css"}
    output.write_site(third, out, search_tool=None)
    assert snapshot(out) == snapshot_of(third)
    assert os.stat(out / "a").st_ino == folder                 # the folder was reused
    assert os.stat(out / "index.html").st_ino == page.ino     # and the kept page's link
    assert os.stat(out / "deck/style.css").st_ino == css       # and a file with the same bytes
    assert os.stat(out / "other/style.css").st_ino == css      # which a new copy links to
    assert leftovers(out) == []


def test_a_kept_page_changed_in_the_site_before_last_is_written_again(tmp_path):
    out, store = tmp_path / "site", BlobStore(tmp_path / "blobs")
    page = store.put(b"<p>the page</p>")
    output.write_site({"index.html": page}, out, search_tool=None)
    output.write_site({"index.html": b"second"}, out, search_tool=None)
    spare = tmp_path / ".site.spare" / "index.html"
    os.unlink(spare)
    spare.write_bytes(b"<p>the page, changed</p>")
    output.write_site({"index.html": page}, out, search_tool=None)
    assert (out / "index.html").read_bytes() == b"<p>the page</p>"


def snapshot_of(files: dict) -> dict[str, str]:
    return {rel: hashlib.sha256(bytes_of(body)).hexdigest() for rel, body in sorted(files.items())}


def test_the_site_before_last_is_ignored_by_git():
    """README: `.site.spare/` is hidden and ignored by git, like the build's other folders."""
    for folder in (".site.spare", ".site.build-1-x"):
        found = subprocess.run(["git", "check-ignore", "-q", f"{folder}/index.html"],
                               cwd=TOOL_ROOT)
        assert found.returncode == 0, f"{folder}/ is not ignored by .gitignore"
