"""builder.outputs: a file of the site as the build holds it, and the pages kept between builds.

Builds that reuse pages are compared byte for byte with clean ones in
test_cache.py (which also drops pages made while a template changed),
test_blobs.py (a stored page edited in the site is rendered again) and
test_spill.py (spilled pages write the same bytes). Here, `Output` and
`PageReuse` on their own: what a key depends on, when kept pages may be reused,
and where a kept page's bytes go.
"""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from builder.blobs import BlobStore, Spill, Stored
from builder.cache import Memo
from builder.outputs import SALT_LEAD, Output, PageReuse, spilled


def content(glossary=(), base_url: str = "https://example.org/bulletin/"):
    """What a page's salt reads of the content: its glossary and base URL."""
    return SimpleNamespace(glossary=glossary, site=SimpleNamespace(base_url=base_url))


def reuse(memo: Memo | None = None, templates: str = "templates-1", blobs=None, **site) -> PageReuse:
    return PageReuse.start(memo if memo is not None else Memo(), content(**site),
                           lambda: templates, blobs)


# --- Output ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("url, file", [("/", "index.html"), ("/bulletins/2026-02/",
                                                               "bulletins/2026-02/index.html"),
                                       ("/feed.xml", "feed.xml")])
def test_an_output_is_written_to_the_file_its_address_is_served_from(url, file):
    assert Output(url, b"").file == file


def test_an_output_s_bytes_are_the_same_held_or_stored(tmp_path):
    stored = BlobStore(tmp_path).put(b"<p>Patrols</p>")
    assert Output("/a/", b"<p>Patrols</p>").data == Output("/a/", stored).data == b"<p>Patrols</p>"


def test_the_ids_read_off_a_page_are_not_part_of_the_page():
    assert Output("/a/", b"x", frozenset({"top"})) == Output("/a/", b"x")
    assert Output("/a/", b"x") != Output("/a/", b"y")


# --- keys and salt ---------------------------------------------------------------------------------

def test_a_page_s_key_follows_its_template_address_glossary_linking_and_every_value():
    pages = reuse()
    key = pages.key("issue.html", "/bulletins/2026-02/", True, {"title": "February"})
    assert key == reuse().key("issue.html", "/bulletins/2026-02/", True, {"title": "February"})
    others = {pages.key("theme.html", "/bulletins/2026-02/", True, {"title": "February"}),
              pages.key("issue.html", "/bulletins/2026-03/", True, {"title": "February"}),
              pages.key("issue.html", "/bulletins/2026-02/", False, {"title": "February"}),
              pages.key("issue.html", "/bulletins/2026-02/", True, {"title": "March"})}
    assert key not in others and len(others) == 4


@pytest.mark.parametrize("changed", [{"templates": "templates-2"}, {"glossary": ("ASB",)},
                                     {"base_url": "https://example.org/other/"}])
def test_templates_the_glossary_and_the_base_url_change_every_page_s_key(changed):
    same = ("issue.html", "/", True, {"title": "February"})
    assert reuse(**changed).key(*same) != reuse().key(*same)


def test_every_key_starts_with_its_salt_s_lead():
    pages = reuse()
    assert pages.key("issue.html", "/", True, {}).startswith(pages.salt[:SALT_LEAD])


def test_pages_can_be_reused_only_when_some_were_kept_under_the_same_salt():
    memo: Memo = Memo()
    pages = reuse(memo)
    assert not pages.could_reuse()
    pages.pending[pages.key("issue.html", "/", True, {})] = Output("/", b"page")
    pages.commit()
    assert reuse(memo).could_reuse()
    assert not reuse(memo, templates="templates-2").could_reuse()
    assert not reuse(memo, base_url="https://example.org/elsewhere/").could_reuse()


# --- keeping pages ---------------------------------------------------------------------------------

def test_a_committed_page_is_found_by_its_key_in_the_next_build():
    memo: Memo = Memo()
    pages = reuse(memo)
    key = pages.key("issue.html", "/", True, {"title": "February"})
    pages.pending[key] = Output("/", b"<h1>February</h1>")
    pages.commit()
    assert pages.pending == {}
    memo.end_build()
    assert reuse(memo).get(key) == Output("/", b"<h1>February</h1>")


def test_with_a_blob_store_kept_pages_hold_where_their_bytes_are_not_the_bytes(tmp_path):
    memo: Memo = Memo()
    pages = reuse(memo, blobs=BlobStore(tmp_path / "blobs"))
    pages.pending["k"] = Output("/", b"<h1>February</h1>")
    pages.commit()
    kept = pages.get("k")
    assert isinstance(kept.body, Stored) and kept.data == b"<h1>February</h1>"
    assert kept.body.path.startswith(str(tmp_path / "blobs"))


def test_a_kept_page_whose_stored_bytes_went_is_not_reused(tmp_path):
    memo: Memo = Memo()
    pages = reuse(memo, blobs=BlobStore(tmp_path / "blobs"))
    pages.pending["k"] = Output("/", b"<h1>February</h1>")
    pages.commit()
    Path(pages.get("k").body.path).unlink()
    assert pages.get("k") is None


def test_once_spilling_pages_are_stored_as_they_are_made_those_made_before_too(tmp_path):
    pages = reuse()
    pages.pending["before"] = Output("/a/", b"made before", frozenset({"x"}))
    pages.spill_to(Spill(BlobStore(tmp_path)))
    pages.pending["after"] = Output("/b/", b"made after")
    assert {key: type(o.body) for key, o in pages.pending.items()} == {"before": Stored,
                                                                      "after": Stored}
    assert pages.pending["before"].data == b"made before"
    assert pages.pending["before"].ids == frozenset({"x"})


def test_spilled_leaves_an_output_alone_without_a_store_or_when_already_stored(tmp_path):
    page = Output("/a/", b"bytes")
    assert spilled(page, None) is page
    stored = spilled(page, Spill(BlobStore(tmp_path)))
    assert isinstance(stored.body, Stored) and stored.url == "/a/"
    assert spilled(stored, Spill(BlobStore(tmp_path / "other"))) is stored

