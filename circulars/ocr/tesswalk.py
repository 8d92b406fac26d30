"""Tesseract's result read in one walk in layout order: text, units, boxes, confidences.

The C API's iterator is tesseract's ``ResultIterator``, which orders the words of each line
for bidirectional text: every ``Next(RIL_WORD)`` and ``IsAtBeginningOf`` works out the
order of the whole line again, so a walk over a page costs time in the square of its line
lengths (a Thai line has dozens of units), and so does ``GetUTF8Text``, which walks the
page the same way. Measured on the ten real samples' pages (one thread): the walk 1.45 s
and the page text 1.39 s, together about 7 % of the pipeline's CPU.

Thai and Latin run left to right, where that order is the layout order. So this walk
calls the base class's layout-order ``PageIterator::Next`` and ``IsAtBeginningOf``
directly (the library's exported C++ methods, through :mod:`ctypes`) and builds the page
text as ``TessBaseAPIGetUTF8Text`` does: each unit after its ``BlanksBeforeWord()``
spaces (one between units when ``preserve_interword_spaces`` is off; the ``tha`` model
turns it on), a line break after each line and one more after a paragraph, paragraphs of
image and rule blocks left out. A page with a right-to-left letter in it, or a library
without these methods, is read the C API's way (:func:`c_api_result`)."""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass
from functools import cache

from .engine import Word

RIL_BLOCK, RIL_PARA, RIL_TEXTLINE, RIL_WORD = 0, 1, 2, 3
# PolyBlockType of blocks whose text GetUTF8Text leaves out: images and rules
NOT_TEXT = frozenset({9, 10, 11, 12, 13})
RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")  # Hebrew, Arabic, Syriac, Thaana …
_P, _I = ctypes.c_void_p, ctypes.c_int
_METHODS = {  # name: (exported symbol, argument types, result type)
    "next": ("_ZN9tesseract12PageIterator4NextENS_17PageIteratorLevelE", [_P, _I], ctypes.c_bool),
    "starts": ("_ZNK9tesseract12PageIterator15IsAtBeginningOfENS_17PageIteratorLevelE", [_P, _I], ctypes.c_bool),
    "blanks": ("_ZNK9tesseract17LTRResultIterator16BlanksBeforeWordEv", [_P], _I),
}


@dataclass(frozen=True)
class LayoutMethods:
    next: ctypes._CFuncPtr
    starts: ctypes._CFuncPtr
    blanks: ctypes._CFuncPtr


@cache
def layout_methods(lib: ctypes.CDLL) -> LayoutMethods | None:
    """The iterator's layout-order C++ methods, or None when the library does not export them."""
    found = {}
    for name, (symbol, args, result) in _METHODS.items():
        try:
            fn = getattr(lib, symbol)
        except AttributeError:
            return None
        fn.argtypes, fn.restype = args, result
        found[name] = fn
    return LayoutMethods(**found)


def take_string(lib: ctypes.CDLL, pointer: int | None) -> str:
    """The text a C API call returned, freed."""
    if not pointer:
        return ""
    try:
        return ctypes.string_at(pointer).decode("utf-8", "replace")
    finally:
        lib.TessDeleteText(pointer)


def unit_word(lib: ctypes.CDLL, it: int, page: int, text: str, line: tuple[int, int, int]) -> Word | None:
    """The unit at the iterator with its box and confidence (0–1); None when it has no box."""
    box = [ctypes.c_int() for _ in range(4)]
    if not lib.TessPageIteratorBoundingBox(page, RIL_WORD, *(ctypes.byref(b) for b in box)):
        return None
    left, top, right, bottom = (b.value for b in box)
    conf = max(0.0, lib.TessResultIteratorConfidence(it, RIL_WORD)) / 100
    return Word(text, (left, top, right - left, bottom - top), round(conf, 4), line)


def _preserves_spaces(lib: ctypes.CDLL, api: int) -> bool:
    value = ctypes.c_int(0)
    lib.TessBaseAPIGetBoolVariable(api, b"preserve_interword_spaces", ctypes.byref(value))
    return bool(value.value)


def layout_result(lib: ctypes.CDLL, api: int, methods: LayoutMethods) -> tuple[str, list[Word]] | None:
    """(page text, units) of the recognised page in layout order; None when a unit holds a
    right-to-left letter (the bidirectional order may differ there)."""
    it = lib.TessBaseAPIGetIterator(api)
    if not it:
        return "", []
    preserve = _preserves_spaces(lib, api)
    page = lib.TessResultIteratorGetPageIterator(it)
    line_box = [ctypes.c_int() for _ in range(4)]
    line_refs = [ctypes.byref(b) for b in line_box]
    last_line: tuple[int, ...] = ()
    block = para = line = 0
    parts: list[str] = []
    words: list[Word] = []
    skip = False
    try:
        while True:
            pointer = lib.TessResultIteratorGetUTF8Text(it, RIL_WORD)
            if not pointer:  # an image block: no word here (nor in tesseract's TSV counts)
                if not methods.next(page, RIL_WORD):
                    break
                continue
            text = take_string(lib, pointer)
            if methods.starts(page, RIL_BLOCK):
                skip = lib.TessPageIteratorBlockType(page) in NOT_TEXT
            new_line = methods.starts(page, RIL_TEXTLINE)
            new_para = new_line and methods.starts(page, RIL_PARA)
            # numbered as read_words numbers them: a line whose box is its predecessor's (the
            # rule and image blocks' blank units) starts no line, paragraph or block
            lib.TessPageIteratorBoundingBox(page, RIL_TEXTLINE, *line_refs)
            this_line = tuple(b.value for b in line_box)
            if new_line and this_line != last_line:
                if methods.starts(page, RIL_BLOCK):
                    block, para, line = block + 1, 0, 0
                if new_para:
                    para, line = para + 1, 0
                line += 1
            last_line = this_line
            if RTL.search(text):
                return None
            if not skip:
                if new_line and parts:
                    parts.append("\n\n" if new_para else "\n")
                spaces = methods.blanks(page) if preserve else (0 if new_line else 1)
                parts.append(" " * spaces + text)
            if text.strip() and (word := unit_word(lib, it, page, text, (block, para, line))):
                words.append(word)
            if not methods.next(page, RIL_WORD):
                break
    finally:
        lib.TessResultIteratorDelete(it)
    return "".join(parts), words
