"""`bulletin deck 2026-02`: a month's deck on its own, the one `bulletin build` publishes.

A councillor presents the month's deck, and a council officer preparing it
needed its single file and its handout, which only a hand-written deck could
be given (a council officer's trial). The site is read as the build reads it
(`content.read_content`, the Markdown, content/decks.yaml), the deck is made by
`monthly.month_deck` and its folder by `site.deck_outputs`, so the folder is,
byte for byte, site/decks/2026-02/; the single file and the PDFs are made from
that folder as a hand-written deck's are (`standalone.write_deck`), but with its
links to the site's pages made addresses on the published site (`carried`):
they are opened away from it. Only the
problems of what the deck is made from are reported: the month's own files,
the site's settings (content/*.yaml), content/decks/ and the brand's contrast
with the decks' theme (the stylesheet is compiled, or taken from the cache,
for the brand the build gives the decks). Imported only for a
month: a hand-written deck does not load the site.
"""
from __future__ import annotations

from pathlib import Path

from ..assets import compiled_brand, deck_exit_css
from ..bulletins import FOLDER as BULLETINS
from ..content import SITE_FILE, read_content
from ..diskcache import persistent_cache
from ..errors import ContentErrors, Problem, UsageError
from ..folders import CACHE_FOLDER, is_settings_file, site_folder_holding
from ..fragments import render_fragments
from ..monthnames import latest_listed
from ..pipeline import check_content, in_file_order
from ..shown import IssueViews
from ..templating import KEPT_TEMPLATES, make_environment
from ..seenpaths import root_option, shown
from .brand import deck_style, generated_theme
from .carried import carry_away
from .config import read_config
from .monthly import month_deck
from .reviewed import FOLDER as DECKS_FOLDER
from .site import deck_outputs, deck_url
from .standalone import DeckJob, DeckResult, write_deck


def build_month_deck(job: DeckJob, month: str, root: Path, drafts: bool, tool_root: Path
                     ) -> DeckResult:
    """The deck of `month` (YYYY-MM) of the site at `root`, written as `job` asks."""
    _refuse_out_in_site(job, root)
    _must_have_issue(root, month)
    # the build's disk cache, read and never written (no end_build): a deck of one month
    # of 10,000 entries rendered every month's Markdown again, 4.8 s against 0.3 s
    cache = persistent_cache(root)
    content, problems = read_content(root, include_drafts=drafts, cache=cache.entries,
                                     known_files=cache.file_digests)
    if content is None:
        raise ContentErrors(in_file_order(problems))
    issue = next(iter(content.issues_of(month)), None)
    if issue is None:
        if any(draft.slug == month for draft in content.drafts):
            raise UsageError(f"{month} is a draft ({BULLETINS}/{month}/issue.yaml says "
                             "'status: draft'), and a draft's deck is not published; add "
                             f"--drafts to make it, as `bulletin build --drafts` does: "
                             f"bulletin deck {month} --drafts{root_option(root)}")
        raise ContentErrors(in_file_order(_made_from(problems, month) or problems))
    fragments = render_fragments(content, cache.fragments)
    problems += fragments.problems() + check_content(content)
    env = make_environment(root, tool_root, keep_compiled=tool_root / KEPT_TEMPLATES)
    config = read_config(root, tuple(theme.slug for theme in content.themes), problems)
    deck = month_deck(root, content, fragments, config, env, problems, issue,
                      IssueViews(content, fragments, keyed=False))
    ours = _made_from(problems, month)
    if any(p.is_error for p in ours):
        raise ContentErrors(in_file_order(ours))
    # the brand the site's stylesheet is compiled with, as the build gives it its decks
    brand = compiled_brand(root, tool_root, root / CACHE_FOLDER)
    style, unbranded = deck_style(root, brand, generated_theme((deck,)),
                                  tool_root / "node_modules")
    site = content.site
    outputs = deck_outputs((deck,), env, tool_root / "node_modules", site.language, site.title,
                           lambda: deck_exit_css(root, tool_root, root / CACHE_FOLDER),
                           exit_url=site.exit_this_page_url, style=style)
    folder = deck_url(deck).lstrip("/")
    files = {o.file.removeprefix(folder): o.data for o in outputs}
    if job.single or job.pdf:   # the folder stays the site's, its links relative
        files, carried = carry_away(files, folder, site.base_url, SITE_FILE, site.base_url_line)
        ours += carried
    ours = in_file_order(ours + unbranded)
    if job.strict and ours:
        raise ContentErrors(ours)
    written, pages = write_deck(job, files, month)
    return DeckResult(tuple(ours), tuple(written), deck.slide_count, pages)


def _made_from(problems: list[Problem], month: str) -> list[Problem]:
    """The problems of the files a month's deck is made from: another month's mistakes
    are the site build's to report."""
    return [p for p in problems if p.path.startswith((f"{BULLETINS}/{month}/", f"{DECKS_FOLDER}/"))
            or is_settings_file(p.path)]


def _must_have_issue(root: Path, month: str) -> None:
    if not (root / "content").is_dir():
        raise UsageError(f"{shown(root)} has no content/ folder, so it is not a site's folder; "
                         "run the command in the site's folder, or name it with --root DIR.")
    if (root / BULLETINS / month / "issue.yaml").is_file():
        return
    if (root / BULLETINS / month).is_dir():   # `bulletin new` would refuse a folder there
        raise UsageError(f"{BULLETINS}/{month}/ has no issue.yaml, so it has no issue to "
                         "show; copy issue.yaml from another month and change 'month:' and "
                         f"'status:', then run 'bulletin check {month}{root_option(root)}'.")
    months = sorted(f.parent.name for f in (root / BULLETINS).glob("*/issue.yaml"))
    have = f"the months with an issue are {latest_listed(months)}" if months \
        else "the site has no issue yet"
    raise UsageError(f"there is no issue for {month}: {BULLETINS}/{month}/issue.yaml does not "
                     f"exist ({have}). To start it: bulletin new {month}{root_option(root)}")


def _refuse_out_in_site(job: DeckJob, root: Path) -> None:
    """The deck's files among the editors' would be read by the next build as theirs."""
    if site_folder_holding(job.out, root):
        raise UsageError(f"--out {job.out} is inside the site's own files; write the deck "
                         "somewhere else, like the default _static/ or your Desktop.")
