"""One self-contained HTML file from a deck's folder: it presents with the network off.

Stylesheets become `<style>` blocks, scripts are inlined, and every file an
attribute or a CSS `url()` refers to becomes a `data:` URI. The input is the
folder as `page.render_deck` makes it (relative path -> bytes), so nothing is
read from disk twice.
"""
from __future__ import annotations

import base64
import mimetypes
import posixpath
import re
from html import escape, unescape

_LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
_SCRIPT = re.compile(r'<script src="([^"]+)"></script>')
_ATTRIBUTE = re.compile(r'(\s(?:src|poster|href|data-src|data-background|data-background-image|'
                        r'data-background-video|data-preview-image|data-preview-video)=")([^"]*)(")')
_STYLE_ATTRIBUTE = re.compile(r'(\sstyle=")([^"]*)(")')
_STYLE_BLOCK = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.S)
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.I)
_TYPES = {".woff": "font/woff", ".woff2": "font/woff2", ".mp4": "video/mp4",
          ".webm": "video/webm", ".svg": "image/svg+xml", ".webp": "image/webp"}


def single_file(files: dict[str, bytes], index: str = "index.html") -> bytes:
    html = files[index].decode("utf-8")
    html = _LINK.sub(lambda m: _style(files, unescape(m.group(1))), html)
    html = _SCRIPT.sub(lambda m: _script(files, unescape(m.group(1))), html)
    html = _STYLE_BLOCK.sub(lambda m: m.group(1) + css_inline(files, m.group(2), "") + m.group(3),
                            html)
    html = _STYLE_ATTRIBUTE.sub(lambda m: m.group(1) + escape(
        css_inline(files, unescape(m.group(2)), "")) + m.group(3), html)
    html = _ATTRIBUTE.sub(lambda m: _attribute(files, m), html)
    return html.encode("utf-8")


def _attribute(files: dict[str, bytes], match: re.Match) -> str:
    name, value = match.group(1), unescape(match.group(2))
    inlined = _inline_list(files, value)
    if name.strip() == 'data-background="' and inlined != value:
        # reveal.js takes data-background as an image only when it looks like a file
        # name; a data: URI is said to be an image with data-background-image.
        name = ' data-background-image="'
    return name + escape(inlined) + match.group(3)


def css_inline(files: dict[str, bytes], css: str, base: str) -> str:
    def swap(match: re.Match) -> str:
        uri = data_uri(files, posixpath.join(base, match.group(2)))
        return f'url("{uri}")' if uri else match.group(0)

    return _CSS_URL.sub(swap, css)


def data_uri(files: dict[str, bytes], reference: str) -> str | None:
    path = posixpath.normpath(reference.split("#", 1)[0].split("?", 1)[0])
    if path not in files:
        return None
    suffix = posixpath.splitext(path)[1].lower()
    kind = _TYPES.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(files[path]).decode('ascii')}"


def _style(files: dict[str, bytes], href: str) -> str:
    if href not in files:
        return f'<link rel="stylesheet" href="{escape(href)}">'
    # utf-8-sig: a byte order mark (Sass writes one) is the file's, not text of the <style>
    css = css_inline(files, files[href].decode("utf-8-sig"), posixpath.dirname(href))
    css = css.replace("</style", "<\\/style")
    return f"<style>\n{css}\n</style>"


def _script(files: dict[str, bytes], src: str) -> str:
    if src not in files:
        return f'<script src="{escape(src)}"></script>'
    code = files[src].decode("utf-8").replace("</script", "<\\/script")
    return f"<script>\n{code}\n</script>"


def _inline_list(files: dict[str, bytes], value: str) -> str:
    pieces = []
    for piece in value.split(","):
        uri = data_uri(files, piece.strip()) if piece.strip() else None
        pieces.append(uri or piece)
    return ",".join(pieces)
