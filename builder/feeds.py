"""Feeds for machines: the Atom feed of issues, sitemap.xml and robots.txt."""
from __future__ import annotations

from datetime import datetime, time, timezone
from html import escape as escape_html

from . import urls
from .fragments import Fragments
from .model import Content, Issue
from .outputs import Output


def render_feeds(content: Content, fragments: Fragments, page_urls: list[str]) -> list[Output]:
    # a draft month's page and its deck are for its editors, not for search engines or
    # subscribers
    drafts = {url for i in content.issues if i.is_draft
              for url in (urls.issue(i.month), urls.deck(i.month.slug))}
    public = [url for url in page_urls if url not in drafts]
    return [_atom(content, fragments), _sitemap(content, public), _robots(content)]


# As xml.sax.saxutils' escape and quoteattr write them for these texts, without
# importing that module, which brings urllib.request, http.client and ssl with it
# (a hundredth of a second of every build).
def escape(text: str) -> str:
    return escape_html(text, quote=False)


def quoteattr(text: str) -> str:
    return f'"{escape_html(text)}"'


def _absolute(content: Content, url: str) -> str:
    return content.site.base_url + url.lstrip("/")


def _issue_time(issue: Issue) -> str:
    return _stamp(issue.published or issue.month.first_day)


def _updated_time(issue: Issue) -> str:
    """When the issue last changed for its readers: its latest correction, if any, so
    feed readers show a corrected issue again."""
    days = [c.day for e in issue.entries for c in e.corrections]
    return max([_issue_time(issue), *map(_stamp, days)])


def _stamp(day) -> str:
    return datetime.combine(day, time(0, 0), timezone.utc).isoformat().replace("+00:00", "Z")


def _atom(content: Content, fragments: Fragments) -> Output:
    site = content.site
    issues = [i for i in reversed(content.issues) if not i.is_draft]
    updated = max(map(_updated_time, issues), default="1970-01-01T00:00:00Z")
    entries = "".join(_atom_entry(content, fragments, issue) for issue in issues)
    xml = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(site.language)}>\n'
        f"  <title>{escape(site.title)}</title>\n"
        f"  <subtitle>{escape(site.description)}</subtitle>\n"
        f"  <id>{escape(site.base_url)}</id>\n"
        f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(site.base_url)}/>\n"
        f"  <link rel=\"self\" type=\"application/atom+xml\" "
        f"href={quoteattr(_absolute(content, urls.FEED))}/>\n"
        f"  <updated>{updated}</updated>\n"
        f"  <author><name>{escape(site.organisation)}</name></author>\n"
        f"{entries}</feed>\n")
    return Output(urls.FEED, xml.encode("utf-8"))


def _atom_entry(content: Content, fragments: Fragments, issue: Issue) -> str:
    link = _absolute(content, urls.issue(issue.month))
    lines = []
    for entry in issue.entries:
        theme = content.theme(entry.theme)
        lines.append(f"<li>{escape(theme.title)}: {escape(entry.rag.label)}</li>")
    summary = f"<ul>{''.join(lines)}</ul>"
    return (
        "  <entry>\n"
        f"    <title>{escape(issue.title)}: {escape(issue.month.label)}</title>\n"
        f"    <id>{escape(link)}</id>\n"
        f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(link)}/>\n"
        f"    <published>{_issue_time(issue)}</published>\n"
        f"    <updated>{_updated_time(issue)}</updated>\n"
        f"    <summary type=\"html\">{escape(summary)}</summary>\n"
        "  </entry>\n")


def _sitemap(content: Content, page_urls: list[str]) -> Output:
    entries = "".join(f"  <url><loc>{escape(_absolute(content, url))}</loc></url>\n"
                      for url in sorted(page_urls) if url != urls.NOT_FOUND)
    xml = ('<?xml version="1.0" encoding="utf-8"?>\n'
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
           f"{entries}</urlset>\n")
    return Output(urls.SITEMAP, xml.encode("utf-8"))


def _robots(content: Content) -> Output:
    text = f"User-agent: *\nAllow: /\n\nSitemap: {_absolute(content, urls.SITEMAP)}\n"
    return Output(urls.ROBOTS, text.encode("utf-8"))
