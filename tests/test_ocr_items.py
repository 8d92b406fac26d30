"""Item numbers opening a line (``๑.``, ``/๒.``) read from their glyphs when the band they
are cut from holds ink of the next line, and page-number lines kept by the junk-line filter."""

from __future__ import annotations

import numpy as np
import pytest

from circulars.ocr.engine import OcrPage, Word, link_offsets
from circulars.ocr.layout import drop_junk_lines, page_number_line

FONT = "/usr/share/fonts/truetype/tlwg/Laksaman.ttf"


def band(text: str, marks: list[tuple[int, int, int, int]]) -> list[np.ndarray]:
    """The glyphs of ``text`` drawn in a 62-row band (digits standing on row ~40), with
    rectangles of next-line ink (x0, y0, x1, y1) added; split as the re-reader splits them."""
    from PIL import Image, ImageDraw, ImageFont

    from circulars.ocr.digits import split_glyphs

    try:
        font = ImageFont.truetype(FONT, 46)
    except OSError:
        pytest.skip("fonts-thai-tlwg is not installed")
    image = Image.new("L", (160, 62), 255)
    draw = ImageDraw.Draw(image)
    draw.text((20, 40), text, font=font, fill=0, anchor="ls")
    for box in marks:
        draw.rectangle(box, fill=0)
    return split_glyphs(np.asarray(image) < 128)


def stop_x(text: str) -> int:
    from PIL import ImageFont

    font = ImageFont.truetype(FONT, 46)
    return 20 + round(font.getlength(text[:-1])) + 4


@pytest.mark.parametrize(
    ("text", "marks", "read"),
    [
        ("๑.", [], "๑."),
        ("๑.", [(8, 44, 11, 55)], "๑."),  # the top of a bracket of the line below, before the number
        ("๑.", [("stop", 40, "stop", 61)], "๑."),  # a tone mark of the line below glued under the stop
        ("/๒.", [], "/๒."),  # the next page's first item, at the foot of a page
        ("๓.๑", [(60, 58, 75, 61)], "๓.๑"),  # specks of the next line at the band's foot
    ],
    ids=["plain", "ink-below-before", "mark-glued-under-stop", "continuation-slash", "specks-at-foot"],
)
def test_item_number_read_without_the_next_lines_ink(text, marks, read):
    from circulars.ocr.digits import default_model, read_item_number

    x = stop_x(text) if any("stop" in m for m in marks) else 0
    boxes = [tuple(x + 1 if v == "stop" else v for v in m) for m in marks]
    assert read_item_number(band(text, boxes), default_model(), 46.0) == read


def test_a_blot_is_not_an_item_number():
    from circulars.ocr.digits import default_model, read_item_number

    assert read_item_number(band("", [(20, 10, 60, 40)]), default_model(), 46.0) is None


def unit(text: str, x: int, height: int) -> Word:
    return Word(text, (x, 100 + 44 - height, 30, height), 0.9, (1, 1, 1))


@pytest.mark.parametrize(
    ("units", "kept"),
    [
        ([("-", 4), ("lo", 44), ("-", 4)], True),
        ([("-๒-", 44)], True),
        ([("-", 4), ("๒", 40), ("-", 4)], True),
        ([("-", 4), ("a", 12), ("-", 4)], False),  # a speck between dashes: marks, not a number
        ([("-", 4), ("lo", 44), ("ab", 44), ("-", 4)], False),
        ([("-", 4), ("long", 44), ("-", 4)], False),
    ],
    ids=["read-latin", "one-unit", "thai-digit", "speck", "two-words", "word"],
)
def test_page_number_line(units, kept):
    words = [unit(t, 40 * i, h) for i, (t, h) in enumerate(units)]
    assert page_number_line(words, 44.0) is kept


def test_a_page_number_line_survives_the_junk_filter():
    body = "ก ข ค ง จ ฉ ช ซ ฌ ญ ฎ ฏ"
    text, words = "", []
    for n, (line, height) in enumerate([(body, 44), ("- lo -", None), (body, 44)]):
        for i, t in enumerate(line.split()):
            h = height or (44 if t == "lo" else 4)
            words.append(Word(t, (10 + 40 * i, 100 * n + 44 - h, 30, h), 0.7, (1, 1, n)))
        text += line + "\n"
    out = drop_junk_lines(OcrPage(text, link_offsets(text, words)))
    assert "- lo -" in out.text and out.text.count(body) == 2
