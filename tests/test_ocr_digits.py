"""Thai digits re-read from their glyphs where tesseract's units are wrong: a letter's box
over two digits, a digit left out of every box, an item number read as a letter, a stop
caught twice. Pages are drawn here with the Laksaman font at 300-dpi size; the units
(text and boxes) are written by hand the way tesseract got them wrong."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from circulars.ocr.digits import list_markers, page_number_guesses, reread_digits, trim_repeated, uncovered
from circulars.ocr.engine import OcrPage, Word, link_offsets

FONT = "/usr/share/fonts/truetype/tlwg/Laksaman.ttf"


def draw_page(lines: list[list[tuple[str, str | None, float | None]]]):
    """Each line a list of (drawn, read, box_of) segments: ``drawn`` is inked, ``read`` is
    the unit's text (None: no unit, the ink is in no box), ``box_of`` the share of
    ``drawn``'s width from the left that its box covers (None: all of it). Segments are a space apart, or glued on
    (drawn close, no space in the text) when ``read`` starts with ``+``."""
    try:
        font = ImageFont.truetype(FONT, 67)
    except OSError:
        pytest.skip("fonts-thai-tlwg is not installed")
    image = Image.new("L", (1600, 140 * len(lines) + 60), 255)
    draw = ImageDraw.Draw(image)
    words, text_lines = [], []
    for n, segments in enumerate(lines):
        x, y, line = 80, 40 + 140 * n, ""
        for drawn, read, box_of in segments:
            glued = read is not None and read.startswith("+")
            if glued:
                x, read = x - 24, read[1:]
            draw.text((x, y), drawn, font=font, fill=0)
            left, top, right, bottom = draw.textbbox((x, y), drawn, font=font)
            right = left + round((right - left) * (box_of or 1.0))
            if read is not None:
                words.append(Word(read, (left, top, right - left, bottom - top), 0.9, (1, 1, n + 1)))
                line += ("" if glued or not line else " ") + read
            x = draw.textbbox((x, y), drawn, font=font)[2] + 30
        text_lines.append(line)
    text = "\n".join(text_lines) + "\n"
    binary = np.where(np.asarray(image) < 128, 0, 255).astype(np.uint8)
    return OcrPage(text, link_offsets(text, words)), binary


def reread(lines):
    page, binary = draw_page(lines)
    return reread_digits(page, binary).text.splitlines()


HEIGHT_UNITS = [("๒", "๒", None), ("๕", "๕", None), ("๒", "๒", None), ("๕", "๕", None)]  # the page's digit height


def test_a_letter_box_over_two_digits_is_read_as_both():
    lines = reread([HEIGHT_UNITS, [("ปี", "ปี", None), ("๒", "๒", None), ("๕", "+๕", None), ("๖๗", "+ว", None)]])
    assert lines[1] == "ปี ๒๕๖๗"


def test_a_digit_outside_every_box_joins_its_number():
    lines = reread([HEIGHT_UNITS, [("ถึง", "ถึง", None), ("๕๗", "๕", 0.3), ("ปี", "ปี", None)]])
    assert lines[1] == "ถึง ๕๗ ปี"


def test_ink_of_the_next_word_is_not_taken():
    lines = reread([HEIGHT_UNITS, [("ถึง", "ถึง", None), ("๕", "๕", None), ("ปี", "ปี", None)]])
    assert lines[1] == "ถึง ๕ ปี"


@pytest.mark.parametrize(("drawn", "read", "expected"), [
    ("๓.", "ต.", "๓. ให้"), ("๑.", "©.", "๑. ให้"), ("๑.", "6).", "๑. ให้"), ("๓.๑", "ตา.@", "๓.๑ ให้"),
    ("(๓)", "(cn)", "(๓) ให้"), ("๔)", "@)", "๔) ให้"),
], ids=["three-as-to", "one-as-copyright", "one-as-six-bracket", "sub-item", "bracketed", "closing-bracket"])
def test_an_item_number_read_as_a_letter_is_read_again(drawn, read, expected):
    lines = reread([HEIGHT_UNITS, [(drawn, read, None), ("ให้", "ให้", None)]])
    assert lines[1] == expected


@pytest.mark.parametrize(("drawn", "read", "expected"), [("๓.", "en.", "๓."), ("๒.", "lo.", "๒."), ("ต.", "ต.", "ต."),
                                                     ("๑.", "6).", "๑.")],
                         ids=["three-as-latin", "two-as-latin", "a-letter-stays", "one-as-six-bracket-stop"])
def test_an_item_number_alone_on_its_line_is_read_again(drawn, read, expected):
    """The item's text begins on the next line: nothing follows the number on its own."""
    lines = reread([HEIGHT_UNITS, [(drawn, read, None)], [("ให้", "ให้", None)]])
    assert lines[1:] == [expected, "ให้"]


@pytest.mark.parametrize("drawn", ["ต.", "(ก)", "ก)"], ids=["to", "bracketed-letter", "letter-bracket"])
def test_a_letter_item_stays_a_letter(drawn):
    lines = reread([HEIGHT_UNITS, [(drawn, drawn, None), ("ในเมือง", "ในเมือง", None)]])
    assert lines[1] == f"{drawn} ในเมือง"


@pytest.mark.parametrize(
    ("text", "found"),
    [("ต. รายงานผล\n", ["ต."]), ("  ตา. กองสวัสดิการ\n", ["ตา."]), ("ต.ค. ๖๗\n", []), ("๓. ให้\n", []),
     ("ข้อ ต. ให้\n", []), ("ป. ๑) ดำเนินการ\n", ["ป."]), ("6). กรอก\n", ["6)."]), ("(cn) ให้\n", ["(cn)"]),
     ("ตา.@ ให้\n", ["ตา.@"]), ("1. ให้\n", []), ("(2) ให้\n", []), ("พ.ศ. ๒๕๖๘\n", []), ("ให้ ดำเนินการ\n", []),
     ("ต.\n", ["ต."])],
    ids=["to", "to-aa-indented", "month-abbreviation", "already-digits", "not-line-start", "letters-checked-later",
         "six-bracket", "bracketed-latin", "sub-item", "arabic-item", "arabic-bracketed", "era-abbreviation",
         "thai-word", "alone-on-its-line"],
)
def test_list_markers(text, found):
    words, pos = [], 0
    for token in text.split():
        pos = text.index(token, pos)
        words.append(Word(token, (0, 0, 10, 10), 0.9, (1, 1, 1), pos))
        pos += len(token)
    assert [text[a:b] for a, b, _ in list_markers(text, words)] == found


@pytest.mark.parametrize(
    ("text", "span", "read", "expected"),
    [("๓. ข้อ", (0, 1), "๓.", "๓"), ("๓ ข้อ", (0, 1), "๓.", "๓."), ("ที่ .๑๒", (5, 7), ".๑๒", "๑๒"),
     ("๒๕", (0, 2), "๒๕", "๒๕"), (".", (0, 1), ".", ".")],
    ids=["stop-after", "no-stop-after", "stop-before", "nothing-to-trim", "lone-stop-kept"],
)
def test_trim_repeated(text, span, read, expected):
    assert trim_repeated(text, *span, read) == expected


def test_uncovered_is_the_gap_between_neighbours_capped():
    words = [Word("ที่", (100, 0, 50, 40), 0.9, (1, 1, 1), 0), Word("๕", (200, 0, 30, 40), 0.9, (1, 1, 1), 4),
             Word("ปี", (400, 0, 40, 40), 0.9, (1, 1, 1), 6), Word("ก", (0, 90, 30, 40), 0.9, (1, 1, 2), 9)]
    index = {id(w): i for i, w in enumerate(words)}
    assert uncovered(words, [words[1]], 40.0, index) == (142.0, 290.0)  # ที่ ends at 150; 1.5 heights right
    assert uncovered(words, [words[3]], 40.0, index) == (-60.0, 90.0)  # a line of its own
    assert uncovered(words, [words[1]], None, index) is None


@pytest.mark.parametrize("digit", ["๕", "๔", "๓"])
def test_a_digit_inked_into_its_slash_reads_as_the_two_in_a_run(digit):
    from circulars.ocr.digits import default_model, glyph_groups, read_run

    try:
        font = ImageFont.truetype(FONT, 67)
    except OSError:
        pytest.skip("fonts-thai-tlwg is not installed")
    image = Image.new("L", (200, 120), 255)
    draw = ImageDraw.Draw(image)
    draw.text((10, 10), digit, font=font, fill=0)
    width = draw.textbbox((10, 10), digit, font=font)[2]
    draw.text((width - 12, 10), "/", font=font, fill=0)  # the slash drawn into the digit
    groups = [g for _, g in glyph_groups(np.asarray(image) < 128)]
    assert len(groups) == 1  # one glyph: the slash touches the digit
    assert read_run(groups, default_model(), 48.0) == [digit, "/"]


def test_a_number_with_a_speck_read_into_it_is_read_again():
    lines = reread([HEIGHT_UNITS, [("๑๘", "ะ๑๕", None), ("มีนาคม", "มีนาคม", None)]])
    assert lines[1] == "๑๘ มีนาคม"


@pytest.mark.parametrize(
    ("text", "numeric"),
    [("๑๕", True), ("ะ๑๕", True), ("๒๕๖๘'", True), ("ว๑๙๘", False), ("ะ๑", False), ("๑.๒", True), ("ที่๑๕", False),
     ("12", False)],
    ids=["digits", "speck-before", "quote-after", "circular-series-kept", "one-digit-with-speck", "decimal",
         "word-glued", "latin-only"],
)
def test_is_numeric_unit(text, numeric):
    from circulars.ocr.digits import is_numeric_unit

    assert is_numeric_unit(text) is numeric


def test_a_mark_of_the_next_line_glued_under_a_digit_is_cut_off():
    """The upper vowel of the line below touching the foot of a year's ๒ made a glyph too
    tall to read, and the ๒ was lost (๒๕๖๙ read as ๕๖๙)."""
    page, binary = draw_page([HEIGHT_UNITS, [("๒", "๒", None), ("๕", "+๕", None), ("๖", "+๒", None),
                                             ("๙", "+๓", None), ("และ", "และ", None)]])
    at = next(i for i, w in enumerate(page.words) if w.line == (1, 1, 2))
    left, top, width, height = page.words[at].box
    foot = top + height
    binary[foot - 4 : foot + 16, left + 2 : left + 10] = 0  # a stroke joined to the digit's foot
    binary[foot + 10 : foot + 16, left + 2 : left + 30] = 0  # and the mark's head under it
    page.words[at] = replace(page.words[at], box=(left, top, width, height + 16))  # tesseract's box takes it in
    assert reread_digits(page, binary).text.splitlines()[1] == "๒๕๖๙ และ"


@pytest.mark.parametrize(("segments", "expected"), [
    ([("น.", "น.", None), ("๒)", "lo)", None)], "น. ๒)"),
    ([("ไตรมาส", "ไตรมาส", None), ("(๒)", "(lo)", None), ("ราย", "ราย", None)], "ไตรมาส (๒) ราย"),
    ([("วันที่", "วันที่", None), ("๙", "«", None), ("พฤศจิกายน", "พฤศจิกายน", None)], "วันที่ ๙ พฤศจิกายน"),
    ([("ขนาด", "ขนาด", None), ("(A)", "(A)", None), ("ให้", "ให้", None)], "ขนาด (A) ให้"),
    ([("โทร.", "โทร.", None), ("๗๑๓๐", "๓ฒ๑๑๐", None)], "โทร. ๗๑๓๐"),
    ([("ด้วย", "ด้วย", None), ("๑.", "®.", None), ("สำเนา", "สำเนา", None)], "ด้วย ๑. สำเนา"),
    ([("ปีที่", "ปีที่", None), ("๑", "©", None)], "ปีที่ ๑"),
    ([("ประจำปี", "ประจำปี", None), ("๒๕๖", "๒๕๖", None), ("๗", "+%", None)], "ประจำปี ๒๕๖๗"),
], ids=["digit-bracket-read-latin", "bracketed-digit-read-latin", "nine-read-as-guillemet", "latin-letter-stays",
        "latin-number-re-read-with-a-letter", "one-read-as-registered-sign", "one-read-as-copyright-sign",
        "last-seven-read-as-percent-sign"])
def test_latin_look_alikes_with_brackets_are_read_again(segments, expected):
    assert reread([HEIGHT_UNITS, segments])[1] == expected


def test_a_run_stands_on_the_lower_of_two_box_bottoms():
    """A box stretched down by a mark glued under its digit does not lower the band."""
    from circulars.ocr.digits import _line_band

    run = [Word("๒", (0, 53, 40, 47), 0.9, (1, 1, 1)), Word("๕", (40, 53, 40, 57), 0.9, (1, 1, 1))]
    assert _line_band(run, height=47.0) == (100 - round(1.2 * 47), 100 + round(0.2 * 47))


def test_a_letter_with_no_glyph_of_its_own_between_digits_is_dropped():
    """tesseract put a ฉ between the ๘ and ๙ of ๑๒๘๙, its box over their facing edges."""
    page, binary = draw_page([HEIGHT_UNITS, [("ว", "ว", None), ("๑", "๑", None), ("๒", "+๒", None),
                                             ("๘", "+๘", None), ("๙", "+๙", None)]])
    eight, nine = page.words[-2], page.words[-1]
    gap = (eight.box[0] + eight.box[2] + nine.box[0]) // 2
    phantom = Word("ฉ", (gap - 6, eight.box[1], 12, eight.box[3]), 0.45, eight.line)
    words = [*page.words[:-1], phantom, nine]
    lines = page.text.splitlines()
    lines[1] = lines[1].replace("๘๙", "๘ฉ๙")
    text = "\n".join(lines) + "\n"
    page = OcrPage(text, link_offsets(text, [replace(w, offset=-1) for w in words]))
    assert reread_digits(page, binary).text.splitlines()[1] == "ว ๑๒๘๙"


def _units(*tokens: str) -> tuple[str, list]:
    """A line of units, a token starting with ``+`` glued to the one before (no space)."""
    text, words = "", []
    for token in tokens:
        glued = token.startswith("+")
        token = token.removeprefix("+")
        text += "" if glued or not text else " "
        words.append(Word(token, (10 * len(words), 0, 10, 10), 0.9, (1, 1, 1), len(text)))
        text += token
    return text, words


@pytest.mark.parametrize(("tokens", "runs"), [
    (("๒", "+๕", "+“๓"), [["๒", "๕", "“๓"]]),
    (("๒", "+๕", "+๓", "+“", "+๓"), [["๒", "๕", "๓", "“", "๓"]]),
    (("๑", "+@", "เมษายน"), [["๑", "@"]]),
    (("๑", "+“", "เมษายน"), [["๑"]]),
    (("“๓", "เมษายน"), []),
    (("ปี", "“", "+๒๕๖๘"), [["๒๕๖๘"]]),
    (("ที่", "«", "+๐๑๒", "๒๕๖๙"), [["«", "๐๑๒"], ["๒๕๖๙"]]),
    (("ที่", "«", "เมษายน"), []),
    (("๒๕๖«",), [["๒๕๖«"]]),
    (("ประจำปี", "๒๕๖", "+%"), [["๒๕๖", "%"]]),
    (("ร้อยละ", "๕๐%"), [["๕๐%"]]),
    (("ร้อยละ", "%"), []),
], ids=["speck-digit-unit-glued", "speck-inside", "at-sign-after", "quote-after-trimmed", "speck-digit-alone",
        "speck-before-not-joined", "guillemet-opens-a-number", "guillemet-alone-is-no-run", "guillemet-in-a-unit",
        "percent-sign-for-a-last-seven", "percent-sign-in-a-unit", "percent-sign-alone-is-no-run"])
def test_numeric_runs_take_specks_glued_to_a_number(tokens, runs):
    from circulars.ocr.digits import numeric_runs

    text, words = _units(*tokens)
    assert [[w.text for w in run] for run in numeric_runs(text, words)] == runs


@pytest.mark.parametrize(("text", "heavy"), [
    ("๓ฒ๑๑๐", True), ("๒๕๖ซ", True), ("๑๒.ค๓", True), ("๒ค", True), ("๒๕เวฒ", False), ("ปี๒๕", False),
    ("๒๕๖๘", False), ("ฒฒ๑", False), ("ค", False),
], ids=["seven-as-tho-phuthao", "seven-as-so-so", "with-a-stop", "nine-as-kho-khwai", "with-a-vowel",
        "word-then-digits", "digits-only", "more-letters-than-digits", "one-letter"])
def test_digit_heavy(text, heavy):
    from circulars.ocr.digits import digit_heavy

    assert digit_heavy(text) is heavy


def test_a_lone_letter_whose_box_covers_part_of_its_glyph_is_read_whole():
    """ฆ for ๗ standing alone (ภายใน ๗ วัน), its box over the left half of the glyph only."""
    assert reread([HEIGHT_UNITS, [("ภายใน", "ภายใน", None), ("๗", "ฆ", 0.5), ("วัน", "วัน", None)]])[1] \
        == "ภายใน ๗ วัน"


@pytest.mark.parametrize(("drawn", "read", "expected"), [
    ("๗", "ญ่", "วันที่ ๗ พฤศจิกายน"),
    ("๗", "ฒ่", "วันที่ ๗ พฤศจิกายน"),
    ("ก็", "ก็", "วันที่ ก็ พฤศจิกายน"),
    ("ก่", "ก่", "วันที่ ก่ พฤศจิกายน"),
], ids=["seven-read-as-yo-with-a-tone", "seven-read-as-tho-with-a-tone", "ko-with-a-mai-taikhu-kept",
        "a-letter-with-a-tone-that-is-no-digit-kept"])
def test_a_lone_letter_with_a_tone_mark_is_a_digit_whose_tail_was_read_as_the_mark(drawn, read, expected):
    """๗'s tail over the line read as a tone mark: ``ญ่`` alone between spaces."""
    assert reread([HEIGHT_UNITS, [("วันที่", "วันที่", None), (drawn, read, None),
                                  ("พฤศจิกายน", "พฤศจิกายน", None)]])[1] == expected


@pytest.mark.parametrize(("drawn", "expected"), [("๗", "รวม ๗ คน"), ("๑๕", "รวม ๑๕ คน"), ("ก", "รวม คน")],
                         ids=["one-digit", "two-digits", "a-letter-is-not-a-digit"])
def test_a_number_with_no_unit_between_two_words_is_read(drawn, expected):
    """tesseract gave the glyphs between รวม and คน no unit at all."""
    assert reread([HEIGHT_UNITS, [("รวม", "รวม", None), (drawn, None, None), ("คน", "คน", None)],
                   [("รวม", "รวม", None), ("คน", "คน", None)]])[1:] == [expected, "รวม คน"]


def test_an_unreadable_glyph_keeps_tesseracts_character_at_its_place():
    """One glyph of a run is no digit (a blot): the others are re-read, it keeps tesseract's."""
    lines = reread([HEIGHT_UNITS, [("ปี", "ปี", None), ("๒", "๒", None), ("๕", "+๕", None), ("#", "+๒", None),
                                   ("๙", "+๕", None)]])
    assert lines[1] == "ปี ๒๕๒๙"


@pytest.mark.parametrize(("segments", "expected"), [
    ([("-", "-", None), ("๒", "ใต", None), ("-", "-", None)], "- ๒ -"),
    ([("-", "-", None), ("๓", "ต", None), ("-", "-", None)], "- ๓ -"),
    ([("-๒-", "-ใด-", None)], "-๒-"),
], ids=["spaced-two-as-letters", "three-as-to", "glued-unit"])
def test_a_page_number_between_dashes_read_as_letters_is_read_again(segments, expected):
    lines = reread([HEIGHT_UNITS, segments])
    assert lines[1] == expected


def test_a_word_between_dashes_stays_a_word():
    lines = reread([HEIGHT_UNITS, [("-", "-", None), ("ไทย", "ไทย", None), ("-", "-", None)]])
    assert lines[1] == "- ไทย -"


@pytest.mark.parametrize(("text", "found"), [
    ("- ใต -\n", ["ใต"]), ("-ใด-\n", ["-ใด-"]), ("  — ต —\n", ["ต"]), ("- ๒ -\n", []), ("- lo -\n", []),
    ("ราคา - ใต - บาท\n", []), ("- ไทยแลนด์ -\n", []),
], ids=["spaced", "glued", "em-dashes", "already-digits", "latin-guess", "inside-a-line", "long-word"])
def test_page_number_guesses(text, found):
    page = OcrPage(text, link_offsets(text, [Word(t, (0, 0, 10, 10), 0.5, (1, 1, 1)) for t in text.split()]))
    assert [page.text[a:b] for a, b, _ in page_number_guesses(page.text, page.words)] == found


@pytest.mark.parametrize(("blob_end", "cut"), [(65, True), (62, True), (55, False)],
                         ids=["reaching-the-foot", "a-few-pixels-short-of-it", "too-far-above-it"])
def test_ink_glued_under_a_digit_near_the_band_foot_is_cut_off(blob_end, cut):
    """A glyph taller than a digit whose foot is at, or a few pixels short of, the band's
    foot (b16: a ๗ of ๒๕๗๐ with a blob under it ending 1 px above the foot was rejected
    at every height, and the year kept ``ญ่``) is cut to a digit's height."""
    from circulars.ocr.digits import cut_below_digit

    glyph = np.zeros((65, 42), bool)
    glyph[7:54, 2:40] = True  # the digit: 47 px, the page's digit height
    glyph[54:blob_end, 10:20] = True  # glued under it
    got = cut_below_digit(glyph, 47.0)
    assert (got is not None) is cut
    if cut:
        rows = np.flatnonzero(got.any(axis=1))
        assert (rows[0], rows[-1]) == (7, 54)


def test_a_seven_read_as_a_letter_next_to_a_broken_off_stroke_is_a_seven():
    """``๑๔๓ญ่`` for ``๑๔๓๗``: the ๗'s unit reached over a stroke broken off the ๓ beside
    it, and with two pieces it was not one glyph to read (letters/01's receiving stamp)."""
    page, binary = draw_page([HEIGHT_UNITS, [("เลขรับ", "เลขรับ", None), ("๑๔๓", "๑๔๓", None),
                                             ("๗", "+ญ่", None)]])
    at = next(i for i, w in enumerate(page.words) if w.text == "ญ่")
    left, top, width, height = page.words[at].box
    binary[top + 20 : top + height - 8, left - 14 : left - 9] = 0  # a stroke standing alone in the gap
    page.words[at] = replace(page.words[at], box=(left - 16, top, width + 16, height))
    assert reread_digits(page, binary).text.splitlines()[1] == "เลขรับ ๑๔๓๗"


@pytest.mark.parametrize("share", [0.7, 0.75, 0.8], ids=["box-over-70%", "box-over-75%", "box-over-80%"])
def test_a_seven_read_as_a_letter_whose_box_covers_part_of_it_is_read_whole(share):
    """``๒๕๖ฆ`` for ``๒๕๖๗``: the letter's box left the ๗'s tail out, and the glyph was cut
    at the box's edge to a ฆ-like shape that is no digit (letters/01, b07's ``๒๔ฆ๗๑๕``)."""
    lines = reread([HEIGHT_UNITS, [("ปี", "ปี", None), ("๒๕๖", "๒๕๖", None), ("๗", "+ฆ", share)]])
    assert lines[1] == "ปี ๒๕๖๗"


def test_a_nine_read_as_a_letter_and_a_tone_mark_of_its_own_is_a_nine():
    """``ว ๘๐๑ค่`` for ``ว ๘๐๑๙`` (letters/01): tesseract gave the ๙'s loop a unit ``ค`` and
    its tail a unit ``่`` of its own; neither box held most of the glyph."""
    page, binary = draw_page([HEIGHT_UNITS, [("ว", "ว", None), ("๘๐๑", "๘๐๑", None), ("๙", "+ค่", None),
                                             ("ลงวันที่", "ลงวันที่", None)]])
    at = next(i for i, w in enumerate(page.words) if w.text == "ค่")
    w = page.words[at]
    left, top, width, height = w.box
    half = width // 2
    page.words[at : at + 1] = [replace(w, text="ค", box=(left, top, half, height)),
                               replace(w, text="่", box=(left + half, top, width - half, height), offset=w.offset + 1)]
    assert reread_digits(page, binary).text.splitlines()[1] == "ว ๘๐๑๙ ลงวันที่"


@pytest.mark.parametrize(("segments", "expected"), [
    ([("สิ่งที่ส่งมาด้วย", "สิ่งที่ส่งมาด้วย", None), ("๑)", "@)", None), ("และ", "และ", None)], "สิ่งที่ส่งมาด้วย ๑) และ"),
    ([("ข้อ", "ข้อ", None), ("๑", "@", None), ("ให้", "ให้", None)], "ข้อ ๑ ให้"),
    ([("ติดต่อ", "ติดต่อ", None), ("@", "@", None), ("line", "line", None)], "ติดต่อ @ line"),
    ([("อีเมล", "อีเมล", None), ("a@b.th", "a@b.th", None)], "อีเมล a@b.th"),
], ids=["one-and-bracket-read-as-at-sign", "one-read-as-at-sign", "a-real-at-sign-stays", "e-mail-address-stays"])
def test_a_lone_sign_for_a_digit_is_read_again_and_a_real_one_stays(segments, expected):
    assert reread([HEIGHT_UNITS, segments])[1] == expected


def test_a_mark_of_the_next_line_under_a_digit_is_not_part_of_it():
    """``สิ่งที่ส่งมาด้วย @)`` for ``๑)`` (h14): the stroke of a mark of the line below, under
    the ๑ but not touching it, was taken into the ๑'s glyph, which then read as no digit."""
    page, binary = draw_page([HEIGHT_UNITS, [("ด้วย", "ด้วย", None), ("๑)", "@)", None), ("และ", "และ", None)]])
    at = next(i for i, w in enumerate(page.words) if w.text == "@)")
    left, top, width, height = page.words[at].box
    foot = top + height
    binary[foot + 3 : foot + 12, left + 14 : left + 18] = 0  # starts under the digit's foot
    page.words[at] = replace(page.words[at], box=(left, top, width, height + 14))
    assert reread_digits(page, binary).text.splitlines()[1] == "ด้วย ๑) และ"


@pytest.mark.parametrize(("top_rows", "top_cols", "kept"), [
    ((14, 50), (4, 40), True), ((38, 50), (4, 40), False), ((14, 50), (4, 14), False)],
    ids=["a-digit-over-a-mark", "a-speck-over-a-mark", "a-stroke-over-a-mark"])
def test_what_begins_under_the_baseline_is_left_out_only_from_a_digit_sized_glyph(top_rows, top_cols, kept):
    """The band is 64 rows for a digit height of 45 (its foot 0.2 × 45 under the baseline):
    a mark from row 57 on begins under the baseline. Over it, a digit-sized glyph is kept
    without it; a speck or a thin stroke (the handwriting of a signature) is not a digit."""
    from circulars.ocr.digits import above_baseline

    piece = np.zeros((64, 44), bool)
    piece[top_rows[0] : top_rows[1], top_cols[0] : top_cols[1]] = True
    piece[57:64, 16:20] = True
    got = above_baseline(piece, 45.0)
    assert (got is not None) is kept
    if kept:
        assert got.sum() == (top_rows[1] - top_rows[0]) * (top_cols[1] - top_cols[0]) and not got[57:].any()


def test_a_six_read_as_sara_e_inside_a_year_is_a_six():
    """``๒๕'เ๗`` for ``๒๕๖๗`` (h01): tesseract read the ๖'s body as the vowel เ."""
    assert reread([HEIGHT_UNITS, [("ปี", "ปี", None), ("๒๕", "๒๕", None), ("๖", "+เ", None),
                                  ("๗", "+๗", None)]])[1] == "ปี ๒๕๖๗"


def test_a_real_sara_e_after_a_number_stays():
    assert reread([HEIGHT_UNITS, [("ข้อ", "ข้อ", None), ("๒", "๒", None), ("เ", "+เ", None),
                                  ("พื่อ", "+พื่อ", None)]])[1] == "ข้อ ๒เพื่อ"


def test_an_item_numbers_stop_worn_to_a_speck_is_a_stop_not_a_dash():
    """``ตา.`` for ``๓.`` (b15): the stop's ink was a 2 × 5 px speck, wider than high, and was
    read as a dash, so ``๓-`` was no item number."""
    page, binary = draw_page([HEIGHT_UNITS, [("๓", "ตา.", None), ("ขอเชิญ", "ขอเชิญ", None)]])
    at = next(i for i, w in enumerate(page.words) if w.text == "ตา.")
    left, top, width, height = page.words[at].box
    foot = top + height
    binary[foot - 3 : foot - 1, left + width + 6 : left + width + 11] = 0
    page.words[at] = replace(page.words[at], box=(left, top, width + 14, height))
    assert reread_digits(page, binary).text.splitlines()[1] == "๓. ขอเชิญ"


PLAIN = [("ขอ", "ขอ", None), ("นก", "นก", None), ("มา", "มา", None)]  # units that give the line its baseline


@pytest.mark.parametrize(("head", "expected"), [
    ("๑.", "๑. ขอ นก มา"), ("๓.๑", "๓.๑ ขอ นก มา"), ("A.", "ขอ นก มา"), ("๒๕", "ขอ นก มา")],
    ids=["item-number", "sub-item-number", "a-latin-letter-is-no-item-number", "a-number-without-stop-is-no-item-number"])
def test_an_item_number_without_a_unit_opening_a_line_is_read(head, expected):
    """b02's ``๓.๓ จัดประชุม…``, h11's ``๓. ให้อำเภอ…``: tesseract gave the number no unit."""
    assert reread([HEIGHT_UNITS, [(head, None, None), *PLAIN]])[1] == expected


@pytest.mark.parametrize(("segments", "expected"), [
    ([("ชุดที่", "ชุดที่", None), ("๓", "ศา", None), ("หมู่ที่", "หมู่ที่", None)], "ชุดที่ ๓ หมู่ที่"),
    ([("ส่ง", "ส่ง", None), ("มา", "มา", None), ("ด้วย", "ด้วย", None)], "ส่ง มา ด้วย"),
    ([("คุณ", "คุณ", None), ("ตา", "ตา", None), ("ใจดี", "ใจดี", None)], "คุณ ตา ใจดี"),
], ids=["three-read-as-consonant-and-sara-aa", "the-word-ma-stays", "the-word-ta-stays"])
def test_a_lone_unit_of_a_consonant_and_sara_aa_is_a_digit_only_when_one_glyph(segments, expected):
    """b11's ``ชุดที่ ศา หมู่ที่``: one unit, one glyph, a ๓."""
    assert reread([HEIGHT_UNITS, segments])[1] == expected


@pytest.mark.parametrize(("segments", "expected"), [
    ([("พฤษภาคม", "พฤษภาคม", None), ("๒๕", "๒๕", None), ("๖๗", "วลๆ", None)], "พฤษภาคม ๒๕๖๗"),
    ([("ปี", "ปี", None), ("๒๕", "๒๕", None), ("ตำบล", "ตำบล", None)], "ปี ๒๕ ตำบล"),
], ids=["year-cut-in-two", "a-word-after-twenty-five-stays"])
def test_a_years_last_digits_read_as_letters_after_a_space_are_read_again(segments, expected):
    """l22's ``ลงวันที่ ๒๔ พฤษภาคม ๒๕ วลๆ``: the year's ๖๗ in a unit of their own."""
    assert reread([HEIGHT_UNITS, segments])[1] == expected


@pytest.mark.parametrize(("segments", "expected"), [
    ([("(แบบ", "(แบบ", None), ("ค", "ค", None), (".๔)", "+.@)", None)], "(แบบ ค.๔)"),
    ([("เว็บ", "เว็บ", None), ("www", "www", None), (".go.th", "+.go.th", None)], "เว็บ www.go.th"),
], ids=["sign-after-a-stop-re-read", "a-web-address-stays"])
def test_a_sign_for_a_digit_after_a_stop_in_its_unit_is_read_again(segments, expected):
    """l18's ``(แบบ ค.@)`` for ``(แบบ ค.๔)``: the unit began with the stop."""
    assert reread([HEIGHT_UNITS, segments])[1] == expected
