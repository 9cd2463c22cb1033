"""Issue 6's benchmark: bulletin against Pelican, MkDocs, Hugo and a bare floor loop.

    make bench            # 1,000 and 10,000 entries
    make bench QUICK=1    # 1,000 only (a few minutes)

For each size: generates the corpus (make_corpus.py) and the same Markdown laid
out for each peer (peers.py), then times, as separate processes on this
machine, the median of several clean builds of each (run in turns, each tool
once a round), our warm rebuilds (no change, one theme file, the glossary, a
template), and a 40-slide deck against reveal-md (also in turns). Peak memory is the largest total RSS of the process tree,
sampled every 20 ms. Prints a table with ratios (ours / each) and writes it
to bench/results.md. A peer that cannot be installed is reported and skipped.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable

BENCH = Path(__file__).resolve().parent
TOOL_ROOT = BENCH.parent
OUT = BENCH / "out"
PY = TOOL_ROOT / ".venv" / "bin" / "python"
sys.path.insert(0, str(BENCH))
import edits  # noqa: E402
import make_corpus  # noqa: E402
import peers  # noqa: E402


def tree_rss(pid: int) -> int:
    """Total resident memory (bytes) of `pid` and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo += children.get(p, [])
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def measure(cmd: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float]:
    """(seconds, peak MB) of one run of `cmd`; raises if it fails."""
    started = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env={**os.environ, **(env or {})})
    peak = [0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], tree_rss(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = process.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed: {err.decode()[-800:]}")
    return seconds, peak[0] / 2**20


def median_of(runs: int, cmd, cwd, before=None, env=None) -> tuple[float, float, list[float]]:
    times, peaks = [], []
    for n in range(runs):
        if before:
            before(n)
        seconds, peak = measure(cmd, cwd, env)
        times.append(seconds)
        peaks.append(peak)
    return statistics.median(times), max(peaks), times


def corpus(pages: int) -> Path:
    root = OUT / f"corpus-{pages}"
    marker = root / ".generated"
    wanted = f"{pages} 25 2026 v{make_corpus.CORPUS_VERSION}"
    if not marker.is_file() or marker.read_text() != wanted:
        make_corpus.generate(root, pages, 25, 2026)
        marker.write_text(wanted)
    css = TOOL_ROOT / ".cache"
    (root / ".cache").mkdir(exist_ok=True)
    # compiled CSS (main-*, and deck-exit-* for decks with Exit this page) is keyed by the
    # Sass inputs alone
    for file in css.glob("*.css"):
        shutil.copy(file, root / ".cache" / file.name)
    return root


def hugo_binary() -> Path:
    found = sorted(peers.VENV.glob("lib/python*/site-packages/hugo/binaries/hugo"))
    return found[0] if found else peers.tool("hugo")


def clean_builds(pages: int, root: Path, runs: int, missing: dict[str, str]) -> dict:
    layouts = OUT / f"peers-{pages}"
    if not (layouts / ".done").is_file() or (layouts / ".done").read_text() != str(
            make_corpus.CORPUS_VERSION):
        shutil.rmtree(layouts, ignore_errors=True)
        peers.layout_pelican(root, layouts / "pelican")
        peers.layout_mkdocs(root, layouts / "mkdocs")
        peers.layout_hugo(root, layouts / "hugo")
        (layouts / ".done").write_text(str(make_corpus.CORPUS_VERSION))
    site = root / "site"
    tools = {
        "bulletin": ([str(TOOL_ROOT / ".venv/bin/bulletin"), "build", "--root", str(root),
                      "--no-search", "--no-cache"], TOOL_ROOT, lambda n: shutil.rmtree(site, True)),
        "floor (2 processes)": ([str(PY), str(BENCH / "floor.py"), str(root), "--jobs", "2"],
                                TOOL_ROOT, None),
        "floor (1 process)": ([str(PY), str(BENCH / "floor.py"), str(root), "--jobs", "1"],
                              TOOL_ROOT, None),
        "hugo": ([str(hugo_binary()), "--quiet", "-d", "public"], layouts / "hugo",
                 lambda n: shutil.rmtree(layouts / "hugo/public", True)),
        "pelican": ([str(peers.tool("pelican")), "content", "-s", "pelicanconf.py", "-o",
                     "output", "-q"], layouts / "pelican",
                    lambda n: shutil.rmtree(layouts / "pelican/output", True)),
        "mkdocs": ([str(peers.tool("mkdocs")), "build", "-q", "-d", "site"], layouts / "mkdocs",
                   lambda n: shutil.rmtree(layouts / "mkdocs/site", True)),
    }
    timed = in_turns(runs, {name: (cmd, cwd, before, None)
                            for name, (cmd, cwd, before) in tools.items() if name not in missing})
    results: dict[str, dict | None] = {}
    for name in tools:
        measured = timed.get(name)
        if not measured:  # missing, or failed
            results[name] = None
            continue
        times = [seconds for seconds, _, _ in measured]
        results[name] = {"s": statistics.median(times), "mb": max(mb for _, mb, _ in measured),
                         "runs": times, "load": statistics.median(l for _, _, l in measured)}
        print(f"  clean {name:20} {results[name]['s']:7.2f} s  {results[name]['mb']:6.0f} MB  "
              f"(runs {', '.join(f'{t:.2f}' for t in times)}; load "
              f"{results[name]['load']:.2f})", flush=True)
    return results


def in_turns(rounds: int, tools: dict[str, tuple[list[str], Path, Callable | None, dict | None]]
             ) -> dict[str, list[tuple[float, float, float]]]:
    """(seconds, peak MB, load average) of each tool's runs, run once each per round, in
    turns. This machine's load drifts (its second core comes and goes), and tools
    timed in back-to-back series would each meet a different machine. A tool that
    fails is reported and dropped."""
    runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in tools}
    for n in range(rounds):
        for name, (cmd, cwd, before, env) in list(tools.items()):
            if before:
                before(n)
            load = os.getloadavg()[0]
            try:
                seconds, peak = measure(cmd, cwd, env)
            except RuntimeError as exc:
                print(f"  {name}: failed: {exc}", flush=True)
                del tools[name], runs[name]
                continue
            runs[name].append((seconds, peak, load))
    return runs


def warm_rebuilds(root: Path, runs: int) -> dict:
    bulletin = [str(TOOL_ROOT / ".venv/bin/bulletin"), "build", "--root", str(root), "--no-search"]
    measure(bulletin, TOOL_ROOT)  # fills the cache
    results = {}
    for name in ("no-op",) + edits.KINDS:
        load = os.getloadavg()[0]
        with edits.editing(root, name) as edit:
            seconds, peak, times = median_of(runs, bulletin, TOOL_ROOT,
                                             edit if name != "no-op" else None)
        results[name] = {"s": seconds, "mb": peak, "runs": times, "load": load}
        print(f"  warm {name:21} {seconds:7.2f} s  {peak:6.0f} MB  (load {load:.2f})", flush=True)
    return results


def decks(rounds: int, missing: dict[str, str]) -> dict:
    """Both tools in turns, one run each per round: a deck takes a tenth of a second, so
    a drift in the machine's load between two back-to-back series would move the ratio
    more than either tool does."""
    folder = OUT / "deck"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    deck = folder / "bench.md"
    deck.write_text(peers.deck_markdown(40), "utf-8")
    tools = {"bulletin deck": ([str(TOOL_ROOT / ".venv/bin/bulletin"), "deck", str(deck),
                                "--out", str(folder / "ours")], TOOL_ROOT,
                               lambda n: shutil.rmtree(folder / "ours", True), None)}
    if "reveal-md" not in missing:
        tools["reveal-md --static"] = ([str(peers.reveal_md()), str(deck), "--static",
                                        str(folder / "theirs")], folder,
                                       lambda n: shutil.rmtree(folder / "theirs", True),
                                       {"PUPPETEER_SKIP_DOWNLOAD": "1"})
    results = {}
    for name, measured in in_turns(rounds, tools).items():
        times = [seconds for seconds, _, _ in measured]
        results[name] = {"s": statistics.median(times), "mb": max(mb for _, mb, _ in measured),
                         "runs": times}
        print(f"  deck {name:20} {results[name]['s']:7.3f} s  {results[name]['mb']:6.0f} MB"
              f"  ({len(times)} rounds)", flush=True)
    return results


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in
                  Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
                 "unknown CPU")
    return f"{os.cpu_count()} CPUs ({model}), Python {sys.version.split()[0]}"


def table(sizes: dict, warm: dict, deck: dict, missing: dict, started_load: float) -> str:
    lines = [f"Machine: {machine()}; load average at start {started_load:.2f}, at end "
             f"{os.getloadavg()[0]:.2f}.", ""]
    if sizes:
        lines += ["| Clean build | entries | median s | peak MB | bulletin ÷ this |",
                  "| --- | ---: | ---: | ---: | ---: |"]
    for pages, results in sizes.items():
        ours = results.get("bulletin")
        for name, r in results.items():
            if r is None:
                lines.append(f"| {name} | {pages:,} | not run: {missing.get(name, 'failed')} | | |")
                continue
            ratio = f"{ours['s'] / r['s']:.2f}" if ours else ""
            lines.append(f"| {name} | {pages:,} | {r['s']:.2f} | {r['mb']:.0f} | {ratio} |")
    if len(sizes) > 1:
        small, large = sorted(sizes)[0], sorted(sizes)[-1]
        for name in sizes[small]:
            a, b = sizes[small].get(name), sizes[large].get(name)
            if a and b:
                lines.append(f"| {name}: {large:,} ÷ {small:,} entries | | {b['s'] / a['s']:.1f}× "
                             f"time | {b['mb'] / a['mb']:.1f}× memory | |")
    if warm:
        lines += ["", "| bulletin rebuild (warm cache) | entries | median s | peak MB |",
                  "| --- | ---: | ---: | ---: |"]
    for pages, results in warm.items():
        for name, r in results.items():
            lines.append(f"| {name} | {pages:,} | {r['s']:.2f} | {r['mb']:.0f} |")
    lines += ["", "| 40-slide deck with notes | median s | peak MB | bulletin ÷ this |",
              "| --- | ---: | ---: | ---: |"]
    ours = deck.get("bulletin deck")
    for name, r in deck.items():
        lines.append(f"| {name} | {r['s']:.3f} | {r['mb']:.0f} | {ours['s'] / r['s']:.2f} |")
    if "reveal-md" in missing:
        lines.append(f"| reveal-md | not run: {missing['reveal-md']} | | |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 entries only")
    parser.add_argument("--runs", type=int, default=5, help="runs per measure at 1,000 entries")
    parser.add_argument("--large-runs", type=int, default=3,
                        help="rounds of the clean builds at 10,000 (each tool once a round)")
    parser.add_argument("--deck-rounds", type=int, default=21,
                        help="rounds of the deck comparison, both tools once each per round")
    parser.add_argument("--deck-only", action="store_true",
                        help="only the deck against reveal-md (a minute); prints the table and "
                             "writes no file")
    parser.add_argument("--out", type=Path, default=BENCH / "results.md")
    args = parser.parse_args()
    started_load = os.getloadavg()[0]
    print(f"{machine()}; load average {started_load:.2f}", flush=True)
    missing = peers.install(pypi=not args.deck_only)
    for name, why in missing.items():
        print(f"  {name} is not available here: {why}", flush=True)
    sizes, warm = {}, {}
    for pages in [] if args.deck_only else [1000] if args.quick else [1000, 10000]:
        runs = args.runs if pages <= 1000 else args.large_runs
        print(f"{pages:,} entries ({runs} runs each):", flush=True)
        root = corpus(pages)
        sizes[pages] = clean_builds(pages, root, runs, missing)
        warm[pages] = warm_rebuilds(root, max(runs, 3))
    deck = decks(args.deck_rounds, missing)
    text = table(sizes, warm, deck, missing, started_load)
    print("\n" + text)
    if args.deck_only:
        return
    args.out.write_text("# Benchmark results\n\nWritten by `make bench` (bench/run.py).\n\n"
                        + text, "utf-8")
    print(f"Written to {args.out.relative_to(TOOL_ROOT)}")


if __name__ == "__main__":
    main()
