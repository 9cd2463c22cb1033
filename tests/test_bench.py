"""bench/: the README says the benchmark runs its tools in turns, each once a round, and
that bench/stages.py times the build `bulletin build` runs."""
from __future__ import annotations

import sys
import time
from pathlib import Path

TOOL_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TOOL_ROOT / "bench"))

import run  # noqa: E402


def test_tools_run_in_turns_and_one_that_fails_is_dropped(tmp_path, capsys):
    log = tmp_path / "log"

    def tool(name: str, fails: bool = False):
        script = f"echo {name} >> {log}" + ("; exit 3" if fails else "")
        return (["sh", "-c", script], tmp_path, None, None)

    runs = run.in_turns(3, {"a": tool("a"), "b": tool("b"), "broken": tool("c", fails=True)})
    assert log.read_text().split() == ["a", "b", "c", "a", "b", "a", "b"]
    assert set(runs) == {"a", "b"} and all(len(r) == 3 for r in runs.values())
    assert all(seconds > 0 and load >= 0 for seconds, _, load in runs["a"])
    assert "broken: failed" in capsys.readouterr().out


def test_stages_times_the_writer_the_pipeline_still_takes_for_write_site(tmp_path):
    # A timed writer the pipeline did not know kept every page in memory: another build.
    import stages
    from builder.pipeline import _writes_site_folder, write_site
    seconds = {"write_site": 0.0}
    assert _writes_site_folder(stages.timed(seconds, "write_site", write_site))


def test_each_warm_edit_changes_the_corpus_and_is_undone_after(tmp_path):
    import edits
    entry = tmp_path / "content/bulletins/2026-01/theme-01.md"
    entry.parent.mkdir(parents=True)
    entry.write_text("---\nrag: green\n---\nText.\n")
    glossary = tmp_path / "content/glossary.yaml"
    glossary.write_text("abbreviations:\n  - abbr: ASB\n    expansion: Anti-social behaviour\n")
    before = {p: p.read_text() for p in (entry, glossary)}
    changed = {"one theme file": entry, "glossary": glossary,
               "template": tmp_path / "templates/base.html"}
    for kind in edits.KINDS:
        with edits.editing(tmp_path, kind) as edit:
            edit(0)
            first = changed[kind].read_text()
            edit(1)
            assert changed[kind].read_text() != first != before.get(changed[kind])
        assert {p: p.read_text() for p in before} == before
        assert not (tmp_path / "templates").exists()


def test_stages_counts_the_cpu_of_the_workers_a_stage_forked():
    """Its 'cores busy' column: this process only waits here, so all the time counted
    is the worker's, reaped before the stage ends as a pool's workers are."""
    import os
    import stages
    seconds, cpu = {"work": 0.0}, {"work": 0.0}

    def work():
        if os.fork() == 0:
            deadline = time.process_time() + 0.2
            while time.process_time() < deadline:
                pass
            os._exit(0)
        os.wait()

    stages.timed(seconds, "work", work, cpu)()
    assert cpu["work"] >= 0.15 and seconds["work"] >= 0.15
