"""A form row's header fields put on lines of their own (circulars/ocr/layout.py)."""

from __future__ import annotations

import pytest

from circulars.ocr.engine import OcrPage, Word, link_offsets
from circulars.ocr.layout import apply_edits, field_edits, opens_field, split_fields


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
    ],
    ids=["urgency-beside-title", "reference-and-date-spaces", "reference-and-date-tabs", "urgency-before-reference",
         "two-flags", "address-column-kept", "stamp-column-kept", "enclosure-count-kept", "form-labels",
         "form-label-row"],
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
