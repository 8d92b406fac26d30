"""Thai glyphs the English model took: re-read with the Thai model alone.

With ``tha+eng`` tesseract sometimes reads a short Thai word as Latin letters, mostly next
to Thai digits (``ที่ ขย ๐๕๑๘/ว`` came out ``ท UE ๐๕๑๘/ว``, ``วันที่`` as ``TUN``). Such
short Latin words standing among Thai on a line are cut out of the page, stacked into one
small image and read again with the Thai model alone: one extra tesseract run per page
that has any (about 0.1 s), none on other pages. A word is replaced only when the Thai
reading is Thai and the Latin one was not sure; English words in Thai letters (``OSS``,
``QR Code``, e-mail addresses) are read with high confidence and stay."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from .correct import NUMBER_SLASH
from .engine import OcrEngine, OcrPage, Word, replace_spans

# ``(os``, ``log’``, ``f).W.`` (ก.พ.) too; not ``‘oo``: a year the English model took, which
# the digit re-read mends better than the Thai model
SHORT_LATIN = re.compile(r"[(\[]?[A-Za-z][A-Za-z|.)]{0,4}[.:’']?")
# the office code of a reference number after its agency code, in either digits (``1003/2``)
OFFICE_CODE = re.compile(NUMBER_SLASH)
THAI = re.compile("[\u0e01-\u0e5b]")
THAI_DIGIT = re.compile("[๐-๙]")
UNSURE = 0.85  # a Latin word read at least this surely is kept
YEAR_UNSURE = 0.6  # after a day, a unit read less surely than this may be the year's digits
GAP = 1.5  # white space between stacked crops, in line heights


@dataclass(frozen=True)
class Slot:
    word: Word
    row: tuple[int, int]  # top and bottom of its crop in the stacked image


def _thai_neighbour(words: list[Word], i: int, suspects: frozenset[int] = frozenset()) -> bool:
    """The unit before or after ``words[i]`` on its line is Thai, or is itself a suspect
    (to be read as Thai)."""
    w = words[i]
    for j in (i - 1, i + 1):
        if 0 <= j < len(words) and words[j].line == w.line and words[j].offset >= 0 and \
                (j in suspects or THAI.search(words[j].text)):
            return True
    return False


def _digit_context(words: list[Word], i: int) -> bool:
    """``words[i]`` stands where Thai digits say a Thai word belongs: before a Thai digit
    (``JUN ๒๔ มิ.ย.`` for ``วันที่ ๒๔``), or after one with the year or the line end next
    (``๓ W.A. ๖๗`` for ``๓ พ.ค. ๖๗``, ``๑๔.๓๐ U.`` for ``๑๔.๓๐ น.``). There the English
    model reads Thai glyphs as Latin letters, and surely. So it does for an agency code
    before an office code and slash in Arabic digits (``ที่ Nw 1003/ว`` for ``ที่ กษ 1003/ว``)."""
    w = words[i]
    prev, nxt = (words[j] if 0 <= j < len(words) and words[j].line == w.line else None for j in (i - 1, i + 1))
    if nxt and (THAI_DIGIT.fullmatch(nxt.text[:1]) or OFFICE_CODE.match(nxt.text)):
        return True
    if not (prev and THAI_DIGIT.fullmatch(prev.text[-1:])):
        return False
    # the year may not be read as digits yet (the digit re-read comes later)
    return nxt is None or nxt.confidence < YEAR_UNSURE


def _beside(words: list[Word], i: int, found: frozenset[int]) -> bool:
    """The unit before or after ``words[i]`` on its line is already a suspect (``JUN on ม.ค.``
    for ``วันที่ ๓ ม.ค.``: the day read as ``on`` makes ``JUN`` one too)."""
    return any(j in found and words[j].line == words[i].line for j in (i - 1, i + 1))


def latin_in_thai(words: list[Word]) -> list[Word]:
    """Short Latin words whose neighbours on the line are Thai: those read unsurely, and
    any standing where Thai digits around it say it is Thai (:func:`_digit_context`)."""
    found: frozenset[int] = frozenset()
    while True:  # ``JUN low ม.ย.``: once ``low`` (๒๔) is a suspect, ``JUN`` (วันที่) has a Thai neighbour
        more = frozenset(i for i, w in enumerate(words)
                         if w.offset >= 0 and SHORT_LATIN.fullmatch(w.text) and _thai_neighbour(words, i, found)
                         and (w.confidence < UNSURE or _digit_context(words, i) or _beside(words, i, found)))
        if more == found:
            return [words[i] for i in sorted(found)]
        found = more


def line_height(words: list[Word]) -> int:
    """A typical height of a Thai unit on the page (the median box height)."""
    heights = sorted(w.box[3] for w in words if THAI.search(w.text))
    return heights[len(heights) // 2] if heights else 40


def stack_crops(binary: np.ndarray, words: list[Word], height: int) -> tuple[np.ndarray, list[Slot]]:
    """The words' crops (padded by a third of a line) one under another on white."""
    pad = height // 3
    crops, slots, y = [], [], 0
    gap = int(GAP * height)
    for w in words:
        left, top, width, h = w.box
        crop = binary[max(0, top - pad) : top + h + pad, max(0, left - pad) : left + width + pad]
        crops.append(crop)
        slots.append(Slot(w, (y + gap, y + gap + crop.shape[0])))
        y += gap + crop.shape[0]
    width = max(c.shape[1] for c in crops) + 2 * gap
    out = np.full((y + gap, width), 255, np.uint8)
    for crop, slot in zip(crops, slots, strict=True):
        out[slot.row[0] : slot.row[1], gap : gap + crop.shape[1]] = crop
    return out, slots


def row_texts(page: OcrPage, slots: list[Slot]) -> list[str]:
    """What was read inside each slot's row, units left to right."""
    out = []
    for slot in slots:
        units = sorted((w for w in page.words if slot.row[0] <= w.box[1] + w.box[3] / 2 < slot.row[1]),
                       key=lambda w: w.box[0])
        out.append("".join(w.text for w in units))
    return out


def reread_latin(page: OcrPage, binary: np.ndarray, engine: OcrEngine, languages: str = "tha") -> OcrPage:
    """``page`` with short Latin words among Thai re-read by ``languages`` (the Thai model)."""
    from PIL import Image

    suspects = latin_in_thai(page.words)
    if not suspects:
        return page
    image, slots = stack_crops(binary, suspects, line_height(page.words))
    reread = engine.recognize(Image.fromarray(image), languages=languages, psm=6)
    new = {}
    for slot, got in zip(slots, row_texts(reread, slots), strict=True):
        if got and THAI.search(got) and not re.search("[A-Za-z]", got):
            new[slot.word.offset] = (slot.word.offset + len(slot.word.text), got)
    return replace_spans(page, new)
