"""builder.cli: the `bulletin` command, its exit codes, and never a traceback.

Exit codes: 0 built (perhaps with warnings), 1 the content or a tool failed,
2 the command line is wrong. Most tests call `cli.main` in-process; the ones
about the process itself (`python -m builder`, what reaches the terminal) run
it as a subprocess.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from builder import cli

TOOL_ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "minimal"
PYTHON = TOOL_ROOT / ".venv" / "bin" / "python"
MONTH = "content/bulletins/2026-01"
HATE = f"{MONTH}/hate-crime.md"
PATROLS = f"{MONTH}/patrols.yaml"
ISSUE = f"{MONTH}/issue.yaml"

# The shipped table's export has a Total row larger than its rows; `total_note`
# explains that to readers, so the shipped content builds clean, even --strict.


def python() -> str:
    return str(PYTHON if PYTHON.exists() else Path(sys.executable))


def bulletin(*args: str, cwd: Path = TOOL_ROOT) -> subprocess.CompletedProcess:
    """`python -m builder ...` as a separate process, as an editor runs it."""
    return subprocess.run([python(), "-m", "builder", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


# --- help and usage ---------------------------------------------------------------------------------

def test_python_m_builder_help_works():
    result = bulletin("--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: bulletin [-h] [--version] COMMAND ...")
    assert "build the site from content/ into site/" in result.stdout
    assert result.stderr == ""


def test_version_is_the_installed_package_version(capsys):
    from importlib import metadata
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"bulletin {metadata.version('bulletin')}\n"


def test_build_help_lists_the_options(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["build", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for option in ("--root", "--out", "--drafts", "--strict", "--no-search"):
        assert option in out


def test_no_command_prints_help_and_exits_2(capsys):
    assert cli.main([]) == 2
    assert "usage: bulletin" in capsys.readouterr().out


def test_an_unknown_flag_exits_2_with_a_message(capsys):
    assert cli.main(["build", "--bogus"]) == 2
    err = capsys.readouterr().err
    assert "usage: bulletin" in err
    assert "bulletin: unrecognized arguments: --bogus" in err


def test_an_unknown_flag_exits_2_as_a_process():
    result = bulletin("build", "--strcit")
    assert result.returncode == 2
    assert "bulletin: unrecognized arguments: --strcit" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_command_exits_2_naming_the_choices_and_the_one_meant(capsys):
    assert cli.main(["biuld"]) == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'biuld' (choose from 'build'" in err
    assert err.rstrip().endswith("Did you mean 'bulletin build'?")


def test_help_as_a_command_says_how_to_ask_for_a_command_s_options(capsys):
    assert cli.main(["help"]) == 2
    assert "For a command's options: bulletin build --help" in capsys.readouterr().err


def test_the_readmes_command_reference_names_every_command_and_option(capsys):
    """`bulletin init` and `check --strict` were missing from it."""
    from builder.arguments import _COMMANDS
    readme = (TOOL_ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## The commands\n\n```\n", 1)[1].split("```", 1)[0]
    lines = {line.split()[1]: line for line in block.splitlines() if line.startswith("bulletin ")}
    missing = []
    for name in _COMMANDS:
        with pytest.raises(SystemExit):
            cli.main([name, "--help"])
        usage = capsys.readouterr().out.split("\n\n", 1)[0]
        options = set(re.findall(r"--[a-z][a-z-]*", usage))
        missing += [f"{name} {o}" for o in sorted(options) if o not in lines.get(name, "")]
        missing += [] if name in lines else [name]
    assert missing == []


def test_root_that_does_not_exist_exits_2(tmp_path, capsys):
    missing = tmp_path / "nowhere"
    assert cli.main(["build", "--root", str(missing), "--no-search"]) == 2
    assert capsys.readouterr().err == f"bulletin: --root {missing} is not a folder\n"


def test_root_that_is_a_file_exits_2(tmp_path, capsys):
    file = tmp_path / "site.yaml"
    file.write_text("title: x\n")
    assert cli.main(["build", "--root", str(file), "--no-search"]) == 2
    assert capsys.readouterr().err == f"bulletin: --root {file} is not a folder\n"


def test_out_that_is_a_file_exits_2_and_leaves_the_file(site, tmp_path, capsys):
    file = tmp_path / "notes.txt"
    file.write_text("keep me\n")
    run = site.build("--out", str(file), capsys=capsys)
    assert run.code == 2
    assert run.err == f"bulletin: --out {file} is a file, not a folder; name a folder for the site.\n"
    assert file.read_text() == "keep me\n"


@pytest.mark.parametrize("out", ["content", "content/pages", ".", "templates"])
def test_out_never_replaces_the_sites_own_files(site, capsys, out):
    """`--out content` once swapped the editors' files for the built site, exit 0."""
    (site.root / "templates").mkdir(exist_ok=True)
    before = sorted(p.relative_to(site.root) for p in site.root.rglob("*"))
    run = site.build("--out", str(site.root / out), capsys=capsys)
    assert run.code == 2 and "would replace the site's own files" in run.err
    assert sorted(p.relative_to(site.root) for p in site.root.rglob("*")) == before


def test_out_refuses_a_folder_of_other_files_and_keeps_them(site, tmp_path, capsys):
    folder = tmp_path / "Documents"
    folder.mkdir()
    (folder / "report.docx").write_bytes(b"keep me")
    run = site.build("--out", str(folder), capsys=capsys)
    assert run.code == 2 and "not a site built by bulletin" in run.err
    assert [p.name for p in folder.iterdir()] == ["report.docx"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".Documents")]
    assert (folder / "report.docx").read_bytes() == b"keep me"


def test_out_replaces_an_empty_folder_or_an_earlier_site(site, tmp_path, capsys):
    empty = tmp_path / "new"
    empty.mkdir()
    assert site.build("--out", str(empty), capsys=capsys).code == 0
    assert site.build("--out", str(empty), capsys=capsys).code == 0   # now an earlier site


def test_with_root_paths_in_messages_are_seen_from_where_the_command_was_run(site, capsys,
                                                                           monkeypatch):
    """With --root, check printed content/... relative to the site, which an editor's tools
    opened from the folder they ran it in could not find (an adopting council's trial)."""
    text = site.read("content/bulletins/2026-01/hate-crime.md")
    site.write("content/bulletins/2026-01/hate-crime.md", text.replace("rag: green", "rag: greeen"))
    monkeypatch.chdir(site.root.parent)
    assert cli.main(["check", "--root", "minimal"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("minimal/content/bulletins/2026-01/hate-crime.md:2: error: 'rag: greeen'")
    assert "Checked minimal/content/: 1 error" in out
    assert cli.main(["build", "--root", "minimal", "--no-search"]) == 1
    assert capsys.readouterr().err.startswith("minimal/content/bulletins/2026-01/hate-crime.md:2: error")


def test_with_root_new_names_the_files_and_the_check_to_run_from_here(site, capsys, monkeypatch):
    monkeypatch.chdir(site.root.parent)
    assert cli.main(["new", "2026-03", "--root", "minimal"]) == 0
    out = capsys.readouterr().out
    assert "created minimal/content/bulletins/2026-03/issue.yaml" in out
    assert "then run 'bulletin check 2026-03 --root minimal'." in out


def test_root_without_a_content_folder_exits_1_saying_where_it_looked(tmp_path, capsys):
    assert cli.main(["build", "--root", str(tmp_path), "--no-search"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{tmp_path}/content: error: there is no content folder at {tmp_path / 'content'}; "
                          "run the command from the site's folder or pass --root.")
    assert not (tmp_path / "site").exists()


# --- the shipped content ------------------------------------------------------------------------------

def test_shipped_content_builds_without_warnings(tmp_path, capsys):
    out = tmp_path / "out"
    code = cli.main(["build", "--root", str(TOOL_ROOT), "--out", str(out), "--no-search"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert captured.err == ""
    assert captured.out.startswith("Built ") and "warning" not in captured.out
    assert (out / "index.html").is_file()
    assert (out / "bulletins" / "2026-02" / "index.html").is_file()


def test_shipped_content_passes_strict(tmp_path, capsys):
    out = tmp_path / "out"
    code = cli.main(["build", "--root", str(TOOL_ROOT), "--out", str(out), "--no-search", "--strict"])
    assert code == 0, capsys.readouterr().err
    assert (out / "index.html").is_file()


def test_strict_fails_on_a_total_warning_and_writes_nothing(site, capsys):
    site.write(PATROLS, site.read(PATROLS).replace("total: [Total, 2000]", "total: [Total, 1999]"))
    code = cli.main(["build", "--root", str(site.root), "--no-search", "--strict"])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert "warning: the total for 'Patrols' is written as 1,999" in err[0]
    assert err[1] == ("Build failed: 0 errors, 1 warning (--strict fails on warnings). Nothing "
                      "was written; the previous site is unchanged.")
    assert not site.out.exists()


# --- never a traceback ------------------------------------------------------------------------------------

# (id, file, text to find, what to put instead (text, bytes for the whole file, None to remove),
#  the start of the message an editor must see)
BAD_INPUTS = [
    ("site-yaml-malformed", "content/site.yaml", "title: Test Bulletin", "title: Test: Bulletin",
     "content/site.yaml:1:12: error: the YAML here is malformed"),
    ("themes-yaml-malformed", "content/themes.yaml", "    title: Hate Crime", "   title: Hate Crime",
     "content/themes.yaml:9:4: error: 'title:' is indented 3 spaces"),
    ("issue-yaml-malformed", ISSUE, "title: Monthly Update", "title: Update: January",
     f"{ISSUE}:1:14: error: the YAML here is malformed"),
    ("front-matter-malformed", HATE, "rag: green", "rag: green\nsummary: Centres: opened",
     f"{HATE}:3:17: error: the YAML here is malformed"),
    ("table-malformed", PATROLS, "  - [South, 800]", "  - [South, 800",
     f"{PATROLS}:7:5: error: the YAML here is malformed"),
    ("front-matter-never-closed", HATE, "rag: green\n---", "rag: green",
     f"{HATE}:1: error: the front matter is never closed"),
    ("front-matter-no-opening", HATE, "---\nrag: green", "rag: green",
     f"{HATE}:1: error: the file must start with a line '---'"),
    ("theme-file-empty", HATE, None, b"",
     f"{HATE}:1: error: this file is empty"),
    ("not-utf8", "content/site.yaml", None, b"\xff\xfe rag",
     "content/site.yaml:1: error: this file is not UTF-8 text"),
    ("binary", PATROLS, None, b"\x89PNG\r\n\x1a\n\x00\x00",
     f"{PATROLS}: error: this is not a text file"),
    ("unknown-theme-file", f"{MONTH}/hate-crimes.md", None, b"---\nrag: red\n---\nText.\n",
     f"{MONTH}/hate-crimes.md: error: 'hate-crimes' is not a theme; theme files are named after "
     "a slug in content/themes.yaml"),
    ("bad-rag", HATE, "rag: green", "rag: amberish",
     f"{HATE}:2: error: 'rag: amberish' is not allowed; write one of: red, amber, green, not-rated."),
    ("month-folder-name", "content/bulletins/2026-1/issue.yaml", None, b"title: x\n",
     "content/bulletins/2026-1: error: the folder name '2026-1' is not a month"),
    ("issue-month-mismatch", ISSUE, "month: 2026-01", "month: 2026-02",
     f"{ISSUE}:2: error: 'month: 2026-02' does not match the folder '2026-01'"),
    ("issue-yaml-missing", ISSUE, None, None,
     f"{ISSUE}: error: this month has no issue.yaml"),
    ("impossible-date", ISSUE, "published: 2026-01-20", "published: 2026-02-30",
     f"{ISSUE}:3: error: 'published: 2026-02-30' is not a real date"),
    ("yaml-tag", ISSUE, "title: Monthly Update", "title: !!python/object:os.system x",
     f"{ISSUE}:1:8: error: the tag '!!python/object:os.system' cannot be used here"),
    ("tables-entry-without-file", HATE, "rag: green", "rag: green\ntables: [arrests]",
     f"{HATE}:3: error: the table 'arrests' has no file arrests.yaml"),
    ("row-cell-count", PATROLS, "[South, 800]", "[South, 800, 12]",
     f"{PATROLS}:7: error: row 2 (South) has 3 cells but the table has 2 columns"),
    ("number-with-commas", PATROLS, "[North, 1200]", '[North, "1,200"]',
     f"{PATROLS}:6: error: in row 1 (North), the Patrols cell ('patrols') must be a number, not '1,200'"),
    ("infinite-number", PATROLS, "[South, 800]", "[South, .inf]",
     f"{PATROLS}:7: error: in row 2 (South), the Patrols cell ('patrols') must be a number, not 'inf'"),
    ("required-keys-missing", "content/site.yaml", None, b"base_url: https://example.org/\n",
     "content/site.yaml:1: error: 'title' is missing"),
    ("bad-email", "content/themes.yaml", "ann@minimalshire.gov.uk", "ann at example.org",
     "content/themes.yaml:7: error: 'themes.contacts.email: ann at example.org' is not an email"),
    ("duplicate-theme-slug", "content/themes.yaml", "slug: hate-crime", "slug: community-safety-asb",
     "content/themes.yaml:8: error: the theme slug 'community-safety-asb' is used twice"),
    ("official-sensitive", HATE, "opened.", "opened. OFFICIAL\u2013SENSITIVE",
     f"{HATE}:6:39: error: 'OFFICIAL\u2013SENSITIVE' is a protective marking"),
    ("classification", HATE, "rag: green", "rag: green\nclassification: OFFICIAL-SENSITIVE",
     f"{HATE}:3: error: 'classification: OFFICIAL-SENSITIVE' marks this file"),
]


def apply(root: Path, rel: str, old: str | None, new) -> None:
    file = root / rel
    if new is None:
        file.unlink()
        return
    file.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(new, bytes):
        file.write_bytes(new)
        return
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {rel}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("rel, old, new, expected", [case[1:] for case in BAD_INPUTS],
                         ids=[case[0] for case in BAD_INPUTS])
def test_bad_input_gives_a_located_message_and_exit_1_never_a_traceback(site, capsys, rel, old,
                                                                         new, expected):
    apply(site.root, rel, old, new)
    run = site.build(capsys=capsys)  # an uncaught exception would fail the test here
    assert run.code == 1, run.err
    assert "Traceback" not in run.out + run.err
    assert any(line.startswith(expected) for line in run.err.splitlines()), run.err
    assert run.err.rstrip().endswith("Nothing was written; the previous site is unchanged.")
    assert not site.out.exists()


SUBPROCESS_CASES = ["impossible-date", "yaml-tag", "infinite-number", "not-utf8", "binary",
                    "front-matter-malformed", "official-sensitive"]


@pytest.mark.parametrize("case", SUBPROCESS_CASES)
def test_bad_input_as_a_process_prints_no_traceback(tmp_path, case):
    _, rel, old, new, expected = next(c for c in BAD_INPUTS if c[0] == case)
    root = tmp_path / "minimal"
    shutil.copytree(FIXTURE, root)
    apply(root, rel, old, new)
    result = bulletin("build", "--no-search", cwd=root)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr.startswith(expected)
    assert result.stderr.rstrip().endswith("Nothing was written; the previous site is unchanged.")
    assert not (root / "site").exists()


def test_the_cycle_collector_stays_on_in_a_process_that_goes_on(tmp_path):
    """`cli.main` called in-process (tests, and any caller that lives on) must not leave
    Python's cycle collector off: only `cli.run`, which exits after one command, may."""
    import gc
    site = tmp_path / "site"
    shutil.copytree(FIXTURE, site)
    assert cli.main(["build", "--root", str(site), "--no-search"]) == cli.EXIT_OK
    assert gc.isenabled()


def test_a_one_shot_build_runs_without_the_cycle_collector(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(FIXTURE, site)
    probe = ("import gc, sys; from builder import cli, pipeline\n"
             "built = pipeline.build\n"
             "def spy(*a, **k):\n"
             "    print('collector on' if gc.isenabled() else 'collector off')\n"
             "    return built(*a, **k)\n"
             "pipeline.build = spy\n"
             f"sys.argv = ['bulletin', 'build', '--root', {str(site)!r}, '--no-search']\n"
             "cli.run()\n")
    done = subprocess.run([str(PYTHON), "-c", probe], capture_output=True, text=True,
                          cwd=TOOL_ROOT)
    assert done.returncode == 0, done.stderr
    assert "collector off" in done.stdout


def test_serve_keeps_the_cycle_collector_on_even_as_a_whole_process(tmp_path, monkeypatch):
    """The README's promise: `bulletin serve` runs for hours, so only `build` and `deck`
    turn the collector off."""
    import gc
    import builder.serve

    site = tmp_path / "site"
    shutil.copytree(FIXTURE, site)
    seen = []

    class Stub:
        url = "http://127.0.0.1:0/"

        def __init__(self, *args, **kwargs):
            pass

        def start(self):
            seen.append(gc.isenabled())
            raise KeyboardInterrupt   # as Ctrl+C would stop it

        def stop(self):
            pass

    monkeypatch.setattr(builder.serve, "Preview", Stub)
    monkeypatch.setattr(cli, "_WHOLE_PROCESS", True)
    try:
        assert cli.main(["serve", "--root", str(site)]) == cli.EXIT_OK
    finally:
        gc.enable()
    assert seen == [True]


def test_out_inside_a_file_exits_2_saying_so_not_a_traceback(site, capsys):
    """'--out afile/site' (afile a file) was a FileExistsError traceback."""
    (site.root / "afile").write_text("kept")
    run = site.build("--out", str(site.root / "afile" / "site"), capsys=capsys)
    assert run.code == 2 and "Traceback" not in run.err
    assert f"{site.root / 'afile'} is a file, not a folder" in run.err
    assert (site.root / "afile").read_text() == "kept"


def test_a_build_says_which_draft_months_it_left_out_and_how_to_check_them(site, capsys):
    """A draft with three mistakes in it built with nothing said of it (a reader's trial):
    the editor could not tell it had been left out, nor that check lists its problems."""
    site.write("content/bulletins/2026-02/issue.yaml",
               "title: Next\nmonth: 2026-02\nstatus: draft\n")
    run = site.build(capsys=capsys)
    assert run.code == 0
    assert run.out.splitlines()[-1] == (
        "Left out the draft month 2026-02: a month is published once its issue.yaml says "
        "'status: published'. Run 'bulletin check 2026-02' to list what is still to write.")
    run = site.build("--drafts", capsys=capsys)
    assert run.code == 0 and "Left out" not in run.out


def test_two_draft_months_are_both_named_and_check_is_given_from_where_it_was_run(
        site, capsys, monkeypatch):
    for month in ("2026-02", "2026-03"):
        site.write(f"content/bulletins/{month}/issue.yaml",
                   f"title: Next\nmonth: {month}\nstatus: draft\n")
    monkeypatch.chdir(site.root.parent)
    assert cli.main(["build", "--root", site.root.name, "--no-search"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Left out the draft months 2026-02, 2026-03: a month is published once its issue.yaml "
        f"says 'status: published'. Run 'bulletin check --root {site.root.name}' to list what "
        "is still to write.")


def test_a_build_without_drafts_says_nothing_of_them(site, capsys):
    run = site.build(capsys=capsys)
    assert run.code == 0 and "draft" not in run.out
