"""`bulletin deck 2026-01 --single-file`: the file a councillor carries to the chamber on a
USB stick links the site's pages by their published addresses (relative, as the site's
own deck links them, they led nowhere there), and says so while base_url cannot give
them; the deck's folder, the one the site publishes, keeps them relative."""
from __future__ import annotations

from pathlib import Path

from builder import cli

from .test_deck_month import folder_files

BASE = "https://bulletin.testshire.gov.uk/test-bulletin/"   # the minimal fixture's
LINKED = "See [December's](../2025-12/hate-crime.md) and [the archive](/bulletins/)."


def run(capsys, *args):
    code = cli.main(["deck", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def linking(months: Path, base_url: str | None = BASE) -> Path:
    """The minimal site's January linking two of its pages, published at `base_url`
    (None: the line left out)."""
    entry = months / "content/bulletins/2026-01/hate-crime.md"
    entry.write_text(entry.read_text("utf-8").replace(
        "Third-party reporting centres opened.",
        f"Third-party reporting centres opened. {LINKED}"), "utf-8")
    site = months / "content/site.yaml"
    lines = site.read_text("utf-8").splitlines(keepends=True)
    site.write_text("".join(line if not line.startswith("base_url:") else
                            "" if base_url is None else f"base_url: {base_url}\n"
                            for line in lines), "utf-8")
    return months


def single(capsys, root: Path, out: Path, *extra):
    code, said, err = run(capsys, "2026-01", "--root", root, "--single-file", "--out", out,
                          *extra)
    made = out / "2026-01.html"
    return code, said + err, made.read_text("utf-8") if made.exists() else None


def test_the_single_file_links_the_site_s_pages_and_feed_by_their_published_addresses(
        months, tmp_path, capsys):
    code, said, html = single(capsys, linking(months), tmp_path / "out")
    assert code == 0 and "warning" not in said, said
    for page in ("bulletins/2025-12/#hate-crime", "bulletins/", "about/",
                 "bulletins/2026-01/#hate-crime-2026-01-reporting"):
        assert f'href="{BASE}{page}"' in html, page
    assert f'type="application/atom+xml" href="{BASE}feed.xml"' in html
    assert 'href="../' not in html


def test_the_deck_s_folder_keeps_its_links_relative_as_the_site_s_own_deck_does(
        months, tmp_path, capsys):
    code, _, err = run(capsys, "2026-01", "--root", linking(months), "--out", tmp_path / "f")
    assert code == 0, err
    index = folder_files(tmp_path / "f")["index.html"].decode("utf-8")
    assert 'href="../../bulletins/2025-12/index.html#hate-crime"' in index
    assert 'href="../../bulletins/index.html"' in index and 'href="../../feed.xml"' in index
    assert BASE not in index


def test_with_base_url_an_example_the_deck_still_works_and_one_warning_says_what_to_set(
        months, tmp_path, capsys):
    code, said, html = single(capsys, linking(months, "https://example.org/bulletin/"),
                              tmp_path / "out")
    assert code == 0, said
    assert said.count("warning:") == 1 and "with 1 warning" in said, said
    assert ("content/site.yaml:3: warning: 4 links in the deck to the site's pages "
            "(/bulletins/2026-01/#hate-crime-2026-01-reporting, /about/, "
            "/bulletins/2025-12/#hate-crime and 1 more) will not work outside the site "
            "until base_url is set: content/site.yaml still has the example address "
            "https://example.org/bulletin/; write the address the site is published at, "
            "like 'base_url: https://www.yourcouncil.gov.uk/bulletin/'") in said, said
    assert 'href="../../bulletins/2025-12/index.html#hate-crime"' in html   # as they were
    assert "feed.xml" not in html   # a feed link that leads nowhere is left out


def test_the_warning_is_a_failure_with_strict_and_nothing_is_written(months, tmp_path, capsys):
    code, said, html = single(capsys, linking(months, "https://example.org/bulletin/"),
                              tmp_path / "out", "--strict")
    assert code == 1 and "until base_url is set" in said and html is None, said


def test_a_deck_with_no_link_to_the_site_s_pages_has_no_warning_for_them(
        months, tmp_path, capsys):
    site = months / "content/site.yaml"
    site.write_text(site.read_text("utf-8").replace(BASE, "https://example.org/b/"), "utf-8")
    linked = months / "content/bulletins/2026-01/community-safety-asb.md"   # the fixture's
    linked.write_text(linked.read_text("utf-8").replace(
        " See the [hate crime update](hate-crime.md#reporting) and the [about page]"
        "(../../pages/about.md).", ""), "utf-8")
    code, said, html = single(capsys, months, tmp_path / "out")
    assert code == 0 and "warning" not in said and "feed.xml" not in html, said


def test_with_base_url_missing_the_site_s_own_error_names_the_file_and_key(
        months, tmp_path, capsys):
    """The site cannot be built without base_url (its feed and canonical links are made
    from it), so neither is its month's deck."""
    code, said, html = single(capsys, linking(months, None), tmp_path / "out")
    assert code == 1 and html is None, said
    assert "content/site.yaml:1: error: 'base_url' is missing; add a line like 'base_url: " in said
