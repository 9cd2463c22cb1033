"""builder.texts: a text and where it was written, kept apart so a deck need not import the model.

The default *Exit this page* address is asserted where it is read and drawn
(test_site_settings.py, test_site_frame.py); here, only what this module owes:
that it stands alone, and that the model hands out the very same types.
"""
from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from builder import model, texts
from builder.texts import Markdown, Origin

from conftest import TOOL_ROOT


def test_importing_texts_loads_no_other_module_of_the_package():
    """Its reason to exist: `bulletin deck` renders Markdown without the site model."""
    code = ("import sys, builder.texts\n"
            "print(sorted(m for m in sys.modules if m.startswith('builder.')))\n")
    run = subprocess.run([sys.executable, "-c", code], cwd=TOOL_ROOT, capture_output=True,
                         text=True, check=True)
    assert run.stdout.strip() == "['builder.texts']"


def test_the_model_hands_out_the_same_types_and_exit_address_as_texts():
    """A Markdown made by a deck and one made by the site reader are one type, not two
    look-alikes that never compare equal."""
    assert model.Markdown is texts.Markdown and model.Origin is texts.Origin
    assert model.Site.__dataclass_fields__["exit_this_page_url"].default == texts.EXIT_THIS_PAGE_URL


def test_an_origin_without_a_line_is_the_file_s_first_line():
    assert Origin("content/pages/about.md") == Origin("content/pages/about.md", 1)


def test_texts_are_equal_by_their_words_and_where_they_were_written():
    text = Markdown("Patrols rose.\n", Origin("content/bulletins/2026-01/hate-crime.md", 4))
    assert text == Markdown("Patrols rose.\n", Origin("content/bulletins/2026-01/hate-crime.md", 4))
    assert text != Markdown("Patrols rose.\n", Origin("content/bulletins/2026-01/hate-crime.md", 5))
    assert text != Markdown("Patrols fell.\n", Origin("content/bulletins/2026-01/hate-crime.md", 4))
    assert len({text, Markdown(text.text, text.origin)}) == 1   # usable as a key


@pytest.mark.parametrize("change", [
    lambda m: setattr(m, "text", "changed"),
    lambda m: setattr(m.origin, "line", 99),
])
def test_a_text_read_from_a_file_cannot_be_changed_afterwards(change):
    text = Markdown("Patrols rose.\n", Origin("a.md", 3))
    with pytest.raises(dataclasses.FrozenInstanceError):
        change(text)
    assert text == Markdown("Patrols rose.\n", Origin("a.md", 3))


def test_words_are_joined_as_a_sentence_lists_them():
    from builder.texts import joined
    assert [joined(w) for w in ([], ["a"], ["a", "b"], ["a", "b", "c"])] == [
        "", "a", "a and b", "a, b and c"]
