"""Abbreviations on OCR pages mended from their other copies in the same file."""

from __future__ import annotations

from pathlib import Path

import pytest

from circulars.ocr.consensus import abbreviation_pieces, mend_abbreviations, one_step

MEMO = "เรียน กวก.ศซบ.ทหาร\nผช.ผอ.กรภ.ศซบ.ทหาร\nปฏิบัติหน้าที่ หก.กธก.ศซบ.ทหาร"


@pytest.mark.parametrize(("copy", "form", "expected"), [
    ("ศชบ", "ศซบ", True),
    ("ศชซบ", "ศซบ", True),
    ("ศซูบ", "ศซบ", True),
    ("ศซบ", "ศซบ", False),
    ("ศกบ", "ศซบ", False),
    ("ศซบบ", "ศซบ", False),
    ("ศชชบ", "ศซบ", False),
    ("ศ", "ศซบ", False),
], ids=["look-alike-in-its-place", "look-alike-doubled", "stray-below-vowel", "the-form-itself",
        "unrelated-letter", "plain-letter-doubled", "two-steps", "much-shorter"])
def test_one_step(copy, form, expected):
    assert one_step(copy, form) is expected


def test_abbreviation_pieces_are_runs_beside_a_full_stop():
    text = "ผช.ผอ.กรภ.ศซบ.ทหาร ปฏิบัติหน้าที่ และ ป.๑ รอ."
    assert [m.group(0) for m in abbreviation_pieces(text)] == ["ผช", "ผอ", "กรภ", "ศซบ", "ทหาร", "รอ"]


def test_copies_on_an_ocr_page_take_the_form_written_most():
    page = "เรียน กวก.ศชซบ.ทหาร\nสังกัด ศซูบ.ทหาร\nผช.ผอ.กรภ.ศชบ.ทหาร"
    assert mend_abbreviations([MEMO, page], ocr=[False, True]) == [
        MEMO, "เรียน กวก.ศซบ.ทหาร\nสังกัด ศซบ.ทหาร\nผช.ผอ.กรภ.ศซบ.ทหาร"]


def test_two_copies_mend_a_third():
    assert mend_abbreviations(["แต่งตั้ง ลชท.รอง ให้ และ ลชท.รอง ตามข้อ", "เรื่อง แต่งตั้ง ลขชท.รอง"], ocr=[True, True]) == [
        "แต่งตั้ง ลชท.รอง ให้ และ ลชท.รอง ตามข้อ", "เรื่อง แต่งตั้ง ลชท.รอง"]


def test_text_layer_pages_are_counted_but_kept():
    page = "เรียน กวก.ศชบ.ทหาร"
    assert mend_abbreviations([page, MEMO], ocr=[False, True]) == [page, MEMO]


@pytest.mark.parametrize(("pages", "why"), [
    (["กวก.ศซบ.ทหาร", "กวก.ศชบ.ทหาร"], "written only once"),
    (["ศซบ.ทหาร ศซบ.ทหาร ศซบ.ทหาร", "ศชบ.ทหาร ศชบ.ทหาร"], "not twice as often"),
    ([MEMO, "ชาวบ้านซบหน้า ศชบ"], "not beside a full stop"),
    (["สสก.ทหาร สสก.ทหาร สสก.ทหาร", "สลก.บก.ทท."], "two units that differ by ล/ส"),
], ids=["too-few-copies", "no-clear-lead", "running-word", "lo-ling-and-so-suea-kept-apart"])
def test_no_mending_without_a_clear_majority_in_an_abbreviation(pages, why):
    assert mend_abbreviations(pages, ocr=[True] * len(pages)) == pages, why


def test_a_file_without_ocr_pages_is_left_alone():
    pages = [MEMO, "ผช.ผอ.กรภ.ศชบ.ทหาร"]
    assert mend_abbreviations(pages, ocr=[False, False]) == pages


def test_the_pipeline_mends_an_ocr_page():
    from circulars.models import Page
    from circulars.pipeline import RawInput, normalize_pages
    from circulars.sources import SourceResult

    pages = [Page(1, MEMO, "text-layer"), Page(2, "ผช.ผอ.กรภ.ศชบ.ทหาร", "ocr")]
    raw = RawInput(Path("x.pdf"), "0" * 64,
                   SourceResult(pages=pages, method="mixed", needs_ocr=[], warnings=[]))
    doc = normalize_pages(raw)
    assert doc.text.split("\f")[1] == "ผช.ผอ.กรภ.ศซบ.ทหาร" and doc.page_starts == [0, len(MEMO) + 1]
