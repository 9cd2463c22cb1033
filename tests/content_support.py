"""What the tests that break the minimal fixture site and build it share: its files' paths,
editing one, and what a failed build must say and leave."""
from __future__ import annotations

MONTH = "content/bulletins/2026-01"
HATE = f"{MONTH}/hate-crime.md"
ASB = f"{MONTH}/community-safety-asb.md"
PATROLS = f"{MONTH}/patrols.yaml"
ISSUE = f"{MONTH}/issue.yaml"


def fails(run, site, *expected: str) -> list[str]:
    """Exit 1, each expected line start present, nothing written; returns the message lines."""
    assert run.code == 1, run.err
    lines = run.err.splitlines()
    for start in expected:
        assert any(line.startswith(start) for line in lines), f"no line starts {start!r}:\n{run.err}"
    assert lines[-1].startswith("Build failed: ")
    assert lines[-1].endswith("Nothing was written; the previous site is unchanged.")
    assert "Traceback" not in run.err + run.out
    assert not site.out.exists(), "a failed build must not write site/"
    return lines


def edit(site, rel: str, old: str, new: str) -> None:
    text = site.read(rel)
    assert old in text, f"{old!r} is not in {rel}"
    site.write(rel, text.replace(old, new, 1))
