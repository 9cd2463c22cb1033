"""builder.abbreviations: words in capitals that look like abbreviations but are not in the
glossary. The texts are written here; `bulletin check`'s use of it is in test_editorial.py."""
from __future__ import annotations

import pytest

from builder.abbreviations import missing_abbreviations, spelled_out
from builder.model import Abbreviation, Glossary
from builder.sources import Source

GLOSSARY = Glossary((Abbreviation("ASB", "anti-social behaviour", None),), (), ("UK",))
PAGE = "content/pages/about.md"


def found(*texts: tuple[str, str]) -> list[str]:
    return [str(p) for p in missing_abbreviations([Source(path, text) for path, text in texts],
                                                  GLOSSARY)]


def test_an_unknown_abbreviation_is_one_warning_at_its_first_use_counting_the_others():
    assert found((PAGE, "The NCA and\nthe NCA's work.\n"), ("content/pages/b.md", "NCAs.\n")) == [
        f"{PAGE}:1:5: warning: 'NCA' looks like an abbreviation but is not in "
        "content/glossary.yaml (used 3 times in 2 files); add '- abbr: NCA' with 'expansion: what "
        "it stands for' under 'abbreviations:', or, if it is not an abbreviation, add it to the "
        "list 'not_abbreviations:' there."]


def test_the_warning_offers_the_expansion_the_text_spells_out():
    [said] = found((PAGE, "The National Crime Agency (NCA) helped.\n"))
    assert "add '- abbr: NCA' with 'expansion: National Crime Agency' (as the text spells it out)" \
        in said


@pytest.mark.parametrize("text", [
    "ASB fell.",                                  # in the glossary
    "The UK.",                                    # listed as not an abbreviation
    "See [it](https://x.org/NCA) or <https://x.org/NCA>.",
    "Run `NCA` or email NCA@example.org.",
    "FOR HERTFORDSHIRE NCA",                      # a phrase in capitals, not an abbreviation
    "Part II and SECRET.",                        # a numeral; a marking has its own check
    "A [[to do: NCA figures]] placeholder.",
])
def test_what_is_not_an_unknown_abbreviation_in_prose_is_not_reported(text):
    assert found((PAGE, text + "\n")) == []


def test_settings_and_comments_in_yaml_are_not_prose():
    text = "rag: AMBER\nstatus: DRAFT\n# NCA figures to come\ntitle: NCA figures\n"
    assert [p.split(": warning:")[0] for p in found(("content/x.yaml", text))] == [
        "content/x.yaml:4:8"]


def test_the_check_suggests_the_expansion_the_text_spells_out():
    assert spelled_out("the Multi Agency Public Protection Arrangements (MAPPA) board",
                       "MAPPA") == "Multi Agency Public Protection Arrangements"
    assert spelled_out("the MACE (Multi-Agency Child Exploitation) Panel", "MACE") == \
        "Multi-Agency Child Exploitation"
    assert spelled_out("Office for Police and Crime Commissioner (OPCC) are", "OPCC") == \
        "Office for Police and Crime Commissioner"
    assert spelled_out("no expansion here (XYZ)", "XYZ") is None
