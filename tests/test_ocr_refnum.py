"""Reference numbers re-read whole: where they are in OCR text, the slash told from ว,
and real tesseract boxes over a rendered number whose text was damaged."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from circulars.ocr.digits import default_model
from circulars.ocr.engine import replace_spans
from circulars.ocr.refnum import number_spans, read_reference, reread_references, slanted

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("ที่ มท ๐๘๑๒/ว ๘๙๖๓", ["๐๘๑๒/ว ๘๙๖๓"]),
        ("ที่ นม ๐๐๑๘/ว ๗๗๑ ๑๕ มกราคม", ["๐๐๑๘/ว ๗๗๑"]),
        ("ด่วนที่สุด ทีมท ๐๘๑๙.๒/ว ๕๗๑๒", ["๐๘๑๙.๒/ว ๕๗๑๒"]),
        ("ท มท ๐๒๑๑.๓/ว ๕6๐๑คฉ่", ["๐๒๑๑.๓/ว ๕6๐๑คฉ่"]),
        ("ที่ นม ๐๐๒ดกา.! ๑๗/ว ๒๑๔๕", ["๐๐๒ดกา.! ๑๗/ว ๒๑๔๕"]),
        ("ที่ ชย ๐๐๑๗.๒/๑๗๕๒ ลว ๑๔ พ.ย. ๖๖", ["๐๐๑๗.๒/๑๗๕๒"]),
        ("อ้างถึง หนังสือ ที่ มท ๐๒๑๑.๓/ว๘๐๑๙ ลงวันที่ ๒", ["๐๒๑๑.๓/ว๘๐๑๙"]),
        ("ที่ ขย ๐๕๑๘/ว ๒๓๑๗", ["๐๕๑๘/ว ๒๓๑๗"]),
        ("ถนนราษฎร์ดำริ นม ๓๐๒๒๐", []),
        ("ทีมงาน ๓ คน", []),
        ("ที่ มท\n๐๘๑๒/ว ๘๙๖๓", []),
        ("ท กห omee@.ao.a/๒๒๐", ["omee@.ao.a/๒๒๐"]),
        ("ที่ มท Hello world", []),
    ],
    ids=["plain", "date-after", "glued-label", "tail-damaged", "letters-inside", "no-circular", "citation",
         "misread-code", "postcode", "not-a-code", "number-on-next-line", "digits-read-as-latin",
         "latin-words-not-a-number"],
)
def test_number_spans(text, numbers):
    assert [text[a:b] for a, b in number_spans(text)] == numbers


def test_slash_leans_and_wo_does_not():
    slash = np.zeros((40, 16), bool)
    for y in range(40):
        slash[y, 15 - y * 16 // 40] = True
    wo = np.zeros((30, 18), bool)
    wo[:, 0:3] = wo[:, 15:18] = wo[27:30, :] = True
    assert (slanted(slash), slanted(wo), slanted(np.zeros((2, 2), bool))) == (True, False, False)


def test_glyphs_that_do_not_spell_a_number_give_none():
    model = default_model()
    assert read_reference([], model, 40.0) is None
    block = np.ones((40, 30), bool)  # a blot: not a digit, not after a slash
    assert read_reference([block], model, 40.0) is None


@pytest.fixture(scope="module")
def rendered():
    """A reference line rendered at 300 dpi and read by tesseract (digits re-read)."""
    from PIL import Image, ImageDraw, ImageFont

    from circulars.ocr import OcrSettings, read_page
    from circulars.ocr.engine import TesseractEngine

    font_path = "/usr/share/fonts/truetype/tlwg/Laksaman.ttf"
    try:
        font = ImageFont.truetype(font_path, 67)
    except OSError:
        pytest.skip("fonts-thai-tlwg is not installed")
    image = Image.new("L", (1800, 260), 255)
    ImageDraw.Draw(image).text((120, 80), "ที่ มท ๐๘๑๙.๒/ว ๕๗๑๒", font=font, fill=0)
    page = read_page(image, TesseractEngine(), OcrSettings(correct=False))
    return page, np.asarray(image)


@needs_tesseract
@pytest.mark.parametrize("damaged", ["๐ส๘๑๙.๒/๒/ว ๕๗ฑ๑๒", "๐๘๑๙๒/ว๕๗๑๒", "๐๕๑๕.๒/ว ๕๓๑๒"],
                         ids=["read-twice", "dot-and-space-lost", "digits-misread"])
def test_damaged_number_is_read_again_from_its_glyphs(rendered, damaged):
    page, image = rendered
    assert "มท ๐๘๑๙.๒/ว ๕๗๑๒" in page.text
    (start, end), = number_spans(page.text)
    broken = replace_spans(page, {start: (end, damaged)})
    assert "มท ๐๘๑๙.๒/ว ๕๗๑๒" in reread_references(broken, image).text


def test_a_digit_inked_into_its_slash_is_read_as_the_two():
    from PIL import Image, ImageDraw, ImageFont

    from circulars.ocr.refnum import split_slash

    try:
        font = ImageFont.truetype("/usr/share/fonts/truetype/tlwg/Laksaman.ttf", 67)
    except OSError:
        pytest.skip("fonts-thai-tlwg is not installed")
    image = Image.new("L", (160, 120), 255)
    draw = ImageDraw.Draw(image)
    draw.text((10, 10), "๓", font=font, fill=0)
    width = draw.textbbox((10, 10), "๓", font=font)[2]
    draw.text((width - 12, 10), "/", font=font, fill=0)  # the slash drawn into the digit's tail
    ink = np.asarray(image) < 128
    rows, cols = np.nonzero(ink.any(axis=1))[0], np.nonzero(ink.any(axis=0))[0]
    piece = ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    assert split_slash(piece, 48.0, default_model()) == ["๓", "/"]
    assert split_slash(np.zeros((40, 40), bool), 48.0, default_model()) is None


def test_a_code_with_a_letter_read_as_latin_is_found():
    text = "ที่ ศ5 ๐๔๐๐ฒ่/ว ๑๕๕\nสำนักงาน"
    assert [text[a:b] for a, b in number_spans(text)] == ["๐๔๐๐ฒ่/ว ๑๕๕"]
