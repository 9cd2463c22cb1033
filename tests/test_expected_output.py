"""Golden files: a few outputs of the minimal fixture, compared with checked-in copies.

Any change to what readers get (markup, wording, links, the feed) shows up
here as a diff to review. When the change is intended, regenerate with

    UPDATE_EXPECTED=1 .venv/bin/python -m pytest tests/test_expected_output.py

and commit the files under tests/fixtures/expected/ with the change.

Only <main> is compared for pages: the header, footer and fingerprinted asset
names change with styling work that is not this test's business. The one
exception is the frame of an adopting council's site (tests/conftest.py's
`council_site`): its logo, footer address and links and brand are what
site.yaml and the brand put into every page's <head>, header and footer; and
the title slide of its monthly deck, which shows its logo.
"""
from __future__ import annotations

import shutil
import difflib
import os
import re
from pathlib import Path

import pytest

from builder import cli

TOOL_ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "minimal"
EXPECTED = Path(__file__).resolve().parent / "fixtures" / "expected"
UPDATE = os.environ.get("UPDATE_EXPECTED") == "1"


@pytest.fixture(scope="module")
def built(tmp_path_factory, sass_cache) -> Path:
    root = tmp_path_factory.mktemp("golden") / "minimal"
    shutil.copytree(FIXTURE, root)
    shutil.copytree(sass_cache, root / ".cache")
    assert cli.main(["build", "--root", str(root), "--no-search"]) == 0
    return root / "site"


def normalise_main(page: str) -> str:
    """The page's <main>, one tag or text run per line, asset fingerprints blanked."""
    return _normalise(_element(page, "main"))


def normalise_frame(page: str) -> str:
    """The page's <meta name="theme-color">, <header> and <footer>, normalised alike."""
    theme = re.search(r'<meta name="theme-color"[^>]*>', page)
    assert theme, "the page has no theme-color"
    return "".join(_normalise(part) for part in (theme.group(0), _element(page, "header"),
                                                 _element(page, "footer")))


def _element(page: str, tag: str) -> str:
    match = re.search(rf"<{tag}\b.*?</{tag}>", page, re.S)
    assert match, f"the page has no <{tag}>"
    return match.group(0)


def _normalise(html: str) -> str:
    html = re.sub(r"\.[0-9a-f]{8}\.(css|js|svg|png)\b", r".FINGERPRINT.\1", html)
    html = re.sub(r">\s*<", ">\n<", html)
    lines = (line.strip() for line in html.splitlines())
    return "\n".join(line for line in lines if line) + "\n"


def normalise_text(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


CASES = {
    "issue-2026-01.main.html": ("bulletins/2026-01/index.html", normalise_main),
    "theme-hate-crime.main.html": ("themes/hate-crime/index.html", normalise_main),
    "feed.xml": ("feed.xml", normalise_text),
}


def compare(name: str, actual: str) -> None:
    expected_file = EXPECTED / name
    if UPDATE:
        EXPECTED.mkdir(parents=True, exist_ok=True)
        expected_file.write_text(actual, encoding="utf-8")
        return
    if not expected_file.exists():
        pytest.fail(f"tests/fixtures/expected/{name} is missing; create it with "
                    "UPDATE_EXPECTED=1 .venv/bin/python -m pytest tests/test_expected_output.py",
                    pytrace=False)
    expected = expected_file.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True),
            fromfile=f"tests/fixtures/expected/{name}", tofile=f"built {name}", n=2))
        pytest.fail(f"{name} is not what was expected:\n{diff}\n"
                    "If the change is intended, regenerate with UPDATE_EXPECTED=1 "
                    ".venv/bin/python -m pytest tests/test_expected_output.py", pytrace=False)


@pytest.mark.parametrize("name", sorted(CASES))
def test_output_matches_the_expected_file(built, name):
    rel, normalise = CASES[name]
    compare(name, normalise((built / rel).read_text(encoding="utf-8")))


def test_the_frame_of_a_council_s_site_is_the_expected_one(council_site):
    page = (council_site / "bulletins/2026-01/index.html").read_text(encoding="utf-8")
    compare("council-frame.html", normalise_frame(page))


def test_the_title_slide_of_a_council_s_monthly_deck_is_the_expected_one(council_site):
    """Its logo, with its text, and the masthead the brand's rule is drawn under."""
    page = (council_site / "decks/2026-01/index.html").read_text(encoding="utf-8")
    compare("council-deck-title.html", _normalise(_element(page, "section")))


def test_normalising_keeps_content_and_drops_only_layout_and_fingerprints():
    page = ('<html><head><link href="a/main.0123abcd.css"></head><body><main id="m">\n'
            '   <p class="x">Hello   <b>world</b></p>  <img src="i.89abcdef.png">\n</main>'
            '<footer>ignored</footer></body></html>')
    assert normalise_main(page) == ('<main id="m">\n<p class="x">Hello   <b>world</b>\n</p>\n'
                                    '<img src="i.FINGERPRINT.png">\n</main>\n')


def test_a_difference_fails_with_a_readable_diff(monkeypatch, tmp_path):
    monkeypatch.setitem(globals(), "EXPECTED", tmp_path)
    monkeypatch.setitem(globals(), "UPDATE", False)
    (tmp_path / "x.html").write_text("<p>one</p>\n<p>two</p>\n", encoding="utf-8")
    with pytest.raises(pytest.fail.Exception) as failed:
        compare("x.html", "<p>one</p>\n<p>2</p>\n")
    message = str(failed.value)
    assert "-<p>two</p>" in message and "+<p>2</p>" in message
    assert "UPDATE_EXPECTED=1" in message
    compare("x.html", "<p>one</p>\n<p>two</p>\n")  # the same text passes
