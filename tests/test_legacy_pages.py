"""builder.legacy_pages: any other exported document (the strategy) into content/pages/<slug>.md.

test_importer.py imports the real strategy export and checks nothing is
dropped (when the seed exports are beside the repository); here, each rule on
a short document shaped like it: the title, headings, cover words, footnotes
and bare addresses, with the line each warning names.
"""
from __future__ import annotations

import yaml

from builder.legacy_pages import convert_page
from builder.sources import Source

PATH = "exports/003_strategy.txt"
STRATEGY = """\
Westshire Serious Violence Strategy

2021 – 2026

This Strategy outlines the county's plans for reducing the harm caused by serious violence.

WESTSHIRE
CONSTABULARY

Serious violent crime

County lines describes gangs that export illegal drugs into other areas using phone lines.¹

¹<https://www.example.gov.uk/county-lines-2021-22.pdf> , accessed 24th March 2021.

Our aims

- Reduce violence
- Support victims

In July 2023, data identified 250 young people as being exploited (34%)¹.

¹Serious Violence Needs Assessment (Accessed 21st November 2023)

³Adverse Childhood Experiences are events children are exposed to during childhood.
"""
PAGE = "content/pages/westshire-serious-violence-strategy.md"


def converted(text: str = STRATEGY) -> tuple[dict[str, str], list[str]]:
    files, warnings = convert_page(Source(PATH, text))
    return files, [str(w) for w in warnings]


def front_matter_and_body(page: str) -> tuple[dict, str]:
    _, front, body = page.split("---\n", 2)
    return yaml.safe_load(front), body


def test_the_title_takes_its_years_line_and_the_file_is_named_without_them():
    files, _ = converted()
    assert list(files) == [PAGE]
    meta, body = front_matter_and_body(files[PAGE])
    assert meta["title"] == "Westshire Serious Violence Strategy 2021 – 2026"
    assert body.startswith("This Strategy outlines")


def test_a_short_line_introducing_prose_or_a_list_becomes_a_heading():
    _, body = front_matter_and_body(converted()[0][PAGE])
    assert "\n## Serious violent crime\n\nCounty lines describes" in body
    assert "\n## Our aims\n\n- Reduce violence\n- Support victims\n" in body


def test_cover_words_are_kept_as_a_paragraph_with_a_warning_on_their_first_line():
    files, warnings = converted()
    assert "\n\nWESTSHIRE CONSTABULARY\n\n" in files[PAGE]
    assert (f"{PATH}:7: warning: 'WESTSHIRE CONSTABULARY' looks like the words of a logo or "
            "cover page; it is kept as a paragraph: delete it or write it as a sentence.") in warnings


def test_each_mark_points_at_the_next_footnote_of_its_number_renumbered_in_order():
    files, _ = converted()
    meta, body = front_matter_and_body(files[PAGE])
    assert "using phone lines.[^1]\n" in body and "exploited (34%)[^2].\n" in body
    assert "\n[^2]: Serious Violence Needs Assessment (Accessed 21st November 2023)\n" in body
    assert meta["editor_notes"][0] == ("Footnotes that share a number in the export have been "
                                       "renumbered in the order they appear.")


def test_a_footnote_no_mark_points_at_stays_a_paragraph_with_a_warning_and_a_note():
    files, warnings = converted()
    meta, body = front_matter_and_body(files[PAGE])
    assert body.endswith("\n\nAdverse Childhood Experiences are events children are exposed to "
                         "during childhood.\n")
    assert (f"{PATH}:25: warning: footnote 3 has no mark in the text; it is kept as a paragraph. "
            "Put a mark where it belongs, like [^3], and make this line '[^3]: ...'.") in warnings
    assert "In the export, footnote 3 has no mark in the text." in meta["editor_notes"]


def test_a_bare_address_becomes_a_link_named_from_its_file_and_the_editor_is_asked_to_check():
    files, warnings = converted()
    assert ("[^1]: [County Lines 2021-22 (PDF)](https://www.example.gov.uk/county-lines-2021-22"
            ".pdf), accessed 24th March 2021.") in files[PAGE]
    assert (f"{PATH}:14: warning: the link text 'County Lines 2021-22 (PDF)' was made from "
            "https://www.example.gov.uk/county-lines-2021-22.pdf; check it reads well.") in warnings


def test_a_mark_with_no_footnote_of_its_number_is_left_as_written():
    files, _ = converted("Strategy\n\nPatrols rose across every district this year, as "
                         "forecast.⁵ They will continue.\n")
    assert "as forecast.⁵ They will continue." in files["content/pages/strategy.md"]


def test_a_document_of_plain_paragraphs_needs_no_notes_and_no_warnings():
    files, warnings = converted("Safer Streets\n\nThe fund pays for lighting and patrols in "
                                "three town centres this year.\n\nBids open in May.\n")
    assert warnings == []
    assert files == {"content/pages/safer-streets.md":
                     '---\ntitle: "Safer Streets"\n---\nThe fund pays for lighting and patrols in '
                     "three town centres this year.\n\nBids open in May.\n"}


def test_an_empty_export_makes_no_page():
    assert convert_page(Source(PATH, "\n\n  \n")) == ({}, [])
