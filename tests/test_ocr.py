"""OCR: engines, preprocessing, Thai-digit classifier, parallel runner, image and scanned
PDF sources. Tests marked ``tesseract`` run the real program on pages generated here."""

from __future__ import annotations

import random
import shutil
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from circulars.config import Config
from circulars.errors import CorruptFileError, EngineUnavailableError
from circulars.ocr import NullOcrEngine, OcrPage, OcrSettings, Prep, read_page, run_pages
from circulars.ocr.digits import THAI_DIGITS, default_model
from circulars.ocr.engine import Word, link_offsets, parse_tsv
from circulars.ocr.metrics import cer, edit_distance
from circulars.ocr.preprocess import remove_rules
from circulars.ocr.runner import HELD_RESULTS
from circulars.sources import ImageSource, PdfSource, read_source

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
CONFIG = Config()
NO_PREP = OcrSettings(prep=Prep(binarize=False, remove_lines=False, deskew_above=None))


def blank(w: int = 400, h: int = 300) -> Image.Image:
    return Image.new("L", (w, h), 255)


# --- plumbing with the null engine ---------------------------------------------------------


def test_null_engine_page_has_words_and_confidence():
    page = read_page(blank(), NullOcrEngine(["ที่ มท ๐๘๑๒"], confidence=0.8), NO_PREP)
    assert (page.text, page.confidence, [w.offset for w in page.words]) == ("ที่ มท ๐๘๑๒", 0.8, [0, 4, 7])


def test_blank_page_gives_warning_not_crash():
    page = read_page(blank(), NullOcrEngine([""]))
    assert (page.text, page.confidence, page.warnings) == ("", None, ["OCR found no text (blank page?)"])


class SlowEngine(NullOcrEngine):
    """Returns the page's own number (drawn as the image width) after a random delay."""

    def __init__(self):
        super().__init__()
        self.lock = threading.Lock()
        self.active = self.peak = self.read = 0

    def recognize(self, image, *, languages, psm):
        with self.lock:
            self.active += 1
            self.peak = max(self.peak, self.active)
        time.sleep(random.uniform(0, 0.02))
        with self.lock:
            self.active -= 1
            self.read += 1
        return OcrPage(str(image.width))


def test_runner_keeps_page_order_and_bounds_work_in_flight():
    produced = []
    engine = SlowEngine()

    def images():
        for n in range(100, 140):
            assert len(produced) - engine.read <= 6  # at most 2 × workers images queued or being read
            produced.append(n)
            yield blank(n, 20)

    out = []
    for page in run_pages(images(), engine, NO_PREP, workers=3):
        out.append(int(page.text))
        assert len(produced) - len(out) <= HELD_RESULTS * 3
    assert out == list(range(100, 140)) and engine.peak <= 3


class SlowHeadEngine(NullOcrEngine):
    """The first page (width 100) is read only once six later pages have been read."""

    def __init__(self):
        super().__init__()
        self.lock, self.read, self.others = threading.Lock(), 0, threading.Event()
        self.waited_for_others = None

    def recognize(self, image, *, languages, psm):
        if image.width == 100:
            self.waited_for_others = self.others.wait(timeout=5)
        else:
            with self.lock:
                self.read += 1
                if self.read >= 6:
                    self.others.set()
        return OcrPage(str(image.width))


def test_a_slow_page_does_not_idle_the_other_workers():
    engine = SlowHeadEngine()
    out = [int(p.text) for p in run_pages((blank(n, 20) for n in range(100, 112)), engine, NO_PREP, workers=2)]
    assert out == list(range(100, 112)) and engine.waited_for_others is True


def test_image_source_with_null_engine_reads_every_tiff_frame(tmp_path):
    path = tmp_path / "scan.tif"
    blank().save(path, save_all=True, append_images=[blank(), blank()])
    engine = NullOcrEngine(["หน้า ๑", "หน้า ๒", "หน้า ๓"])  # answers in call order: one worker
    result = read_source(path, CONFIG.with_(ocr_workers=1), sources=[ImageSource(engine)])
    assert ([p.text for p in result.pages], result.method) == (["หน้า ๑", "หน้า ๒", "หน้า ๓"], "ocr")
    assert [p.method for p in result.pages] == ["ocr"] * 3 and sorted(result.ocr_words) == [1, 2, 3]


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n" + bytes(64), b"\xff\xd8\xff\xe0" + b"junk" * 50])
def test_corrupt_image_names_the_file(tmp_path, data):
    path = tmp_path / "broken.png"
    path.write_bytes(data)
    with pytest.raises(CorruptFileError, match="cannot be read as an image") as err:
        read_source(path, CONFIG, sources=[ImageSource(NullOcrEngine())])
    assert err.value.path == str(path)


def test_ocr_switched_off_for_images(tmp_path):
    path = tmp_path / "a.png"
    blank().save(path)
    with pytest.raises(EngineUnavailableError, match="switched off"):
        read_source(path, Config(ocr_engine="none"))


def test_tsv_parsing_and_offsets():
    tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" \
          "4\t1\t1\t1\t1\t0\t0\t0\t9\t9\t-1\t\n5\t1\t1\t1\t1\t1\t10\t20\t30\t40\t91.5\tที่\n" \
          "5\t1\t1\t1\t1\t2\t50\t20\t30\t40\t-1\t \n5\t1\t1\t1\t1\t3\t90\t20\t30\t40\t50\t๑\n"
    words = link_offsets("ที่ ๑\n", parse_tsv(tsv))
    assert words == [Word("ที่", (10, 20, 30, 40), 0.915, (1, 1, 1), 0), Word("๑", (90, 20, 30, 40), 0.5, (1, 1, 1), 4)]


def test_offsets_found_across_wide_column_gaps_and_after_a_missing_word():
    text = "ad" + " " * 60 + "wa\nที่ กห" + " " * 80 + "วันที่ ๓\n"
    words = [Word(t, (0, 0, 1, 1), 0.9, (1, 1, 1)) for t in ["ad", "XX", "wa", "ที่", "กห", "วันที่", "๓"]]
    offsets = [w.offset for w in link_offsets(text, words)]
    assert offsets == [0, -1, 62, 65, 69, 151, 158]
    assert all(text[o : o + len(w.text)] == w.text for o, w in zip(offsets, words, strict=True) if o >= 0)


def test_digit_accuracy_aligns_digit_sequences():
    from circulars.ocr.metrics import digit_pairs

    assert digit_pairs("มท ๐๕๑๒/ว ๕๕๒๓", "มท ๐๘๑๒/ว ๘๙๖๓") == (4, 8)
    assert digit_pairs("ปี ๒๗๖ และ", "ปี ๒๕๖๖ และ") == (2, 4)  # one digit lost costs one, not the run
    assert digit_pairs("ที่ lo และ ๑๒", "ที่ ๒ และ ๑๒") == (2, 3)  # a digit read as letters is wrong
    assert digit_pairs("ก ๑\fข ๒", "ก ๑\fข ๓") == (1, 2)  # page by page


def test_touching_digits_are_cut_apart():
    glyphs = pytest.importorskip("circulars.ocr.glyphs")
    if not glyphs.available_fonts():
        pytest.skip("fonts-thai-tlwg is not installed")
    from circulars.ocr.digits import default_model, glyph_groups, read_run

    font = glyphs.FONT_DIR / "Laksaman.ttf"
    rng = np.random.default_rng(7)
    right = 0
    for _ in range(20):
        ink, _ = glyphs.render_string("๒๕๖๖", font, rng)
        right += "".join(c or "?" for c in read_run([g for _, g in glyph_groups(ink)], default_model())) == "๒๕๖๖"
    assert right >= 18


def test_edit_distance_and_cer():
    assert (edit_distance("kitten", "sitting"), edit_distance("", "abc"), edit_distance("ab", "ba")) == (3, 3, 2)
    assert cer("ที่ มท\n๐๘๑๒", "ที่มท ๐๘๑๒") == 0.0


def test_dotted_and_solid_rules_removed_text_kept():
    img = blank(1200, 200)
    d = ImageDraw.Draw(img)
    for x in range(300, 1150, 13):
        d.ellipse((x - 2, 100 - 2, x + 2, 100 + 2), fill=0)  # dotted leader
    d.rectangle((50, 160, 1150, 162), fill=0)  # solid rule
    d.rectangle((60, 40, 120, 95), fill=0)  # a "glyph"
    out = remove_rules(np.asarray(img))
    assert (out[98:103, 300:1150] == 255).all() and (out[160:163, 60:1140] == 255).all()
    assert (out[40:96, 60:121] == 0).all()


def test_a_full_stop_typed_on_a_dotted_rule_is_kept():
    img = blank(1200, 200)
    d = ImageDraw.Draw(img)
    for x in range(300, 1150, 12):
        d.rectangle((x - 3, 100, x + 2, 102), fill=0)  # flat leader dots, 3 px high
    d.rectangle((597, 94, 602, 102), fill=0)  # a full stop on the rule, merged with the dot under it
    out = remove_rules(np.asarray(img))
    assert (out[94:99, 597:603] == 0).all()  # the stop stays
    assert (out[99:103, 300:1150] == 255).all()  # the rule's band goes, under the stop too


# --- Thai-digit classifier -----------------------------------------------------------------


def test_digit_model_ships_and_reads_rendered_digits():
    glyphs = pytest.importorskip("circulars.ocr.glyphs")
    if not glyphs.available_fonts():
        pytest.skip("fonts-thai-tlwg is not installed")
    model = default_model()
    assert model is not None, "circulars/data/thai_digits.npz is missing: run scripts/train_digits.py"
    x, y = glyphs.digit_dataset(per_font=8, seed=99)
    got = model.proba(x).argmax(1)
    digits = y < 10
    assert digits.sum() > 200 and (~digits).sum() > 50
    assert float((got[digits] == y[digits]).mean()) >= 0.97  # the ten digits
    assert float((got[~digits] == y[~digits]).mean()) >= 0.9  # letters, touching pairs, halves: not a digit


# --- real tesseract on generated scans -----------------------------------------------------

LETTER = "ที่ มท ๐๘๑๒/ว ๘๙๖๓\nเรื่อง ขอความร่วมมือสำรวจข้อมูล\nเรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\n" \
         "ด้วยกระทรวงมหาดไทยขอให้จังหวัดรายงานผล ภายในวันที่ ๒๗ กันยายน ๒๕๖๗"


@pytest.fixture(scope="module")
def scan_pdf(tmp_path_factory):
    scangen = pytest.importorskip("corpus.scangen")
    if not scangen.FONT.exists():
        pytest.skip("fonts-thai-tlwg is not installed")
    path = tmp_path_factory.mktemp("scan") / "letter.pdf"
    truth = scangen.render_letter_pdf(LETTER, path, scangen.ScanStyle(dpi=300, skew=0.8, seed=5))
    return path, truth


@needs_tesseract
def test_scanned_pdf_is_ocred(scan_pdf):
    path, truth = scan_pdf
    result = read_source(path, CONFIG)
    page = result.pages[0]
    assert (result.method, result.needs_ocr, page.method) == ("ocr", [], "ocr")
    assert cer(page.text, truth) < 0.1 and 0.5 < page.confidence <= 1
    assert "มท ๐๘๑๒/ว ๘๙๖๓" in page.text  # ๘ ๙ ๖: not in tesseract's tha model, re-read by the classifier
    assert any(w.confidence > 0 and w.box[2] > 0 for w in result.ocr_words[1])


@needs_tesseract
def test_mixed_pdf_ocrs_only_the_scanned_page(scan_pdf, make_pdf, tmp_path):
    import pypdfium2 as pdfium

    text_pdf = make_pdf(["ด่วนที่สุด\nที่ มท ๐๘๑๒/ว ๘๙๖๓\nสิ่งที่ส่งมาด้วย สำเนาหนังสือ จำนวน ๑ ชุด"])
    doc = pdfium.PdfDocument.new()
    for src in (text_pdf, scan_pdf[0]):
        doc.import_pages(pdfium.PdfDocument(str(src)))
    mixed = tmp_path / "mixed.pdf"
    doc.save(str(mixed))
    result = read_source(mixed, CONFIG)
    assert (result.method, [p.method for p in result.pages], result.needs_ocr) == (
        "mixed", ["text-layer", "ocr"], [])
    assert result.pages[0].text.startswith("ด่วนที่สุด") and "OCRed" in result.warnings[0]


@needs_tesseract
def test_blank_scan_is_empty_with_warning(tmp_path):
    path = tmp_path / "blank.png"
    blank(1240, 1754).save(path)
    result = read_source(path, CONFIG)
    assert [p.text.strip() for p in result.pages] == [""]
    assert any("no text" in w for w in result.warnings)


@needs_tesseract
def test_pipeline_reads_a_scan(scan_pdf):
    from circulars.pipeline import extract_file

    doc = extract_file(scan_pdf[0], CONFIG)
    assert doc.method == "ocr" and ("๘๙๖๓" in doc.text or "8963" in doc.text)


@needs_tesseract
@pytest.mark.parametrize("source", ["scan", "text"])
def test_read_text_is_the_documents_text_without_the_letter_stages(scan_pdf, source, tmp_path, capsys):
    from circulars.cli import main
    from circulars.pipeline import extract_file
    from circulars.reading import read_text

    path = scan_pdf[0] if source == "scan" else tmp_path / "letter.txt"
    if source == "text":
        path.write_text(LETTER.replace("ำ", "ํา"), encoding="utf-8")  # normalised on the way
    text = read_text(path, CONFIG)
    assert text == extract_file(path, CONFIG).text and text.strip() and "ํา" not in text
    assert main(["text", str(path)]) == 0
    assert capsys.readouterr().out == text.rstrip("\n") + "\n"


def test_classifier_covers_all_ten_digits():
    model = default_model()
    assert model is not None and model.w2.shape[1] == len(THAI_DIGITS) + 1 == 11  # and "not a digit"


def test_pdf_source_uses_injected_engine(scan_pdf):
    result = PdfSource(NullOcrEngine(["ข้อความ"])).read(scan_pdf[0], CONFIG)
    assert ([p.text for p in result.pages], result.method) == (["ข้อความ"], "ocr")


# --- a scan carrying an earlier OCR's invisible text layer ----------------------------------


@pytest.fixture
def layered_scan(tmp_path):
    """``make(invisible)``: a one-page PDF, a page image with a text line over it, the text
    drawn invisible (what OCR tools write) or visible."""
    fpdf = pytest.importorskip("fpdf")
    from fpdf.enums import TextMode

    font = Path("/usr/share/fonts/truetype/tlwg/Laksaman.ttf")
    if not font.exists():
        pytest.skip("fonts-thai-tlwg is not installed")
    art = tmp_path / "scan.png"
    image = blank(827, 1170)
    ImageDraw.Draw(image).rectangle((100, 100, 700, 140), fill=0)
    image.save(art)

    def make(invisible: bool) -> Path:
        pdf = fpdf.FPDF(unit="pt", format="A4")
        pdf.add_page()
        pdf.image(str(art), x=0, y=0, w=pdf.w, h=pdf.h)
        pdf.add_font("Laksaman", fname=str(font))
        pdf.set_font("Laksaman", size=16)
        pdf.text_mode = TextMode.INVISIBLE if invisible else TextMode.FILL
        pdf.text(50, 100, "ที่ มท ๐๕๑๒/ว ๕๕๒๓ เรื่อง ขอความร่วมมือในการสำรวจข้อมูล")
        path = tmp_path / f"layered-{invisible}.pdf"
        pdf.output(str(path))
        return path

    return make


def test_an_earlier_ocr_layer_is_found_by_its_invisible_text(layered_scan):
    from circulars.sources.pdf import read_layers

    def earlier(path):
        return [flag for _text, flag in read_layers(path, find_earlier_ocr=True)]

    assert (earlier(layered_scan(True)), earlier(layered_scan(False))) == ([True], [False])


def test_an_earlier_ocr_layer_is_read_again(layered_scan):
    result = PdfSource(NullOcrEngine(["ที่ มท ๐๘๑๒/ว ๘๙๖๓"])).read(layered_scan(True), CONFIG)
    assert ([p.text for p in result.pages], [p.method for p in result.pages]) == (["ที่ มท ๐๘๑๒/ว ๘๙๖๓"], ["ocr"])
    assert result.warnings == ["page 1: text layer is an earlier OCR's (invisible text over a scan); OCRed"]


@pytest.mark.parametrize("config, visible", [
    (CONFIG.with_(reocr_invisible_layers=False), False),
    (CONFIG.with_(ocr_engine="none"), False),
    (CONFIG, True),
], ids=["switched-off", "no-ocr-engine", "visible-text"])
def test_the_text_layer_is_kept_otherwise(layered_scan, config, visible):
    source = PdfSource(None if config.ocr_engine == "none" else NullOcrEngine(["OCR"]))
    result = source.read(layered_scan(not visible), config)
    assert [p.method for p in result.pages] == ["text-layer"] and "๐๕๑๒" in result.pages[0].text
