"""A file of the site as the build holds it, and the pages kept between builds.

`Output` is what every rendering stage returns and the writer writes; its
body is bytes, or a page already kept on disk (`blobs.Stored`). `PageReuse`
finds pages an earlier build rendered from the same context, and keeps this
build's pages for the next.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from . import urls
from .blobs import BlobStore, Spill, Stored, bytes_of
from .cache import PAGES_VERSION, Memo, digest, spelled
from .model import Content


@dataclass(frozen=True)
class Output:
    url: str     # site-absolute: "/bulletins/2026-02/"
    body: bytes | Stored   # Stored: a page reused from the disk cache (builder.blobs)
    # The page's ids, read as it was drawn when a content link points into it
    # (`linkcheck.targets`): the link check then need not read the page back.
    ids: frozenset[str] | None = field(default=None, compare=False)

    @property
    def file(self) -> str:
        return urls.file_of(self.url)

    @property
    def data(self) -> bytes:
        return bytes_of(self.body)


# How much of the salt leads each page's key: 64 bits, so two salts' keys never meet.
SALT_LEAD = 16


@dataclass
class PageReuse:
    """Pages rendered by earlier builds, for `Renderer.page` to return unchanged.

    A page is a function of its template context and, besides that, only of
    the template files, the glossary (the Glosser) and the base URL (the 404
    page's links): `salt` holds those, the key adds the whole context.
    Pages made in this build wait in `pending` and are kept by `commit()`
    only if no template file changed while they were being rendered. With
    `blobs` (the disk cache), kept pages' bytes go to files and the memo holds
    only where they are; once `spill_to` is called they go there as soon as they
    are made, and `pending` holds only where they are.
    """

    memo: Memo
    salt: str
    templates_digest: Callable[[], str]  # the template files' digest, read again at commit
    templates_at_start: str
    blobs: BlobStore | None = None
    pending: dict[str, "Output"] = field(default_factory=dict)

    @staticmethod
    def start(memo: Memo, content: Content, templates_digest: Callable[[], str],
              blobs: BlobStore | None = None) -> "PageReuse":
        templates = templates_digest()
        salt = digest(PAGES_VERSION, templates, repr(content.glossary), content.site.base_url)
        return PageReuse(memo, salt, templates_digest, templates, blobs)

    def spill_to(self, spill: Spill) -> None:
        self.pending = _SpillingPending(spill, self.pending)

    def key(self, template: str, url: str, link_terms: bool, values: dict[str, Any]) -> str:
        """The context spelled out in full (`cache.spelled`: every view is a frozen
        dataclass of plain values, so different contexts give different bytes), led by
        the salt's start, so that `could_reuse` can find pages of this salt."""
        return self.salt[:SALT_LEAD] + digest(self.salt, template, url, link_terms,
                                              spelled(values))

    def could_reuse(self) -> bool:
        """Whether any kept page was made with these templates and this glossary. After
        an edit to either none can be reused, and the pages are made as in a clean build,
        on every core."""
        return self.memo.has_key_starting(self.salt[:SALT_LEAD])

    def get(self, key: str) -> "Output | None":
        """The page kept under `key`, unless its stored bytes were changed or removed."""
        output = self.memo.get(key)
        if output is not None and isinstance(output.body, Stored) and not output.body.intact():
            return None
        return output

    def commit(self) -> None:
        """Keep this build's pages, unless a template changed under them (the next
        build, which that change triggers, renders them again)."""
        if self.templates_digest() == self.templates_at_start:
            for key, output in self.pending.items():
                self.memo.put(key, self._kept(output))
        self.pending.clear()

    def _kept(self, output: "Output") -> "Output":
        if self.blobs is None or not isinstance(output.body, bytes):
            return output
        return Output(output.url, self.blobs.put(output.body))


class _SpillingPending(dict):
    """`PageReuse.pending` that keeps each page as a `Stored` the moment it is made."""

    def __init__(self, spill: Spill, made: dict) -> None:
        super().__init__()
        self.spill = spill
        self.update(made)

    def __setitem__(self, key: str, output: "Output") -> None:
        super().__setitem__(key, spilled(output, self.spill))

    def update(self, made: dict) -> None:  # dict.update would not spill
        for key, output in made.items():
            self[key] = output


def spilled(output: "Output", spill: Spill | None) -> "Output":
    """`output` with its bytes in the store, when there is one."""
    if spill is None or not isinstance(output.body, bytes):
        return output
    return Output(output.url, spill(output.body), output.ids)
