"""`bulletin deck`: one deck on its own, as a folder or a single file."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from builder import cli
from builder.decks.pdf import print_pdf
from builder.errors import ToolError

from .decksupport import SEED, SITE_MODULES, copy_deck, imported_by_deck


def run(capsys, *args):
    code = cli.main(["deck", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_seed_deck_builds_into_a_folder(tmp_path, capsys):
    deck = copy_deck(SEED, tmp_path / "src")
    code, out, err = run(capsys, deck, "--out", tmp_path / "out")
    assert code == 0 and "Built 17 slides" in out
    assert (tmp_path / "out" / "index.html").is_file()
    assert (tmp_path / "out" / "backgrounds" / "perry-grone-732606-unsplash.jpg").is_file()
    assert err.count("warning: this slide has no heading") == 7
    assert err.count("warning: this slide is empty") == 3


def test_single_file_writes_one_html_file(tmp_path, capsys):
    deck = copy_deck(SEED, tmp_path / "src")
    code, out, _ = run(capsys, deck, "--out", tmp_path / "out", "--single-file")
    assert code == 0
    assert [p.name for p in (tmp_path / "out").iterdir()] == [f"{deck.stem}.html"]


def test_without_out_a_deck_is_written_into_static_where_the_command_was_run(tmp_path, capsys,
                                                                         monkeypatch):
    """The README promises `_static/NAME.html`, as reveal-md's --static wrote."""
    deck = copy_deck(SEED, tmp_path / "src")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, deck, "--single-file")
    assert code == 0, err
    assert [p.name for p in (tmp_path / "_static").iterdir()] == [f"{deck.stem}.html"]


def test_a_missing_file_fails_with_the_deck_and_line(tmp_path, capsys):
    deck = tmp_path / "talk.md"
    deck.write_text("## Talk\n\n![Chart](chart.png)\n", encoding="utf-8")
    code, _, err = run(capsys, deck, "--out", tmp_path / "out")
    assert code == 1 and ":3: error: the file 'chart.png' does not exist" in err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("written", ["img/Chart.PNG", "IMG/chart.png", "img/chart.pgn",
                                     "img/chat.png", "img/charts.png"])
def test_a_missing_file_a_slip_away_from_one_there_says_which_was_meant(tmp_path, capsys,
                                                                       written):
    """'img/Chart.PNG' for img/chart.png said only 'does not exist' (a council officer's
    trial): it opened on the Windows PC it was written on."""
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "chart.png").write_bytes(b"\x89PNG\r\n")
    deck = tmp_path / "talk.md"
    deck.write_text(f"## Talk\n\n![Chart]({written})\n", encoding="utf-8")
    code, _, err = run(capsys, deck, "--out", tmp_path / "out")
    assert code == 1 and f":3: error: the file '{written}' does not exist" in err, err
    assert "did you mean 'img/chart.png'?" in err, err


def test_a_missing_file_like_none_there_or_like_two_names_no_one(tmp_path, capsys):
    (tmp_path / "img").mkdir()
    for name in ("chart1.png", "chart2.png"):
        (tmp_path / "img" / name).write_bytes(b"\x89PNG\r\n")
    deck = tmp_path / "talk.md"
    deck.write_text("## Talk\n\n![A](img/chart3.png)\n\n![B](img/graph.png)\n", "utf-8")
    code, _, err = run(capsys, deck, "--out", tmp_path / "out")
    assert code == 1 and err.count("does not exist") == 2 and "did you mean" not in err, err


def test_strict_fails_on_warnings(tmp_path, capsys):
    deck = tmp_path / "talk.md"
    deck.write_text("no heading\n", encoding="utf-8")
    assert run(capsys, deck, "--out", tmp_path / "out", "--strict")[0] == 1


MARKED = "## Briefing\n\nOFFICIAL-SENSITIVE\n\nNote: read out the Official Sensitive figures\n"


@pytest.mark.parametrize("form", [[], ["--single-file"]])
def test_a_marking_on_a_slide_or_in_its_notes_fails_and_writes_nothing(tmp_path, capsys, form):
    deck = tmp_path / "talk.md"
    deck.write_text(MARKED, encoding="utf-8")
    code, _, err = run(capsys, deck, "--out", tmp_path / "out", *form)
    assert code == 1
    assert ":3:1: error: 'OFFICIAL-SENSITIVE' is a protective marking" in err
    assert ":5:20: error: 'Official Sensitive' is a protective marking" in err
    assert not (tmp_path / "out").exists()


def test_markings_reviewed_in_front_matter_lets_a_marked_deck_build(tmp_path, capsys):
    deck = tmp_path / "talk.md"
    deck.write_text('---\nmarkings_reviewed: "names the marking of slides not shown"\n---\n'
                    + MARKED, encoding="utf-8")
    code, _, err = run(capsys, deck, "--out", tmp_path / "out", "--strict")
    assert code == 0 and err == ""
    assert "OFFICIAL-SENSITIVE" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def test_the_readme_councillor_deck_says_what_the_site_build_says_even_strict(tmp_path, capsys):
    """The seed deck's no-heading warnings are reviewed in content/decks.yaml; the build
    leaves them out, and so must `bulletin deck` given the deck where it lives."""
    code, out, err = run(capsys, SEED, "--out", tmp_path / "out", "--strict")
    assert code == 0 and err == "" and "Built 17 slides" in out


def site_deck(tmp_path, decks_yaml: str):
    """Two decks with a slide without a heading, in a site whose decks.yaml is given."""
    decks = tmp_path / "site" / "content" / "decks"
    decks.mkdir(parents=True)
    for name in ("a.md", "b.md"):
        (decks / name).write_text("## Talk\n\n---\n\nno heading\n", encoding="utf-8")
    (decks.parent / "decks.yaml").write_text(decks_yaml, encoding="utf-8")
    return decks


def test_a_sites_deck_leaves_out_the_warnings_decks_yaml_reviewed_for_it(tmp_path, capsys):
    decks = site_deck(tmp_path, "reviewed:\n  a.md:\n    no-heading: Kept as written.\n")
    assert run(capsys, decks / "a.md", "--out", tmp_path / "a", "--strict")[0] == 0
    code, _, err = run(capsys, decks / "b.md", "--out", tmp_path / "b", "--strict")
    assert code == 1 and "b.md:5: warning: this slide has no heading" in err


def test_a_sites_deck_loading_from_another_host_fails_as_in_the_site_build(tmp_path, capsys):
    decks = site_deck(tmp_path, "")
    remote = "## Talk\n\n![Logo](https://example.org/logo.png)\n"
    (decks / "a.md").write_text(remote, encoding="utf-8")
    code, _, err = run(capsys, decks / "a.md", "--out", tmp_path / "a")
    assert code == 1 and "a.md:3: error: 'https://example.org/logo.png' loads from another" in err
    assert "point to it there: logo.png." in err
    own = tmp_path / "mine" / "talk.md"   # a deck of one's own, as reveal-md takes it
    own.parent.mkdir()
    own.write_text(remote, encoding="utf-8")
    code, _, err = run(capsys, own, "--out", tmp_path / "b")
    assert code == 0 and "talk.md:3: warning: " in err and "presented offline" in err


def test_a_sites_deck_is_not_written_into_the_sites_content_folder(tmp_path, capsys):
    """'--out content/decks/out' was accepted (an editor's trial), where the site build
    refuses an --out inside content/."""
    decks = site_deck(tmp_path, "")
    code, _, err = run(capsys, decks / "a.md", "--out", decks / "out")
    assert code == 2 and "is inside the site's content/ folder" in err
    assert not (decks / "out").exists()


def test_a_sites_deck_is_not_written_into_the_sites_assets_or_templates(tmp_path, capsys):
    """--out assets/deck was accepted, and the next build published the deck's copy of
    reveal.js as the site's assets (a review of the change)."""
    decks = site_deck(tmp_path, "")
    site = decks.parent.parent
    for folder in ("assets", "templates"):
        code, _, err = run(capsys, decks / "a.md", "--out", site / folder / "deck")
        assert code == 2 and f"is inside the site's {folder}/ folder" in err
        assert not (site / folder / "deck").exists()


def test_a_mistake_in_the_decks_reviewed_entry_is_reported_on_its_line(tmp_path, capsys):
    decks = site_deck(tmp_path, "reviewed:\n  a.md:\n    headings: x\n  b.md: [wrong]\n")
    code, _, err = run(capsys, decks / "a.md", "--out", tmp_path / "a")
    assert code == 1
    assert "decks.yaml:3: error: 'headings' is not a kind of deck warning" in err
    assert "b.md" not in err  # another deck's entry is the site build's to report


def test_handout_needs_pdf_and_a_folder_that_is_not_a_deck_is_not_replaced(tmp_path, capsys):
    deck = copy_deck(SEED, tmp_path / "src")
    code, _, err = run(capsys, deck, "--handout")
    assert code == 2 and "--handout goes with --pdf: bulletin deck FILE.md --pdf --handout" in err
    keep = tmp_path / "mine"
    keep.mkdir()
    (keep / "notes.txt").write_text("precious")
    code, _, err = run(capsys, deck, "--out", keep)
    assert code == 2 and "is not a deck folder" in err
    assert (keep / "notes.txt").read_text() == "precious"


@pytest.mark.parametrize("given, words", [
    ("site.yaml", "is not a Markdown file; a deck is written in Markdown"),
    ("bulletins", "is a folder; give the deck's Markdown file"),
    ("missing.md", "is not a file; give the deck's Markdown file"),
])
def test_what_is_not_a_deck_file_is_a_usage_error_saying_what_to_give(tmp_path, capsys, given, words):
    (tmp_path / "bulletins").mkdir()
    (tmp_path / "site.yaml").write_text("title: A site\n", "utf-8")
    code, out, err = run(capsys, tmp_path / given, "--out", tmp_path / "out")
    assert code == 2 and words in err, err
    assert not (tmp_path / "out").exists()


def test_bulletin_chromium_names_the_browser_that_prints_pdfs(monkeypatch, tmp_path):
    monkeypatch.setenv("BULLETIN_CHROMIUM", "no-such-chromium-for-pdfs")
    with pytest.raises(ToolError, match="no-such-chromium-for-pdfs was not found"):
        print_pdf(tmp_path / "index.html", tmp_path / "deck.pdf")
    assert not (tmp_path / "deck.pdf").exists()


def test_a_deck_the_fast_writer_takes_whole_does_not_import_markdown_it_py(tmp_path):
    """markdown-it-py and its plugins were a seventh of a plain deck's start-up; they are
    imported only for a slide the fast writer declines (a code fence, say)."""
    deck = tmp_path / "plain.md"
    deck.write_text("## One\n\n- a [link](https://example.org/)\n\nNote: said aloud\n\n---\n\n"
                    "## Two\n\n| A | B |\n|---|--:|\n| x | 1 |\n", "utf-8")
    fenced = tmp_path / "fenced.md"
    fenced.write_text("## Code\n\n```python\nprint(1)\n```\n", "utf-8")
    code = ("import sys\nfrom builder.cli import main\n"
            f"assert main(['deck', {str(deck)!r}, '--out', {str(tmp_path / 'a')!r}]) == 0\n"
            "print('markdown_it' in sys.modules, 'markdown_it_pyrs' in sys.modules)\n"
            f"assert main(['deck', {str(fenced)!r}, '--out', {str(tmp_path / 'b')!r}]) == 0\n"
            "print('markdown_it' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=tmp_path)
    answers = [line for line in done.stdout.splitlines() if line.startswith(("True", "False"))]
    assert answers == ["False True", "True"]
    assert "<td class=\"govuk-table__cell--numeric\">1</td>" in (
        tmp_path / "a/index.html").read_text("utf-8")


def test_a_deck_on_its_own_does_not_import_the_site(tmp_path):
    """`bulletin deck` is mostly start-up: the site model and readers, the disk cache's
    blob store, the monthly decks' scan of HTML and cached summaries (and the PDF and
    single-file writers it was not asked for) would be a third of it."""
    heavy = (*SITE_MODULES, "builder.decks.pdf", "builder.decks.single")
    assert imported_by_deck(SEED, tmp_path / "out", modules=heavy) == []


@pytest.mark.parametrize("form", [[], ["--single-file"], ["--pdf"]], ids=["folder", "single", "pdf"])
@pytest.mark.parametrize("under", ["a-file/deck", "/proc/no-such-folder"], ids=["file", "proc"])
def test_an_out_that_cannot_be_written_is_a_usage_error_not_a_traceback(tmp_path, capsys, form,
                                                                         under):
    """'--out afile/y' (afile a file) was a FileExistsError traceback and '--out /proc/nope'
    a FileNotFoundError one (a reveal-md user's trial)."""
    deck = tmp_path / "talk.md"
    deck.write_text("## Talk\n", encoding="utf-8")
    (tmp_path / "a-file").write_text("kept", encoding="utf-8")
    out = tmp_path / under if not under.startswith("/") else under
    code, _, err = run(capsys, deck, "--out", out, *form)
    assert code == 2 and "Traceback" not in err, err
    assert f"--out {out} cannot be written: " in err and "give --out a new folder" in err
    if under.startswith("a-file"):
        assert f"{tmp_path / 'a-file'} is a file, not a folder" in err
        assert (tmp_path / "a-file").read_text(encoding="utf-8") == "kept"
    else:
        assert "nothing can be written in /proc" in err


def test_a_single_file_that_cannot_be_written_leaves_nothing_half_written(tmp_path, capsys):
    """Where NAME.html was a folder, the refusal left a '.talk.html.xxxx' temporary file
    beside it: the deck wrote files with a copy of the writer that did not clean up."""
    deck = tmp_path / "talk.md"
    deck.write_text("## Talk\n", encoding="utf-8")
    (tmp_path / "out" / "talk.html").mkdir(parents=True)
    code, _, err = run(capsys, deck, "--out", tmp_path / "out", "--single-file")
    assert code == 2 and "cannot be written" in err, err
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["talk.html"]


def test_rebuilding_the_deck_folder_keeps_the_pdfs_and_single_files_written_there(tmp_path, capsys):
    """The README writes the folder, --pdf and --pdf --handout all into _static/, and a
    rebuild of the folder deleted the PDF and the handout without a word (a reveal-md
    user's trial); a folder holding only an earlier --pdf's file was refused."""
    deck = tmp_path / "talk.md"
    deck.write_text("## Talk\n\n![Chart](chart.png)\n", encoding="utf-8")
    (tmp_path / "chart.png").write_bytes(b"\x89PNG old")
    out = tmp_path / "_static"
    out.mkdir()
    printed = {"talk.pdf": b"%PDF slides", "talk-handout.pdf": b"%PDF handout",
               "other.pdf": b"%PDF another deck's"}
    for name, data in printed.items():
        (out / name).write_bytes(data)
    assert run(capsys, deck, "--out", out)[0] == 0
    assert run(capsys, deck, "--out", out, "--single-file")[0] == 0
    (tmp_path / "chart.png").write_bytes(b"\x89PNG new")
    assert run(capsys, deck, "--out", out)[0] == 0
    for name, data in printed.items():
        assert (out / name).read_bytes() == data
    assert (out / "talk.html").is_file() and (out / "reveal.js").is_dir()
    assert (out / "chart.png").read_bytes() == b"\x89PNG new"


@pytest.mark.parametrize("habit, instead", [
    (["--static", "_site"], "--static DIR is --out DIR here"),
    (["--css", "style.css", "--theme", "night"], "--css goes in the deck's front matter here "
                                                 "(css: [style.css]); --theme goes in the "
                                                 "deck's front matter here (theme: night"),
    (["-w"], "There is no watching a deck on its own"),
    (["--print"], "--print is --pdf here"),
    (["--port", "1948"], "--port is reveal-md's own"),
    (["--highlight-theme", "monokai"], "goes in the deck's front matter here (highlightTheme: "),
    (["--separator", "^---"], "goes in the deck's front matter here (separator: "),
    (["--vertical-separator", "^--"], "goes in the deck's front matter here (verticalSeparator: "),
])
def test_reveal_md_s_options_show_the_deck_usage_and_what_to_write_here(tmp_path, capsys, habit,
                                                                         instead):
    """reveal-md's options stopped with argparse's general 'usage: bulletin [-h] ...' and
    no word of what to write (a reveal-md user's trial)."""
    deck = tmp_path / "talk.md"
    deck.write_text("## Talk\n", encoding="utf-8")
    code, _, err = run(capsys, deck, *habit)
    assert code == 2 and err.startswith("usage: bulletin deck [-h] [--out DIR]"), err
    assert f"bulletin: unrecognized arguments: {' '.join(habit)}. " in err and instead in err
    assert not (tmp_path / "_static").exists()


def test_the_print_hint_says_the_handout_is_made_instead_of_the_slides_pdf_as_the_readme_does(
        tmp_path, capsys):
    """The hint said '--pdf --handout adds the notes', where the command (and the README)
    makes the handout in place of the slides' PDF, not beside it (a council officer's
    trial): one run gives one PDF."""
    deck = tmp_path / "talk.md"
    deck.write_text("## Talk\n", encoding="utf-8")
    _, _, err = run(capsys, deck, "--print")
    assert "--pdf --handout makes the handout instead of the slides' PDF" in err, err
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    assert "`--handout` makes the handout instead of the slides' PDF" in readme


def test_an_option_no_one_knows_shows_the_command_s_usage_and_no_hint(tmp_path, capsys):
    code, _, err = run(capsys, tmp_path / "talk.md", "--bogus")
    assert code == 2 and err.startswith("usage: bulletin deck")
    assert err.rstrip().endswith("bulletin: unrecognized arguments: --bogus")
