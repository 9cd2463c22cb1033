"""A site's own deck made on its own (`bulletin deck content/decks/x.md`): its links to
the site's pages, and what it reads of content/site.yaml.

In the site build a link in such a deck to a content file (`../pages/about.md`)
or to an address on the site (`/glossary/`) goes to that page (`files.SiteLinks`,
resolved by the site's model). Made on its own, the deck loads no model, as
start-up is most of the time it takes; so a content file's page is found by
where the file is saved (`urls.file_page`) and whether it is on the disk. The
folder links the page as the site's copy of the deck does, relative from
decks/<slug>/; the single file and the PDF, carried away from the site, by its
address on the published site, from site.yaml's base_url (`carried`). A deck
outside a site has no pages to link, and links as it always did.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import Problem
from ..sources import Located, parse_yaml
from ..texts import EXIT_THIS_PAGE_URL, HTTPS
from .files import SiteLinks, deck_url_of
from .nearfile import near_path
from .reviewed import FOLDER, named_from, reviewed_in_site

SITE_YAML = "content/site.yaml"   # builder.content's SITE_FILE, which loads the site's readers


@dataclass(frozen=True)
class OwnSite:
    """The site whose deck `deck` (resolved) is, at `folder`; its files are named in
    messages from `shown_root`, as the deck is. site.yaml is read at most once, and only
    for what needs it (the exit address, a single file or PDF): a deck's folder, the most
    asked for, reads none of it."""

    folder: Path
    deck: Path
    shown_root: Path

    def reviewed(self, problems: list[Problem]) -> frozenset[str]:
        """The deck's warnings content/decks.yaml acknowledges."""
        return reviewed_in_site(self.folder, self.deck.name, self.shown_root, problems)

    @property
    def links(self) -> SiteLinks:
        """How the deck links into its site."""
        return SiteLinks(self.folder / "content", _resolver(self.folder, self.deck.parent),
                         deck_url_of(self.deck))

    @cached_property
    def settings(self) -> Located:
        """content/site.yaml read alone (the deck reads no more of its site); empty where
        it cannot be read or holds no settings: the site's build names that mistake."""
        return site_yaml(self.folder, named_from(self.folder / SITE_YAML, self.shown_root))

    def exit_url(self) -> str:
        """Where "Exit this page" goes: the site's `exit_this_page_url`, as its build gives
        the deck, not GOV.UK's suggestion a council may have replaced; read by the build's
        rule (`HTTPS`). Where site.yaml says no such address, the site's build names the
        mistake, and the deck keeps GOV.UK's."""
        url = self.settings.data.get("exit_this_page_url")
        return url.strip() if isinstance(url, str) and HTTPS.fullmatch(url.strip()) \
            else EXIT_THIS_PAGE_URL

    def carry(self, files: dict[str, bytes]) -> tuple[dict[str, bytes], list[Problem]]:
        """The deck's folder `files` as its single file or PDF is made from it, its links to
        the site's pages made addresses under site.yaml's base_url (`carried.carry_away`)."""
        from .carried import carry_away   # here: a deck's folder, most asked for, carries none
        settings = self.settings
        return carry_away(files, deck_url_of(self.deck).lstrip("/"), settings.data.get("base_url"),
                          settings.path, settings.line("base_url"))


def own_site(deck: Path, shown_root: Path) -> OwnSite | None:
    """The site `deck` is one of the decks of; None for a deck outside a site."""
    resolved = deck.resolve()
    folder = _site_of(resolved)
    return OwnSite(folder, resolved, shown_root) if folder else None


def _site_of(deck: Path) -> Path | None:
    """The folder of the site whose deck `deck` (resolved) is, when it is one of a site's
    decks: a file directly in content/decks/, as the build takes them; None otherwise."""
    site = deck.parent.parent.parent
    return site if deck.parent == site / FOLDER else None


def site_yaml(site: Path, shown: str = SITE_YAML) -> Located:
    """content/site.yaml of `site`, `shown` as messages name it; empty where it cannot be
    read or holds no settings."""
    try:
        text = (site / SITE_YAML).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return Located({}, shown)
    located = parse_yaml(text, shown)[0]
    return located if located is not None and isinstance(located.data, dict) else Located({}, shown)


def _resolver(site: Path, deck_dir: Path):
    """`SiteLinks.resolve` from the disk: (the page's address, None), or (None, what to
    write). A link is counted from the deck's folder, so the deck's name in messages
    (the resolver's second argument) is not needed to find it."""
    from .. import urls

    def resolve(value: str, source: str) -> tuple[str | None, str | None]:
        parts = urlsplit(value)
        if parts.scheme:   # not https:, mailto: or tel: (taken before), nor the disk's
            return None, _not_a_page(value, "", Path(parts.path), site, deck_dir)
        if value.startswith("/"):
            return value, None   # an address on the site, as the build takes it
        target = (deck_dir / unquote(parts.path)).resolve()
        found = urls.file_page(named_from(target, site)) if target.is_file() else None
        if found is None:
            return None, _not_a_page(value, parts.path, target, site, deck_dir)
        return found.link(parts.fragment), None

    return resolve


def _not_a_page(value: str, written: str, target: Path, site: Path, deck_dir: Path) -> str:
    where = f"the link '{value}' points to {named_from(target, site)}"
    if target.exists():
        return f"{where}, which is no page of the site; {_WRITE}"
    meant = near_path(deck_dir, unquote(written)) if written else None
    if meant:
        return (f"{where}, which does not exist; did you mean '{meant}'? (Names must match "
                "in capitals too.)")
    return f"{where}, which does not exist; {_WRITE}"


_WRITE = ("link to a page by its file, counted from the deck's folder, like '../pages/about.md', "
          "or by its address on the site, like '/glossary/'.")
