"""`bulletin deck` keeps its compiled templates between runs, in the tool's .cache/templates/:
never read when stale, never written beside the deck, and harmless when missing or broken."""
from __future__ import annotations

import os

import jinja2
import pytest

from builder import cli, templating
from builder.decks import standalone
from builder.templating import make_environment, render_template

from .decksupport import TOOL_ROOT


def site_with_template(tmp_path, text: str):
    site = tmp_path / "site"
    (site / "templates" / "decks").mkdir(parents=True)
    (site / "templates" / "decks" / "deck.css").write_text(text, encoding="utf-8")
    return site


def render_css(site, kept) -> str:
    """A new environment each time, as a new `bulletin deck` process would make."""
    return render_template(make_environment(site, TOOL_ROOT, keep_compiled=kept),
                           "decks/deck.css", {"colour": "red"})


def test_a_compiled_template_is_kept_and_used_by_the_next_run(tmp_path, monkeypatch):
    site, kept = site_with_template(tmp_path, "a { color: {{ colour }} }\n"), tmp_path / "kept"
    assert render_css(site, kept) == "a { color: red }\n"
    files = sorted(kept.iterdir())
    assert files and all(f.suffix == ".jinja" for f in files)
    compiled = []
    monkeypatch.setattr(jinja2.Environment, "compile",
                        lambda self, *a, **k: compiled.append(a) or pytest.fail("compiled again"))
    assert render_css(site, kept) == "a { color: red }\n"
    assert compiled == []


def test_an_edited_template_is_compiled_again(tmp_path):
    site, kept = site_with_template(tmp_path, "a { color: {{ colour }} }\n"), tmp_path / "kept"
    assert render_css(site, kept) == "a { color: red }\n"
    (site / "templates" / "decks" / "deck.css").write_text("b { color: {{ colour }} }\n",
                                                           encoding="utf-8")
    assert render_css(site, kept) == "b { color: red }\n"
    # ... and the kept copy now holds the edited template, not the first one.
    assert render_css(site, kept) == "b { color: red }\n"


def test_a_broken_kept_file_is_ignored_and_replaced(tmp_path):
    site, kept = site_with_template(tmp_path, "a { color: {{ colour }} }\n"), tmp_path / "kept"
    render_css(site, kept)
    for file in kept.iterdir():
        file.write_bytes(file.read_bytes()[:20])
    assert render_css(site, kept) == "a { color: red }\n"
    assert all(len(f.read_bytes()) > 20 for f in kept.iterdir())


def test_another_version_of_jinja_or_of_the_settings_does_not_read_them(tmp_path, monkeypatch):
    site, kept = site_with_template(tmp_path, "a { color: {{ colour }} }\n"), tmp_path / "kept"
    render_css(site, kept)
    first = {f.name for f in kept.iterdir()}
    monkeypatch.setattr(jinja2, "__version__", "0.0-another")
    render_css(site, kept)
    assert len({f.name for f in kept.iterdir()} - first) == len(first)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into a read-only folder")
def test_a_folder_that_cannot_be_written_only_means_compiling_every_time(tmp_path):
    site, kept = site_with_template(tmp_path, "a { color: {{ colour }} }\n"), tmp_path / "kept"
    kept.mkdir()
    kept.chmod(0o500)
    try:
        assert render_css(site, kept) == "a { color: red }\n"
    finally:
        kept.chmod(0o700)


def test_a_file_in_the_way_of_the_folder_only_means_compiling_every_time(tmp_path):
    site, kept = site_with_template(tmp_path, "a { color: {{ colour }} }\n"), tmp_path / "kept"
    kept.write_text("not a folder")
    assert render_css(site, kept) == "a { color: red }\n"
    assert render_css(site, kept) == "a { color: red }\n"


def test_bulletin_deck_keeps_them_in_the_tools_folder_not_beside_the_deck(tmp_path, monkeypatch,
                                                                         capsys):
    kept = TOOL_ROOT / standalone.KEPT_TEMPLATES
    deck = tmp_path / "talk" / "talk.md"
    deck.parent.mkdir()
    deck.write_text("## Talk\n\nHello\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["deck", str(deck), "--out", str(tmp_path / "out")]) == 0
    capsys.readouterr()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "talk"]
    assert sorted(p.name for p in deck.parent.iterdir()) == ["talk.md"]
    assert any(f.suffix == ".jinja" for f in kept.iterdir())


def test_the_same_deck_is_the_same_bytes_with_and_without_kept_templates(tmp_path, capsys):
    deck = tmp_path / "talk.md"
    deck.write_text("---\ntitle: Talk\n---\n## One\n\nHello\n\nNote: say hello\n", encoding="utf-8")
    outs = []
    for n in range(3):
        if n == 0:
            for file in (TOOL_ROOT / standalone.KEPT_TEMPLATES).glob("*.jinja"):
                file.unlink()
        assert cli.main(["deck", str(deck), "--out", str(tmp_path / f"out{n}")]) == 0
        outs.append({p.relative_to(tmp_path / f"out{n}"): p.read_bytes()
                     for p in sorted((tmp_path / f"out{n}").rglob("*")) if p.is_file()})
    capsys.readouterr()
    assert outs[0] == outs[1] == outs[2]


def test_site_builds_keep_compiled_templates_in_memory_only():
    env = make_environment(TOOL_ROOT, TOOL_ROOT)
    assert env.bytecode_cache is templating._COMPILED
