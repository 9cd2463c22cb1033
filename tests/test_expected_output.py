"""Golden files: a few outputs of the minimal fixture, compared with checked-in copies.

Any change to what readers get (markup, wording, links, the feed) shows up
here as a diff to review. When the change is intended, regenerate with

    UPDATE_EXPECTED=1 .venv/bin/python -m pytest tests/test_expected_output.py

and commit the files under tests/fixtures/expected/ with the change.

Only <main> is compared for pages: the header, footer and fingerprinted asset
names change with styling work that is not this test's business.
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
    match = re.search(r"<main\b.*?</main>", page, re.S)
    assert match, "the page has no <main>"
    main = re.sub(r"\.[0-9a-f]{8}\.(css|js|svg|png)\b", r".FINGERPRINT.\1", match.group(0))
    main = re.sub(r">\s*<", ">\n<", main)
    lines = (line.strip() for line in main.splitlines())
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
