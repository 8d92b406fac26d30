"""A form row's header fields put on lines of their own (circulars/ocr/layout.py)."""

from __future__ import annotations

import pytest

from circulars.ocr.engine import OcrPage, Word, link_offsets
from circulars.ocr.layout import (
    apply_edits,
    column_fields,
    drop_junk_lines,
    field_edits,
    opens_field,
    reading_order,
    split_fields,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ด่วนมาก    บันทึกข้อความ", "ด่วนมาก\nบันทึกข้อความ"),
        ("ที่ กห ๐๓๐๑.๑๐.๑/๒๖๐        วันที่      ๓       พ.ค. ๖๗", "ที่ กห ๐๓๐๑.๑๐.๑/๒๖๐\nวันที่ ๓ พ.ค. ๖๗"),
        ("ที่ กห ๐๓๐๑.๑๐.๑/๒๖๐\tวันที่\t๓\tพ.ค. ๖๗", "ที่ กห ๐๓๐๑.๑๐.๑/๒๖๐\nวันที่ ๓ พ.ค. ๖๗"),
        ("ด่วนมาก\tที่ กห ๐๓๐๒/๒๔๖๓", "ด่วนมาก\nที่ กห ๐๓๐๒/๒๔๖๓"),
        ("ลับ ด่วนที่สุด    ที่ มท ๐๘๑๒/ว ๘๙๖๓", "ลับ ด่วนที่สุด\nที่ มท ๐๘๑๒/ว ๘๙๖๓"),
        ("ที่ มท ๐๘๑๒/ว ๘๙๖๓\t\tศาลากลางจังหวัด", "ที่ มท ๐๘๑๒/ว ๘๙๖๓\t\tศาลากลางจังหวัด"),
        ("เลขรับ ๓๒๔\tที่ประชุม", "เลขรับ ๓๒๔\tที่ประชุม"),
        ("๒. ประวัติย่อ     จำนวน ๒ ชุด", "๒. ประวัติย่อ     จำนวน ๒ ชุด"),
        ("ผู้รับทราบ    ถึง ผู้รับปฏิบัติ    สน.บก.", "ผู้รับทราบ\nถึง ผู้รับปฏิบัติ สน.บก."),
        ("ลำดับความเร่งด่วน\tชั้นความลับ", "ลำดับความเร่งด่วน\nชั้นความลับ"),
        ("เวลา ๑๑.๒๐ น.          ๒๒ เมษายน ๒๕๖๘", "เวลา ๑๑.๒๐ น.\n๒๒ เมษายน ๒๕๖๘"),
        ("ตั้งแต่วันที่    ๒๒ เมษายน ๒๕๖๘ ถึง ๓๐ เมษายน", "ตั้งแต่วันที่    ๒๒ เมษายน ๒๕๖๘ ถึง ๓๐ เมษายน"),
        ("ภายใน   ๒๒ เมษายน ๒๕๖๘ นี้", "ภายใน   ๒๒ เมษายน ๒๕๖๘ นี้"),
    ],
    ids=["urgency-beside-title", "reference-and-date-spaces", "reference-and-date-tabs", "urgency-before-reference",
         "two-flags", "address-column-kept", "stamp-column-kept", "enclosure-count-kept", "form-labels",
         "form-label-row", "date-right-of-a-stamp", "date-range-kept", "date-inside-a-sentence-kept"],
)
def test_fields_are_cut_onto_lines(text, expected):
    assert apply_edits(text, field_edits(text)) == expected


@pytest.mark.parametrize(
    ("cell", "opens"),
    [("วันที่ ๓", True), ("เรื่อง ขอ", True), (". วันที่", True), ("ที่ กห ๐๓", True), ("ที่ประชุม", False),
     ("ที่ ๕ ของ", False), ("วันทีม", False), ("จำนวน ๖ ชุด", False)],
    ids=["date", "subject", "leader-before-label", "reference", "word-starting-thi", "thi-before-digit",
         "longer-word", "count"],
)
def test_opens_field(cell, opens):
    assert opens_field(cell) is opens


def test_word_offsets_follow_the_cuts():
    text = "ที่ กห ๐๓๐๒/๖๔        วันที่      ๓\n"
    words = [Word(t, (0, 0, 1, 1), 0.9, (1, 1, 1)) for t in ["ที่", "กห", "๐๓๐๒/๖๔", "วันที่", "๓"]]
    page = split_fields(OcrPage(text, link_offsets(text, words)))
    assert page.text == "ที่ กห ๐๓๐๒/๖๔\nวันที่ ๓\n"
    assert [page.text[w.offset : w.offset + len(w.text)] for w in page.words] == ["ที่", "กห", "๐๓๐๒/๖๔", "วันที่", "๓"]


def laid_out(rows: list[tuple[int, int, str, float, int]]) -> OcrPage:
    """A page from (block, top, line text, confidence, unit height) rows, one text line
    each, units the space-separated words; a blank line after each block."""
    text, words, last = "", [], None
    for n, (block, top, line, conf, height) in enumerate(rows):
        if last is not None and block != last:
            text += "\n"
        for i, t in enumerate(line.split()):
            words.append(Word(t, (10 + 40 * i, top, 30, height), conf, (block, 1, n)))
        text += line + "\n"
        last = block
    return OcrPage(text, link_offsets(text, words))


def test_blocks_are_put_in_top_to_bottom_order_with_their_offsets():
    page = laid_out([(1, 100, "เรื่อง ขอ", 0.9, 30), (2, 900, "( พรเทพ ไวยบุรี )", 0.9, 30),
                     (3, 700, "จึงเสนอมาเพื่อ พิจารณา", 0.9, 30), (4, 1000, "ผอ.กกล.", 0.9, 30)])
    out = reading_order(page)
    assert out.text == "เรื่อง ขอ\n\nจึงเสนอมาเพื่อ พิจารณา\n\n( พรเทพ ไวยบุรี )\n\nผอ.กกล.\n"
    assert all(out.text[w.offset : w.offset + len(w.text)] == w.text for w in out.words)


def test_blocks_already_in_order_are_left_alone():
    page = laid_out([(1, 100, "เรื่อง ขอ", 0.9, 30), (2, 200, "เรียน ผอ.", 0.9, 30)])
    assert reading_order(page) is page


@pytest.mark.parametrize(
    ("line", "conf", "height", "dropped"),
    [
        ("ad wa", 0.7, 36, True),
        ("บ vow ซ่ ๐ a ง", 0.74, 12, True),
        ("a ade 7) a a at บ", 0.55, 22, True),
        ("wo NA", 0.44, 127, True),
        ("น . อ . TU.", 0.7, 30, False),
        ("QR Code", 0.9, 30, False),
        ("( พ ร เท พ ไว ย บ ุ รี )", 0.9, 29, False),
        ("ที่ ก ห ๐ ๓ ๐ ๑ . ๑ ๐ / ๒ ๖ ๐", 0.88, 27, False),
        ("๓.", 0.83, 16, False),
        ("(๒)", 0.8, 16, False),
        ("๓.๑", 0.8, 16, False),
        ("๓.", 0.83, 8, True),
        ("๓ ๕", 0.83, 16, True),
        ("en.", 0.7, 16, False),
        ("en.", 0.7, 8, True),
        ("6).", 0.94, 16, False),
        ("6).", 0.94, 8, True),
    ],
    ids=["marks-read-latin", "marks-low", "latin-unsure", "scribble", "rank-kept", "english-kept", "name-kept",
         "reference-kept", "item-number-alone-kept", "bracketed-item-number-kept", "sub-item-number-kept",
         "item-number-as-low-as-a-speck-dropped", "low-digits-without-a-stop-dropped",
         "item-number-read-latin-kept-for-the-digit-reader", "latin-stop-as-low-as-a-speck-dropped",
         "one-read-as-six-bracket-stop-kept", "six-bracket-stop-as-low-as-a-speck-dropped"],
)
def test_junk_lines(line, conf, height, dropped):
    body = "ก ข ค ง จ ฉ ช ซ ฌ ญ ฎ ฏ"
    page = laid_out([(1, 100, body, 0.9, 30), (2, 200, line, conf, height), (3, 300, body, 0.9, 30)])
    out = drop_junk_lines(page)
    assert (line not in out.text) is dropped
    assert out.text.count(body) == 2
    assert all(out.text[w.offset : w.offset + len(w.text)] == w.text for w in out.words)


def table_page(rows: list[list[tuple[int, str]]]) -> OcrPage:
    """A page of text lines made of cells at x positions (cells apart by a tab), each cell
    one unit."""
    text, words = "", []
    for n, row in enumerate(rows):
        for k, (x, cell) in enumerate(row):
            if k:
                text += "\t"
            words.append(Word(cell, (x, 100 * n, 200, 30), 0.9, (1, 1, n), len(text)))
            text += cell
        text += "\n"
    return OcrPage(text, words)


def test_a_signature_table_becomes_one_line_a_column():
    page = table_page([
        [(100, "หน่วย"), (900, "ผู้เขียนข่าว"), (1600, "นายทหารอนุมัติข่าว")],
        [(100, "กพพ.กพ.ทหาร"), (900, "น.อ."), (1600, "พล.ต.")],
        [],
        [(950, "(ณัฐพงศ์ วิทยาธีรรัตน์)"), (1650, "(สัมพันธ์ รงศ์จำเริญ)")],
        [(80, "โทร.ทหาร ๕๗๒๑๑๓๗"), (920, "ผอ.กพพ.กพ.ทหาร"), (1580, "รอง จก.กพ.ทหาร ทำการแทน")],
        [(1620, "จก.กพ.ทหาร")],
    ])
    out = column_fields(page)
    assert out.text.splitlines() == [
        "หน่วย กพพ.กพ.ทหาร โทร.ทหาร ๕๗๒๑๑๓๗",
        "ผู้เขียนข่าว น.อ. (ณัฐพงศ์ วิทยาธีรรัตน์) ผอ.กพพ.กพ.ทหาร",
        "นายทหารอนุมัติข่าว พล.ต. (สัมพันธ์ รงศ์จำเริญ) รอง จก.กพ.ทหาร ทำการแทน จก.กพ.ทหาร",
    ]
    assert sorted(out.text[w.offset : w.offset + len(w.text)] for w in out.words) == sorted(w.text for w in page.words)


def test_a_row_of_other_words_is_not_a_signature_table():
    page = table_page([[(100, "๒. ประวัติย่อ"), (1600, "จำนวน ๒ ชุด")], [(100, "๓. สำเนา"), (1600, "จำนวน ๑ ชุด")]])
    assert column_fields(page) is page
