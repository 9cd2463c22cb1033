"""Shared fixtures: a small fixture site to break in each test, and the shipped site built once."""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from builder import cli
from builder.assets import build_assets, deck_exit_css

TOOL_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class Run:
    code: int
    out: str
    err: str


@dataclass
class SiteUnderTest:
    root: Path

    @property
    def out(self) -> Path:
        return self.root / "site"

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def read(self, rel: str) -> str:
        return (self.root / rel).read_text(encoding="utf-8")

    def remove(self, rel: str) -> None:
        (self.root / rel).unlink()

    def build(self, *args: str, capsys=None) -> Run:
        """Run `bulletin build` in-process; capsys (pytest's) captures its output."""
        code = cli.main(["build", "--root", str(self.root), "--no-search", *args])
        captured = capsys.readouterr() if capsys else None
        return Run(code, captured.out if captured else "", captured.err if captured else "")

    def page(self, rel: str) -> str:
        return (self.out / rel).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sass_cache(tmp_path_factory) -> Path:
    """Compiled CSS shared by every build in the session (Sass takes about a second): the
    site's, and the one a deck with Exit this page copies (the minimal site's Hate Crime)."""
    cache = tmp_path_factory.getbasetemp() / "bulletin-sass-cache"
    if not cache.is_dir():
        if not (TOOL_ROOT / "node_modules" / ".bin" / "sass").exists():
            pytest.skip("node_modules is missing: run `make build` first")
        build_assets(FIXTURES / "minimal", TOOL_ROOT, cache)
        deck_exit_css(FIXTURES / "minimal", TOOL_ROOT, cache)
    return cache


@pytest.fixture
def site(tmp_path: Path, sass_cache: Path, monkeypatch) -> SiteUnderTest:
    """A copy of tests/fixtures/minimal to edit and build, with the session's compiled CSS,
    run from its folder as an editor runs commands (messages name paths from there)."""
    root = tmp_path / "minimal"
    shutil.copytree(FIXTURES / "minimal", root)
    shutil.copytree(sass_cache, root / ".cache", dirs_exist_ok=True)
    monkeypatch.chdir(root)
    return SiteUnderTest(root)


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory) -> Path:
    """The repository's own content built once, with the search index, for browser tests."""
    out = tmp_path_factory.mktemp("shipped") / "site"
    code = cli.main(["build", "--root", str(TOOL_ROOT), "--out", str(out)])
    assert code == 0, "the shipped content must build"
    return out


@pytest.fixture(scope="session")
def playwright_driver():
    """One Playwright for the whole session: its sync API cannot run twice at once, and
    both tests/browser/ and tests/decks/ drive Chromium."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def css_cache(sass_cache: Path) -> Path:
    """The session's compiled CSS, for the serve and cache tests' `make_site`."""
    return sass_cache


@pytest.fixture
def root(tmp_path: Path, css_cache: Path) -> Path:
    """A fresh copy of the minimal fixture site with compiled CSS, as the serve tests use it."""
    from serve_support import make_site
    return make_site(tmp_path / "site", css_cache)


MONTHS = ("2025-11", "2025-12", "2026-01")


@pytest.fixture
def months(root: Path) -> Path:
    """The minimal site with three monthly issues (MONTHS), the earlier two copies of the last."""
    copy_issue(root, MONTHS[:-1])
    return root


def copy_issue(root: Path, months) -> None:
    """Give the minimal site at `root` an issue in each of `months`, a copy of its 2026-01."""
    from serve_support import replace_in
    folder = root / "content/bulletins"
    for month in months:
        shutil.copytree(folder / "2026-01", folder / month)
        replace_in(folder / month / "issue.yaml", "month: 2026-01", f"month: {month}")
        replace_in(folder / month / "issue.yaml", "published: 2026-01-20",
                   f"published: {month}-20")


@pytest.fixture(scope="session")
def long_history(tmp_path_factory, sass_cache) -> Path:
    """The minimal fixture, built with the twelve months of 2025 before its January 2026
    issue: 13 updates a theme, so each theme has a page per year. Its site/ folder."""
    from builder import cli
    root = tmp_path_factory.mktemp("years") / "minimal"
    shutil.copytree(Path(__file__).parent / "fixtures" / "minimal", root)
    shutil.copytree(sass_cache, root / ".cache")
    copy_issue(root, [f"2025-{month:02d}" for month in range(1, 13)])
    assert cli.main(["build", "--root", str(root), "--no-search"]) == 0
    return root / "site"


@pytest.fixture
def small_batches_use_the_pool(monkeypatch):
    """Even a fixture site's few items go through the process pool."""
    from builder import parallel
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)


@pytest.fixture(params=["minimal", "corpus"])
def minimal_or_generated(request, tmp_path: Path, sass_cache: Path) -> Path:
    """The minimal fixture site, and a small generated corpus (bench/make_corpus.py)."""
    import sys
    sys.path.insert(0, str(TOOL_ROOT / "bench"))
    import make_corpus
    root = tmp_path / request.param
    if request.param == "minimal":
        shutil.copytree(FIXTURES / "minimal", root)
    else:
        make_corpus.generate(root, pages=60, themes_count=5, seed=7)
    shutil.copytree(sass_cache, root / ".cache", dirs_exist_ok=True)
    return root


# An adopting council's site: the minimal fixture with
# - a footer address and links, and an Exit this page address of its own;
# - a brand colour of its own;
# - a logo.
COUNCIL_BRAND = "#00703c"
COUNCIL_LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" width="120" '
                'height="40"><path d="M4 4h28v18c0 8-7 13-14 16C11 35 4 30 4 22z" fill="#fff"/>'
                '<path d="M40 10h76v6H40zM40 24h56v6H40z" fill="#fff"/></svg>\n')
COUNCIL_SETTINGS = ("organisation: Test Community Safety Unit\n",
                    "organisation: Westshire County Council\nlogo: images/westshire.svg\n"
                    "exit_this_page_url: https://www.westshire.gov.uk/\n")
COUNCIL_FOOTER = ("      email: team@minimalshire.gov.uk\n",
                  "      email: team@minimalshire.gov.uk\n"
                  "  address:\n    - County Hall\n    - Market Street\n    - Westshire WS1 1AA\n"
                  "  links:\n"
                  "    - title: Privacy notice\n      href: https://www.westshire.gov.uk/privacy\n"
                  "    - title: About this bulletin\n      href: pages/about.md\n")


def make_council(root: Path) -> Path:
    """Turn the minimal fixture site at `root` into the council's; returns `root`."""
    site = root / "content/site.yaml"
    text = site.read_text(encoding="utf-8")
    for old, new in (COUNCIL_SETTINGS, COUNCIL_FOOTER):
        assert old in text, old
        text = text.replace(old, new, 1)
    site.write_text(text, encoding="utf-8")
    (root / "assets/images").mkdir(parents=True, exist_ok=True)
    (root / "assets/images/westshire.svg").write_text(COUNCIL_LOGO, encoding="utf-8")
    settings = (TOOL_ROOT / "assets/scss/_settings.scss").read_text(encoding="utf-8")
    assert "brand: #1d70b8" in settings
    (root / "assets/scss").mkdir(parents=True, exist_ok=True)
    (root / "assets/scss/_settings.scss").write_text(
        settings.replace("brand: #1d70b8", f"brand: {COUNCIL_BRAND}"), encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def council_site(tmp_path_factory, sass_cache) -> Path:
    """The council's site (`make_council`), built once with its own stylesheet. Its site/."""
    root = make_council(shutil.copytree(FIXTURES / "minimal",
                                        tmp_path_factory.mktemp("council") / "minimal"))
    shutil.copytree(sass_cache, root / ".cache")
    assert cli.main(["build", "--root", str(root), "--no-search"]) == 0
    return root / "site"
