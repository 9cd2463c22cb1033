"""builder.charts: build-time SVG bar charts."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from builder.charts import (FONT_SIZE, SLIDE_WIDTH, VIEW_WIDTH, bar_chart_svg, describe,
                            slide_bar_chart_svg)

SVG = "{http://www.w3.org/2000/svg}"

LABELS = ["Broxbourne", "Out of County", "Dacorum", "No fixed abode"]
VALUES = [448, 4872, 1234, 380]


def _chart(**kw) -> str:
    args = dict(title="Drug tests by CSP", labels=LABELS, values=VALUES,
                chart_id="drug-tests-chart", value_label="Total tests")
    args.update(kw)
    return bar_chart_svg(args.pop("title"), args.pop("labels"), args.pop("values"), **args)


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # also proves the output is well-formed XML


def test_same_input_gives_the_same_bytes():
    assert _chart() == _chart()
    assert _chart(values=[448.0, 4872.0, 1234.0, 380.0]) == _chart()


def test_is_an_image_named_by_its_title_and_desc():
    root = _parse(_chart())
    assert root.tag == SVG + "svg"
    assert root.get("role") == "img"
    title, desc = root.find(SVG + "title"), root.find(SVG + "desc")
    assert title is not None and desc is not None
    assert title.text == "Drug tests by CSP"
    assert title.get("id") == "drug-tests-chart-title"
    assert desc.get("id") == "drug-tests-chart-desc"
    assert root.get("aria-labelledby") == "drug-tests-chart-title drug-tests-chart-desc"
    assert list(root)[:2] == [title, desc]  # first children, as SVG expects


def test_desc_summarises_the_data_in_words():
    desc = _parse(_chart()).find(SVG + "desc").text
    assert "Out of County has the highest value, 4,872; No fixed abode the lowest, 380." in desc
    assert "Total tests" in desc
    assert "4 items" in desc


def test_describe_edge_cases():
    assert describe([], [], "Total") == "Bar chart of Total: no data."
    assert describe(["Watford"], [1105], "Total") == "Bar chart of Total: Watford, 1,105."
    assert describe(["A", "B"], [3, 3], "Total") == (
        "Bar chart of Total for 2 items, all with the same value, 3.")
    assert describe(["A", "B", "C"], [5, 5, 1], "Total") == (
        "Bar chart of Total for 3 items. A and B have the highest value, 5; C the lowest, 1.")


def test_values_are_written_at_the_bar_ends_with_thousands_separators():
    root = _parse(_chart(values=[448, 1234567, 12.5, 0]))
    values = [t.text for t in root.iter(SVG + "text") if "bulletin-chart__value" in t.get("class", "")]
    assert values == ["448", "1,234,567", "12.5", "0"]
    bars = {float(r.get("y")): float(r.get("width")) for r in root.iter(SVG + "rect")}
    value_x = [float(t.get("x")) for t in root.iter(SVG + "text") if "value" in t.get("class", "")]
    widths = sorted(bars.values())
    assert max(widths) > 50 * min(widths)  # bars are proportional to the values
    # Each value sits just after its own bar's end.
    for width, x in zip([bars[y] for y in sorted(bars)], value_x[:len(bars)], strict=True):
        assert 0 < x - width <= 10


def test_bars_are_proportional():
    root = _parse(_chart(labels=["a", "b"], values=[100, 50]))
    w = [float(r.get("width")) for r in root.iter(SVG + "rect")]
    assert w[0] == pytest.approx(2 * w[1], abs=0.2)


def test_labels_are_text_not_colour():
    root = _parse(_chart())
    labels = [t.text for t in root.iter(SVG + "text") if "bulletin-chart__label" in t.get("class", "")]
    assert labels == LABELS
    # One bar colour only: colour carries no meaning.
    assert len({r.get("fill") for r in root.iter(SVG + "rect")}) == 1


def test_escapes_all_text():
    svg = _chart(title='<script>alert("x")</script> & co',
                 labels=["<b>bold</b>", 'Say "hi"', "A & B", "x"],
                 value_label="<i>n</i>", chart_id='c"1')
    assert "<script" not in svg and "<b>" not in svg and "<i>" not in svg
    assert "&lt;script&gt;" in svg and "A &amp; B" in svg
    root = _parse(svg)
    assert root.find(SVG + "title").text == '<script>alert("x")</script> & co'
    assert root.find(SVG + "title").get("id") == 'c"1-title'
    assert [t.text for t in root.iter(SVG + "text")][0] == "<b>bold</b>"


def test_scales_with_its_viewbox_and_keeps_text_readable():
    root = _parse(_chart())
    x, y, w, h = (float(n) for n in root.get("viewBox").split())
    assert (x, y, w) == (0, 0, VIEW_WIDTH)
    assert float(root.get("height")) == h
    assert float(root.get("font-size")) >= 14
    # Shown no wider than the viewBox; on a 320px phone the chart is 290px
    # wide, and its text is still at least 14px.
    assert FONT_SIZE * 290 / VIEW_WIDTH >= 14
    # Nothing is drawn outside the viewBox.
    for rect in root.iter(SVG + "rect"):
        assert float(rect.get("x")) + float(rect.get("width")) <= w
        assert float(rect.get("y")) + float(rect.get("height")) <= h


def test_long_labels_wrap_inside_the_drawing():
    long = "Community Safety Partnership for the Borough of Welwyn Hatfield and surrounding villages"
    root = _parse(_chart(labels=[long, "b"], values=[1, 2]))
    lines = [t.text for t in root.iter(SVG + "text") if "label" in t.get("class", "")]
    assert len(lines) > 2
    assert " ".join(lines[:-1]) == long


def test_no_script_no_event_handlers_no_external_references():
    svg = _chart()
    assert "<script" not in svg.lower()
    assert not re.search(r"\son\w+=", svg)
    assert "href" not in svg
    assert "http://" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")


@pytest.mark.parametrize("labels, values", [
    (["a", "b"], [1]),
    (["a"], [-1]),
    (["a"], [float("nan")]),
    (["a"], ["lots"]),
])
def test_bad_input_is_refused(labels, values):
    with pytest.raises(ValueError):
        _chart(labels=labels, values=values)


def test_empty_and_all_zero_charts_are_still_valid():
    root = _parse(_chart(labels=[], values=[]))
    assert root.find(SVG + "desc").text.endswith("no data.")
    root = _parse(_chart(labels=["a", "b"], values=[0, 0]))
    assert list(root.iter(SVG + "rect")) == []
    assert [t.text for t in root.iter(SVG + "text") if "value" in t.get("class", "")] == ["0", "0"]


def _slide_chart(**kw) -> str:
    args = dict(title="Drug tests by CSP", labels=LABELS, values=VALUES,
                chart_id="drug-tests-chart", value_label="Total tests")
    args.update(kw)
    return slide_bar_chart_svg(args.pop("title"), args.pop("labels"), args.pop("values"), **args)


def test_a_slides_chart_puts_each_label_beside_its_bar_in_larger_text():
    """Seen across a council chamber: the page's chart, labels above bars, shrank to 11 px
    text on a 720 px slide."""
    root = _parse(_slide_chart())
    assert float(root.get("font-size")) >= 24 > FONT_SIZE
    assert root.get("viewBox") == f"0 0 {SLIDE_WIDTH} {root.get('height')}"
    rows = root.findall(f"{SVG}g")
    assert len(rows) == len(LABELS)
    for row, label in zip(rows, LABELS):
        text, bar = row.find(f"{SVG}text"), row.find(f"{SVG}rect")
        assert text.text == label and text.get("text-anchor") == "end"
        assert float(text.get("x")) < float(bar.get("x"))                 # beside, to its left
        bar_middle = float(bar.get("y")) + float(bar.get("height")) / 2
        assert abs(float(text.get("y")) - bar_middle) < float(root.get("font-size"))
    # one row a bar: four bars take well under the height four labelled rows took
    assert float(root.get("height")) < float(_parse(_chart()).get("height")) * 1.5


def test_a_slides_chart_says_what_the_pages_chart_says_and_is_checked_alike():
    page, slide = _parse(_chart()), _parse(_slide_chart())
    assert slide.find(SVG + "title").text == page.find(SVG + "title").text
    assert slide.find(SVG + "desc").text == page.find(SVG + "desc").text
    assert _slide_chart() == _slide_chart()
    with pytest.raises(ValueError, match="negative"):
        _slide_chart(values=[1, -2, 3, 4])
