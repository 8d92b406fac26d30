"""Short Latin words among Thai (what the English model made of Thai glyphs) re-read with
the Thai model; span replacement that keeps word offsets right."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

from circulars.ocr import NullOcrEngine, OcrPage, OcrSettings, read_page
from circulars.ocr.engine import TesseractEngine, Word, link_offsets, replace_spans
from circulars.ocr.mixed import Slot, latin_in_thai, reread_latin, row_texts, stack_crops

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")


def page_of(text: str, confidences: dict[str, float] | None = None) -> OcrPage:
    """A page whose units are the space-separated words of ``text``, one line per text line,
    boxes side by side."""
    words = []
    for n, line in enumerate(text.splitlines(), 1):
        for i, t in enumerate(line.split()):
            conf = (confidences or {}).get(t, 0.6)
            words.append(Word(t, (10 + 60 * i, 50 * n, 50, 40), conf, (1, 1, n)))
    return OcrPage(text, link_offsets(text, words))


# --- replace_spans ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("new", "text", "offsets", "units"),
    [
        ({0: (2, "ที่")}, "ที่ ขย ๐๕", [0, 4, 7], ["ที่", "ขย", "๐๕"]),
        ({3: (5, "ขย")}, "UE ขย ๐๕", [0, 3, 6], ["UE", "ขย", "๐๕"]),
        ({0: (2, "ที่"), 6: (8, "๐๘")}, "ที่ ขย ๐๘", [0, 4, 7], ["ที่", "ขย", "๐๘"]),
        ({2: (3, "")}, "UEขย ๐๕", [0, 2, 5], ["UE", "ขย", "๐๕"]),
    ],
    ids=["longer-first", "same-length-middle", "two-spans", "space-removed"],
)
def test_replace_spans_moves_offsets(new, text, offsets, units):
    page = replace_spans(page_of("UE ขย ๐๕"), new)
    assert (page.text, [w.offset for w in page.words], [w.text for w in page.words]) == (text, offsets, units)
    assert all(page.text[w.offset : w.offset + len(w.text)] == w.text for w in page.words)


def test_units_inside_a_replaced_span_move_to_its_start():
    page = replace_spans(page_of("a ๐๕ ๑๘ b"), {2: (7, "๐๕๑๘")})
    assert (page.text, [w.offset for w in page.words]) == ("a ๐๕๑๘ b", [0, 2, 2, 7])


# --- which words are suspects ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "confidences", "suspects"),
    [
        ("UE ๐๕๑๘/ว ๒๓๑๗", {}, ["UE"]),
        ("ที่ NUL ๐๐๑๘/ว", {}, ["NUL"]),
        ("ส่งทาง OSS และ", {"OSS": 0.93}, []),
        ("QR Code", {}, []),
        ("ติดต่อ saraban@moi.go.th", {}, []),
        ("เลขที่ Fun\nABC", {}, ["Fun"]),
        ("ที่ 2301", {}, []),
        ("วันที่ ๓ WA ๖๗", {"WA": 0.95}, ["WA"]),
        ("วันที่ ๓ W.A. oo", {"W.A.": 0.95, "oo": 0.37}, ["W.A.", "oo"]),
        ("จำนวน ๓ OSS ครั้ง", {"OSS": 0.95}, []),
        ("เลขที่ ๓ QR ๕", {"QR": 0.95}, ["QR"]),
        ("JUN ๒๔ มิ.ย. ๖๗", {"JUN": 0.95}, ["JUN"]),
        ("เวลา ๑๔.๓๐ U.", {"U.": 0.95}, ["U."]),
        ("ส่งทาง OSS แล้ว", {"OSS": 0.95}, []),
        ("JUN low ม.ย.", {"JUN": 0.77, "low": 0.68}, ["JUN", "low"]),
        ("Line ID niroj", {"Line": 0.7, "ID": 0.7}, []),
        ("JUN on ม.ค. ๒๕๖๘", {"JUN": 0.875, "on": 0.72}, ["JUN", "on"]),
        ("ตาม QR Code ที่แนบ", {"QR": 0.95, "Code": 0.95}, []),
        ("(os มีนาคม", {"(os": 0.5}, ["(os"]),
        ("ที่ Nw 1003/2 2418", {"Nw": 0.93}, ["Nw"]),
        ("ที่ Nw 0023.4/ว 11", {"Nw": 0.93}, ["Nw"]),
        ("มาตรฐาน ISO 9001 ของ", {"ISO": 0.95}, []),
        ("วันที่ ๑๔ f).W. ๖๘", {"f).W.": 0.9, "๖๘": 0.4}, ["f).W."]),
    ],
    ids=["before-digits", "between-thai", "sure-english-kept", "no-thai-neighbour", "e-mail", "line-bound",
         "latin-digits", "sure-month-between-digits", "year-not-digits-yet", "sure-after-day-only", "any-between",
         "label-before-day", "unit-after-time", "sure-english-among-thai-words", "chain-of-latin-to-thai",
         "latin-line-kept", "sure-beside-a-suspect", "sure-english-phrase-kept",
         "bracket-before", "code-before-arabic-office", "code-before-dotted-office", "sure-standard-number-kept",
         "bracket-in-month"],
)
def test_latin_in_thai(text, confidences, suspects):
    page = page_of(text, confidences)
    assert [w.text for w in latin_in_thai(page.words)] == suspects


def test_crops_are_stacked_with_white_gaps_and_rows_found():
    binary = np.full((200, 400), 255, np.uint8)
    binary[50:90, 10:60] = 0
    binary[100:140, 200:260] = 0
    words = [Word("UE", (10, 50, 50, 40), 0.5, (1, 1, 1), 0), Word("AS", (200, 100, 60, 40), 0.5, (1, 1, 2), 3)]
    image, slots = stack_crops(binary, words, 40)
    assert [s.row for s in slots] == [(60, 126), (186, 252)]  # 40 + 2×13 high, gaps of 60
    assert image.shape == (312, 206) and (image[:60] == 255).all() and (image[126:186] == 255).all()
    assert (image[73:113, 70:120] == 0).all()  # the crop starts at the page edge (x 0)
    reread = OcrPage("ขย\nศธ\n", link_offsets("ขย\nศธ\n", [Word("ขย", (70, 70, 50, 40), 0.8, (1, 1, 1)),
                                                           Word("ศธ", (70, 200, 60, 40), 0.8, (1, 1, 2))]))
    assert row_texts(reread, slots) == ["ขย", "ศธ"]
    assert row_texts(reread, [Slot(words[0], (0, 10))]) == [""]


class ThaiReader(NullOcrEngine):
    """Reads the stacked crops as ``rows`` (one Thai word per slot); records its languages."""

    def __init__(self, rows):
        super().__init__()
        self.rows, self.languages = rows, []

    def recognize(self, image, *, languages, psm):
        self.languages.append(languages)
        words, text = [], ""
        for i, t in enumerate(self.rows):
            words.append(Word(t, (70, 70 + 126 * i, 50, 40), 0.8, (1, 1, i + 1)))
            text += t + "\n"
        return OcrPage(text, link_offsets(text, words))


def test_reread_replaces_only_with_thai_readings():
    page = page_of("UE ๐๕๑๘/ว\nที่ AS ๐๔๑๔๐")
    engine = ThaiReader(["ขย", "A5"])
    out = reread_latin(page, np.full((300, 400), 255, np.uint8), engine)
    assert out.text == "ขย ๐๕๑๘/ว\nที่ AS ๐๔๑๔๐" and engine.languages == ["tha"]
    assert [w.text for w in out.words] == ["ขย", "๐๕๑๘/ว", "ที่", "AS", "๐๔๑๔๐"]


def test_page_without_suspects_costs_no_tesseract_run():
    engine = ThaiReader([])
    page = page_of("ที่ มท ๐๘๑๒/ว ๘๙๖๓")
    assert reread_latin(page, np.full((100, 100), 255, np.uint8), engine) is page and engine.languages == []


# --- real tesseract on a generated scan --------------------------------------------------------

REFERENCES = "ที่ ขย ๐๕๑๘/ว ๒๓๑๗\nที่ นม ๐๐๑๘/ว ๗๗๑\nที่ ศธ ๐๔๑๔๐/ว ๑๒๓\nที่ สพ ๐๐๒๓.๓/ว ๔๕๖\n" \
             "ที่ ชย ๐๐๑๗.๒/๑๗๕๒\nด่วนที่สุด\nวันที่ ๑๕ มกราคม ๒๕๖๘\n" \
             "ส่งทาง OSS และ QR Code ที่ e-mail saraban@moi.go.th\n"


@needs_tesseract
def test_thai_codes_read_as_latin_are_read_again():
    scangen = pytest.importorskip("corpus.scangen")
    if not scangen.FONT.exists():
        pytest.skip("fonts-thai-tlwg is not installed")
    style = scangen.ScanStyle.random(3)  # 200 dpi: tha+eng reads ที่ ขย as HUW, ที่ ศธ as WAS
    image = scangen.degrade(scangen.layout(REFERENCES, style)[0].image, style)
    engine = TesseractEngine()
    plain = read_page(image, engine, OcrSettings(latin=False)).text
    mixed = read_page(image, engine, OcrSettings(latin=True)).text
    assert "ขย ๐๕๑๘/ว ๒๓๑๗" not in plain and "ศธ ๐๔๑๔๐/ว ๑๒๓" not in plain
    assert "ขย ๐๕๑๘/ว ๒๓๑๗" in mixed and "ศธ ๐๔๑๔๐/ว ๑๒๓" in mixed
    assert "OSS" in mixed and "Code" in mixed and "e-mail" in mixed  # English words stay
