"""builder.decks.reviewed: the warnings content/decks.yaml acknowledges for a deck."""
from __future__ import annotations

import re
from pathlib import Path

from builder.decks.lint import KINDS
from builder.decks.reviewed import reviewed_in_site

TOOL_ROOT = Path(__file__).resolve().parents[2]

REVIEWED = "reviewed:\n  talk.md:\n    no-heading: Kept as written.\n    quotes: Also kept.\n"


def make_site(tmp_path, decks_yaml: str = REVIEWED):
    (tmp_path / "content" / "decks" / "extra").mkdir(parents=True)
    (tmp_path / "content" / "decks.yaml").write_text(decks_yaml, encoding="utf-8")
    for rel in ("content/decks/talk.md", "content/decks/extra/talk.md", "talk.md"):
        (tmp_path / rel).write_text("## Talk\n", encoding="utf-8")
    return tmp_path


def test_a_deck_in_content_decks_gets_the_kinds_reviewed_for_it(tmp_path):
    site = make_site(tmp_path)
    problems: list = []
    assert reviewed_in_site(site, "talk.md", site, problems) == {
        "no-heading", "quotes"}
    assert problems == []


def test_decks_yaml_is_named_as_the_deck_is(tmp_path):
    site = make_site(tmp_path / "site", "reviewed: [talk.md]\n")
    deck = site / "content/decks/talk.md"
    inside, outside = [], []
    reviewed_in_site(site, deck.name, tmp_path, inside)
    reviewed_in_site(site, deck.name, tmp_path / "elsewhere", outside)
    assert [(p.path, p.line) for p in inside] == [("site/content/decks.yaml", 1)]
    assert [(p.path, p.line) for p in outside] == [(str(site / "content/decks.yaml"), 1)]


def test_broken_yaml_in_decks_yaml_is_an_error_on_its_line(tmp_path):
    site = make_site(tmp_path, "reviewed:\n  talk.md: [never closed\n")
    problems: list = []
    assert reviewed_in_site(site, "talk.md", site, problems) == frozenset()
    assert [(p.path, p.severity.value) for p in problems] == [("content/decks.yaml", "error")]


def test_the_kinds_decks_yaml_and_the_docs_list_are_every_kind_the_linter_has():
    """The shipped decks.yaml's comment left out too-tall, so an editor reading it could
    not tell that a slide called too tall could be acknowledged."""
    comment = (TOOL_ROOT / "content/decks.yaml").read_text("utf-8")
    listed = re.search(r"Kinds: (.*?)\.\n", comment.replace("\n# ", " "), re.S)
    assert listed and tuple(listed.group(1).split(", ")) == KINDS, listed
    docs = (TOOL_ROOT / "docs/content-model.md").read_text("utf-8")
    kinds = re.search(r"\(kinds: (.*?)\)", docs.replace("\n", " "))
    assert kinds and tuple(k.strip("`") for k in kinds.group(1).split(", ")) == KINDS


def test_a_deck_outside_a_site_acknowledges_a_warning_in_its_own_front_matter(tmp_path,
                                                                             capsys):
    """A deck built on its own had no decks.yaml to acknowledge a misjudged slide in, so
    its --strict build failed (a council officer's trial). Its front matter says it, with
    the reason, as decks.yaml does; what it does not name is still reported."""
    from builder import cli
    points = "".join(f"- Point {n}: long enough to wrap once on the slide, as most do\n"
                     for n in range(16))
    deck = tmp_path / "talk.md"
    body = f"## Actions\n\n{points}"
    reviewed = "---\nreviewed:\n  too-tall: Checked at 1024x768; the last points are read.\n---\n"
    deck.write_text(body, "utf-8")
    assert cli.main(["deck", str(deck), "--out", str(tmp_path / "a"), "--strict"]) == 1
    assert "lines of text" in capsys.readouterr().err
    deck.write_text(reviewed + body, "utf-8")
    assert cli.main(["deck", str(deck), "--out", str(tmp_path / "b"), "--strict"]) == 0
    deck.write_text(reviewed + body + "\n---\n\nno heading here\n", "utf-8")
    assert cli.main(["deck", str(deck), "--out", str(tmp_path / "c")]) == 0
    err = capsys.readouterr().err
    assert "lines of text" not in err and "no heading" in err


def test_a_deck_s_own_reviewed_written_otherwise_says_how_at_its_line(tmp_path):
    from builder.decks.handwritten import read_handwritten
    for written, line, words in (
            ("reviewed: [too-tall]\n", 2, "under 'reviewed:', write each kind of warning with "
                                          "the reason it is fine"),
            ("reviewed:\n  too-tal: Fits.\n", 3, "'too-tal' is not a kind of deck warning")):
        deck = tmp_path / "talk.md"
        deck.write_text(f"---\n{written}---\n## Talk\n", "utf-8")
        problems: list = []
        read_handwritten(tmp_path, deck, "talk", problems)
        assert [(p.line, words in p.message) for p in problems] == [(line, True)], problems


def test_a_site_decks_own_reviewed_adds_to_what_decks_yaml_acknowledges(tmp_path, capsys):
    """docs/content-model.md: the two add up. One kind in each, and --strict passes."""
    from builder import cli
    points = "".join(f"- Point {n}: long enough to wrap once on the slide, as most do\n"
                     for n in range(16))
    site = make_site(tmp_path / "site", "reviewed:\n  talk.md:\n    no-heading: Kept.\n")
    (site / "content/decks/talk.md").write_text(
        "---\nreviewed:\n  too-tall: Checked at 1024x768.\n---\n## Actions\n\n" + points
        + "\n---\n\nno heading here\n", "utf-8")
    assert cli.main(["deck", str(site / "content/decks/talk.md"), "--out",
                     str(tmp_path / "out"), "--strict"]) == 0, capsys.readouterr().err
