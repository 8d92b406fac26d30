"""Field confidences from OCR word confidences (circulars.confidence, circulars.ocr.align)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from circulars.confidence import (
    combine,
    field_spans,
    low_percentile,
    span_confidence,
    unit_confidences,
    value_span,
)
from circulars.config import Config
from circulars.contract import document_json, validate
from circulars.display import CHECK_MARK, document_summary
from circulars.models import Page
from circulars.ocr import NullOcrEngine, Word
from circulars.ocr.align import align, char_units, unit_stream
from circulars.ocr.engine import link_offsets
from circulars.pipeline import RawInput, extract_raw, extract_text
from circulars.sources import SourceResult
from circulars.sources.image import ImageSource

LETTER = """\
ที่ มท ๐๘๑๒/ว ๘๙๖๓                                        กรมส่งเสริมการปกครองท้องถิ่น
                                                          ถนนนครราชสีมา กทม. ๑๐๓๐๐

                                  ๑๒ มีนาคม ๒๕๖๗

เรื่อง  ขอความร่วมมือสำรวจข้อมูลแหล่งน้ำ

เรียน  ผู้ว่าราชการจังหวัดทุกจังหวัด

            ด้วยกรมส่งเสริมการปกครองท้องถิ่นขอความร่วมมือจังหวัดสำรวจข้อมูลแหล่งน้ำ
จึงขอให้จังหวัดรายงานผลให้กรมทราบ ภายในวันที่ ๓๐ เมษายน ๒๕๖๗

            จึงเรียนมาเพื่อโปรดพิจารณา

                                  ขอแสดงความนับถือ

                                  (นายสมชาย ใจดี)
                          อธิบดีกรมส่งเสริมการปกครองท้องถิ่น
"""
FIELDS = ["reference", "date", "sender", "subject", "recipients", "signatory"]


def words_of(text: str, conf=lambda token: 0.9) -> list[Word]:
    """One unit per whitespace-separated token, with ``conf(token)`` as its confidence."""
    return link_offsets(text, [Word(t, (0, 0, 1, 1), conf(t), (1, 1, 1)) for t in text.split()])


def ocr_doc(texts: list[str], conf=lambda token: 0.9, config: Config | None = None, unit_texts=None):
    """The pipeline on pages as an OCR source would give them: ``texts`` as the page texts,
    units from ``unit_texts`` (default the same texts) with ``conf`` as confidences."""
    pages = [Page(i, t, "ocr", 0.9) for i, t in enumerate(texts, 1)]
    words = {i: words_of(t, conf) for i, t in enumerate(unit_texts or texts, 1)}
    raw = RawInput(Path("scan.pdf"), hashlib.sha256("".join(texts).encode()).hexdigest(),
                   SourceResult(pages=pages, method="ocr", ocr_words=words))
    return extract_raw(raw, config or Config())


# --- alignment -------------------------------------------------------------------------

@pytest.mark.parametrize("a, b, expected", [
    ("abc", "abc", [0, 1, 2]),
    ("abcdef", "abXdef", [0, 1, 2, 3, 4, 5]),  # substitution
    ("abcdef", "abcXdef", [0, 1, 2, 2, 3, 4, 5]),  # insertion: the unit before
    ("abcdef", "abdef", [0, 1, 3, 4, 5]),  # deletion
    ("abcdefgh", "abXYefgh", [0, 1, 2, 3, 4, 5, 6, 7]),  # two substituted
    ("abc", "abcxyz", [0, 1, 2, -1, -1, -1]),  # text after the units
    ("", "ab", [-1, -1]),
    ("ab", "", []),
    ("ทําการ", "ทำการ", [0, 1, 3, 4, 5]),  # ํา composed into ำ
    ("ทีมท", "ที่มท", [0, 1, 1, 2, 3]),  # a tone mark restored
    ("๐๕๑๒/ว๕๕๒๓", "๐๘๑๒/ว๘๙๖๓", list(range(10))),  # digits re-read
])
def test_align(a, b, expected):
    assert align(a, b) == expected


@pytest.mark.parametrize("texts, stream, owner", [
    (["ก", "ข้"], "กข้", [0, 1, 1]),
    (["QR", " ", "Code"], "QRCode", [0, 0, 2, 2, 2, 2]),
    ([], "", []),
])
def test_unit_stream(texts, stream, owner):
    assert unit_stream([Word(t, (0, 0, 1, 1), 0.9, (1, 1, 1)) for t in texts]) == (stream, owner)


@pytest.mark.parametrize("units, text, expected", [
    (["ที่", "มท"], "ที่ มท", [0, 0, 0, -1, 1, 1]),
    (["ที่", "มท"], "ที่\tมท\n", [0, 0, 0, -1, 1, 1, -1]),
    (["ทํา", "งาน"], "ทำ งาน", [0, 0, -1, 1, 1, 1]),
    (["เรือง"], "เรื่อง", [0, 0, 0, 0, 0, 0]),
])
def test_char_units(units, text, expected):
    assert char_units([Word(t, (0, 0, 1, 1), 0.9, (1, 1, 1)) for t in units], text) == expected


def test_alignment_of_a_page_is_cheap():
    import time

    text = LETTER * 3
    words = words_of(text.replace("ำ", "ํา"))
    t0 = time.perf_counter()
    units = char_units(words, text)
    assert time.perf_counter() - t0 < 0.05
    assert all(u >= 0 for u, c in zip(units, text) if not c.isspace())


# --- aggregation -----------------------------------------------------------------------

@pytest.mark.parametrize("values, share, expected", [
    ([0.9, 0.2, 0.8], 0.0, 0.2),
    ([0.9, 0.2, 0.8], 0.5, 0.8),
    ([0.5], 0.25, 0.5),
    ([0.1 * k for k in range(1, 11)], 0.1, 0.2),
])
def test_low_percentile(values, share, expected):
    assert low_percentile(values, share) == pytest.approx(expected)


@pytest.mark.parametrize("extractor, ocr, expected", [(1.0, 0.9, 0.9), (0.8, 0.5, 0.4), (0.6, None, 0.6)])
def test_combine(extractor, ocr, expected):
    assert combine(extractor, ocr) == expected


@pytest.mark.parametrize("text, span, value, expected", [
    ("เรื่อง  ขอความร่วมมือ", (0, 21), "ขอความร่วมมือ", (8, 21)),
    ("เรียน  ผู้ว่าราชการจังหวัด\nทุกจังหวัด", (0, 35), "ผู้ว่าราชการจังหวัด ทุกจังหวัด", (7, 35)),
    ("เรื่อง ก ข", (0, 10), "", (0, 10)),
    ("เรื่อง ก ข", (0, 10), "ค", (7, 10)),
])
def test_value_span(text, span, value, expected):
    assert value_span(text, span, value) == expected


# --- fields of an OCR page ---------------------------------------------------------------

def test_every_header_field_gets_the_unit_confidence():
    doc = ocr_doc([LETTER])
    letter = doc.letters[0]
    for name in FIELDS:
        ev = letter.evidence[name]
        assert (ev.ocr_confidence, ev.confidence) == (0.9, 0.9), name
    assert letter.reference.confidence == 0.9
    assert [t.deadline.confidence for t in letter.tasks] == [0.9]
    assert letter.check == []


@pytest.mark.parametrize("low_token, flagged", [
    ("๐๘๑๒/ว", ["reference"]),
    ("มีนาคม", ["date"]),
    ("ขอความร่วมมือสำรวจข้อมูลแหล่งน้ำ", ["subject"]),
    ("ผู้ว่าราชการจังหวัดทุกจังหวัด", ["recipients"]),
    ("ใจดี)", ["signatory"]),
    ("เมษายน", ["tasks[0].deadline"]),
    ("ที่", []),  # the ที่ label is not the reference
    ("ถนนนครราชสีมา", []),  # a street line is not the sender
])
def test_one_low_word_flags_its_field(low_token, flagged):
    doc = ocr_doc([LETTER], conf=lambda t: 0.3 if t == low_token else 0.95)
    assert doc.letters[0].check == flagged


def test_a_low_sender_word_flags_the_sender():
    doc = ocr_doc([LETTER], conf=lambda t: 0.3 if t == "กรมส่งเสริมการปกครองท้องถิ่น" else 0.95)
    assert doc.letters[0].check == ["sender"]


@pytest.mark.parametrize("conf, threshold, flagged", [
    (0.9, 0.5, []),
    (0.45, 0.5, FIELDS + ["tasks[0].deadline"]),
    (0.45, 0.4, []),
    (0.95, 0.96, FIELDS + ["tasks[0].deadline"]),
])
def test_threshold_from_config(conf, threshold, flagged):
    doc = ocr_doc([LETTER], conf=lambda t: conf, config=Config(check_confidence=threshold))
    assert doc.letters[0].check == flagged


def test_extractor_confidence_is_combined():
    # ขย is an OCR confusion of the prefix: the reference extractor lowers its own confidence
    text = LETTER.replace("ที่ มท ๐๘๑๒", "ที่ ขย ๐๘๑๒")
    doc = ocr_doc([text], conf=lambda t: 0.9)
    ev = doc.letters[0].evidence["reference"]
    if doc.letters[0].reference.corrected_from is None:
        pytest.skip("prefix not corrected")
    assert ev.ocr_confidence == 0.9
    assert ev.confidence == round(0.9 * 0.8, 4)


def test_corrected_text_maps_to_the_units_read():
    # units as tesseract gave them (ํา decomposed, tone mark dropped); the page text corrected
    raw_units = LETTER.replace("ำ", "ํา").replace("ที่", "ที")
    doc = ocr_doc([LETTER], conf=lambda t: 0.4 if "ํา" in t else 0.95, unit_texts=[raw_units])
    assert doc.letters[0].check == ["subject"]
    assert doc.letters[0].evidence["subject"].ocr_confidence == 0.4


def test_spans_over_two_pages():
    head, tail = LETTER.split("            จึงเรียนมาเพื่อโปรดพิจารณา")
    doc = ocr_doc([head, "            จึงเรียนมาเพื่อโปรดพิจารณา" + tail],
                  conf=lambda t: 0.2 if t == "ใจดี)" else 0.9)
    assert sorted(doc.ocr_words) == [1, 2]
    assert doc.letters[0].check == ["signatory"]
    start = doc.page_starts[1]
    assert unit_confidences(doc, (start - 5, start + 5)) == [0.9, 0.9]


def test_a_text_layer_page_has_no_units():
    pages = [Page(1, LETTER, "text-layer")]
    raw = RawInput(Path("x.pdf"), "0" * 64, SourceResult(pages=pages, method="text-layer"))
    doc = extract_raw(raw, Config())
    assert doc.ocr_words == {}
    assert span_confidence(doc, (0, 10)) is None


def test_born_digital_keeps_extractor_confidences():
    doc = extract_text(LETTER)
    letter = doc.letters[0]
    assert {k: (e.confidence, e.ocr_confidence) for k, e in letter.evidence.items() if k in FIELDS} == {
        name: (1.0, None) for name in FIELDS}
    assert letter.check == []
    assert letter.tasks[0].deadline.confidence is None


def test_born_digital_low_extractor_confidence_is_flagged():
    doc = extract_text(LETTER, config=Config(check_confidence=1.01))
    assert doc.letters[0].check == FIELDS


def test_memo_sender_without_evidence_is_found():
    memo = ("บันทึกข้อความ\nส่วนราชการ  กองคลัง โทร. ๐ ๒๒๔๑ ๙๐๐๐\nที่  มท ๐๘๐๘.๒/๑๒๓\t\tวันที่  ๕ มกราคม ๒๕๖๗\n"
            "เรื่อง  ขอเบิกเงิน\nเรียน  ผู้อำนวยการกอง\n\n\tด้วยกองคลังขอเบิกเงิน\n\n\t\t(นายเอ บี)\n\t\tผู้อำนวยการกองคลัง\n")
    doc = ocr_doc([memo], conf=lambda t: 0.3 if t == "กองคลัง" else 0.9)
    letter = doc.letters[0]
    assert letter.sender == "กองคลัง"
    assert "sender" in letter.check
    assert letter.evidence["sender"].raw == "กองคลัง"
    at = doc.text.index("กองคลัง")
    assert field_spans(doc, letter)["sender"] == (at, at + 7)


# --- output ---------------------------------------------------------------------------------

def test_json_lists_the_fields_to_check():
    doc = ocr_doc([LETTER], conf=lambda t: 0.3 if t in ("มีนาคม", "เมษายน") else 0.9)
    obj = document_json(doc)
    validate(obj)
    letter = obj["letters"][0]
    assert letter["check"] == ["date", "tasks[0].deadline"]
    assert letter["evidence"]["date"]["confidence"] == 0.3
    assert letter["evidence"]["date"]["ocr_confidence"] == 0.3
    assert letter["evidence"]["subject"]["confidence"] == 0.9
    assert letter["tasks"][0]["deadline"]["confidence"] == 0.3
    assert letter["reference"]["confidence"] == 0.9


def test_json_of_born_digital_text():
    obj = document_json(extract_text(LETTER))
    validate(obj)
    letter = obj["letters"][0]
    assert letter["check"] == []
    assert "ocr_confidence" not in letter["evidence"]["date"]
    assert "confidence" not in letter["tasks"][0]["deadline"]


def test_summary_marks_the_fields_to_check():
    doc = ocr_doc([LETTER], conf=lambda t: 0.3 if t == "มีนาคม" else 0.9)
    lines = document_summary(doc).splitlines()
    assert lines[1].endswith(f"[{CHECK_MARK} 1 รายการ]")
    assert [ln for ln in lines if CHECK_MARK in ln][1:] == [
        f"    ลงวันที่: ๑๒ มี.ค. ๒๕๖๗  {CHECK_MARK} (ความเชื่อมั่น 0.30)"]


def test_summary_of_a_sure_letter_has_no_mark():
    assert CHECK_MARK not in document_summary(ocr_doc([LETTER]))


def test_null_engine_image_through_the_pipeline(tmp_path):
    from PIL import Image

    from circulars.digest import sha256_file

    png = tmp_path / "page.png"
    Image.new("L", (200, 100), 255).save(png)
    result = ImageSource(NullOcrEngine([LETTER], confidence=0.42)).read(png, Config(ocr_workers=1))
    doc = extract_raw(RawInput(png, sha256_file(png), result), Config())
    assert doc.letters[0].check == FIELDS + ["tasks[0].deadline"]
    assert {e.ocr_confidence for k, e in doc.letters[0].evidence.items() if k in FIELDS} == {0.42}


# --- a real tesseract run -------------------------------------------------------------------

FONT = Path("/usr/share/fonts/truetype/tlwg/Laksaman.ttf")


@pytest.mark.skipif(not FONT.exists(), reason="fonts-thai-tlwg not installed")
def test_tesseract_units_map_onto_the_corrected_text():
    from PIL import Image, ImageDraw, ImageFont

    from circulars.confidence import map_ocr_words
    from circulars.ocr import OcrSettings, TesseractEngine, read_page
    from circulars.pipeline import normalize_pages

    engine = TesseractEngine()
    if engine.available():
        pytest.skip(engine.available())
    lines = ["ที่ มท ๐๘๑๒/ว ๘๙๖๓", "เรื่อง ขอความร่วมมือสำรวจข้อมูลแหล่งน้ำ"]
    image = Image.new("L", (1400, 220), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 56)
    for k, line in enumerate(lines):
        draw.text((40, 30 + 90 * k), line, font=font, fill=0)
    page = read_page(image, engine, OcrSettings(psm=6))
    raw = RawInput(Path("x.png"), "0" * 64, SourceResult(pages=[Page(1, page.text, "ocr")], method="ocr",
                                                        ocr_words={1: page.words}))
    doc = map_ocr_words(raw, normalize_pages(raw))
    units = doc.ocr_words[1].char_units
    mapped = [u for u, c in zip(units, doc.text) if not c.isspace()]
    assert all(u >= 0 for u in mapped)
    assert mapped == sorted(mapped)  # in reading order
    agree = sum(c in page.words[u].text for u, c in zip(units, doc.text) if u >= 0)
    assert agree >= 0.75 * len(mapped)  # re-read digits and corrected marks differ from their units
    digits = [page.words[u].text for u, c in zip(units, doc.text) if c in "๐๑๒๓๔๕๖๗๘๙"]
    assert digits and all(t in "๐๑๒๓๔๕๖๗๘๙" for t in digits)  # a digit maps to a digit unit
    assert 0 < span_confidence(doc, (0, len(doc.text))) <= 1
