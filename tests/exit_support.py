"""GOV.UK's "Exit this page" as the browser tests meet it, on the site's pages and in decks.

Its destination is another site's page; a test answers it here, so nothing leaves the
machine and the test can see that the page was left.
"""
from __future__ import annotations

import re

EXIT_URL = re.compile(r"^https://www\.bbc\.co\.uk/")


def answer_the_exit(page) -> list[str]:
    """Answer the exit's destination in `page`; the list fills with each address asked."""
    seen: list[str] = []

    def handle(route):
        seen.append(route.request.url)
        route.fulfill(status=200, content_type="text/html",
                      body="<!DOCTYPE html><html lang=en><title>Away</title><p>Away</p></html>")

    page.route(EXIT_URL, handle)
    return seen
