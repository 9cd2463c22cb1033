"""builder.glossaryfile: content/glossary.yaml read into the Glossary."""
from __future__ import annotations

from builder.glossaryfile import read_glossary
from builder.model import Abbreviation
from builder.sources import parse_yaml

PATH = "content/glossary.yaml"
GLOSSARY = ("abbreviations:\n  - abbr: ASB\n    expansion: anti-social behaviour\n"
            "terms:\n  - term: county lines\n    slug: county-lines\n"
            "    definition: Drug networks.\n")


def read(text: str):
    located, problems = parse_yaml(text, PATH)
    assert problems == [], problems
    said: list = []
    return read_glossary(located, said, ()), [str(p) for p in said]


def test_an_abbreviation_added_under_terms_is_told_to_move_up_and_nothing_else():
    """An editor's trial appended one at the file's end: 'abbr' and 'expansion' were called
    keys the file does not use, and a term, slug and definition missing."""
    glossary, said = read(GLOSSARY + "  - abbr: VRU\n    expansion: Violence Reduction Unit\n")
    assert said == [f"{PATH}:8: error: this is an abbreviation, but it is listed under "
                    "'terms:'; move it under 'abbreviations:' (line 1), indented as the items "
                    "there are."]
    assert [t.slug for t in glossary.terms] == ["county-lines"]


def test_a_term_added_under_abbreviations_is_told_to_move_down():
    text = GLOSSARY.replace("terms:\n", "  - term: cuckooing\n    slug: cuckooing\n"
                                        "    definition: Taking over a home.\nterms:\n")
    glossary, said = read(text)
    assert said == [f"{PATH}:4: error: this is a defined term, but it is listed under "
                    "'abbreviations:'; move it under 'terms:' (line 7), indented as the items "
                    "there are."]
    assert glossary.abbreviations == (Abbreviation("ASB", "anti-social behaviour", None),)


def test_an_abbreviation_under_terms_with_no_abbreviations_list_is_told_to_add_one():
    _, said = read("terms:\n  - abbr: VRU\n    expansion: Violence Reduction Unit\n")
    assert said == [f"{PATH}:2: error: this is an abbreviation, but it is listed under "
                    "'terms:'; move it under 'abbreviations:' (add that line, if it is not "
                    "there), indented as the items there are."]
