"""build() and check share one validate(): what one finds, the other finds."""
from __future__ import annotations

from builder import cli, pipeline


def test_build_and_check_both_go_through_validate(site, capsys, monkeypatch):
    calls = []
    real = pipeline.validate
    monkeypatch.setattr(pipeline, "validate", lambda *a, **k: calls.append(k) or real(*a, **k))
    import builder.checking as checking
    monkeypatch.setattr(checking, "validate", pipeline.validate)
    assert site.build(capsys=capsys).code == 0
    assert cli.main(["check", "--root", str(site.root)]) == 0
    assert [c["drafts"] for c in calls] == [False, True]


def test_a_failed_validation_writes_nothing(site, capsys):
    site.write("content/bulletins/2026-01/hate-crime.md", "---\nrag: amberish\n---\nText.\n")
    run = site.build(capsys=capsys)
    assert run.code == 1 and not site.out.exists()
    assert "Build failed: 1 error" in run.err


def test_strict_fails_on_warnings(site, capsys):
    site.write("content/bulletins/2026-01/patrols.yaml",
               site.read("content/bulletins/2026-01/patrols.yaml").replace("[Total, 2000]",
                                                                           "[Total, 2001]"))
    assert site.build(capsys=capsys).code == 0
    assert site.build("--strict", capsys=capsys).code == 1


def test_write_site_wrapped_with_functools_wraps_is_still_taken_for_it():
    # bench/stages.py times the writer so; a writer of its own (serve's) is handed bytes.
    import functools
    from builder.output import write_site
    from builder.pipeline import _writes_site_folder

    @functools.wraps(write_site)
    def timed(*args, **kwargs):
        return write_site(*args, **kwargs)

    assert _writes_site_folder(write_site) and _writes_site_folder(timed)
    assert not _writes_site_folder(lambda files, out, **kwargs: None)
