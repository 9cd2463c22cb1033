"""builder.decks.single: one self-contained file."""
from __future__ import annotations

import re

from builder.decks.single import single_file


def test_stylesheets_scripts_and_files_are_inlined():
    files = {
        "index.html": b'<link rel="stylesheet" href="css/a.css"><section data-background="bg/x.jpg">'
                      b'<img src="i.png" alt="I"><p style="background: url(i.png)">p</p></section>'
                      b'<script src="js/r.js"></script>',
        "css/a.css": b".x { background: url(../bg/x.jpg) } @font-face { src: url('f.woff2') }",
        "css/f.woff2": b"font", "bg/x.jpg": b"jpg", "i.png": b"png",
        "js/r.js": b"var s = '</script>';",
    }
    html = single_file(files).decode("utf-8")
    assert "<link" not in html and 'src="js/r.js"' not in html
    assert "<\\/script>" in html
    assert 'data-background-image="data:image/jpeg;base64,' in html
    assert 'src="data:image/png;base64,' in html
    assert "url(&quot;data:image/png;base64," in html
    assert 'url("data:font/woff2;base64,' in html and 'url("data:image/jpeg;base64,' in html
    assert not re.search(r'(?:src|href)="(?!data:)[^"#]', html)


def test_remote_and_missing_references_are_left_as_they_are():
    files = {"index.html": b'<img src="https://example.org/x.png" alt="X"><a href="#/2">2</a>'}
    assert single_file(files) == files["index.html"]


def test_a_stylesheet_s_byte_order_mark_stays_out_of_its_style_block():
    """Sass writes one before CSS with a non-ASCII character (Exit this page's): inside
    <style> it became part of the first selector, and that rule was lost."""
    files = {"index.html": b'<link rel="stylesheet" href="a.css">',
             "a.css": b'\xef\xbb\xbf:root{--x:1}.a::before{content:"\xc2\xa0"}'}
    inlined = single_file(files).decode("utf-8")
    assert inlined == '<style>\n:root{--x:1}.a::before{content:"\xa0"}\n</style>'
