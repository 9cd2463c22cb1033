"""What the preview adds to each HTML page it serves (never to files on disk).

* The live-reload client: livereload.js (served from the `livereload`
  package's own copy, never a CDN) and a few lines that ask the server,
  once connected, whether the page is already out of date (a save that
  finished between loading the page and connecting would otherwise be missed).
* While the last rebuild failed: an overlay over the last good page, listing
  every problem with its file and line, which goes away when it is fixed.
* On the search page, while the index is being rebuilt: a note saying so, and a flag
  (`window.bulletinSearchIndexPending`) that keeps the page from searching for the
  words in its address (`search/?q=`) until it is reloaded onto the new index: a
  search begun on the old index lost its files when the new one was swapped in.
"""
from __future__ import annotations

import html
import json

from ..errors import Problem

MARK = "<!-- bulletin serve -->"
LIVERELOAD_JS = "/livereload.js"
STATE_URL = "/_bulletin/state"

_CLIENT = """<script>
(function () {
  var shown = %(generation)s;
  document.addEventListener("LiveReloadConnect", function () {
    fetch("%(state)s", {cache: "no-store"}).then(function (r) { return r.json(); })
      .then(function (s) { if (s.generation !== shown) { window.location.reload(); } })
      .catch(function () {});
  });
})();
</script>
<script src="%(livereload)s?mindelay=250&amp;maxdelay=2000"></script>"""

_STYLE = """<style>
#bulletin-serve-errors{position:fixed;inset:0;z-index:2147483647;background:rgba(11,12,12,.6);
  display:flex;align-items:flex-start;justify-content:center;padding:5vh 16px;overflow:auto;
  font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;}
#bulletin-serve-errors .bse-box{background:#fff;color:#0b0c0c;border-left:10px solid #d4351c;
  max-width:60rem;width:100%;padding:20px 24px;box-shadow:0 4px 24px rgba(0,0,0,.4);}
#bulletin-serve-errors h2{font-size:1.5rem;margin:0 0 10px;color:#0b0c0c;}
#bulletin-serve-errors p{margin:0 0 12px;font-size:1rem;}
#bulletin-serve-errors ul{list-style:none;margin:0 0 16px;padding:0;}
#bulletin-serve-errors li{margin:0 0 12px;font-size:1rem;line-height:1.4;}
#bulletin-serve-errors code{display:block;font-family:ui-monospace,Consolas,monospace;
  font-weight:bold;color:#0b0c0c;white-space:pre-wrap;word-break:break-all;}
#bulletin-serve-errors .bse-severity{font-weight:bold;color:#d4351c;}
#bulletin-serve-errors .bse-warning{color:#505a5f;}
#bulletin-serve-errors button{font:inherit;padding:8px 12px;border:2px solid #0b0c0c;
  background:#f3f2f1;cursor:pointer;}
#bulletin-serve-errors button:focus{outline:3px solid #fd0;}
</style>"""

# The page reloads itself onto the new index once it is ready: left to the reader, a
# search page reloaded by a save stayed empty, its words gone from the box.
_SEARCH_NOTE = """<script>window.bulletinSearchIndexPending = true;
(function wait() {
  fetch("%(url)s", {cache: "no-store"}).then(function (r) { return r.json(); })
    .then(function (s) {
      if (s.search === "ready") { window.location.reload(); }
      else if (s.search !== "failed") { setTimeout(wait, 500); }
    }).catch(function () { setTimeout(wait, 2000); });
})();</script><div id="bulletin-serve-search" role="status" style="position:fixed;bottom:0;left:0;right:0;z-index:2147483646;background:#1d70b8;color:#fff;padding:10px 16px;font-family:system-ui,Arial,sans-serif;">Preview: the search index is being brought up to date with your change%(state)s. This page searches again by itself when it is ready.</div>"""


def client(generation: str) -> str:
    return _CLIENT % {"generation": json.dumps(generation), "state": STATE_URL,
                      "livereload": LIVERELOAD_JS}


# The box takes the keyboard while it shows: focus moves into it, the page behind is inert
# (Tab walked 35 stops through links hidden under it), and Esc hides it as its button does.
_TAKES_FOCUS = """<script>
(function () {
  var box = document.getElementById("bulletin-serve-errors");
  var behind = Array.prototype.filter.call(document.body.children, function (el) {
    return el !== box && el.tagName !== "SCRIPT";
  });
  function hide() {
    box.style.display = "none";
    behind.forEach(function (el) { el.inert = false; });
    document.removeEventListener("keydown", onKey);
  }
  function onKey(event) { if (event.key === "Escape") { hide(); } }
  behind.forEach(function (el) { el.inert = true; });
  box.querySelector("button").addEventListener("click", hide);
  document.addEventListener("keydown", onKey);
  box.querySelector("h2").focus();
})();
</script>"""


def overlay(problems: tuple[Problem, ...], *, behind: bool = True) -> str:
    """An overlay listing `problems`, errors first, for a page shown while the last rebuild
    failed; `behind`: the last good version of the page is under it."""
    items = []
    for problem in sorted(problems, key=lambda p: not p.is_error):
        where = problem.path or "bulletin"
        if problem.line:
            where += f":{problem.line}"
            if problem.col:
                where += f":{problem.col}"
        kind = problem.severity.value
        items.append(f'<li><code>{html.escape(where)}</code>'
                     f'<span class="bse-severity{"" if problem.is_error else " bse-warning"}">'
                     f'{kind}:</span> {html.escape(problem.message)}</li>')
    errors = sum(1 for p in problems if p.is_error)
    heading = ("The preview could not be rebuilt: 1 error" if errors == 1 else
               f"The preview could not be rebuilt: {errors} errors")
    under = ("Behind this box is the last version that built. " if behind else
             "Nothing has built yet, so there is no page to show behind it. ")
    return (f'<div id="bulletin-serve-errors" role="alertdialog" aria-modal="true" '
            f'aria-labelledby="bulletin-serve-errors-title">{_STYLE}<div class="bse-box">'
            f'<h2 id="bulletin-serve-errors-title" tabindex="-1">{heading}</h2>'
            f'<p>{under}Fix the file and save: this page updates by itself, and this box goes '
            'away.</p>'
            f'<ul>{"".join(items)}</ul>'
            '<button type="button">Hide until the next save (Esc)</button></div></div>'
            + _TAKES_FOCUS)


def search_note(state: str) -> str:
    shown = " (it could not be rebuilt: see the terminal)" if state == "failed" else ""
    return _SEARCH_NOTE % {"state": shown, "url": STATE_URL}


def inject(page: bytes, snippet: str) -> bytes:
    """`page` with `snippet` just before its closing </body> (at the end if it has none)."""
    data = f"{MARK}\n{snippet}\n".encode("utf-8")
    at = page.rfind(b"</body>")
    if at < 0:
        return page + data
    return page[:at] + data + page[at:]


def holding_page(problems: tuple[Problem, ...], generation: str) -> bytes:
    """Shown before any build has succeeded: nothing to show but the problems."""
    body = ("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
            "<title>Preview not built yet</title></head><body>"
            "<h1>The preview has not been built yet</h1>"
            "<p>The first build failed. Fix the problems listed and save; this page updates "
            "by itself.</p></body></html>\n").encode("utf-8")
    return inject(body, (overlay(problems, behind=False) if problems else "") + client(generation))
