"""Repairs made before and after markdownify, on the exports' own shapes."""
from __future__ import annotations

from builder.htmltext import html_to_markdown, label_for, link_emails, name_from_email


def test_bullets_in_a_list_without_items_become_a_list():
    html = '<ul style="list-style-type: none"> • One • Two <p>After.</p>'
    assert html_to_markdown(html) == "- One\n- Two\n\nAfter."


def test_an_underlined_paragraph_is_a_heading():
    assert html_to_markdown("<p><u>Hate Crime</u></p> <p>Text.</p>") == "## Hate Crime\n\nText."


def test_plain_emails_become_links_and_links_stay():
    text = "Email a.b@x.org or [c@x.org](mailto:c@x.org)."
    assert link_emails(text) == "Email [a.b@x.org](mailto:a.b@x.org) or [c@x.org](mailto:c@x.org)."


def test_names_and_link_texts_come_from_the_addresses():
    assert name_from_email("Helen.Whitehead@herts.police.uk") == "Helen Whitehead"
    assert label_for("https://x.gov.uk/docs/hertfordshire-drug-and-alcohol-strategy-2025-30.pdf") \
        == "Hertfordshire Drug and Alcohol Strategy 2025-30 (PDF)"
    assert label_for("https://www.example.org/") == "www.example.org"
