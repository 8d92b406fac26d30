"""Reference numbers re-read whole from their glyphs.

After ``ที่`` and an agency code (``ที่ มท ๐๘๑๙.๒/ว ๕๗๑๒``) only a few glyphs can follow:
Thai digits, dots, one slash and the ว of a circular. Tesseract still damages such
numbers in ways the run-by-run digit re-read cannot mend: a digit read as letters
(``๐๐๒ดกา.! ๑๗/ว``), boxes overlapping so a glyph is read twice (``๐ส๘๑๙.๒/๒/ว``), a dot
lost. Here the units after the code are taken as one region, its glyphs cut out once and
read by shape (dots, slash) and by the digit classifier (ว is the one letter allowed,
after the slash); the reading replaces tesseract's only when it has the shape of a
reference number."""

from __future__ import annotations

import re
from functools import cache

import numpy as np

from ..agencies import latin_misread_codes, readable_codes
from .digits import (
    PAIR,
    THAI_DIGITS,
    DigitModel,
    _box,
    _ref,
    default_model,
    page_geometry,
    read_glyph,
    run_glyphs,
    slanted,
    split_slash,
    split_touching,
)
from .engine import OcrPage, Word, replace_spans

SHAPE = re.compile("[๐-๙]{2,6}(?:\\.[๐-๙]{1,4}){0,3}/(?:ว )?[๐-๙]{1,6}")
CIRCULAR = "ว"
TOKEN = re.compile(r"[^ \t\n]+")


@cache
def _code_label() -> re.Pattern[str]:
    """An agency code after ``ที่`` as written or as OCR damages it (a look-alike glyph, a
    letter read as Latin: ``ศ5``), or at a line start, before a digit."""
    codes = "|".join(sorted(readable_codes() | latin_misread_codes(), key=len, reverse=True))
    label = r"(?:ที่?|ท|[A-Za-z|!]{1,3})"
    return re.compile(rf"(?m)(?:^[ \t]*|(?:^|(?<=[ \t])){label}[ \t]*)(?:{codes})[ \t]*"
                      rf"(?=[๐-๙0-9]|{LATIN_NUMBER.pattern})")


# digits the English model took for Latin letters, with the number's dots or slash among
# them (``omee@.ao.a/๒๒๐`` for ``๐๓๐๑.๑๐.๑/๒๖๐``)
LATIN_NUMBER = re.compile(r"[A-Za-z@][A-Za-z0-9@]*[./]")


def _in_number(token: str, first: bool = False) -> bool:
    """A token that may belong to the number: it starts with a digit, ``.``, ``/`` or ว;
    the first may also be Latin letters up to a dot or slash."""
    return token[0] in THAI_DIGITS or token[0] in "./" or "0" <= token[0] <= "9" or \
        token.startswith(CIRCULAR) and len(token) <= 6 or first and bool(LATIN_NUMBER.match(token))


def number_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of each reference number after an agency code: the tokens
    on its line that look like part of a number, the first starting with a digit."""
    out = []
    for m in _code_label().finditer(text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        end, last = m.end(), False
        for t in TOKEN.finditer(text, m.end(), line_end):
            token = t.group()
            if not _in_number(token, first=end == m.end()):
                break
            end = t.end()
            if last:
                break
            if "/" in token:  # the running number is this token's tail or the next token
                if not token.endswith(("/", "/" + CIRCULAR)):
                    break
                last = True
        if end > m.end():
            out.append((m.end(), end))
    return out


def reference_regions(text: str, words: list[Word]) -> list[tuple[tuple[int, int], list[Word]]]:
    """Each reference number's span and the units inside it."""
    out = []
    for start, end in number_spans(text):
        units = [w for w in words if w.offset >= 0 and start <= w.offset < end]
        if units:
            out.append(((start, end), units))
    return out


def read_reference(glyphs: list[np.ndarray], model: DigitModel, height: float | None) -> str | None:
    """The number the glyphs spell, written ``๐๘๑๙.๒/ว ๕๗๑๒``, or None when they do not
    spell one."""
    if not glyphs:
        return None
    ref = _ref(glyphs, height)
    out = []
    for piece in (p for g in glyphs for p in split_touching(g, ref, model)):
        got = read_glyph(piece, ref, model)
        if got == "/" and not slanted(piece):
            got = None  # narrow and upright: the ว
        if got is None and out and out[-1] == "/":
            got = CIRCULAR + " "
        if (got is None or _box(piece)[1] > PAIR * ref) and "/" not in out:  # ๕/ inked as one reads ๙
            pair = split_slash(piece, ref, model)
            if pair:
                out.extend(pair)
                continue
        if got is None or got == "-":
            return None
        out.append(got)
    text = "".join(out)
    return text if SHAPE.fullmatch(text) else None


def reread_references(page: OcrPage, binary: np.ndarray, model: DigitModel | None = None) -> OcrPage:
    """``page`` with each reference number re-read whole from ``binary``."""
    model = model or default_model()
    if model is None:
        return page
    ink, height, bases = page_geometry(page, binary)
    new = {}
    for (start, end), region in reference_regions(page.text, page.words):
        glyphs = run_glyphs(ink, region, (True, True), height, base=bases.get(region[0].line))
        got = read_reference(glyphs, model, height)
        if got and got != page.text[start:end]:
            new[start] = (end, got)
    return replace_spans(page, new)
