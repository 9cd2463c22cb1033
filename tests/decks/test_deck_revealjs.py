"""builder.decks.revealjs: the reveal.js files a deck uses, its theme without web fonts."""
from __future__ import annotations

import re

import pytest

from builder.decks import revealjs
from builder.decks.model import THEMES

from .decksupport import REVEAL


@pytest.mark.parametrize("theme", THEMES)
def test_a_theme_is_copied_byte_for_byte_but_for_its_imports_of_web_fonts(theme):
    shipped = (REVEAL / "theme" / f"{theme}.css").read_bytes()
    copied = revealjs._theme_css(REVEAL / "theme" / f"{theme}.css")
    assert b"fonts.googleapis.com" not in copied
    assert copied == re.sub(rb'@import "https://fonts\.googleapis\.com/[^"]*";',
                            lambda _: revealjs._STRIPPED, shipped)
