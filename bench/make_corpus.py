"""Generate a large synthetic bulletin site for benchmarks: months x themes of 3-5 KB entries.

    .venv/bin/python bench/make_corpus.py --out bench/out/corpus --pages 10000

Each "page" is one theme's entry in one month, a Markdown file like the ones
editors write: front matter (RAG, summary, contacts), `##` sub-items,
paragraphs that use the glossary's abbreviations and defined terms, dated
bullet lists, a 12-row pipe table, links to other entries and to e-mail
addresses; every month has a data table (YAML) shown by its first theme.
The shipped site.yaml and glossary.yaml are copied, so the generated site
exercises the same glossing, link checking and templates as the real one.
Output is deterministic for a given --seed; `CORPUS_VERSION` changes when
the shape does, so callers know to make it again.
"""
from __future__ import annotations

import argparse
import random
import re
import shutil
from pathlib import Path

TOOL_ROOT = Path(__file__).resolve().parent.parent

WORDS = ("partnership community safety officers residents district borough county council "
         "police patrols housing providers schools young people families victims support "
         "services referrals assessment strategy funding evaluation training awareness "
         "engagement reporting incidents neighbourhood town centre evening economy licensing "
         "outreach prevention early intervention safeguarding multi-agency meetings data "
         "analysis hotspots trends quarter previous increase decrease stable review action "
         "plan priorities commissioning delivery partners volunteers campaign").split()
ABBRS = ("ASB", "CCSU", "CSP", "CYP", "CSE", "CCE", "JAG", "CSM")
TERMS = ("county lines", "cuckooing", "serious violence")
HEADINGS = ("Overview", "Partnership working", "Recent activity", "Data and trends",
            "Training and awareness", "Funding", "Next steps", "Engagement", "Referrals",
            "Evaluation")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
CSPS = ("Broxbourne", "Dacorum", "East Herts", "Hertsmere", "North Herts", "St Albans",
        "Stevenage", "Three Rivers", "Watford", "Welwyn Hatfield", "Harlow", "Epping")
CORPUS_VERSION = 4  # bump when what `entry` writes changes shape (3: glossary without sources; 4: a not-rated entry's rag_note)
RAGS = ("red", "amber", "green", "not-rated")
NAMES = ("Alex Morgan", "Sam Patel", "Jo Clarke", "Chris Evans", "Priya Shah", "Lee Turner")


def without_sources(glossary: str) -> str:
    """The shipped glossary without its terms' `source:` pages, which the corpus has not."""
    return re.sub(r"(?m)^[ \t]+source:.*\n", "", glossary)


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(9, 20))]
    if rng.random() < 0.35:
        words.insert(rng.randrange(len(words)), rng.choice(ABBRS))
    if rng.random() < 0.12:
        words.insert(rng.randrange(len(words)), rng.choice(TERMS))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def entry(rng: random.Random, theme: str, month: str, months: list[str], themes: list[str],
          index: int, table: bool) -> str:
    rag = RAGS[rng.randrange(4)]
    name = rng.choice(NAMES)
    email = name.lower().replace(" ", ".") + "@example.org"
    lines = ["---", f"rag: {rag}", f"summary: {sentence(rng)}", "contacts:",
             f"  - name: {name}", f"    email: {email}"]
    if rag == "not-rated":   # as an editor says why (a warning without it, in a published month)
        lines.append("rag_note: The partnership board rates it next month.")
    if table:
        lines.append("tables: [figures]")
    lines += ["---", ""]
    body: list[str] = []
    size_goal = rng.randint(2400, 4200)  # the table and front matter bring it to 3-5 KB
    headings = rng.sample(HEADINGS, k=len(HEADINGS))
    h = 0
    while sum(len(b) for b in body) < size_goal:
        body += [f"## {headings[h % len(headings)]}{' ' + str(h // len(headings) + 1) if h >= len(headings) else ''}", ""]
        h += 1
        body += [paragraph(rng), ""]
        if rng.random() < 0.5:
            body += [f"- {dated(rng, month)}: {sentence(rng)}"
                     for _ in range(rng.randint(2, 5))] + [""]
        if h == 1:
            body += pipe_table(rng) + [""]
        if rng.random() < 0.4 and index > 0:
            other_month = months[rng.randrange(index)]
            other_theme = rng.choice(themes)
            body += [f"See also [the {other_month} update](../{other_month}/{other_theme}.md) "
                     f"and contact [{name}](mailto:{email}).", ""]
        body += [paragraph(rng), ""]
    if table:
        body += ["[table: figures]", ""]
    return "\n".join(lines + body)


def dated(rng: random.Random, month: str) -> str:
    year, number = month.split("-")
    return f"{rng.randint(1, 28)} {MONTH_NAMES[int(number) - 1]} {year}"


def pipe_table(rng: random.Random) -> list[str]:
    """A 12-row Markdown table, as editors paste from a spreadsheet."""
    rows = ["| CSP | Incidents | Change | Note |", "| --- | ---: | ---: | --- |"]
    rows += [f"| {csp} | {rng.randint(5, 400)} | {rng.randint(-30, 30)}% | "
             f"{rng.choice(WORDS)} {rng.choice(WORDS)} |" for csp in CSPS]
    return rows


def table_yaml(rng: random.Random) -> str:
    rows = [[area, rng.randint(10, 900), rng.randint(10, 900)]
            for area in ("Broxbourne", "Dacorum", "Hertsmere", "St Albans", "Watford")]
    out = ["title: Figures by Community Safety Partnership",
           "columns:", "  - {key: csp, label: CSP, type: text}",
           "  - {key: a, label: This month, type: number}",
           "  - {key: b, label: Last month, type: number}", "rows:"]
    out += [f"  - [{r[0]}, {r[1]}, {r[2]}]" for r in rows]
    out += [f"total: [Total, {sum(r[1] for r in rows)}, {sum(r[2] for r in rows)}]", ""]
    return "\n".join(out)


def generate(out: Path, pages: int, themes_count: int, seed: int) -> tuple[int, int]:
    rng = random.Random(seed)
    months_count = -(-pages // themes_count)
    if months_count > 1200:
        raise SystemExit("too many months for YYYY-MM folders; use more --themes")
    if out.exists():
        shutil.rmtree(out)
    content = out / "content"
    (content / "bulletins").mkdir(parents=True)
    shutil.copy(TOOL_ROOT / "content" / "site.yaml", content / "site.yaml")
    (content / "glossary.yaml").write_text(without_sources(
        (TOOL_ROOT / "content" / "glossary.yaml").read_text(encoding="utf-8")), encoding="utf-8")
    themes = [f"theme-{i + 1:02d}" for i in range(themes_count)]
    lines = ["themes:"]
    for i, slug in enumerate(themes):
        lines += [f"  - slug: {slug}", f"    title: Theme {i + 1}",
                  f"    description: {sentence(rng)}", "    contacts: []"]
    (content / "themes.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    months = [f"{2000 + m // 12:04d}-{m % 12 + 1:02d}" for m in range(months_count)]
    written = 0
    for index, month in enumerate(months):
        folder = content / "bulletins" / month
        folder.mkdir()
        (folder / "issue.yaml").write_text(
            f"title: Monthly RAG Update\nmonth: {month}\nstatus: published\n", encoding="utf-8")
        has_table = True  # a data table every month, shown by the first theme
        if has_table:
            (folder / "figures.yaml").write_text(table_yaml(rng), encoding="utf-8")
        for t, theme in enumerate(themes):
            if written >= pages:
                text = "---\nno_update: true\n---\n"
            else:
                text = entry(rng, theme, month, months, themes, index, has_table and t == 0)
                written += 1
            (folder / f"{theme}.md").write_text(text, encoding="utf-8")
    return written, months_count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TOOL_ROOT / "bench" / "out" / "corpus")
    parser.add_argument("--pages", type=int, default=10_000, help="theme entries to write")
    parser.add_argument("--themes", type=int, default=25)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    written, months = generate(args.out, args.pages, args.themes, args.seed)
    print(f"Wrote {written} entries ({months} months x {args.themes} themes) into {args.out}")


if __name__ == "__main__":
    main()
