"""PDF text layers, read page by page with pypdfium2.

The extractor was chosen by measurement (bench/pdf_text_extractors.py, 2025-11-23: 15 Thai
letter lines × 5 tlwg fonts per row, PDFs written by fpdf2 2.8.9; pypdfium2 5.15.2 vs
pdfplumber 0.11.10; exact-match rate / character error rate):

    pdf written                     pypdfium2       this module     pdfplumber
    plain (clean ToUnicode map)     100% / 0.00%    100% / 0.00%    100% / 0.00%
    shaped (fpdf2's damaged map)    50.7% / 9.22%   64.0% / 6.48%   41.3% / 35.34%
    Windows Thai PUA forms          26.7% / 4.34%   100% / 0.00%    26.7% / 4.34%

On a damaged map pdfplumber also moves tone marks past the next consonant (ที่สุด →
ทีส่ ุด) and prints "(cid:25)" for unmapped glyphs, so pypdfium2 is used.

Each page's text layer is judged: fewer than ``config.text_layer_min_chars`` non-space
characters → missing; a share of sane characters (Thai, printable ASCII, common
punctuation) among the non-space ones below ``config.text_layer_min_quality`` → garbage
(private-use glyph codes, Latin-1 mojibake of TIS-620, control codes). Such pages get
empty text and are listed in ``needs_ocr``. So is a scan carrying an earlier OCR's layer
(an image under text drawn invisible, as scanner software and PDF services write) when an
OCR engine can run and ``config.reocr_invisible_layers`` is on: such layers were measured
worse than this OCR on the real samples (their digits and codes; docs/ocr-fields.md);
without an engine the layer is kept. Text that shows on the page is never OCRed. Thai presentation forms from the Windows/Mac
private-use area (U+F700–U+F71A, U+F884–U+F89E: shifted marks of old Thai fonts) are
mapped back to the characters they stand for before judging. Line ends become LF;
control characters are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..config import Config
from ..errors import CorruptFileError, EmptyInputError
from ..models import Page
from ..ocr import OcrEngine, make_engine, run_pages, settings_from
from .base import MAGIC, PDF_MAGIC, SUFFIX, SourceResult, clean_page_text, sane_share, visible_count

# (standard character, Windows PUA, Mac PUA) for Thai glyph variants (as in HarfBuzz's Thai shaper)
_PUA_FORMS = (
    ("\u0e48", 0xF70A, 0xF88B),
    ("\u0e49", 0xF70B, 0xF88E),
    ("\u0e4a", 0xF70C, 0xF891),
    ("\u0e4b", 0xF70D, 0xF894),
    ("\u0e4c", 0xF70E, 0xF897),
    ("\u0e38", 0xF718, 0xF89B),
    ("\u0e39", 0xF719, 0xF89C),
    ("\u0e3a", 0xF71A, 0xF89D),  # shifted down
    ("\u0e48", 0xF705, 0xF88C),
    ("\u0e49", 0xF706, 0xF88F),
    ("\u0e4a", 0xF707, 0xF892),
    ("\u0e4b", 0xF708, 0xF895),
    ("\u0e4c", 0xF709, 0xF898),  # shifted down and left
    ("\u0e48", 0xF713, 0xF88A),
    ("\u0e49", 0xF714, 0xF88D),
    ("\u0e4a", 0xF715, 0xF890),
    ("\u0e4b", 0xF716, 0xF893),
    ("\u0e4c", 0xF717, 0xF896),
    ("\u0e31", 0xF710, 0xF884),
    ("\u0e34", 0xF701, 0xF885),
    ("\u0e35", 0xF702, 0xF886),
    ("\u0e36", 0xF703, 0xF887),
    ("\u0e37", 0xF704, 0xF888),
    ("\u0e47", 0xF712, 0xF889),
    ("\u0e4d", 0xF711, 0xF899),  # shifted left
    ("\u0e0d", 0xF70F, 0xF89A),
    ("\u0e10", 0xF700, 0xF89E),  # without descender
)
THAI_PUA = {pua: char for char, win, mac in _PUA_FORMS for pua in (win, mac)}
_PDFIUM_REASON = re.compile(r"\(PDFium: ([^)]*)\)")


def repair_thai_pua(text: str) -> str:
    return text.translate(THAI_PUA)


def judge_text_layer(text: str, config: Config) -> str | None:
    """Why this page's text layer cannot be used, or None when it can."""
    count = visible_count(text)
    if count < config.text_layer_min_chars:
        return f"no text layer ({count} characters)" if count else "no text layer"
    share = sane_share(text)
    if share < config.text_layer_min_quality:
        return f"text layer is garbage (only {share:.0%} Thai/Latin characters)"
    return None


def open_pdf(path: Path):
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        if getattr(e, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD or "password" in str(e).lower():
            raise CorruptFileError("password-protected", path=path) from e
        found = _PDFIUM_REASON.search(str(e))
        raise CorruptFileError(f"cannot be opened as PDF: {found.group(1) if found else e}", path=path) from e


def _page_text(page) -> str:
    textpage = page.get_textpage()
    try:
        return textpage.get_text_range()
    finally:
        textpage.close()


def earlier_ocr(page) -> bool:
    """The page is a scan with an earlier OCR's layer: an image under text that is all drawn
    invisible (text render mode 3, what OCR tools write so that the scan shows through)."""
    import pypdfium2.raw as pdfium_c

    images = texts = 0
    for obj in page.get_objects(max_depth=2):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images += 1
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
            if pdfium_c.FPDFTextObj_GetTextRenderMode(obj) != pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE:
                return False
            texts += 1
    return images > 0 and texts > 0


def read_layers(path: Path, find_earlier_ocr: bool = False) -> list[tuple[str, bool]]:
    """(raw text layer, carries an earlier OCR's layer) of every page, in one pass; the second
    is only looked at with ``find_earlier_ocr`` (documents and pages are closed again)."""
    import pypdfium2 as pdfium

    doc = open_pdf(path)
    try:
        out = []
        for index in range(len(doc)):
            try:
                page = doc[index]
            except pdfium.PdfiumError as e:
                raise CorruptFileError(f"page {index + 1} cannot be read: {e}", path=path) from e
            try:
                out.append((_page_text(page), find_earlier_ocr and earlier_ocr(page)))
            finally:
                page.close()
        return out
    finally:
        doc.close()


def read_text_layers(path: Path) -> list[str]:
    """Raw text layer of every page."""
    return [text for text, _ in read_layers(path)]


def result_method(needs_ocr: list[int], page_count: int) -> str:
    if not needs_ocr:
        return "text-layer"
    return "ocr" if len(needs_ocr) == page_count else "mixed"


class PdfSource:
    name = "pdf"

    def score(self, path: Path, head: bytes) -> int:
        if PDF_MAGIC in head[:1024]:
            return MAGIC
        return SUFFIX if path.suffix.lower() == ".pdf" else 0

    def __init__(self, engine: OcrEngine | None = None):
        self.engine = engine

    def read(self, path: Path, config: Config) -> SourceResult:
        engine = self.engine or make_engine(config)
        can_ocr = engine is not None and engine.available() is None
        # an earlier OCR's layer is read again only when this OCR can run; else it is kept
        layers = read_layers(path, find_earlier_ocr=can_ocr and config.reocr_invisible_layers)
        if not layers:
            raise EmptyInputError("the PDF has no pages", path=path)
        pages, needs_ocr, warnings = [], [], []
        for number, (raw, earlier) in enumerate(layers, 1):
            text = repair_thai_pua(raw.replace("\r\n", "\n"))
            reason = judge_text_layer(text, config)
            if not reason and earlier:
                reason = "text layer is an earlier OCR's (invisible text over a scan)"
            if reason:
                needs_ocr.append(number)
                warnings.append(f"page {number}: {reason}; needs OCR")
                text = ""
            pages.append(Page(number, clean_page_text(text), "text-layer"))
        result = SourceResult(
            pages=pages, method=result_method(needs_ocr, len(pages)), needs_ocr=needs_ocr, warnings=warnings
        )
        if needs_ocr and can_ocr:
            ocr_pages(path, result, engine, config)
        return result


def render_pages(path: Path, numbers: list[int], dpi: int) -> Iterator:
    """The given 1-based pages as greyscale PIL images, rendered one at a time."""
    doc = open_pdf(path)
    try:
        for number in numbers:
            page = doc[number - 1]
            try:
                bitmap = page.render(scale=dpi / 72, grayscale=True)
                image = bitmap.to_pil()
                bitmap.close()
            finally:
                page.close()
            yield image
    finally:
        doc.close()


def ocr_pages(path: Path, result: SourceResult, engine: OcrEngine, config: Config) -> None:
    """OCR the pages listed in ``result.needs_ocr`` in place; they leave that list."""
    numbers = result.needs_ocr
    images = render_pages(path, numbers, config.ocr_dpi)
    read = run_pages(images, engine, settings_from(config), workers=config.ocr_workers, path=str(path))
    for number, page in zip(numbers, read):
        result.pages[number - 1] = Page(number, clean_page_text(page.text), "ocr", page.confidence)
        result.ocr_words[number] = page.words
        result.warnings = [w.replace("; needs OCR", "; OCRed") if w.startswith(f"page {number}:") else w
                           for w in result.warnings]
        result.warnings.extend(f"page {number}: {w}" for w in page.warnings)
    result.needs_ocr = []
