"""builder.sass: compiling the Sass, its cache, and Sass's errors as editors' problems.

These run the real Sass from node_modules (installed by `make build` / `make test`);
each compile takes about a second.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from builder.errors import ContentErrors
from builder.sass import compile_css, shown_path

TOOL_ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = TOOL_ROOT / "node_modules"
SASS = NODE_MODULES / ".bin" / "sass"

if not SASS.exists():
    if os.environ.get("CI"):
        raise RuntimeError("node_modules is missing: `make test` installs it (npm ci)")
    pytest.skip("node_modules is missing: run `make build` first", allow_module_level=True)


def _sass_files(site: Path, files: dict[str, str]) -> dict[str, Path]:
    """The tool's Sass files, with `files` (by name under scss/) written into `site`'s."""
    scss = {p.relative_to(TOOL_ROOT / "assets/scss").as_posix(): p
            for p in (TOOL_ROOT / "assets/scss").rglob("*.scss")}
    for rel, text in files.items():
        target = site / "assets/scss" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        scss[rel] = target
    return scss


def _compile(site: Path, files: dict[str, str], cache: Path | None = None) -> bytes:
    return compile_css(_sass_files(site, files), SASS, NODE_MODULES, cache, site)


def test_css_is_cached_by_input_and_written_atomically(tmp_path):
    cache = tmp_path / "cache"
    first = _compile(tmp_path, {}, cache)
    cached = sorted(cache.iterdir())
    assert len(cached) == 1 and cached[0].suffix == ".css"
    assert cached[0].read_bytes() == first
    # A second build reads the cache (poison it to prove it is used).
    cached[0].write_bytes(b"/* from the cache */\n")
    assert _compile(tmp_path, {}, cache) == b"/* from the cache */\n"
    # No temporary files are left behind.
    assert [p.name for p in cache.iterdir()] == [cached[0].name]


def test_a_changed_input_is_compiled_again_not_read_from_the_cache(tmp_path):
    cache = tmp_path / "cache"
    _compile(tmp_path, {}, cache)
    changed = _compile(tmp_path, {"_site.scss": ".only-here { color: #123456; }\n"}, cache)
    assert b".only-here" in changed
    assert len(list(cache.iterdir())) == 2


def test_a_deck_s_exit_this_page_stylesheet_is_its_own_compile_and_cache_entry(tmp_path):
    """A deck showing a sensitive theme copies GOV.UK's button and component, not the
    site's whole stylesheet; cached beside the site's under a name of its own."""
    cache = tmp_path / "cache"
    site = _compile(tmp_path, {}, cache)
    deck = compile_css(_sass_files(tmp_path, {}), SASS, NODE_MODULES, cache, tmp_path,
                       "deck-exit.scss")
    assert sorted(p.name.split("-")[0] for p in cache.iterdir()) == ["deck", "main"]
    assert b".govuk-exit-this-page{" in deck and b".govuk-button--warning{" in deck
    assert b".bulletin-rag" not in deck and b".bulletin-rag" in site
    assert b"system-ui" in deck   # the site's settings: no GOV.UK font, no @font-face
    assert b"@font-face" not in deck


def test_sass_error_names_the_file_line_and_what_is_wrong_as_content_problems_are(tmp_path):
    """It was a message with no place of its own (': error: Sass could not compile the
    stylesheet: /abs/path:387:25: Undefined variable.'), which no editor could click, and
    it did not say which variable (a designer's trial)."""
    with pytest.raises(ContentErrors) as caught:
        _compile(tmp_path, {"_bulletin.scss": "// line 1\n.a {\n  color: $no-such-variable;\n}\n"})
    assert [str(p) for p in caught.value.problems] == [
        "assets/scss/_bulletin.scss:3:10: error: Sass could not compile the stylesheet: "
        "Undefined variable: $no-such-variable."]


def test_two_files_for_one_partial_are_both_named(tmp_path):
    """'bulletin.scss' beside '_bulletin.scss' was cut off at 'Found:' (a designer's trial)."""
    with pytest.raises(ContentErrors) as caught:
        _compile(tmp_path, {"bulletin.scss": ".b {}\n"})
    [problem] = caught.value.problems
    assert problem.message.endswith("Found: _bulletin.scss, bulletin.scss (keep one; a "
                                    "partial's name starts with _)"), problem.message


def test_a_site_file_is_named_from_the_site_folder_and_a_tool_default_in_full(tmp_path):
    assert shown_path(tmp_path / "assets/scss/_site.scss", tmp_path) == "assets/scss/_site.scss"
    default = TOOL_ROOT / "assets/scss/main.scss"
    assert shown_path(default, tmp_path) == str(default)


def test_a_sass_report_without_an_error_line_ending_in_a_colon_is_still_a_message(tmp_path):
    """It raised StopIteration, a traceback instead of a message (a review of the change)."""
    from builder.sass import _sass_problem
    scss = {"main.scss": tmp_path / "assets/scss/main.scss"}
    problem = _sass_problem("Something went wrong:\n", tmp_path, scss, tmp_path, "main.scss")
    assert problem.message.startswith("Sass could not compile the stylesheet: Something went wrong:")
