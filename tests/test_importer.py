"""`bulletin import`: each seed export into a fresh site, compared with the shipped content.

The shipped content is what the importer makes, except where a person made a
judgement no rule can: each such difference is listed in EDITORIAL below,
with why, so the comparison stays exact everywhere else.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from builder import cli

from conftest import TOOL_ROOT

SEEDS = TOOL_ROOT.parent / "shared" / "seeds"
MAY_2025 = SEEDS / "000_3344464ef40159d3.txt"
FEB_2026 = SEEDS / "001_67b484b495cdfe88.txt"
PLAN = SEEDS / "002_beef6faf28b908d0.txt"
STRATEGY = SEEDS / "003_6276b689c1cccae8.txt"
DECK = SEEDS / "004_be63fcd09ff12be1.txt"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed exports are not beside the repository")

# shipped file -> [(what the importer writes, what an editor wrote instead)]
EDITORIAL = {
    # The editor named the table and titled it for what it counts; the importer
    # can only number it and title it from its column names.
    "content/bulletins/2026-02/drug-tests.yaml": [
        ("title: Positive, Negative, Refused and Total by CSP\n",
         "title: Drug tests by Community Safety Partnership\ncaption: Drug tests carried out "
         "across Stevenage & Hatfield Custody suites since October 2020, by Community Safety "
         "Partnership (CSP).\n"),
        # Like a marking, a total that differs from its rows is acknowledged by a
        # person: the editor turned the importer's comment into a note for readers.
        ("# The Total row exactly as the export gives it. It does not equal the sum of the "
         "rows\n# above (the rows add up to 5543, 5954, 63, 11560); it is kept as published, "
         "not corrected.\n", ""),
        ("", "\ntotal_note: \"The Total row is shown as published. It is higher than the sum of "
             "the rows above it: the Positive column's rows add up to 5,543 (the Total row gives "
             "5,620), the Negative column's to 5,954 (it gives 6,055) and the Total column's to "
             "11,560 (it gives 11,738).\"\n", "columns:")],
    "content/bulletins/2026-02/drugs-alcohol-criminal-justice.md": [
        ("table-1", "drug-tests"),
        # ... so the theme no longer needs the importer's editor's note about it.
        ('  - "The Total row of the table below is shown exactly as in the export. It is higher '
         'than the sum of the rows above it (for example, in the Total column the rows add up to '
         '11,560, but the Total row gives 11,738)."\n', "")],
    # Acknowledging a protective marking is a person's decision, never an importer's:
    # the import leaves it to `bulletin check` to ask for it.
    "content/plans/hertsmere-2019-20.yaml": [
        ("\n", "\nmarkings_reviewed: Mentions the protective marking of an attached email that "
               "is not published; the email\n  itself is not included.\n", "editor_notes:")],
}
RENAMED = {"content/bulletins/2026-02/table-1.yaml": "content/bulletins/2026-02/drug-tests.yaml"}


@pytest.fixture
def empty_site(tmp_path) -> Path:
    """A site with the shipped settings, themes and glossary, and no issues, plans or pages.
    The glossary's terms name no source page: the shipped one names the strategy by the
    shorter name the shipped content gives it, which an import does not."""
    (tmp_path / "content").mkdir()
    for name in ("site.yaml", "themes.yaml"):
        shutil.copy(TOOL_ROOT / "content" / name, tmp_path / "content" / name)
    glossary = (TOOL_ROOT / "content/glossary.yaml").read_text("utf-8")
    (tmp_path / "content/glossary.yaml").write_text(
        re.sub(r"(?m)^[ \t]+source:.*\n", "", glossary), "utf-8")
    return tmp_path


def run_import(root: Path, capsys, *files: Path, force: bool = False):
    code = cli.main(["import", *map(str, files), "--root", str(root)] + (["--force"] if force else []))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def finished_by_an_editor(rel: str, text: str) -> str:
    for change in EDITORIAL.get(rel, []):
        imported, edited = change[:2]
        if len(change) == 3:  # insert `edited` before the line starting with change[2]
            text = text.replace("\n" + change[2], edited + change[2], 1)
        else:
            text = text.replace(imported, edited)
    return text


def imported_files(root: Path) -> dict[str, str]:
    found = {}
    for path in sorted((root / "content").rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_file() and rel.split("/")[1] not in ("site.yaml", "themes.yaml", "glossary.yaml"):
            rel = RENAMED.get(rel, rel)
            found[rel] = finished_by_an_editor(rel, path.read_text(encoding="utf-8"))
    return found


@pytest.mark.parametrize("seed, folder", [(MAY_2025, "content/bulletins/2025-05"),
                                          (FEB_2026, "content/bulletins/2026-02")])
def test_a_monthly_update_reproduces_the_shipped_issue(empty_site, capsys, seed, folder):
    code, out, _ = run_import(empty_site, capsys, seed)
    assert code == 0, out
    shipped = {p.relative_to(TOOL_ROOT).as_posix(): p.read_text(encoding="utf-8")
               for p in sorted((TOOL_ROOT / folder).iterdir())}
    assert imported_files(empty_site) == shipped


def test_the_action_plan_reproduces_the_shipped_plan(empty_site, capsys):
    code, _, err = run_import(empty_site, capsys, PLAN)
    assert code == 0
    rel = "content/plans/hertsmere-2019-20.yaml"
    assert imported_files(empty_site) == {rel: (TOOL_ROOT / rel).read_text(encoding="utf-8")}
    assert "002_beef6faf28b908d0.txt:70: warning: an attached email ('OFFICIAL SENSITIVE - " \
        "OPERATIONAL.msg') is not in the export" in err


def test_check_after_importing_the_plan_asks_for_the_marking_to_be_reviewed(empty_site, capsys):
    run_import(empty_site, capsys, PLAN)
    code = cli.main(["check", "--root", str(empty_site)])
    out = capsys.readouterr().out
    assert code == 1
    assert re.search(r"content/plans/hertsmere-2019-20\.yaml:\d+:\d+: error: 'OFFICIAL SENSITIVE' "
                     r"is a protective marking", out)


def test_the_strategy_becomes_a_page_with_nothing_dropped(empty_site, capsys):
    code, _, err = run_import(empty_site, capsys, STRATEGY)
    assert code == 0
    page = (empty_site / "content/pages/hertfordshire-serious-violence-strategy-and-delivery-plan"
            ".md").read_text(encoding="utf-8")
    assert page.startswith('---\ntitle: "Hertfordshire Serious Violence Strategy and Delivery '
                           'Plan 2021 – 2026"\n')
    words = lambda text: set(re.findall(r"[A-Za-z]{3,}", text))
    assert words(STRATEGY.read_text(encoding="utf-8")) <= words(page)
    assert "## Serious violent crime" in page and "drugs.[^1]" in page
    assert "003_6276b689c1cccae8.txt:66: warning: footnote 3 has no mark in the text" in err
    assert "003_6276b689c1cccae8.txt:17: warning: 'HERTFORDSHIRE CONSTABULARY' looks like the " \
        "words of a logo" in err
    assert cli.main(["check", "--root", str(empty_site)]) == 0


def test_every_seed_imports_together_and_checks_without_errors(empty_site, capsys):
    code, out, _ = run_import(empty_site, capsys, MAY_2025, FEB_2026, STRATEGY)
    assert code == 0 and "Imported 3 files into 12 content files" in out
    assert cli.main(["check", "--root", str(empty_site)]) == 0
    assert "warning: the total for 'Total' is written as 11,738" in capsys.readouterr().out


def test_a_deck_is_not_imported(empty_site, capsys):
    code, _, err = run_import(empty_site, capsys, DECK)
    assert code == 1 and "is a slide deck (reveal-md Markdown)" in err
    assert not (empty_site / "content/bulletins").exists()


def test_existing_files_are_kept_unless_forced(empty_site, capsys):
    run_import(empty_site, capsys, MAY_2025)
    issue = empty_site / "content/bulletins/2025-05/issue.yaml"
    issue.write_text("changed\n")
    code, _, err = run_import(empty_site, capsys, MAY_2025)
    assert code == 1
    assert "content/bulletins/2025-05/issue.yaml already exists (and 4 more); nothing was written" in err
    assert issue.read_text() == "changed\n"
    assert run_import(empty_site, capsys, MAY_2025, force=True)[0] == 0
    assert issue.read_text() != "changed\n"


@pytest.mark.parametrize("data, code, message", [
    (None, 2, "is not a file"),
    (b"", 1, "is empty; there is nothing to import"),
    (b"\x00\x01binary", 1, "is not a text export (it holds binary data)"),
    (b"CCSU Monthly RAG Update\n\nMay 2025\n\xff\xfe\n", 1, ":4: this export is not UTF-8 text"),
    (b"CCSU Monthly RAG Update\n\nSometime\nHate Crime\t<p>x</p>\n", 1, "no month line like "
     "'February 2026'"),
])
def test_bad_exports_are_refused_with_a_message(empty_site, tmp_path, capsys, data, code, message):
    export = tmp_path / "export.txt"
    if data is not None:
        export.write_bytes(data)
    result, _, err = run_import(empty_site, capsys, export)
    assert result == code
    assert message in err and "Traceback" not in err


def test_a_row_for_an_unknown_theme_is_kept_with_a_warning(empty_site, tmp_path, capsys):
    export = tmp_path / "export.txt"
    export.write_text("CCSU Monthly RAG Update\n\nMarch 2026\nRoad Safety\t<p>Speed checks.</p>\n")
    code, _, err = run_import(empty_site, capsys, export)
    assert code == 0
    assert "export.txt:4: warning: 'Road Safety' is not a theme in content/themes.yaml" in err
    kept = (empty_site / "content/bulletins/2026-03/road-safety.md").read_text()
    assert "Speed checks." in kept
    assert cli.main(["check", "--root", str(empty_site)]) == 1
    assert "'road-safety' is not a theme" in capsys.readouterr().out
