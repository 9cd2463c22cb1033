"""Whether content/site.yaml's base_url is an address the site is really published at.

Two commands write addresses from it and must not send a reader to an example
host: `bulletin check` warns while canonical links, the feed and the sitemap
would be made from one, and a deck carried away as one file or a PDF (a month's,
or a site's own made on its own, which reads site.yaml alone) keeps its links to
the site's pages relative rather than point them there. The same hosts in an
email address are as empty: `bulletin check` warns of them too.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

# Hosts kept for examples (RFC 2606) and this machine: no public site is published there.
_EXAMPLE_HOSTS = re.compile(r"(^|\.)(example\.(org|com|net)|localhost|127\.0\.0\.1)$")

# What site.yaml's message shows a council to write instead of the example.
MEANT = "base_url: https://www.yourcouncil.gov.uk/bulletin/"


def is_example_address(base_url: str) -> bool:
    return is_example_host(urlsplit(base_url).hostname or "")


def is_example_host(host: str) -> bool:
    """A host no one publishes at or reads mail at: example.org (.com, .net) and this machine."""
    return bool(_EXAMPLE_HOSTS.search(host.lower()))


def published_base(base_url: str) -> str | None:
    """`base_url` when the site is published there, ending "/" as the model's does (a deck
    made on its own reads site.yaml as written); None for an example host, or for the "/"
    the model holds when site.yaml gave no full address (an error of its own)."""
    host = urlsplit(base_url).hostname or ""
    if (not base_url.startswith(("http://", "https://")) or "." not in host
            or any(c.isspace() for c in base_url) or is_example_address(base_url)):
        return None   # "https://", "https:// www.x.gov.uk": no address a link could lead to
    return base_url.rstrip("/") + "/"
